// writeSync blocks while the pipe is full; process.stdout.write would queue the lines in memory instead.
import { writeSync } from "fs";

const line: string = "x".repeat(1000) + "\n";
for (;;) writeSync(1, line);
