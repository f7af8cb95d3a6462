// Rows of the printable books (`cetak`) as the repository streams them, amounts already Rupiah.
import type { Rupiah } from './money.js';

export type NilaiTersimpan = string | number | null;

/**
 * A row of a register declared in src/books: its columns by name, as stored. Only the book's
 * declaration knows which columns are money, so those become Rupiah where the book is laid out.
 */
export type BarisRegister = Readonly<Record<string, NilaiTersimpan>>;

export interface CatatanNatura {
  id: number;
  tanggal: string;
  barang: string;
  satuan: string;
  arah: 'masuk' | 'keluar';
  /** thousandths of the item's unit */
  kuantitas_mili: number;
  sumber: string | null;
  tujuan: string | null;
  uraian: string | null;
  batal_dari: number | null;
}

export interface HadirRapat {
  tanggal: string;
  agenda: string;
  nama: string;
  peran: string | null;
  asal: string | null;
  /** 1 for a guest, 0 for a member */
  tamu: number;
}

export interface PenyaluranCetak {
  tanggal: string;
  /** the cash voucher; null for goods */
  nomor: string | null;
  nama: string;
  nik: string | null;
  kategori: string;
  layanan: string;
  bentuk: 'uang' | 'barang';
  jumlah: Rupiah | null;
  kuantitas_mili: number | null;
  satuan: string | null;
  barang: string | null;
  dana: string | null;
  asnaf: string | null;
  uraian: string | null;
}
