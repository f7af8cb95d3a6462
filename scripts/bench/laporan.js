#!/usr/bin/env node
// `npm run bench -- laporan`: the quarterly workbook (`laporan triwulan -o x.xlsx`) on a 1,000,000-entry
// ledger, timed at two quarter lengths (about 16 k and 64 k entries) to show that peak memory does not
// grow with the quarter. Targets (#12): ≤ 4 s CPU and ≤ 300 MiB peak RSS for the long quarter; the long
// quarter's peak at most 1.25× the short one's. The ledger is built once with `kas impor` and kept under
// the temp folder (wksbm-bench-laporan/), so a second run measures at once. Self-contained on purpose.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ringkas, target } from './alat.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'wksbm.js');
const ENV = { ...process.env, WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1' };
const CACHE = path.join(os.tmpdir(), 'wksbm-bench-laporan');
const VERSI_BUKU = 1; // bump when the generated ledger changes
// the cached ledger is kept per schema: one built by another version of the program (whose migrations
// differ) is not opened by this one
const SKEMA = createHash('sha256')
  .update(fs.readFileSync(path.join(ROOT, 'schema', 'schema.sql')))
  .digest('hex')
  .slice(0, 8);
const TOTAL = 1_000_000;
// entries per quarter, oldest first: 2022 Q4 … 2026 Q3; 2026 Q2 is the short quarter, 2026 Q3 the long one
const PENDEK = 16_000;
const PANJANG = 64_000;
const LAIN = 14;
const PER_KUARTAL = [...Array(LAIN).fill(Math.floor((TOTAL - PENDEK - PANJANG) / LAIN)), PENDEK, PANJANG];
PER_KUARTAL[0] += TOTAL - PER_KUARTAL.reduce((a, b) => a + b, 0);
const TARGET = { cpu: 4, rssMiB: 300, tumbuh: 1.25 };

const beban = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** Runs the real binary under /usr/bin/time: wall and CPU seconds, peak RSS in MiB. */
function ukur(db, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, BIN, '--db', db, ...args], {
    encoding: 'utf8',
    env: ENV,
    maxBuffer: 1 << 30,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`wksbm ${args.join(' ')} gagal (${r.status}): ${r.stderr}`);
  const [u, s, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, cpu: u + s, rssMiB: kb / 1024, out: r.stdout };
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Quarter q (0 = 2022 Q4): its first day and its length in days. */
function kuartal(q) {
  const bulan = 9 + q * 3; // months since 2022-01
  const awal = Date.UTC(2022 + Math.floor(bulan / 12), bulan % 12, 1);
  const akhir = Date.UTC(2022 + Math.floor((bulan + 3) / 12), (bulan + 3) % 12, 1);
  return { awal, hari: Math.round((akhir - awal) / 86_400_000) };
}

/** Receipts from several sources into umum, zakat and kematian, payments of several kinds, two accounts. */
function barisCsv(i, tgl) {
  const akun = i % 5 === 0 ? 'bri' : 'tunai';
  switch (i % 8) {
    case 3:
      return `${tgl},Beli alat tulis ${i},operasional,umum,${akun},,"5.000"`;
    case 5:
      return `${tgl},Zakat maal ${i},zakat,zakat,${akun},"${(i % 5) * 10000 + 50000}",`;
    case 6:
      return `${tgl},Iuran kematian ${i},iuran_kematian,kematian,${akun},"${(i % 3) * 1000 + 5000}",`;
    case 7:
      return `${tgl},Konsumsi rapat ${i},kegiatan,umum,${akun},,"7.500"`;
    default:
      return `${tgl},Jimpitan RT ${i % 20},jimpitan,umum,${akun},"${(i % 7) * 1000 + 10000}",`;
  }
}

function tulisCsv(file) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Tanggal,Uraian,Sumber/Jenis,Dana,Akun,Masuk,Keluar\n');
  let i = 0;
  for (const [q, n] of PER_KUARTAL.entries()) {
    const { awal, hari } = kuartal(q);
    let buf = [];
    for (let j = 0; j < n; j++, i++) {
      buf.push(barisCsv(i, iso(awal + Math.floor((j * hari) / n) * 86_400_000)));
      if (buf.length === 10_000) {
        fs.writeSync(out, `${buf.join('\n')}\n`);
        buf = [];
      }
    }
    if (buf.length) fs.writeSync(out, `${buf.join('\n')}\n`);
  }
  fs.closeSync(out);
}

function jalankan(db, args) {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: ENV, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`wksbm ${args.join(' ')} gagal (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** The cached 1M-entry unit, built on first use (a few minutes on a loaded machine). */
function bukuBesar() {
  const db = path.join(CACHE, `unit-v${VERSI_BUKU}-${SKEMA}.sqlite`);
  const siap = `${db}.siap`;
  if (fs.existsSync(siap) && fs.existsSync(db)) return db;
  fs.mkdirSync(CACHE, { recursive: true });
  for (const f of [db, siap, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  const t0 = Date.now();
  jalankan(db, [
    'init',
    '--nama',
    'Bench',
    '--padukuhan',
    'Jetis',
    '--kalurahan',
    'Sumberagung',
    '--kapanewon',
    'Jetis',
  ]);
  jalankan(db, ['akun', 'tambah', 'bri', '--nama', 'BRI']);
  const csv = path.join(CACHE, 'kas.csv');
  tulisCsv(csv);
  const r = JSON.parse(jalankan(db, ['kas', 'impor', csv, '--json']));
  fs.rmSync(csv, { force: true });
  if (r.ditambah !== TOTAL) throw new Error(`kas impor: ditambah ${r.ditambah}, ditolak ${r.ditolak}, bukan ${TOTAL}`);
  fs.writeFileSync(siap, new Date().toISOString());
  console.log(`buku 1.000.000 entri dibuat dalam ${((Date.now() - t0) / 1000).toFixed(1)} s (disimpan di ${CACHE})`);
  return db;
}

export function benchLaporan() {
  const db = bukuBesar();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-bench-laporan-'));
  try {
    console.log(`mesin: ${os.cpus().length} inti, Node ${process.version}; beban sebelum: ${beban()}`);
    const ukuran = {};
    for (const [nama, tw, n] of [
      ['pendek', '2', PENDEK],
      ['panjang', '3', PANJANG],
    ]) {
      const keluar = path.join(dir, `tw${tw}.xlsx`);
      const args = ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', tw, '-o', keluar];
      ukur(db, args); // warm the page cache
      const kali = [ukur(db, args), ukur(db, args), ukur(db, args)];
      const m = [...kali].sort((a, b) => a.cpu - b.cpu)[1];
      const rss = Math.max(...kali.map((k) => k.rssMiB));
      ukuran[nama] = { ...m, rss };
      console.log(
        `laporan triwulan -o, TW ${tw}/2026 (${n.toLocaleString('id-ID')} entri di triwulan): ` +
          `${m.cpu.toFixed(2)} s CPU (median dari 3), ${m.wall.toFixed(2)} s wall, puncak RSS ${rss.toFixed(0)} MiB; ` +
          `berkas ${(fs.statSync(keluar).size / 1e6).toFixed(1)} MB`,
      );
    }
    const p = ukuran.panjang;
    const rasio = p.rss / ukuran.pendek.rss;
    target('laporan -o, triwulan panjang: CPU', p.cpu, TARGET.cpu, 's');
    target('laporan -o, triwulan panjang: puncak RSS', p.rss, TARGET.rssMiB, 'MiB');
    target('laporan -o: RSS panjang/pendek (tidak tumbuh)', rasio, TARGET.tumbuh, '×');
    console.log(`  (beban mesin sesudah: ${beban()})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- laporan`, or `node scripts/bench/laporan.js` on its own. */
export default function laporan() {
  benchLaporan();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  benchLaporan();
  process.exitCode = ringkas();
}
