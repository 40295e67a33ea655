line = copies('x', 1000)
do forever
  say line
end
