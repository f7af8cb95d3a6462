#!/usr/bin/env node
// Loads as little as the command needs (reading and compiling code is most of a command's start):
// `--version` alone is answered from dist/bundle/awal.js; a known command runs the bundle of its own
// command module (dist/bundle/perintah.json), help and anything else the whole program, each through
// the code cache of src/cli/muat.ts.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const { VERSION, firstCommand, mintaVersi, jalankanBundel } = await import('../dist/bundle/awal.js');
const argv = process.argv;
if (mintaVersi(argv)) process.stdout.write(`${VERSION}\n`);
else {
  const folder = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
  const peta = JSON.parse(fs.readFileSync(`${folder}perintah.json`, 'utf8'));
  const nama = firstCommand(argv.slice(2));
  const berkas = nama !== undefined && Object.hasOwn(peta, nama) ? peta[nama] : 'main.cjs';
  process.exitCode = await jalankanBundel(`${folder}${berkas}`, argv);
}
