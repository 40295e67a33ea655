// Language id -> a loader for its CodeMirror mode. Each import() becomes its own chunk, so a page downloads only the
// mode it shows. A language without a mode of its own borrows its nearest relative's (vala reads as C#, raku as perl);
// ids without an entry (rexx, sed, jq, ada, nim, prolog, algol68, or unknown ones from a newer host) get a plain
// editor.
import { StreamLanguage } from "@codemirror/language";

const legacy = (load) => () => load().then((mode) => StreamLanguage.define(mode));

const loaders = {
  python: () => import("@codemirror/lang-python").then((m) => m.python()),
  javascript: () => import("@codemirror/lang-javascript").then((m) => m.javascript()),
  typescript: () => import("@codemirror/lang-javascript").then((m) => m.javascript({ typescript: true })),
  c: () => import("@codemirror/lang-cpp").then((m) => m.cpp()),
  cpp: () => import("@codemirror/lang-cpp").then((m) => m.cpp()),
  java: () => import("@codemirror/lang-java").then((m) => m.java()),
  rust: () => import("@codemirror/lang-rust").then((m) => m.rust()),
  go: () => import("@codemirror/lang-go").then((m) => m.go()),
  php: () => import("@codemirror/lang-php").then((m) => m.php({ plain: false })),
  bash: legacy(() => import("@codemirror/legacy-modes/mode/shell").then((m) => m.shell)),
  sh: legacy(() => import("@codemirror/legacy-modes/mode/shell").then((m) => m.shell)),
  zsh: legacy(() => import("@codemirror/legacy-modes/mode/shell").then((m) => m.shell)),
  ruby: legacy(() => import("@codemirror/legacy-modes/mode/ruby").then((m) => m.ruby)),
  perl: legacy(() => import("@codemirror/legacy-modes/mode/perl").then((m) => m.perl)),
  lua: legacy(() => import("@codemirror/legacy-modes/mode/lua").then((m) => m.lua)),
  r: legacy(() => import("@codemirror/legacy-modes/mode/r").then((m) => m.r)),
  haskell: legacy(() => import("@codemirror/legacy-modes/mode/haskell").then((m) => m.haskell)),
  csharp: legacy(() => import("@codemirror/legacy-modes/mode/clike").then((m) => m.csharp)),
  kotlin: legacy(() => import("@codemirror/legacy-modes/mode/clike").then((m) => m.kotlin)),
  scala: legacy(() => import("@codemirror/legacy-modes/mode/clike").then((m) => m.scala)),
  d: legacy(() => import("@codemirror/legacy-modes/mode/d").then((m) => m.d)),
  crystal: legacy(() => import("@codemirror/legacy-modes/mode/crystal").then((m) => m.crystal)),
  erlang: legacy(() => import("@codemirror/legacy-modes/mode/erlang").then((m) => m.erlang)),
  elixir: legacy(() => import("@codemirror/legacy-modes/mode/ruby").then((m) => m.ruby)),
  clojure: legacy(() => import("@codemirror/legacy-modes/mode/clojure").then((m) => m.clojure)),
  commonlisp: legacy(() => import("@codemirror/legacy-modes/mode/commonlisp").then((m) => m.commonLisp)),
  scheme: legacy(() => import("@codemirror/legacy-modes/mode/scheme").then((m) => m.scheme)),
  racket: legacy(() => import("@codemirror/legacy-modes/mode/scheme").then((m) => m.scheme)),
  ocaml: legacy(() => import("@codemirror/legacy-modes/mode/mllike").then((m) => m.oCaml)),
  fortran: legacy(() => import("@codemirror/legacy-modes/mode/fortran").then((m) => m.fortran)),
  pascal: legacy(() => import("@codemirror/legacy-modes/mode/pascal").then((m) => m.pascal)),
  cobol: legacy(() => import("@codemirror/legacy-modes/mode/cobol").then((m) => m.cobol)),
  tcl: legacy(() => import("@codemirror/legacy-modes/mode/tcl").then((m) => m.tcl)),
  groovy: legacy(() => import("@codemirror/legacy-modes/mode/groovy").then((m) => m.groovy)),
  octave: legacy(() => import("@codemirror/legacy-modes/mode/octave").then((m) => m.octave)),
  brainfuck: legacy(() => import("@codemirror/legacy-modes/mode/brainfuck").then((m) => m.brainfuck)),
  forth: legacy(() => import("@codemirror/legacy-modes/mode/forth").then((m) => m.forth)),
  coffeescript: legacy(() => import("@codemirror/legacy-modes/mode/coffeescript").then((m) => m.coffeeScript)),
  nasm: legacy(() => import("@codemirror/legacy-modes/mode/gas").then((m) => m.gas)),
  sqlite3: () => import("@codemirror/lang-sql").then((m) => m.sql({ dialect: m.SQLite })),
  "objective-c": legacy(() => import("@codemirror/legacy-modes/mode/clike").then((m) => m.objectiveC)),
  vala: legacy(() => import("@codemirror/legacy-modes/mode/clike").then((m) => m.csharp)),
  pike: legacy(() => import("@codemirror/legacy-modes/mode/clike").then((m) => m.c)),
  awk: legacy(() => import("@codemirror/legacy-modes/mode/clike").then((m) => m.c)),
  bc: legacy(() => import("@codemirror/legacy-modes/mode/clike").then((m) => m.c)),
  raku: legacy(() => import("@codemirror/legacy-modes/mode/perl").then((m) => m.perl)),
  sml: legacy(() => import("@codemirror/legacy-modes/mode/mllike").then((m) => m.sml)),
  "emacs-lisp": legacy(() => import("@codemirror/legacy-modes/mode/commonlisp").then((m) => m.commonLisp)),
  picolisp: legacy(() => import("@codemirror/legacy-modes/mode/commonlisp").then((m) => m.commonLisp)),
  newlisp: legacy(() => import("@codemirror/legacy-modes/mode/commonlisp").then((m) => m.commonLisp)),
  basic: legacy(() => import("@codemirror/legacy-modes/mode/vb").then((m) => m.vb)),
  verilog: legacy(() => import("@codemirror/legacy-modes/mode/verilog").then((m) => m.verilog)),
  haxe: legacy(() => import("@codemirror/legacy-modes/mode/haxe").then((m) => m.haxe)),
};

// The mode for a language id (an empty extension when there is none, or it fails to load).
export async function modeFor(id) {
  const load = loaders[(id || "").toLowerCase()];
  if (!load) return [];
  try {
    return await load();
  } catch (e) {
    return [];
  }
}
