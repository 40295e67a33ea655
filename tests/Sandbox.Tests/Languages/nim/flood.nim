import strutils

let line = repeat('x', 1000)
while true:
  echo line
