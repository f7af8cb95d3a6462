// What a register book is: its table, its fields, and how it is listed, searched and matched on import.
import type { Field } from './field.js';

export interface Buku {
  /** the command noun and the word used everywhere for this book */
  nama: string;
  tabel: string;
  /** the book's name as the Dinas calls it */
  judul: string;
  /** number in the Dinas list of 13 books */
  nomorBuku: number;
  /** `tambah` for registers, `catat` for logs such as tamu */
  kataTambah: 'tambah' | 'catat';
  fields: Field[];
  /**
   * What an import puts in a field the file leaves empty, from the row's fields read so far
   * (a PPKS's sex and birth date from the NIK); undefined leaves it empty.
   */
  isiDariLain?: (field: string, nilai: Record<string, unknown>, hariIni: string) => string | undefined;
  /** the field each of those is taken from: a file needs one or the other column */
  isiDari?: Record<string, string>;
  /** columns the book's own rules fill (agenda number, disposal): listed and shown, never typed on `tambah` */
  turunan?: Field[];
  /** figures computed from other books (an activity's cost, a meeting's attendance): listed, not stored */
  hitung?: Field[];
  /** field names shown by `daftar` and printed by `cetak` */
  kolomDaftar: string[];
  /** field names searched by `daftar --cari` */
  cari: string[];
  /** field names that `daftar` can filter on (`--kategori LUT`) */
  saring: string[];
  /** the date field that orders the book and bounds `--dari/--sampai` */
  tanggal?: string;
  /** import: fields that identify a row already in the book, tried in order */
  kunci?: string[][];
  /** a book of persons: `anonimkan` renames the row "PPKS #12 (dianonimkan)" and empties these fields */
  anonim?: { sebutan: string; kosongkan: string[] };
}

/** Every column of the book a listing can show: the typed fields, then those its rules fill. */
export function kolomBuku(buku: Buku): Field[] {
  return [...buku.fields, ...(buku.turunan ?? [])];
}

export function fieldOf(buku: Buku, name: string): Field {
  const f = kolomBuku(buku).find((x) => x.name === name);
  if (!f) throw new Error(`buku ${buku.nama} tidak punya isian ${name}`);
  return f;
}

/** NIKs are shown as `3402••••••••0003` unless the user asks for them whole. */
export function maskNik(nik: string | null | undefined): string {
  if (!nik) return '';
  return nik.length === 16 ? `${nik.slice(0, 4)}${'•'.repeat(8)}${nik.slice(12)}` : '•'.repeat(nik.length);
}
