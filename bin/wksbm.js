#!/usr/bin/env node
// Loads as little as the command needs (reading and compiling code is most of a command's start):
// `--version` alone is answered from dist/bundle/awal.js; a known command runs the bundle of its own
// command module (dist/bundle/perintah.json); help and anything else run the whole program.
import fs from 'node:fs';

const { VERSION, firstCommand, mintaVersi } = await import('../dist/bundle/awal.js');
const argv = process.argv;
if (mintaVersi(argv)) process.stdout.write(`${VERSION}\n`);
else {
  const peta = JSON.parse(fs.readFileSync(new URL('../dist/bundle/perintah.json', import.meta.url), 'utf8'));
  const nama = firstCommand(argv.slice(2));
  const berkas = nama !== undefined && Object.hasOwn(peta, nama) ? peta[nama] : 'main.js';
  const { main } = await import(`../dist/bundle/${berkas}`);
  process.exitCode = await main(argv);
}
