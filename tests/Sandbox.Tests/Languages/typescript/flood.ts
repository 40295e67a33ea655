// The naive flood: the node image makes stdout blocking, so this waits for the pipe instead of queueing in memory.
const line: string = "x".repeat(1000) + "\n";
for (;;) process.stdout.write(line);
