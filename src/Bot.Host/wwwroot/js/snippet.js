// Permalink page: highlight the code in place, and "Run again" as a new snippet whose parent is this one.
"use strict";

(function () {
  const article = document.getElementById("snippet");
  const codeBlock = document.querySelector("#code code");
  const status = document.getElementById("status");
  const button = document.getElementById("run-again");
  const id = article.dataset.id;

  // textContent reads the decoded text back, and render() writes it back as text nodes only.
  window.CodeCubeHighlight.render(codeBlock, codeBlock.textContent, document.getElementById("code").dataset.language);

  button.addEventListener("click", async function () {
    button.disabled = true;
    status.textContent = "Running…";
    try {
      const snippetResponse = await fetch("/api/v1/snippets/" + encodeURIComponent(id));
      if (!snippetResponse.ok) throw new Error("snippet " + snippetResponse.status);
      const snippet = await snippetResponse.json();
      const response = await fetch("/api/v1/run", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          language: snippet.language, code: snippet.code, stdin: snippet.stdin, args: snippet.args, parentId: id,
        }),
      });
      const body = await response.json();
      if (!response.ok) {
        status.textContent = (body.title || "Error") + ": " + (body.detail || response.status);
        return;
      }
      window.location.assign("/s/" + encodeURIComponent(body.id));
    } catch (e) {
      status.textContent = "Run again failed: " + e.message;
    } finally {
      button.disabled = false;
    }
  });
})();
