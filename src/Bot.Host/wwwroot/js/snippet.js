// Permalink and embed pages: the code in a read-only editor, output with its ANSI colours, copy buttons, and
// "Run again" as a new snippet whose parent is this one.
import { fetchSnippet, permalinkPath, postRun, problemText } from "./api.js";
import { CodeEditor } from "../bundle/editor.js";
import { AnsiState, appendAnsi, stripAnsi } from "./ansi.js";
import { copyButton } from "./copy.js";

const article = document.getElementById("snippet");
const codeBlock = document.getElementById("code");
const id = article.dataset.id;

// The server rendered everything as text; read it back and show it richer.
const code = codeBlock.textContent;
const view = new CodeEditor(document.getElementById("code-view"), { doc: code, label: "Code", readOnly: true });
view.setLanguage(codeBlock.dataset.language);
codeBlock.hidden = true;
for (const stream of ["stdout", "stderr"]) {
  const pre = document.getElementById(stream);
  if (!pre) continue;
  const text = pre.textContent;
  pre.replaceChildren();
  appendAnsi(pre, text, new AnsiState(), stream);
}

const copyCode = document.getElementById("copy-code");
if (copyCode) copyButton(copyCode, () => code);
const copyOutput = document.getElementById("copy-output");
if (copyOutput) copyButton(copyOutput, () => stripAnsi(document.getElementById("stdout").textContent));

const button = document.getElementById("run-again");
const status = document.getElementById("status");
if (button) button.addEventListener("click", async function () {
  button.disabled = true;
  status.textContent = "Running…";
  try {
    const snippet = await fetchSnippet(id);
    const response = await postRun({
      language: snippet.language, code: snippet.code, stdin: snippet.stdin, args: snippet.args, parentId: id,
    });
    if (!response.ok) {
      status.textContent = await problemText(response);
      return;
    }
    const body = await response.json();
    window.location.assign(permalinkPath(body.id));
  } catch (e) {
    status.textContent = "Run again failed: " + e.message;
  } finally {
    button.disabled = false;
  }
});
