// The playground: CodeMirror editor, the server-rendered language picker with a filter, live output over SSE (fetch +
// ReadableStream, since EventSource cannot POST), and the program's state in the URL (?lang= and #code=).
import { fetchSnippet, permalinkPath, postRun, problemText } from "./api.js";
import { CodeEditor, packCode, unpackCode } from "../bundle/editor.js";
import { examples } from "../bundle/examples.js";
import { OutputView, problems, statusLine } from "./output.js";
import { stripAnsi } from "./ansi.js";
import { copyButton } from "./copy.js";

const form = document.getElementById("run-form");
const language = document.getElementById("language");
const search = document.getElementById("language-search");
const args = document.getElementById("args");
const stdin = document.getElementById("stdin");
const runButton = document.getElementById("run");
const status = document.getElementById("status");
const result = document.getElementById("result");
const problemList = document.getElementById("problems");
const permalinkLine = document.getElementById("permalink-line");
const permalink = document.getElementById("permalink");
const output = new OutputView(document.getElementById("output"));
const remembered = "codecube.language";
let parentId = null;

const editor = new CodeEditor(document.getElementById("editor"), {
  label: "Code", onRun: () => { if (!runButton.disabled) form.requestSubmit(); },
});

// Every option with the names the filter matches (id and aliases), read once from the page.
const languages = [...language.options].map((o) => ({ id: o.value, option: o, names: [o.value, ...o.dataset.aliases.split(" ").filter(Boolean)] }));

function matches(l, wanted) { return !wanted || l.names.some((n) => n.toLowerCase().includes(wanted)); }

// Hides what the filter does not match; the chosen language stays visible so the picker never shows a stranger.
function filterPicker(filter) {
  const wanted = (filter || "").trim().toLowerCase();
  for (const l of languages) l.option.hidden = !matches(l, wanted) && l.id !== language.value;
  for (const group of language.querySelectorAll("optgroup")) {
    group.hidden = [...group.children].every((o) => o.hidden);
  }
}

function known(id) { return languages.some((l) => l.id === id); }

async function chooseLanguage(id, withExample) {
  language.value = id;
  localStorage.setItem(remembered, id);
  if (withExample) {
    const example = examples[id] || { code: "", stdin: "" };
    editor.text = example.code;
    stdin.value = example.stdin;
  }
  await editor.setLanguage(id);
}

// The URL always describes what is on screen, so copying the address bar shares a half-written program.
let urlWrite = 0;
async function writeUrl() {
  const mine = ++urlWrite;
  form.dataset.urlSaved = "0";
  const packed = await packCode(editor.text);
  if (mine !== urlWrite) return;
  const url = new URL(window.location.href);
  url.searchParams.set("lang", language.value);
  url.searchParams.delete("from");
  url.hash = "code=" + packed;
  history.replaceState(null, "", url);
  form.dataset.urlSaved = "1";
}

function showResult(r) {
  result.textContent = statusLine(r);
  result.className = "result outcome-" + r.outcome;
  if (!r.id) {
    // Storage was away: the run happened, but there is no permalink to show.
    result.textContent += " · permalink could not be saved";
    return;
  }
  permalink.href = permalinkPath(r.id);
  permalink.textContent = r.permalink;
  permalinkLine.hidden = false;
  problemList.replaceChildren();
  for (const p of problems(stripAnsi(output.stderr))) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "problem";
    button.textContent = "Line " + p.line + ": " + p.text;
    button.addEventListener("click", () => editor.goToLine(p.line));
    const item = document.createElement("li");
    item.appendChild(button);
    problemList.appendChild(item);
  }
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
  if (name === "output") output.append(payload.stream, payload.text);
  else if (name === "result") showResult(payload);
  else if (name === "error") result.textContent = payload.title + ": " + payload.detail;
}

async function run(event) {
  event.preventDefault();
  runButton.disabled = true;
  status.textContent = "Running…";
  output.clear();
  result.textContent = "";
  result.className = "result";
  problemList.replaceChildren();
  permalinkLine.hidden = true;
  const body = { language: language.value, code: editor.text, stdin: stdin.value };
  const list = args.value.trim();
  if (list) body.args = list.split(/\s+/);
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

// Where the first screen comes from: ?from= (edit a snippet), else ?lang= and #code=, else the last language used
// (or python) with its example.
async function start() {
  const params = new URLSearchParams(window.location.search);
  const fallback = [params.get("lang"), localStorage.getItem(remembered), "python"].find((id) => id && known(id))
    || (languages[0] && languages[0].id);
  language.value = fallback;
  const from = params.get("from");
  const hash = new URLSearchParams(window.location.hash.slice(1)).get("code");
  if (from && /^[0-9A-Za-z]{10,32}$/.test(from)) {
    try {
      const snippet = await fetchSnippet(from);
      parentId = snippet.id;
      await chooseLanguage(known(snippet.language) ? snippet.language : fallback, false);
      editor.text = snippet.code;
      stdin.value = snippet.stdin;
      args.value = (snippet.args || []).join(" ");
      const link = document.getElementById("parent-link");
      link.href = permalinkPath(snippet.id);
      link.textContent = snippet.id;
      document.getElementById("parent-note").hidden = false;
    } catch (e) {
      await chooseLanguage(fallback, true);
    }
  } else if (hash) {
    await chooseLanguage(fallback, false);
    try {
      editor.text = await unpackCode(hash);
    } catch (e) {
      status.textContent = "The code in this link is damaged.";
    }
  } else {
    await chooseLanguage(fallback, true);
  }
  editor.onChange(writeUrl);
  form.dataset.ready = "1";
}

language.addEventListener("change", async () => {
  // A new language brings its example only when the editor holds nothing of the user's own.
  const untouched = editor.text.trim() === "" || Object.values(examples).some((e) => e.code === editor.text);
  await chooseLanguage(language.value, untouched);
  writeUrl();
});
search.addEventListener("input", () => filterPicker(search.value));
// Enter in the filter takes the first language it matches.
search.addEventListener("keydown", (event) => {
  if (event.key !== "Enter") return;
  event.preventDefault();
  const wanted = search.value.trim().toLowerCase();
  const match = languages.find((l) => matches(l, wanted));
  if (match) {
    language.value = match.id;
    language.dispatchEvent(new Event("change"));
  }
  editor.focus();
});
form.addEventListener("submit", run);
copyButton(document.getElementById("copy-code"), () => editor.text);
copyButton(document.getElementById("copy-output"), () => stripAnsi(output.raw));
start();
