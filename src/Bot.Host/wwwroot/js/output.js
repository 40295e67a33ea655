// Program output on a page: streams shown with their ANSI colours, the status line, and compile errors as buttons
// that jump to their line. Everything the program wrote goes in as text.
import { AnsiState, appendAnsi } from "./ansi.js";

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

// "completed · exit 0 · python 3.11.2 · 14 ms"; a kill names its limit in the server's own words
// ("timed out · killed after 10 s: still running · ..."), then whether output was cut or came from the cache.
export function statusLine(r) {
  const outcome = r.outcome.replace(/_/g, " ");
  const parts = [outcome];
  if (r.summary && r.summary !== outcome) parts.push(r.summary);
  parts.push(r.language + " " + r.version, r.wallMs + " ms");
  if (r.truncated && r.outcome !== "output_limit") parts.push("output truncated");
  if (r.cached) parts.push("from cache");
  if (r.detail && r.outcome !== "sandbox_error") parts.push(r.detail);
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
