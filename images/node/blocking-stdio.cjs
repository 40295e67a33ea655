// Preloaded into every Node process of this image (NODE_OPTIONS=--require, see the Dockerfile). On Linux Node writes
// to a pipe without blocking: when the reader falls behind, process.stdout.write and console.log keep the rest in
// the JS heap, so a flood could reach the memory limit before the output limit. Blocking writes make the program
// wait for the pipe instead, as a C program would. Files and terminals are synchronous already and have no
// setBlocking; nothing else about the program changes.
"use strict";
for (const stream of [process.stdout, process.stderr]) {
  stream._handle?.setBlocking?.(true);
}
