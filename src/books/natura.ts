// Book 2's stock of goods in kind (jimpitan rice): the fields of a movement. The rules are in src/ledger.
import type { Field } from './field.js';

export const NATURA_FIELDS = {
  barang: { name: 'barang', label: 'barang', help: 'mis. beras', type: 'teks', required: true, maxLength: 60 },
  kuantitas: {
    name: 'kuantitas',
    label: 'kuantitas',
    help: 'dalam satuan barang, mis. 12,5',
    type: 'kuantitas',
    required: true,
  },
  satuan: {
    name: 'satuan',
    label: 'satuan',
    help: 'bawaan: satuan barang itu sebelumnya, atau kg',
    type: 'teks',
    maxLength: 20,
  },
} satisfies Record<string, Field>;
