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
  { name: 'impor', summary: 'impor massal dari CSV/XLSX (donatur, ppks, psks, kas), riwayat dan pembatalannya', load: () => import('../commands/impor.js') },
  { name: 'periksa', summary: 'memeriksa keutuhan berkas, rantai hash dan saldo', load: () => import('../commands/periksa.js') },
  { name: 'cadangkan', summary: 'membuat salinan cadangan berkas buku', load: () => import('../commands/cadangkan.js') },
];
