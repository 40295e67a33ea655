local chunks = {}
while true do chunks[#chunks + 1] = string.rep("x", 16 * 1024 * 1024) end
