// ANSI colours in program output, as DOM nodes: text goes in with textContent, styles as class names from a fixed
// list (bold, italic, underline, 16 foreground and background colours). Every other escape sequence is dropped, so
// output can move neither the cursor nor into markup.
const sequence = /\x1b\[([0-9;]*)([@-~])/g;
const otherEscape = /\x1b(?:\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_]|$)/g;

export class AnsiState {
  constructor() { this.reset(); }

  reset() { this.bold = false; this.italic = false; this.underline = false; this.fg = null; this.bg = null; }

  apply(params) {
    const codes = params === "" ? [0] : params.split(";").map((p) => (p === "" ? 0 : Number(p)));
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === 0) this.reset();
      else if (c === 1) this.bold = true;
      else if (c === 3) this.italic = true;
      else if (c === 4) this.underline = true;
      else if (c === 22) this.bold = false;
      else if (c === 23) this.italic = false;
      else if (c === 24) this.underline = false;
      else if (c >= 30 && c <= 37) this.fg = c - 30;
      else if (c >= 90 && c <= 97) this.fg = c - 90 + 8;
      else if (c === 39) this.fg = null;
      else if (c >= 40 && c <= 47) this.bg = c - 40;
      else if (c >= 100 && c <= 107) this.bg = c - 100 + 8;
      else if (c === 49) this.bg = null;
      else if (c === 38 || c === 48) i += codes[i + 1] === 5 ? 2 : codes[i + 1] === 2 ? 4 : 0; // 256/true colour: skipped
    }
  }

  classes() {
    const list = [];
    if (this.bold) list.push("ansi-bold");
    if (this.italic) list.push("ansi-italic");
    if (this.underline) list.push("ansi-underline");
    if (this.fg !== null) list.push("ansi-fg" + this.fg);
    if (this.bg !== null) list.push("ansi-bg" + this.bg);
    return list;
  }
}

// Appends `text` to `target` as spans, carrying colour state across calls (a stream may split a sequence's effect
// over several chunks). `base` is the stream's own class (stdout/stderr).
export function appendAnsi(target, text, state, base) {
  let last = 0;
  let match;
  const put = (piece) => {
    const clean = piece.replace(otherEscape, "");
    if (clean.length === 0) return;
    const span = document.createElement("span");
    span.className = [base, ...state.classes()].join(" ");
    span.textContent = clean;
    target.appendChild(span);
  };
  sequence.lastIndex = 0;
  while ((match = sequence.exec(text)) !== null) {
    put(text.slice(last, match.index));
    if (match[2] === "m") state.apply(match[1]);
    last = sequence.lastIndex;
  }
  put(text.slice(last));
}

// Output without any escape codes, for copying.
export function stripAnsi(text) {
  return text.replace(sequence, "").replace(otherEscape, "");
}
