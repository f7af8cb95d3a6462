#!/usr/bin/env node
// Benchmarks: `npm run bench -- impor` times the real binary importing 100,000 donors and
// 1,000,000 cash entries into fresh units, and prints the figures (targets: ≤ 2 s and ≤ 15 s).
// `npm run bench -- posting` times single postings (kas pindah dated today, kas keluar backdated a
// few days) on a 1,000,000-entry ledger against a 1,000-entry one: a posting must cost what it
// touches, not the ledger's age (target: at most 1.5× the small ledger's time).
// `npm run bench -- laporan` (scripts/bench/laporan.js): the quarterly workbook on 1,000,000 entries.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchLaporan } from './bench/laporan.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'wksbm.js');
const ENV = { ...process.env, WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1' };

function wksbm(db, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: ENV, maxBuffer: 1 << 30 });
  const detik = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`wksbm ${args.join(' ')} gagal (${r.status}): ${r.stderr}`);
  return { detik, out: r.stdout };
}

const hasil = [];
/** Records one measured figure against its target and prints LULUS (pass) or GAGAL (fail) with the margin. */
function nilai(nama, detik, target) {
  const lulus = detik <= target;
  hasil.push({ nama, detik, target, lulus });
  return (
    `${detik.toFixed(2)} s — target ≤ ${target} s: ${lulus ? 'LULUS' : 'GAGAL'} (${lulus ? 'sisa' : 'lebih'} ` +
    `${Math.abs(target - detik).toFixed(2)} s)`
  );
}

function unit(dir) {
  const db = path.join(dir, 'unit.sqlite');
  wksbm(db, ['init', '--nama', 'Bench', '--padukuhan', 'Jetis', '--kalurahan', 'Sumberagung', '--kapanewon', 'Jetis']);
  return db;
}

function donorCsv(file, n) {
  const baris = ['No;Nama Donatur;Alamat;No. HP;Jenis;Janji'];
  for (let i = 1; i <= n; i++)
    baris.push(
      `${i};Bpk. Donatur ${i};Jetis, RT ` +
        `${String(i % 20).padStart(2, '0')};0812${String(10_000_000 + i).padStart(8, '0')};${i % 3 ? 'Perorangan' : 'Lembaga'};${(i % 50) * 1000 + 5000}`,
    );
  fs.writeFileSync(file, '\ufeff' + baris.join('\r\n') + '\r\n');
}

function kasCsv(file, n) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar\n');
  let buf = [];
  for (let i = 0; i < n; i++) {
    const hari = (i % 28) + 1;
    const bulan = (Math.floor(i / 28) % 12) + 1;
    // ten years ending before the fixed today: an entry is never dated after today
    const tahun = 2016 + Math.floor(i / (28 * 12 * 300));
    const tgl = `${String(hari).padStart(2, '0')}/${String(bulan).padStart(2, '0')}/${tahun}`;
    buf.push(
      i % 4 === 3
        ? `${tgl},Beli alat tulis ${i},operasional,umum,,"5.000"`
        : `${tgl},Jimpitan ${i},jimpitan,umum,"${(i % 7) * 1000 + 10000}",`,
    );
    if (buf.length === 10_000) {
      fs.writeSync(out, buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) fs.writeSync(out, buf.join('\n') + '\n');
  fs.closeSync(out);
}

/** n cash rows (3 receipts to 1 payment, never below zero) spread evenly over the `hari` days up to `akhir`. */
function kasCsvSampai(file, n, akhir, hari) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar\n');
  const akhirMs = Date.parse(`${akhir}T00:00:00Z`);
  let buf = [];
  for (let i = 0; i < n; i++) {
    const tgl = new Date(akhirMs - Math.floor(((n - 1 - i) * hari) / n) * 86_400_000).toISOString().slice(0, 10);
    buf.push(
      i % 4 === 3
        ? `${tgl},Beli alat tulis ${i},operasional,umum,,"5.000"`
        : `${tgl},Jimpitan ${i},jimpitan,umum,"${(i % 7) * 1000 + 10000}",`,
    );
    if (buf.length === 10_000) {
      fs.writeSync(out, buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) fs.writeSync(out, buf.join('\n') + '\n');
  fs.closeSync(out);
}

const beban = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function benchPosting() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-bench-'));
  const hariIni = ENV.WKSBM_HARI_INI;
  const mundur = new Date(Date.parse(`${hariIni}T00:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10);
  try {
    console.log(`mesin: ${os.cpus().length} inti, Node ${process.version}; hari ini ${hariIni}`);
    // each ledger's entries run up to yesterday: ten years of days for the big one, a thousand days for the small one
    const kemarin = new Date(Date.parse(`${hariIni}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const buku = [];
    for (const [nama, n, hari] of [
      ['kecil', 1_000, 1_000],
      ['besar', 1_000_000, 3_650],
    ]) {
      fs.mkdirSync(path.join(dir, nama));
      const db = unit(path.join(dir, nama));
      wksbm(db, ['akun', 'tambah', 'bri', '--nama', 'BRI']);
      const csv = path.join(dir, `${nama}.csv`);
      kasCsvSampai(csv, n, kemarin, hari);
      const r = wksbm(db, ['kas', 'impor', csv, '--json']);
      if (JSON.parse(r.out).ditambah !== n)
        throw new Error(`${nama}: ditambah ${JSON.parse(r.out).ditambah}, bukan ${n}`);
      console.log(
        `buku ${nama}: ${n.toLocaleString('id-ID')} entri selama ${hari} hari, diimpor dalam ${r.detik.toFixed(2)} s`,
      );
      buku.push({ nama, n, db });
    }
    const perintah = [
      ['kas pindah (hari ini)', ['kas', 'pindah', '--jumlah', '1000', '--dari', 'tunai', '--ke', 'bri']],
      [
        `kas keluar (mundur ke ${mundur})`,
        ['kas', 'keluar', '--jumlah', '5000', '--jenis', 'operasional', '--tanggal', mundur],
      ],
    ];
    const ULANG = 7;
    console.log(
      `beban mesin sebelum posting: ${beban()}; ${ULANG} kali per perintah per buku, bergantian, median dipakai`,
    );
    for (const [label, args] of perintah) {
      const waktu = { kecil: [], besar: [] };
      for (let i = 0; i < ULANG; i++) for (const b of buku) waktu[b.nama].push(wksbm(b.db, args).detik);
      const [kecil, besar] = [median(waktu.kecil), median(waktu.besar)];
      const rasio = besar / kecil;
      const lulus = rasio <= 1.5;
      hasil.push({ nama: label, lulus });
      console.log(
        `${label}: 1.000 entri ${kecil.toFixed(3)} s, 1.000.000 entri ${besar.toFixed(3)} s — rasio ` +
          `${rasio.toFixed(2)}×, target ≤ 1.5×: ${lulus ? 'LULUS' : 'GAGAL'}`,
      );
      console.log(
        `  semua (s): kecil ${waktu.kecil.map((x) => x.toFixed(2)).join(' ')} | besar ` +
          `${waktu.besar.map((x) => x.toFixed(2)).join(' ')}`,
      );
    }
    console.log(`  (beban mesin sesudah: ${beban()})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function benchImpor() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-bench-'));
  try {
    console.log(`mesin: ${os.cpus().length} inti, Node ${process.version}`);
    fs.mkdirSync(path.join(dir, 'a'));
    const dDon = unit(path.join(dir, 'a'));
    const fDon = path.join(dir, 'donatur.csv');
    donorCsv(fDon, 100_000);
    const a = wksbm(dDon, ['impor', 'donatur', fDon, '--json']);
    const ra = JSON.parse(a.out);
    if (ra.ditambah !== 100_000) throw new Error(`donatur: ditambah ${ra.ditambah}, bukan 100000`);
    console.log(
      `donatur 100.000 baris (${(fs.statSync(fDon).size / 1e6).toFixed(1)} MB), ditambah ${ra.ditambah}: ` +
        `${nilai('donatur 100.000', a.detik, 2)}`,
    );
    const a2 = wksbm(dDon, ['impor', 'donatur', fDon, '--json']);
    console.log(`  impor ulang: ${a2.detik.toFixed(2)} s, sudah ada ${JSON.parse(a2.out).sudah_ada}`);

    fs.mkdirSync(path.join(dir, 'b'));
    const dKas = unit(path.join(dir, 'b'));
    const fKas = path.join(dir, 'kas.csv');
    kasCsv(fKas, 1_000_000);
    const b = wksbm(dKas, ['kas', 'impor', fKas, '--json']);
    const rb = JSON.parse(b.out);
    if (rb.ditambah !== 1_000_000)
      throw new Error(`kas: ditambah ${rb.ditambah}, ditolak ${rb.ditolak}, bukan 1000000`);
    console.log(
      `kas 1.000.000 baris (${(fs.statSync(fKas).size / 1e6).toFixed(1)} MB), ditambah ${rb.ditambah}: ` +
        `${nilai('kas 1.000.000', b.detik, 15)}`,
    );
    console.log(
      `  (beban mesin saat diukur: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')})`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const BENCH = { impor: benchImpor, posting: benchPosting, laporan: () => hasil.push(...benchLaporan()) };
console.log(
  `beban mesin sebelum: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (di atas ~1 berarti proses lain ikut memakai ${os.cpus().length} inti ini; angka jadi lebih lambat)`,
);
const dipilih = process.argv.slice(2).filter((a) => a !== '--');
for (const nama of dipilih.length ? dipilih : Object.keys(BENCH)) {
  const f = BENCH[nama];
  if (!f) {
    console.error(`bench tidak dikenal: ${nama} (ada: ${Object.keys(BENCH).join(', ')})`);
    process.exit(2);
  }
  f();
}
const gagal = hasil.filter((h) => !h.lulus);
console.log(gagal.length ? `GAGAL: ${gagal.map((h) => h.nama).join(', ')}` : `LULUS: semua ${hasil.length} target`);
process.exitCode = gagal.length ? 1 : 0;
