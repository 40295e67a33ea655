# writeSync blocks while the pipe is full; process.stdout.write would queue the lines in memory instead.
fs = require 'fs'
line = 'x'.repeat(1000) + '\n'
loop
  fs.writeSync 1, line
