// Bundles src/editor.js (and one chunk per language mode, loaded with import()) into the host's wwwroot/bundle.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const outdir = fileURLToPath(new URL("../src/Bot.Host/wwwroot/bundle", import.meta.url));
const result = await build({
  entryPoints: { editor: fileURLToPath(new URL("src/editor.js", import.meta.url)) },
  bundle: true,
  splitting: true,
  format: "esm",
  target: "es2022",
  minify: true,
  outdir,
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "linked",
  metafile: true,
  logLevel: "warning",
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
const entry = result.metafile.outputs[Object.keys(result.metafile.outputs).find((k) => k.endsWith("bundle/editor.js"))];
console.log(`web bundle: editor.js ${(entry.bytes / 1024).toFixed(0)} KiB, all chunks ${(bytes / 1024).toFixed(0)} KiB`);
