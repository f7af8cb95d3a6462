#!/usr/bin/env node
// `npm run lint` step: no line of src, test, scripts or bin is wider than 120 characters. Biome's
// formatter keeps code within that width but never breaks a string, a comment or a regex: this does.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const LEBAR = 120;
const SUMBER = /\.(ts|js|mjs|cjs|py|sh)$/;
/** sample files kept as users send them (CSV, XLSX), not code */
const LEWATI = new Set([path.join('test', 'fixtures', 'data')]);

function* berkas(dir) {
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory() && !LEWATI.has(rel)) yield* berkas(rel);
    else if (e.isFile() && SUMBER.test(e.name)) yield rel;
  }
}

const lebar = [];
for (const dir of ['src', 'test', 'scripts', 'bin'])
  for (const rel of berkas(dir))
    fs.readFileSync(path.join(ROOT, rel), 'utf8')
      .split('\n')
      .forEach((baris, i) => {
        const n = [...baris].length;
        if (n > LEBAR) lebar.push(`${rel}:${i + 1}: ${n} karakter`);
      });
for (const l of lebar) console.error(l);
if (lebar.length) {
  console.error(`${lebar.length} baris lebih dari ${LEBAR} karakter (pecah string dengan +, bungkus komentar)`);
  process.exitCode = 1;
}
