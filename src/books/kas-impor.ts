// The columns a cash-book import file may have: one row is a receipt or a payment, with a code that is
// either a sumber or a jenis (`Sumber/Jenis`), separate Masuk/Keluar columns or one Jumlah with a direction.
import type { Field } from './field.js';
import { KAS_FIELDS } from './kas.js';

const F = KAS_FIELDS;

export const KAS_IMPOR_FIELDS: Field[] = [
  F.tanggal,
  F.uraian,
  {
    name: 'kode',
    label: 'Sumber/Jenis',
    type: 'teks',
    sinonim: ['sumber jenis', 'jenis sumber', 'kode', 'kode sumber jenis', 'pos', 'akun biaya'],
  },
  { ...F.sumber, required: false },
  { ...F.jenis, required: false },
  {
    name: 'masuk',
    label: 'Masuk',
    type: 'jumlah',
    sinonim: ['pemasukan', 'penerimaan', 'uang masuk', 'debet', 'debit'],
  },
  { name: 'keluar', label: 'Keluar', type: 'jumlah', sinonim: ['pengeluaran', 'uang keluar', 'kredit'] },
  { ...F.jumlah, required: false },
  { name: 'arah', label: 'Arah', type: 'teks', sinonim: ['masuk keluar', 'm k', 'jenis transaksi', 'debet kredit'] },
  { ...F.dana, required: false },
  { ...F.akun, required: false },
  F.layanan,
  F.asnaf,
  F.donatur,
];

/** A kas import needs a date, an amount column and a code column. */
export const KAS_IMPOR_WAJIB = [['tanggal'], ['masuk', 'keluar', 'jumlah'], ['kode', 'sumber', 'jenis']];
