// Light syntax highlighting. Builds DOM nodes with textContent only, so code can never become markup.
const hashComment = /^(python|py|ruby|rb|bash|sh|shell|perl|pl|r|elixir|ex|julia|nim|crystal|powershell|tcl|awk|coffee)/;
const dashComment = /^(lua|haskell|hs|sql|ada|elm|purescript)/;
const keywords = new Set((
  "abstract and as assert async await auto bool boolean break case catch char class const constexpr continue " +
  "def default defer del do double elif else elsif end enum except export extends extern false final finally " +
  "float fn for foreach from func function global go goto if impl import in instanceof int interface is lambda " +
  "let local long loop match mod module mut namespace new nil nonlocal not null object of or package pass " +
  "private protected pub public raise readonly ref return self short signed sizeof static string struct super " +
  "switch template then this throw throws trait true try type typedef typeof union unless unsigned until use " +
  "using val var virtual void volatile when where while with yield None True False print puts println"
).split(" "));

function tokenizer(language) {
  const lang = (language || "").toLowerCase();
  const comment = hashComment.test(lang) ? "#[^\\n]*"
    : dashComment.test(lang) ? "--[^\\n]*"
    : "\\/\\/[^\\n]*|\\/\\*[\\s\\S]*?(?:\\*\\/|$)";
  return new RegExp(
    "(" + comment + ")" +
    "|(\"(?:\\\\[\\s\\S]|[^\"\\\\\\n])*\"?|'(?:\\\\[\\s\\S]|[^'\\\\\\n])*'?|`(?:\\\\[\\s\\S]|[^`\\\\])*`?)" +
    "|(\\b\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b|\\b0x[0-9a-fA-F]+\\b)" +
    "|([A-Za-z_][A-Za-z0-9_]*)",
    "g");
}

function span(cls, text) {
  const el = document.createElement("span");
  el.className = cls;
  el.textContent = text;
  return el;
}

// Replaces the children of `target` with highlighted `code`.
export function render(target, code, language) {
  const fragment = document.createDocumentFragment();
  const re = tokenizer(language);
  let last = 0;
  let match;
  while ((match = re.exec(code)) !== null) {
    if (match[0].length === 0) { re.lastIndex++; continue; }
    if (match.index > last) fragment.appendChild(document.createTextNode(code.slice(last, match.index)));
    if (match[1]) fragment.appendChild(span("tok-comment", match[1]));
    else if (match[2]) fragment.appendChild(span("tok-string", match[2]));
    else if (match[3]) fragment.appendChild(span("tok-number", match[3]));
    else if (keywords.has(match[4])) fragment.appendChild(span("tok-keyword", match[4]));
    else fragment.appendChild(document.createTextNode(match[4]));
    last = re.lastIndex;
  }
  if (last < code.length) fragment.appendChild(document.createTextNode(code.slice(last)));
  target.replaceChildren(fragment);
}
