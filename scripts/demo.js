#!/usr/bin/env node
// Builds a demo unit in ./demo/ through the real CLI, the way a treasurer would, and shows its books.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'demo');
const db = path.join(dir, 'demo.sqlite');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });

function wksbm(...args) {
  console.log(`$ wksbm ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'wksbm.js'), '--db', db, '--no-input', ...args], { encoding: 'utf8', cwd: dir });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.status !== 0) {
    console.error(`demo berhenti: perintah gagal (kode ${r.status})`);
    process.exit(1);
  }
}

wksbm('init', '--nama', 'Ngudi Mulyo', '--padukuhan', 'Jetis', '--kalurahan', 'Sumberagung', '--kapanewon', 'Jetis',
  '--sk', '188/12/KPTS/2024', '--tanggal-sk', '15/03/2024', '--ketua', 'Sukardi', '--sekretaris', 'Wartini', '--bendahara', 'Siti Aminah', '--lurah', 'Suharjo');
wksbm('akun', 'tambah', 'bri', '--nama', 'BRI Unit Bantul');
wksbm('kas', 'masuk', '--jumlah', '1.250.000', '--sumber', 'jimpitan', '--tanggal', '03/07/2026', '--uraian', 'Jimpitan Juni');
wksbm('kas', 'masuk', '--jumlah', 'Rp 1.200.000', '--sumber', 'iuran_kematian', '--tanggal', '10/07/2026', '--uraian', 'Iuran dana kematian RT 01-04');
wksbm('kas', 'masuk', '--jumlah', '2,5jt', '--sumber', 'zakat', '--tanggal', '12/07/2026', '--uraian', 'Zakat maal warga');
wksbm('kas', 'keluar', '--jumlah', '45.000', '--jenis', 'operasional', '--tanggal', '15/07/2026', '--uraian', 'Map dan buku kas');
wksbm('kas', 'pindah', '--jumlah', '1000000', '--dari', 'tunai', '--ke', 'bri', '--tanggal', '16/07/2026', '--uraian', 'Setor ke BRI');
wksbm('kas', 'keluar', '--jumlah', '750.000', '--jenis', 'santunan_kematian', '--tanggal', '28/07/2026', '--uraian', 'Santunan alm. Bpk. Wiryo');
wksbm('kas', 'keluar', '--jumlah', '300.000', '--jenis', 'penyaluran', '--layanan', 'jaminan', '--dana', 'zakat', '--asnaf', 'fakir', '--tanggal', '05/08/2026', '--uraian', 'Bantuan lansia');
wksbm('kas', 'masuk', '--jumlah', '150.000', '--sumber', 'usaha', '--tanggal', '20/08/2026', '--uraian', 'Sewa tenda');
wksbm('kas', 'batal', '004/BKM/VIII/2026', '--alasan', 'salah catat', '--tanggal', '21/08/2026');
wksbm('kas', 'masuk', '--jumlah', '175.000', '--sumber', 'usaha', '--tanggal', '21/08/2026', '--uraian', 'Sewa tenda (benar)');
wksbm('kas', 'daftar', '--triwulan', '2026-3');
wksbm('kas', 'saldo', '--per', 'dana');
wksbm('kas', 'saldo', '--per', 'akun');
wksbm('periksa');
wksbm('laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3');
console.log(`\nBerkas demo: ${db}`);
console.log(`Laporan triwulan III/2026: ${path.join(dir, 'laporan-triwulan-III-2026-ngudi-mulyo.xlsx')}`);
