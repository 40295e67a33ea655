// The playground: editor with Tab handling, live output over SSE (fetch + ReadableStream, since EventSource
// cannot POST), and the permalink once the run is stored. All output goes in with textContent.
import { fetchSnippet, permalinkPath, postRun, problemText } from "./api.js";
import { render } from "./highlight.js";

const form = document.getElementById("run-form");
const language = document.getElementById("language");
const code = document.getElementById("code");
const highlight = document.getElementById("code-highlight");
const stdin = document.getElementById("stdin");
const runButton = document.getElementById("run");
const status = document.getElementById("status");
const output = document.getElementById("output");
const result = document.getElementById("result");
const permalinkLine = document.getElementById("permalink-line");
const permalink = document.getElementById("permalink");
let parentId = null;

function refreshHighlight() {
  // A trailing newline would otherwise not get a line box in the <pre>, and the overlay would drift.
  render(highlight, code.value + "\n", language.value);
  syncScroll();
}

function syncScroll() {
  highlight.parentElement.scrollTop = code.scrollTop;
  highlight.parentElement.scrollLeft = code.scrollLeft;
}

code.addEventListener("keydown", function (event) {
  if (event.key !== "Tab" || event.ctrlKey || event.altKey || event.metaKey) return;
  // Shift+Tab and Tab with Escape pressed first keep the normal focus behaviour for keyboard users.
  if (event.shiftKey || code.dataset.escaped === "1") { code.dataset.escaped = ""; return; }
  event.preventDefault();
  const start = code.selectionStart;
  code.setRangeText("    ", start, code.selectionEnd, "end");
  refreshHighlight();
});
form.addEventListener("keydown", function (event) {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !runButton.disabled) {
    event.preventDefault();
    form.requestSubmit();
  }
});
code.addEventListener("keyup", function (event) {
  if (event.key === "Escape") code.dataset.escaped = "1";
});
code.addEventListener("input", refreshHighlight);
code.addEventListener("scroll", syncScroll);
language.addEventListener("change", refreshHighlight);

function append(stream, text) {
  const piece = document.createElement("span");
  piece.className = stream === "stderr" ? "stderr" : "stdout";
  piece.textContent = text;
  output.appendChild(piece);
  output.scrollTop = output.scrollHeight;
}

function showResult(r) {
  const exit = r.exitCode === null || r.exitCode === undefined ? "" : " (exit " + r.exitCode + ")";
  result.textContent = r.outcome + exit + " · " + r.language + " " + r.version + " · " + r.wallMs + " ms" +
    (r.truncated ? " · output truncated" : "") + (r.cached ? " · from cache" : "") +
    (r.detail ? " · " + r.detail : "");
  result.className = "result outcome-" + r.outcome;
  if (!r.id) {
    // Storage was away: the run happened, but there is no permalink to show.
    result.textContent += " · permalink could not be saved";
    return;
  }
  permalink.href = permalinkPath(r.id);
  permalink.textContent = r.permalink;
  permalinkLine.hidden = false;
}

function handleEvent(block) {
  let name = "message";
  const data = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) name = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  if (data.length === 0) return;
  const payload = JSON.parse(data.join("\n"));
  if (name === "output") append(payload.stream, payload.text);
  else if (name === "result") showResult(payload);
  else if (name === "error") result.textContent = payload.title + ": " + payload.detail;
}

async function run(event) {
  event.preventDefault();
  runButton.disabled = true;
  status.textContent = "Running…";
  output.replaceChildren();
  result.textContent = "";
  result.className = "result";
  permalinkLine.hidden = true;
  const body = { language: language.value, code: code.value, stdin: stdin.value };
  if (parentId) body.parentId = parentId;
  try {
    const response = await postRun(body, "text/event-stream");
    if (!response.ok) {
      result.textContent = await problemText(response);
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        handleEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (e) {
    result.textContent = "The connection failed: " + e.message;
  } finally {
    status.textContent = "";
    runButton.disabled = false;
  }
}

async function prefill() {
  const from = new URLSearchParams(window.location.search).get("from");
  if (!from || !/^[0-9A-Za-z]{10,32}$/.test(from)) return;
  let snippet;
  try {
    snippet = await fetchSnippet(from);
  } catch (e) {
    return;
  }
  parentId = snippet.id;
  if ([...language.options].some(o => o.value === snippet.language)) language.value = snippet.language;
  code.value = snippet.code;
  stdin.value = snippet.stdin;
  const link = document.getElementById("parent-link");
  link.href = permalinkPath(snippet.id);
  link.textContent = snippet.id;
  document.getElementById("parent-note").hidden = false;
  refreshHighlight();
}

form.addEventListener("submit", run);
refreshHighlight();
prefill();
