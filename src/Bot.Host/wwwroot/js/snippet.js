// Permalink page: highlight the code in place, and "Run again" as a new snippet whose parent is this one.
import { fetchSnippet, permalinkPath, postRun, problemText } from "./api.js";
import { render } from "./highlight.js";

const article = document.getElementById("snippet");
const codeBlock = document.querySelector("#code code");
const status = document.getElementById("status");
const button = document.getElementById("run-again");
const id = article.dataset.id;

// textContent reads the decoded text back, and render() writes it back as text nodes only.
render(codeBlock, codeBlock.textContent, document.getElementById("code").dataset.language);

button.addEventListener("click", async function () {
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
