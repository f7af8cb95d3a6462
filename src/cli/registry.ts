// The command table: one line per top-level command, loaded only when used.
import type { Command } from 'commander';
import type { Run } from './program.js';

export interface Entry {
  name: string;
  summary: string;
  load: () => Promise<{ register(program: Command, run: Run): void }>;
}

export const COMMANDS: Entry[] = [
  { name: 'init', summary: 'membuat unit WKSBM baru di berkas buku', load: () => import('../commands/init.js') },
  { name: 'profil', summary: 'profil unit: alamat, SK, pengurus, cap (buku 13)', load: () => import('../commands/profil.js') },
  { name: 'kas', summary: 'buku kas: pemasukan, pengeluaran, pemindahan, pembatalan, saldo, tutup triwulan', load: () => import('../commands/kas.js') },
  { name: 'dana', summary: 'dana (umum, zakat, kematian, dana terikat lain)', load: () => import('../commands/dana.js') },
  { name: 'akun', summary: 'akun kas (tunai, rekening bank)', load: () => import('../commands/akun.js') },
  { name: 'kode', summary: 'daftar kode resmi: sumber, jenis, layanan, asnaf, ppks, psks', load: () => import('../commands/kode.js') },
  { name: 'periksa', summary: 'memeriksa keutuhan berkas, rantai hash dan saldo', load: () => import('../commands/periksa.js') },
  { name: 'laporan', summary: 'laporan triwulan untuk Dinas Sosial (.xlsx dari templat)', load: () => import('../commands/laporan.js') },
  { name: 'cetak', summary: 'mencetak salah satu dari 13 buku sebagai lembar .xlsx siap cetak', load: () => import('../commands/cetak.js') },
  { name: 'rekap', summary: 'sisi Dinas: merekap laporan triwulan banyak unit menjadi satu buku kerja', load: () => import('../commands/rekap.js') },
  { name: 'cadangkan', summary: 'membuat salinan cadangan berkas buku', load: () => import('../commands/cadangkan.js') },
];
