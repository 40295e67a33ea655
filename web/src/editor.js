// The editor the playground and the snippet pages use: CodeMirror 6 with line numbers, bracket matching,
// Tab/Shift-Tab indenting (Escape then Tab leaves the editor, CodeMirror's own rule), and Ctrl/Cmd+Enter to run.
// The language mode is swapped in through a compartment once its chunk has loaded.
import { basicSetup } from "codemirror";
import { Compartment, EditorState, StateEffect } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit, syntaxHighlighting } from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";
import { modeFor } from "./modes.js";

// The page's CSP admits only <style> elements carrying this response's nonce (SecurityHeaders); CodeMirror stamps its
// own with it. The nonce sits in a meta tag's nonce attribute, readable only through the element's property.
const nonce = document.querySelector('meta[name="csp-nonce"]')?.nonce || "";

export class CodeEditor {
  constructor(parent, { doc = "", label = "Code", readOnly = false, onRun = null } = {}) {
    this.language = new Compartment();
    this.wanted = null;
    const runKeys = onRun ? [{ key: "Mod-Enter", run: () => { onRun(); return true; } }] : [];
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc,
        extensions: [
          EditorView.cspNonce.of(nonce),
          keymap.of(runKeys),
          basicSetup,
          // Token classes (tok-keyword, ...) so site.css colours code for light and dark themes alike.
          syntaxHighlighting(classHighlighter),
          keymap.of([indentWithTab]),
          // Four spaces whatever the mode: what most of our languages' style guides ask, and never a tab surprise.
          indentUnit.of("    "),
          this.language.of([]),
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.contentAttributes.of({ "aria-label": label }),
        ],
      }),
    });
  }

  get text() { return this.view.state.doc.toString(); }

  set text(value) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: value } });
  }

  onChange(listener) {
    this.view.dispatch({
      effects: StateEffect.appendConfig.of(EditorView.updateListener.of((u) => { if (u.docChanged) listener(); })),
    });
  }

  // Loads the mode on demand; a later call wins over an earlier one still loading.
  async setLanguage(id) {
    this.wanted = id;
    const mode = await modeFor(id);
    if (this.wanted === id) this.view.dispatch({ effects: this.language.reconfigure(mode) });
  }

  // Puts the cursor at the start of a 1-based line and shows it (compile errors link here).
  goToLine(line) {
    const doc = this.view.state.doc;
    const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
    this.view.dispatch({ selection: { anchor: target.from }, scrollIntoView: true });
    this.view.focus();
  }

  focus() { this.view.focus(); }
}

// URL state: the code travels in the fragment, deflated and base64url-encoded, so it never reaches the server log.
export async function packCode(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function unpackCode(packed) {
  const binary = atob(packed.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).text();
}
