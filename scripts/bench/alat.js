// Shared by every bench: running the real binary timed (wall, CPU, peak memory), the machine's load,
// and the one list of targets that ends as LULUS/GAGAL per line and in the exit code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'wksbm.js');
export const HARI_INI = '2026-11-22';
export const ENV = { ...process.env, WKSBM_HARI_INI: HARI_INI, NO_COLOR: '1' };
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
// bash's `times` gives a child's CPU to the millisecond; GNU time prints user and sys to 10 ms each, which on a
// 0.15 s command (the start-up and growth lines) is up to 13 % off a run
const BASH = fs.existsSync('/bin/bash') ? '/bin/bash' : null;
const DENGAN_TIMES = 'exec 3>"$0"; "$@"; s=$?; times >&3; exit $s';

/** CPU seconds of the child from bash's `times` (its second line: children's user and sys, `0m0.541s 0m0.024s`). */
function cpuTimes(teks) {
  const detik = (t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  };
  const [u, s] = (teks.trim().split('\n')[1] ?? '').trim().split(/\s+/);
  return detik(u) + detik(s);
}

export const beban = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const rupiahId = (n) => n.toLocaleString('id-ID');

/**
 * Runs a program timed: wall seconds, CPU seconds (user + sys) and peak RSS in MiB (from /usr/bin/time
 * where installed; CPU and memory are null without it).
 */
export function jalankan(cmd, args, opts = {}) {
  const ukur = TIME ? path.join(os.tmpdir(), `wksbm-bench-time-${process.pid}`) : null;
  const kali = ukur && BASH ? `${ukur}.times` : null;
  const perintah = kali ? [BASH, '-c', DENGAN_TIMES, kali, cmd, ...args] : [cmd, ...args];
  const [prog, argv] = ukur ? [TIME, ['-f', '%U %S %M', '-o', ukur, ...perintah]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(prog, argv, { encoding: 'utf8', env: ENV, maxBuffer: 1 << 30, ...opts });
  const detik = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} gagal (${r.status}): ${r.stderr}`);
  let cpu = null;
  let mib = null;
  if (ukur) {
    const [u, s, kb] = fs.readFileSync(ukur, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    fs.rmSync(ukur, { force: true });
    cpu = u + s;
    mib = kb / 1024;
  }
  if (kali) {
    const tepat = cpuTimes(fs.readFileSync(kali, 'utf8'));
    fs.rmSync(kali, { force: true });
    if (Number.isFinite(tepat)) cpu = tepat;
  }
  return { detik, cpu, mib, out: r.stdout };
}

/** The real binary on one unit file: this tree's, or `bin` (another built tree's, for a comparison). */
export const wksbm = (db, args, bin = BIN) => jalankan(process.execPath, [bin, ...(db ? ['--db', db] : []), ...args]);

/** A run's CPU time and peak memory, where /usr/bin/time measured them. */
export const cpuMib = (r) =>
  r.cpu === null ? 'CPU dan memori tidak diukur' : `CPU ${r.cpu.toFixed(2)} s, ${r.mib.toFixed(0)} MiB`;
/** One run's figures for a line: wall time, then CPU time and peak memory. */
export const angka = (r) => `${r.detik.toFixed(2)} s, ${cpuMib(r)}`;

/** The median run of `n` (by wall time), so one hiccup of a loaded machine does not decide a target. */
export function terbaik(n, f) {
  const runs = Array.from({ length: n }, f).sort((a, b) => a.detik - b.detik);
  return runs[Math.floor(runs.length / 2)];
}

const hasil = [];

/** Records one target and prints its line: the figure, the target, LULUS or GAGAL, and the load now. */
export function target(nama, nilai, batas, satuan, rincian = '') {
  const lulus = nilai <= batas;
  hasil.push({ nama, lulus });
  const f = (x) => (satuan === '×' ? x.toFixed(2) : satuan === 'MiB' ? x.toFixed(0) : x.toFixed(3));
  console.log(
    `  ${lulus ? 'LULUS' : 'GAGAL'}  ${nama}: ${f(nilai)} ${satuan} (target ≤ ${batas} ${satuan})` +
      `${rincian ? `; ${rincian}` : ''} [beban ${beban()}]`,
  );
  return lulus;
}

export function ringkas() {
  const gagal = hasil.filter((h) => !h.lulus);
  console.log(gagal.length ? `GAGAL: ${gagal.map((h) => h.nama).join(', ')}` : `LULUS: semua ${hasil.length} target`);
  return gagal.length ? 1 : 0;
}

/** A scratch folder removed afterwards, whatever happens. */
export async function denganFolder(f) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-bench-'));
  try {
    return await f(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A new unit (init + a bank account) in its own folder under `dir`, made by the binary that will use it
 * (`bin`: this tree's unless a comparison says otherwise), so an older binary never opens a newer file.
 */
export function unit(dir, nama = 'unit', bin = BIN) {
  fs.mkdirSync(path.join(dir, nama), { recursive: true });
  const db = path.join(dir, nama, 'unit.sqlite');
  const profil = ['--nama', 'Bench', '--padukuhan', 'Jetis', '--kalurahan', 'Sumberagung', '--kapanewon', 'Jetis'];
  wksbm(db, ['init', ...profil], bin);
  wksbm(db, ['akun', 'tambah', 'bri', '--nama', 'BRI'], bin);
  return db;
}

/**
 * A cash CSV of `n` rows as `kas impor` reads it: three receipts to one payment (never below zero), row i dated
 * `tanggal(i)`. Written in pieces of 10,000 rows so a million-row file never sits in memory.
 */
export function tulisKasCsv(file, n, tanggal) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar\n');
  let buf = [];
  for (let i = 0; i < n; i++) {
    const tgl = tanggal(i);
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
