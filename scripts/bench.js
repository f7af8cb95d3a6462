#!/usr/bin/env node
// Benchmarks of the real binary: `npm run bench -- [nama…] [--penuh] [--kecil]`. Each bench is one module under
// scripts/bench/ (a default export given a scratch folder); scripts/bench/alat.js times, reads the
// machine's load and prints each target LULUS/GAGAL. Without names: start-up and growth at small sizes
// (a few minutes); `--penuh` runs growth at 100 k → 1 M; `--kecil` runs impor at a tenth of its size, without
// targets (to see that it runs). Exit code 1 when a target fails.
//   mulai    start-up: --version and kas saldo (100 k entries) against `node -e 0`
//   tumbuh   every report command on a ledger 10× older, same quarter and year
//   sejuta   laporan --json, periksa, cetak kas at 1 M entries; hledger/ledger side by side
//   posting  one posting on 1 M entries against 1 k
//   impor    100 k donors ≤ 1.5 s, 1 M cash rows ≤ 10 s and ≤ 300 MiB; WKSBM_BANDING=<another built tree>
//            times that tree's binary on the same files in the same run
//   laporan  the quarterly workbook on 1 M entries: ≤ 4 s CPU, ≤ 300 MiB, memory not growing with the quarter
//   rekap    1,000 unit workbooks with the list of units and the flat CSV ≤ 30 s; peak memory at 100 and 1,000
import os from 'node:os';
import { beban, denganFolder, ringkas } from './bench/alat.js';

const BENCH = {
  mulai: () => import('./bench/mulai.js'),
  tumbuh: () => import('./bench/tumbuh.js'),
  sejuta: () => import('./bench/sejuta.js'),
  posting: () => import('./bench/posting.js'),
  impor: () => import('./bench/impor.js'),
  rekap: () => import('./bench/rekap.js'),
  laporan: () => import('./bench/laporan.js'),
};
const BAWAAN = ['mulai', 'tumbuh'];

const args = process.argv.slice(2).filter((a) => a !== '--');
const penuh = args.includes('--penuh');
const kecil = args.includes('--kecil');
const dipilih = args.filter((a) => a !== '--penuh' && a !== '--kecil');
const salah = dipilih.filter((n) => !BENCH[n]);
if (salah.length) {
  console.error(`bench tidak dikenal: ${salah.join(', ')} (ada: ${Object.keys(BENCH).join(', ')})`);
  process.exit(2);
}
console.log(
  `mesin: ${os.cpus().length} inti, Node ${process.version}; beban sebelum: ${beban()} ` +
    `(di atas ~${os.cpus().length} berarti proses lain berebut inti: angka dinding jadi lebih lambat)`,
);
for (const nama of dipilih.length ? dipilih : BAWAAN) {
  const { default: jalan } = await BENCH[nama]();
  console.log(`\n== ${nama} ==`);
  await denganFolder((dir) => jalan({ dir, penuh, kecil }));
}
process.exitCode = ringkas();
