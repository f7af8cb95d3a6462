// The command table: one line per top-level command, loaded only when used.
import type { Command } from 'commander';
import type { Run } from './command.js';

export interface Entry {
  name: string;
  summary: string;
  load: () => Promise<{ register(program: Command, run: Run): void }>;
}

export const COMMANDS: Entry[] = [
  { name: 'init', summary: 'membuat unit WKSBM baru di berkas buku', load: () => import('../commands/init.js') },
  {
    name: 'profil',
    summary: 'profil unit: alamat, SK, pengurus, cap (buku 13)',
    load: () => import('../commands/profil.js'),
  },
  {
    name: 'kas',
    summary: 'buku kas: pemasukan, pengeluaran, pemindahan, pembatalan, saldo, tutup triwulan',
    load: () => import('../commands/kas.js'),
  },
  {
    name: 'saldo-awal',
    summary: 'saldo awal unit yang mulai memakai buku ini di tengah tahun (sekali)',
    load: () => import('../commands/saldo-awal.js'),
  },
  {
    name: 'dana',
    summary: 'dana (umum, zakat, kematian, dana terikat lain)',
    load: () => import('../commands/dana.js'),
  },
  { name: 'akun', summary: 'akun kas (tunai, rekening bank)', load: () => import('../commands/akun.js') },
  {
    name: 'kode',
    summary: 'daftar kode resmi: sumber, jenis, layanan, asnaf, ppks, psks',
    load: () => import('../commands/kode.js'),
  },
  {
    name: 'anggota',
    summary: 'daftar anggota dan pengurus',
    load: () => import('../commands/registers.js').then((m) => m.untuk('anggota')),
  },
  {
    name: 'surat',
    summary: 'agenda surat masuk dan keluar (buku 1)',
    load: () => import('../commands/registers.js').then((m) => m.untuk('surat')),
  },
  {
    name: 'tamu',
    summary: 'buku tamu (buku 4)',
    load: () => import('../commands/registers.js').then((m) => m.untuk('tamu')),
  },
  {
    name: 'inventaris',
    summary: 'inventaris barang, termasuk penghapusan (buku 5)',
    load: () => import('../commands/registers.js').then((m) => m.untuk('inventaris')),
  },
  {
    name: 'rapat',
    summary: 'notulen rapat dan daftar hadir (buku 6 dan 7)',
    load: () => import('../commands/rapat.js'),
  },
  {
    name: 'kegiatan',
    summary: 'kegiatan: pencegahan, penanganan, rujukan, penggalangan, dengan biayanya (buku 8)',
    load: () => import('../commands/registers.js').then((m) => m.untuk('kegiatan')),
  },
  {
    name: 'salur',
    summary: 'menyalurkan bantuan uang atau natura kepada PPKS (buku 3 dan 8)',
    load: () => import('../commands/salur.js'),
  },
  {
    name: 'santunan',
    summary: 'santunan kematian kepada ahli waris (buku 3 dan 8)',
    load: () => import('../commands/salur.js').then((m) => ({ register: m.registerSantunan })),
  },
  {
    name: 'natura',
    summary: 'stok barang natura (beras jimpitan): masuk, keluar, jual, saldo (buku 2)',
    load: () => import('../commands/natura.js'),
  },
  {
    name: 'ppks',
    summary: 'data PPKS, NIK disamarkan (buku 9)',
    load: () => import('../commands/registers.js').then((m) => m.untuk('ppks')),
  },
  {
    name: 'psks',
    summary: 'data PSKS (buku 10)',
    load: () => import('../commands/registers.js').then((m) => m.untuk('psks')),
  },
  {
    name: 'donatur',
    summary: 'data donatur (buku 11)',
    load: () => import('../commands/registers.js').then((m) => m.untuk('donatur')),
  },
  {
    name: 'jejaring',
    summary: 'data jejaring kerja (buku 12)',
    load: () => import('../commands/registers.js').then((m) => m.untuk('jejaring')),
  },
  {
    name: 'impor',
    summary: 'impor massal dari CSV/XLSX (donatur, ppks, psks, kas), riwayat dan pembatalannya',
    load: () => import('../commands/impor.js'),
  },
  {
    name: 'periksa',
    summary: 'memeriksa keutuhan berkas, rantai hash dan saldo',
    load: () => import('../commands/periksa.js'),
  },
  {
    name: 'laporan',
    summary: 'laporan triwulan untuk Dinas Sosial (.xlsx dari templat)',
    load: () => import('../commands/laporan.js'),
  },
  {
    name: 'cetak',
    summary: 'mencetak salah satu dari 13 buku, atau pengumuman warga, sebagai lembar .xlsx siap cetak',
    load: () => import('../commands/cetak.js'),
  },
  {
    name: 'kwitansi',
    summary: 'kwitansi dan bukti pengeluaran kas siap cetak, satu bukti atau satu triwulan',
    load: () => import('../commands/kwitansi.js'),
  },
  {
    name: 'rekap',
    summary: 'sisi Dinas: merekap laporan triwulan banyak unit menjadi satu buku kerja',
    load: () => import('../commands/rekap.js'),
  },
  {
    name: 'cadangkan',
    summary: 'membuat salinan cadangan berkas buku',
    load: () => import('../commands/cadangkan.js'),
  },
  {
    name: 'pulihkan',
    summary: 'daftar cadangan, atau memulihkan berkas buku dari salah satunya',
    load: () => import('../commands/pulihkan.js'),
  },
];
