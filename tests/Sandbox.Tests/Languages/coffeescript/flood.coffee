# The naive flood: the node image makes stdout blocking, so this waits for the pipe instead of queueing in memory.
line = 'x'.repeat(1000) + '\n'
loop
  process.stdout.write line
