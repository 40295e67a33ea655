var i = 0
while true:
  i = (i + 1) mod 1000
