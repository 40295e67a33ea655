// Program output on a page: streams shown with their ANSI colours, the status line, and compile errors as buttons
// that jump to their line. Everything the program wrote goes in as text.
import { AnsiState, appendAnsi } from "./ansi.js";

const limits = {
  timed_out: "time limit hit",
  memory_limit: "memory limit hit",
  output_limit: "output limit hit",
  compile_error: "did not compile",
  sandbox_error: "the sandbox failed",
};

export class OutputView {
  constructor(pre) {
    this.pre = pre;
    this.states = { stdout: new AnsiState(), stderr: new AnsiState() };
    this.raw = "";
    this.stderr = "";
  }

  clear() {
    this.pre.replaceChildren();
    this.states = { stdout: new AnsiState(), stderr: new AnsiState() };
    this.raw = "";
    this.stderr = "";
  }

  append(stream, text) {
    const name = stream === "stderr" ? "stderr" : "stdout";
    appendAnsi(this.pre, text, this.states[name], name);
    this.raw += text;
    if (name === "stderr") this.stderr += text;
    this.pre.scrollTop = this.pre.scrollHeight;
  }
}

// "completed · exit 0 · python 3.11.2 · 14 ms" plus which limit was hit and whether output was cut.
export function statusLine(r) {
  const parts = [r.outcome.replace(/_/g, " ")];
  if (r.exitCode !== null && r.exitCode !== undefined) parts.push("exit " + r.exitCode);
  parts.push(r.language + " " + r.version, r.wallMs + " ms");
  if (limits[r.outcome]) parts.push(limits[r.outcome]);
  if (r.truncated) parts.push("output truncated");
  if (r.cached) parts.push("from cache");
  if (r.detail) parts.push(r.detail);
  return parts.join(" · ");
}

// Line numbers compilers and interpreters print: "main.c:3:5: error", "File "x.py", line 3", "--> src/main.rs:3:5".
const location = /(?:\.[A-Za-z0-9]+:(\d+)(?::\d+)?[:)]|\bline (\d+))/;

export function problems(stderr) {
  const found = [];
  for (const line of stderr.split("\n")) {
    const m = location.exec(line);
    if (m && found.length < 20) found.push({ line: Number(m[1] || m[2]), text: line.trim() });
  }
  return found;
}
