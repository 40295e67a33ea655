// writeSync blocks while the pipe is full; process.stdout.write would queue the lines in memory instead.
const fs = require("fs");
const line = "x".repeat(1000) + "\n";
for (;;) fs.writeSync(1, line);
