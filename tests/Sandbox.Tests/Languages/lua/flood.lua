local line = string.rep("x", 1000)
while true do print(line) end
