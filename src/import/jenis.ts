// What one book's import does with a row, and the decision it reaches.
import type { Field } from '../books/field.js';
import type { Sel } from './baca.js';
import type { Wajib } from './kolom.js';

export type Keputusan = 'baru' | 'sudah_ada' | 'mungkin_ganda' | 'ditolak';

export interface HasilBaris {
  baris: number;
  keputusan: Keputusan;
  /** who or what the row is, for people (a name; for cash a date, text and amount) */
  ringkas: string;
  alasan?: string;
  /** the id or voucher number written for a new row */
  id?: number | string;
}

export interface Pengolah {
  /** reads the row's cells by field name (undefined: no such column) and decides; writes unless dry run */
  olah(baris: number, sel: (field: string) => Sel | undefined): HasilBaris;
  /** after the last row, before the import commits: writes what the book keeps per run (the cash book's day totals) */
  selesai?(): void;
}

export interface DeklarasiImpor {
  fields: Field[];
  wajib: Wajib;
}
