import { readFileSync } from "fs";

const name: string = readFileSync(0, "utf8").split("\n")[0];
console.log(`Hello, ${name}! 6*7=${6 * 7}`);
process.exitCode = 3;
