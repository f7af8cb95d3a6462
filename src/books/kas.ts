// Books 2 and 3, the cash book: the fields of an entry. The rules are in src/ledger/posting.ts.
import type { Field } from './field.js';

export const KAS_FIELDS = {
  jumlah: {
    name: 'jumlah',
    label: 'jumlah',
    type: 'jumlah',
    required: true,
    sinonim: ['nominal', 'nilai', 'rp', 'jumlah rp'],
  },
  sumber: {
    name: 'sumber',
    label: 'sumber',
    type: 'pilihan',
    pilihan: { referensi: 'sumber' },
    required: true,
    sinonim: ['sumber dana', 'asal'],
  },
  jenis: {
    name: 'jenis',
    label: 'jenis pengeluaran',
    type: 'pilihan',
    pilihan: { referensi: 'jenis' },
    required: true,
    sinonim: ['jenis pengeluaran'],
  },
  layanan: {
    name: 'layanan',
    label: 'layanan',
    help: 'wajib untuk penyaluran',
    type: 'pilihan',
    pilihan: { referensi: 'layanan' },
  },
  asnaf: {
    name: 'asnaf',
    label: 'asnaf',
    help: 'wajib bila dari dana zakat',
    type: 'pilihan',
    pilihan: { referensi: 'asnaf' },
  },
  dana: {
    name: 'dana',
    label: 'dana',
    help: 'bawaan: umum, atau dana wajib sumbernya',
    type: 'pilihan',
    pilihan: { referensi: 'dana' },
    required: true,
  },
  akun: {
    name: 'akun',
    label: 'akun',
    help: 'bawaan: tunai',
    type: 'pilihan',
    pilihan: { referensi: 'akun' },
    required: true,
    sinonim: ['rekening', 'kas'],
  },
  dari: { name: 'dari', label: 'akun asal', type: 'pilihan', pilihan: { referensi: 'akun' }, required: true },
  ke: { name: 'ke', label: 'akun tujuan', type: 'pilihan', pilihan: { referensi: 'akun' }, required: true },
  tanggal: {
    name: 'tanggal',
    label: 'tanggal',
    help: '05/10/2026 atau 2026-10-05',
    type: 'tanggal',
    required: true,
    rentang: 'entri',
    sinonim: ['tgl'],
  },
  donatur: {
    name: 'donatur',
    label: 'donatur',
    help: 'ID, nomor HP atau nama donatur',
    type: 'teks',
    sinonim: ['nama donatur', 'penyumbang'],
  },
  kegiatan: { name: 'kegiatan', label: 'kegiatan', help: 'ID kegiatan yang dibiayai', type: 'angka' },
  uraian: { name: 'uraian', label: 'uraian', type: 'teks', maxLength: 500, sinonim: ['keterangan', 'ket'] },
  alasan: { name: 'alasan', label: 'alasan pembatalan', type: 'teks', required: true },
} satisfies Record<string, Field>;

/** Receipts above this need a stamp duty (meterai Rp10.000). */
export const BATAS_METERAI = 5_000_000;
