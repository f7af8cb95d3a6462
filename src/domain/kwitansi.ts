// A cash voucher as a receipt (kwitansi) reads it: the entry with the names it points at.
import type { Rupiah } from './money.js';

export interface BuktiKwitansi {
  nomor: string;
  bukti: 'BKM' | 'BKK' | 'PB';
  tanggal: string;
  jumlah: Rupiah;
  /** the name of the receipt's source (BKM) or the spending's kind (BKK) */
  sumber: string | null;
  jenis: string | null;
  layanan: string | null;
  uraian: string | null;
  /** the donor who gave the money (BKM) */
  donatur: string | null;
  /** who was paid (BKK): the PPKS of an aid, the heir of a santunan */
  penerima: string | null;
  /** the voucher this entry voids */
  nomor_batal: string | null;
  /** the voucher that voided this entry */
  dibatalkan_oleh: string | null;
}
