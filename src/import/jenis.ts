// What one book's import does with a row, and the decision it reaches.
import type { Field } from '../books/field.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import type { Sel } from './baca.js';
import type { Wajib } from './kolom.js';

/** The books a file can be imported into (named apart from the import itself, which loads only when run). */
export const BUKU_IMPOR = ['donatur', 'ppks', 'psks', 'kas'] as const;
export type BukuImpor = (typeof BUKU_IMPOR)[number];

export function bukuImpor(nama: string): BukuImpor {
  if (!(BUKU_IMPOR as readonly string[]).includes(nama))
    throw new UserError(pesan.imporBukuTidakDikenal(nama, [...BUKU_IMPOR]));
  return nama as BukuImpor;
}

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
