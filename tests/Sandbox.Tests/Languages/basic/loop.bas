do
  i = mod(i + 1, 1000)
loop
