// A "Copy" button that says, in its own label, whether it worked (screen readers hear it through aria-live).
export function copyButton(button, text) {
  const label = button.textContent;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text());
      button.textContent = "Copied";
      // How many copies have landed: the label changes back, this stays (tests wait on it).
      button.dataset.copied = String(Number(button.dataset.copied || 0) + 1);
    } catch (e) {
      button.textContent = "Copy failed";
    }
    setTimeout(() => { button.textContent = label; }, 1500);
  });
}
