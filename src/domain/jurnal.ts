// The journal of every book that is not a chain of its own: each change made through the tool is
// an entry holding the row as it stands after the change, chained by SHA-256 like kas and natura,
// so `periksa` can tell a row changed, deleted or inserted outside the tool, and name the field.
// A bulk import writes its entries in lots sealed by one hash each (hashLot): the same guarantee at a
// fraction of the cost per row.
import { createHash, hashSekali, randomUUID } from './kripto.js';

// One-shot hashing (Node >= 20.12) gives the streaming API's digest at a fraction of the cost: an import
// journals every row it adds.

export type AksiJurnal = 'tambah' | 'ubah' | 'hapus' | 'anonimkan';

/** The books journalled, by table; each has a `uid` column, the row's identity across copies of the file. */
export const BUKU_JURNAL = [
  'profil',
  'anggota',
  'surat',
  'tamu',
  'inventaris',
  'rapat',
  'rapat_hadir',
  'kegiatan',
  'ppks',
  'psks',
  'donatur',
  'jejaring',
  'penyaluran',
  'santunan',
  'tutup_buku',
  'impor',
] as const;

export const GENESIS_JURNAL = '0'.repeat(64);

export interface EntriJurnal {
  waktu: string;
  salinan: string;
  buku: string;
  uid: string;
  aksi: AksiJurnal;
  /** JSON of the row after the change; `null` after a deletion */
  isi: string;
}

/**
 * A row's identity across copies of the file: random, but led by the time in milliseconds (the layout of a
 * UUID version 7), so the rows an import adds go to the end of the uid index instead of anywhere in it.
 */
export function uidBaru(): string {
  const waktu = Date.now().toString(16).padStart(12, '0');
  return `${waktu.slice(0, 8)}-${waktu.slice(8)}-7${randomUUID().slice(15)}`;
}

/** A value as the journal holds it: bytes (the stamp image) by their digest, the rest as stored. */
function nilaiJurnal(v: unknown): unknown {
  if (v instanceof Uint8Array) return `sha256:${createHash('sha256').update(v).digest('hex')}`;
  return v ?? null;
}

/** The row as the journal's JSON, keys in a fixed order. */
export function isiJurnal(row: Record<string, unknown> | undefined): string {
  if (!row) return 'null';
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(row)
        .sort()
        .map((k) => [k, nilaiJurnal(row[k])]),
    ),
  );
}

/**
 * isiJurnal for many rows with the same columns, from the values as written (in `kolom` order): the keys are
 * sorted once, not per row. Gives the same text as isiJurnal of the same row.
 */
export function penyusunIsi(kolom: readonly string[]): (nilai: readonly unknown[]) => string {
  const urut = kolom.map((k, i) => ({ k, i })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const kunci = urut.map(({ k }, j) => `${j ? ',' : '{'}${JSON.stringify(k)}:`);
  const posisi = urut.map(({ i }) => i);
  return (nilai) => {
    let s = '';
    for (let j = 0; j < posisi.length; j++) s += kunci[j] + JSON.stringify(nilaiJurnal(nilai[posisi[j]!]));
    return `${s}}`;
  };
}

export function hashJurnal(sebelum: string, e: EntriJurnal): string {
  const isi = JSON.stringify([e.waktu, e.salinan, e.buku, e.uid, e.aksi, e.isi]);
  const sekaliJalan = hashSekali();
  if (sekaliJalan) return sekaliJalan('sha256', `${sebelum}\n${isi}`, 'hex');
  return createHash('sha256').update(sebelum).update('\n').update(isi).digest('hex');
}

/**
 * The hash that seals a lot of entries written together (a bulk import): one digest over all of them, held by
 * the lot's last entry; the others carry `hash_sebelum` only (their `hash` is empty). Cheaper than one digest per
 * entry, and as strict: changing, inserting or removing any entry of the lot changes this digest.
 */
export function hashLot(sebelum: string, lot: readonly EntriJurnal[]): string {
  let teks = sebelum;
  for (const e of lot) teks += `\n${JSON.stringify([e.waktu, e.salinan, e.buku, e.uid, e.aksi])}${e.isi}`;
  const sekaliJalan = hashSekali();
  return sekaliJalan ? sekaliJalan('sha256', teks, 'hex') : createHash('sha256').update(teks).digest('hex');
}

/** The columns whose stored value differs from the journal's (none when the row matches). */
export function kolomBeda(row: Record<string, unknown>, isi: string): string[] {
  const lama = JSON.parse(isi) as Record<string, unknown>;
  const sekarang = JSON.parse(isiJurnal(row)) as Record<string, unknown>;
  const kolom = [...new Set([...Object.keys(lama), ...Object.keys(sekarang)])].sort();
  return kolom.filter((k) => JSON.stringify(lama[k] ?? null) !== JSON.stringify(sekarang[k] ?? null));
}
