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

/**
 * Runs one command; stops the demo on failure. With --json first, prints only the record's number or ID and returns it
 * parsed.
 */
function wksbm(...args) {
  const json = args[0] === '--json';
  console.log(`$ wksbm ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'wksbm.js'), '--db', db, '--no-input', ...args], {
    encoding: 'utf8',
    cwd: dir,
  });
  process.stderr.write(r.stderr);
  if (r.status !== 0) {
    process.stdout.write(r.stdout);
    console.error(`demo berhenti: perintah gagal (kode ${r.status})`);
    process.exit(1);
  }
  if (!json) {
    process.stdout.write(r.stdout);
    return undefined;
  }
  const hasil = JSON.parse(r.stdout);
  console.log(`  → ${hasil.nomor ?? `ID ${hasil.id}`}`);
  return hasil;
}

// Profile, a bank account, members besides the three pengurus `init` records
wksbm(
  'init',
  '--nama',
  'Ngudi Mulyo',
  '--padukuhan',
  'Jetis',
  '--kalurahan',
  'Sumberagung',
  '--kapanewon',
  'Jetis',
  '--sk',
  '188/12/KPTS/2024',
  '--tanggal-sk',
  '15/03/2024',
  '--ketua',
  'Sukardi',
  '--sekretaris',
  'Wartini',
  '--bendahara',
  'Siti Aminah',
  '--lurah',
  'Suharjo',
  '--alamat',
  'Balai Padukuhan Jetis, RT 03, Sumberagung',
  '--telepon',
  '0274 367123',
  '--hp-ketua',
  '081328001234',
  '--hp-bendahara',
  '081392005678',
);
wksbm('akun', 'tambah', 'bri', '--nama', 'BRI Unit Bantul');
wksbm('anggota', 'tambah', '--nama', 'Bayu Saputra', '--jabatan', 'seksi', '--jk', 'L', '--hp', '081227001122');
wksbm('anggota', 'tambah', '--nama', 'Endah Lestari', '--jabatan', 'anggota', '--jk', 'P');

// Registers: donors, PPKS (NIK, birth date and sex agree), PSKS, a partner, each with the day it was
// registered (--terdaftar, bawaan hari ini) so the Q3 workbook counts them as registered and new in Q3.
wksbm(
  'donatur',
  'tambah',
  '--nama',
  'Bu Rini',
  '--jenis',
  'perorangan',
  '--hp',
  '081328004455',
  '--terdaftar',
  '01/07/2026',
);
const maju = wksbm(
  '--json',
  'donatur',
  'tambah',
  '--nama',
  'PT Maju Jaya',
  '--jenis',
  'csr',
  '--alamat',
  'Jl. Parangtritis km 10',
  '--janji',
  '1.000.000',
  '--terdaftar',
  '01/07/2026',
);
wksbm('donatur', 'tambah', '--nama', 'Masjid Al-Ikhlas', '--jenis', 'lembaga', '--terdaftar', '20/08/2026');
const sastro = wksbm(
  '--json',
  'ppks',
  'tambah',
  '--nik',
  '3402014507500003',
  '--nama',
  'Mbah Sastro',
  '--jk',
  'P',
  '--lahir',
  '05/07/1950',
  '--rt',
  '03',
  '--padukuhan',
  'Jetis',
  '--kategori',
  'LUT',
  '--dasar',
  'persetujuan',
  '--terdaftar',
  '02/07/2026',
);
const darmo = wksbm(
  '--json',
  'ppks',
  'tambah',
  '--nik',
  '3402011203480001',
  '--nama',
  'Mbah Darmo',
  '--jk',
  'L',
  '--lahir',
  '12/03/1948',
  '--rt',
  '01',
  '--padukuhan',
  'Jetis',
  '--kategori',
  'LUT',
  '--dasar',
  'persetujuan',
  '--terdaftar',
  '02/07/2026',
);
const karyo = wksbm(
  '--json',
  'ppks',
  'tambah',
  '--nik',
  '3402010211750002',
  '--nama',
  'Pak Karyo',
  '--jk',
  'L',
  '--lahir',
  '02/11/1975',
  '--rt',
  '02',
  '--padukuhan',
  'Jetis',
  '--kategori',
  'FM',
  '--dasar',
  'persetujuan',
  '--terdaftar',
  '02/07/2026',
);
wksbm(
  'ppks',
  'tambah',
  '--nik',
  '3402016104900004',
  '--nama',
  'Rina Wulandari',
  '--jk',
  'P',
  '--lahir',
  '21/04/1990',
  '--rt',
  '04',
  '--padukuhan',
  'Jetis',
  '--kategori',
  'PD',
  '--dasar',
  'persetujuan',
  '--terdaftar',
  '14/09/2026',
);
wksbm(
  'psks',
  'tambah',
  '--nama',
  'Bu Tini',
  '--jenis',
  'perorangan',
  '--kategori',
  'PSM',
  '--hp',
  '081392003344',
  '--terdaftar',
  '02/07/2026',
);
wksbm(
  'psks',
  'tambah',
  '--nama',
  'Karang Taruna Jetis',
  '--jenis',
  'lembaga',
  '--kategori',
  'KT',
  '--terdaftar',
  '02/07/2026',
);
wksbm(
  'jejaring',
  'tambah',
  '--nama',
  'Puskesmas Jetis',
  '--jenis',
  'instansi',
  '--bidang',
  'kesehatan lansia',
  '--kontak',
  'dr. Ani',
  '--sejak',
  '01/01/2025',
  '--terdaftar',
  '01/07/2026',
);

// Quarter III/2026: money in, rice in
wksbm(
  'kas',
  'masuk',
  '--jumlah',
  '1.250.000',
  '--sumber',
  'jimpitan',
  '--tanggal',
  '03/07/2026',
  '--uraian',
  'Jimpitan Juni',
);
wksbm(
  'natura',
  'masuk',
  '--barang',
  'beras',
  '--kuantitas',
  '12.5',
  '--sumber',
  'jimpitan',
  '--tanggal',
  '05/07/2026',
  '--uraian',
  'Jimpitan beras Juni',
);
wksbm(
  'kas',
  'masuk',
  '--jumlah',
  'Rp 1.200.000',
  '--sumber',
  'iuran_kematian',
  '--tanggal',
  '10/07/2026',
  '--uraian',
  'Iuran dana kematian RT 01-04',
);
wksbm(
  'kas',
  'masuk',
  '--jumlah',
  '500.000',
  '--sumber',
  'donatur',
  '--donatur',
  String(maju.id),
  '--tanggal',
  '11/07/2026',
  '--uraian',
  'Sumbangan PT Maju Jaya',
);
wksbm(
  'kas',
  'masuk',
  '--jumlah',
  '2,5jt',
  '--sumber',
  'zakat',
  '--tanggal',
  '12/07/2026',
  '--uraian',
  'Zakat maal warga',
);
wksbm(
  'kas',
  'keluar',
  '--jumlah',
  '45.000',
  '--jenis',
  'operasional',
  '--tanggal',
  '15/07/2026',
  '--uraian',
  'Map dan buku kas',
);
wksbm(
  'kas',
  'pindah',
  '--jumlah',
  '1000000',
  '--dari',
  'tunai',
  '--ke',
  'bri',
  '--tanggal',
  '16/07/2026',
  '--uraian',
  'Setor ke BRI',
);
// money out with its record: santunan and aid post their own BKK
wksbm(
  'santunan',
  '--almarhum',
  'Bpk. Wiryo',
  '--tanggal-wafat',
  '27/07/2026',
  '--ahli-waris',
  'Ibu Wiryo',
  '--hubungan',
  'istri',
  '--alamat',
  'RT 02 Jetis',
  '--jumlah',
  '750.000',
  '--dana',
  'kematian',
  '--tanggal',
  '28/07/2026',
  '--uraian',
  'Santunan alm. Bpk. Wiryo',
);
wksbm(
  'salur',
  '--ppks',
  String(karyo.id),
  '--layanan',
  'jaminan',
  '--jumlah',
  '300.000',
  '--dana',
  'zakat',
  '--asnaf',
  'fakir',
  '--tanggal',
  '05/08/2026',
  '--uraian',
  'Bantuan sembako',
);
wksbm(
  'natura',
  'masuk',
  '--barang',
  'beras',
  '--kuantitas',
  '8',
  '--sumber',
  'jimpitan',
  '--tanggal',
  '05/08/2026',
  '--uraian',
  'Jimpitan beras Juli',
);
// an activity and its cost, a meeting with attendance
const posyandu = wksbm(
  '--json',
  'kegiatan',
  'catat',
  '--tanggal',
  '10/08/2026',
  '--nama',
  'Posyandu lansia',
  '--jenis',
  'penanganan',
  '--layanan',
  'jaminan',
  '--tempat',
  'Balai padukuhan',
  '--sasaran',
  'lansia',
  '--peserta',
  '25',
  '--hasil',
  'cek tekanan darah dan gula darah',
);
wksbm(
  'kas',
  'keluar',
  '--jumlah',
  '200.000',
  '--jenis',
  'kegiatan',
  '--kegiatan',
  String(posyandu.id),
  '--tanggal',
  '10/08/2026',
  '--uraian',
  'Konsumsi posyandu lansia',
);
wksbm(
  'salur',
  '--ppks',
  String(sastro.id),
  '--layanan',
  'jaminan',
  '--jumlah',
  '250.000',
  '--tanggal',
  '12/08/2026',
  '--uraian',
  'Bantuan lansia',
);
wksbm(
  'rapat',
  'catat',
  '--tanggal',
  '15/08/2026',
  '--waktu',
  '19.30',
  '--tempat',
  'Rumah ketua',
  '--pimpinan',
  'Sukardi',
  '--notulis',
  'Wartini',
  '--agenda',
  'Evaluasi triwulan III',
  '--keputusan',
  'Santunan kematian dinaikkan menjadi Rp 1.000.000',
  '--hadir',
  'Sukardi,Wartini,Siti Aminah,Bayu Saputra',
  '--tamu',
  'Ibu Endang (Dinas Sosial)',
);
// a mistaken entry voided and entered again
const salah = wksbm(
  '--json',
  'kas',
  'masuk',
  '--jumlah',
  '150.000',
  '--sumber',
  'usaha',
  '--tanggal',
  '20/08/2026',
  '--uraian',
  'Sewa tenda',
);
wksbm('kas', 'batal', salah.nomor, '--alasan', 'salah catat', '--tanggal', '21/08/2026');
wksbm(
  'kas',
  'masuk',
  '--jumlah',
  '175.000',
  '--sumber',
  'usaha',
  '--tanggal',
  '21/08/2026',
  '--uraian',
  'Sewa tenda (benar)',
);
// rice given to a PPKS and the rest partly sold (the sale's BKM is posted with it)
wksbm(
  'salur',
  '--ppks',
  String(darmo.id),
  '--layanan',
  'jaminan',
  '--barang',
  'beras',
  '--kuantitas',
  '5',
  '--tanggal',
  '02/09/2026',
  '--uraian',
  'Beras untuk lansia',
);
wksbm(
  'natura',
  'jual',
  '--barang',
  'beras',
  '--kuantitas',
  '10',
  '--jumlah',
  '120.000',
  '--tanggal',
  '10/09/2026',
  '--uraian',
  'Beras jimpitan dijual ke warung',
);
wksbm('natura', 'saldo');
wksbm('kas', 'daftar', '--triwulan', '2026-3');
wksbm('kas', 'saldo', '--per', 'dana');
wksbm('kas', 'saldo', '--per', 'akun');
wksbm('periksa');
wksbm('laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3');
console.log(`\nBerkas demo: ${db}`);
console.log(`Laporan triwulan III/2026: ${path.join(dir, 'laporan-triwulan-III-2026-ngudi-mulyo.xlsx')}`);
