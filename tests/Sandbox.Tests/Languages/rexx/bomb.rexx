i = 0
do forever
  i = i + 1
  chunk.i = copies('x', 16000000)
end
