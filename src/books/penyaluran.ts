// Book 8's aid and death-benefit records: the fields of handing aid to a PPKS and of a santunan.
// The money and stock they move follow the cash and stock rules (src/ledger/salur.ts).
import type { Field } from './field.js';
import { KAS_FIELDS } from './kas.js';

export const SALUR_FIELDS = {
  ppks: { name: 'ppks', label: 'penerima (PPKS)', help: 'ID, NIK atau nama', type: 'teks', required: true },
  layanan: { ...KAS_FIELDS.layanan, required: true },
  bentuk: {
    name: 'bentuk',
    label: 'bentuk bantuan',
    help: 'bawaan: uang bila --jumlah, barang bila --barang',
    type: 'pilihan',
    pilihan: {
      tetap: [
        { kode: 'uang', nama: 'Uang' },
        { kode: 'barang', nama: 'Barang (natura)' },
      ],
    },
  },
  jumlah: { ...KAS_FIELDS.jumlah, required: false },
} satisfies Record<string, Field>;

export const SANTUNAN_FIELDS = {
  almarhum: { name: 'almarhum', label: 'nama almarhum/almarhumah', type: 'teks', required: true },
  tanggal_wafat: { name: 'tanggal_wafat', label: 'tanggal wafat', type: 'tanggal', required: true },
  ahli_waris: { name: 'ahli_waris', label: 'ahli waris penerima', type: 'teks', required: true },
  hubungan: {
    name: 'hubungan',
    label: 'hubungan ahli waris dengan almarhum',
    help: 'mis. istri, suami, anak',
    type: 'teks',
    required: true,
  },
  alamat: { name: 'alamat', label: 'alamat ahli waris', type: 'teks', multiBaris: true },
} satisfies Record<string, Field>;
