// The journal of every book that is not a chain of its own: each change made through the tool is
// an entry holding the row as it stands after the change, chained by SHA-256 like kas and natura,
// so `periksa` can tell a row changed, deleted or inserted outside the tool, and name the field.
// A bulk import writes the rows it adds in lots: one entry (`lot`) holds up to 1,024 rows compactly, the
// column names once and each row's values, hashed like any entry. Files written before 0016 may hold the
// older lots (an entry per row, sealed by one hash: hashLot), still read and checked.
import { createHash, hashSekali, randomFillSync } from './kripto.js';

// One-shot hashing (Node >= 20.12) gives the streaming API's digest at a fraction of the cost: an import
// journals every row it adds.

export type AksiJurnal = 'tambah' | 'ubah' | 'hapus' | 'anonimkan' | 'lot';

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
  const ms = Date.now();
  if (ms !== uidMs) {
    const waktu = ms.toString(16).padStart(12, '0');
    uidMs = ms;
    uidAwal = `${waktu.slice(0, 8)}-${waktu.slice(8)}-7`;
  }
  // the rest as randomUUID's after its version digit: 74 random bits (3 hex, the variant 8-b and 3 hex, 12 hex), from
  // a buffer of random bytes filled 400 uids at a time, in a third of randomUUID's time (an import makes one a row)
  if (acakKe + 10 > ACAK.length) {
    randomFillSync(ACAK);
    acakKe = 0;
  }
  const b = ACAK;
  const i = acakKe;
  acakKe += 10;
  return (
    `${uidAwal}${HEX[b[i]!]!.slice(1)}${HEX[b[i + 1]!]}-${HEX[(b[i + 2]! & 0x3f) | 0x80]}${HEX[b[i + 3]!]}-` +
    `${HEX[b[i + 4]!]}${HEX[b[i + 5]!]}${HEX[b[i + 6]!]}${HEX[b[i + 7]!]}${HEX[b[i + 8]!]}${HEX[b[i + 9]!]}`
  );
}
/** the time part of the last uid made, kept for the rows an import makes in the same millisecond */
let uidMs = -1;
let uidAwal = '';
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const ACAK = new Uint8Array(4000);
let acakKe = ACAK.length;

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

/**
 * An entry's hash over the one before and its fields. A lot's text (hundreds of kilobytes) follows its other
 * fields as it stands, not quoted again inside them: the same bytes are covered, at a fraction of the cost.
 */
export function hashJurnal(sebelum: string, e: EntriJurnal): string {
  if (e.aksi === 'lot') {
    // in parts: the lot's text is read where it is, not copied after the fields first
    const kepala = JSON.stringify([e.waktu, e.salinan, e.buku, e.uid, e.aksi]);
    return createHash('sha256').update(`${sebelum}\n${kepala}`).update(e.isi).digest('hex');
  }
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

/**
 * The `isi` of a lot entry from its columns (sorted, as isiJurnal orders them) and its rows' values in that
 * order, one row after the other, as the journal holds them (tambahKeLot): `{"kolom":[…],"nilai":[…]}`. One
 * JSON.stringify of one flat array for the whole lot: no array per row, a third of the cost of one per row.
 */
export function isiLot(kolom: readonly string[], nilai: readonly unknown[]): string {
  // one JSON.stringify of both: its text is one flat string, which hashing and binding read as it is (text joined
  // from pieces is copied into one string at its first use, 170 kB a lot)
  return JSON.stringify({ kolom, nilai });
}

/** Appends one row's values (in the lot's sorted column order) as the journal holds them (bytes by digest). */
export function tambahKeLot(lot: unknown[], nilai: readonly unknown[]): void {
  for (let i = 0; i < nilai.length; i++) {
    const v = nilai[i];
    lot.push(v instanceof Uint8Array ? nilaiJurnal(v) : v);
  }
}

export interface Lot {
  kolom: string[];
  baris: unknown[][];
}

/** A lot's columns and its rows, each the row's values in the columns' order. */
export function bacaLot(isi: string): Lot {
  const { kolom, nilai } = JSON.parse(isi) as { kolom: string[]; nilai: unknown[] };
  const baris: unknown[][] = [];
  for (let i = 0; i < nilai.length; i += kolom.length) baris.push(nilai.slice(i, i + kolom.length));
  return { kolom, baris };
}

/**
 * A lot read for checking: how many rows, each row's uid, and the text its own entry would hold (isiJurnal of
 * the row), made only when asked, so a checker keeps one small reference per row instead of its text.
 */
export interface LotTerbaca {
  jumlah: number;
  uid(i: number): string;
  isi(i: number): string;
  /**
   * Whether row `i` holds what a table's row holds (its values in the order of `kolom`), as their texts would say
   * (isiJurnal): the same columns, each value the same as the journal writes it. Compared value by value, without
   * making either text.
   */
  sama(i: number, kolom: readonly string[], nilai: readonly unknown[]): boolean;
}

export function bacaLotTerbaca(isi: string): LotTerbaca {
  const { kolom, nilai } = JSON.parse(isi) as { kolom: string[]; nilai: unknown[] };
  const lebar = kolom.length;
  const u = kolom.indexOf('uid');
  const susun = penyusunIsi(kolom);
  // per table's column order: where each of its columns is in the lot's rows (undefined: not the same columns)
  const letak = new Map<readonly string[], number[] | undefined>();
  const letakDi = (lain: readonly string[]) => {
    if (!letak.has(lain)) {
      const p = lain.map((k) => kolom.indexOf(k));
      letak.set(lain, lain.length === lebar && new Set(lain).size === lebar && !p.includes(-1) ? p : undefined);
    }
    return letak.get(lain);
  };
  return {
    jumlah: nilai.length / lebar,
    uid: (i) => String(nilai[i * lebar + u]),
    isi: (i) => susun(nilai.slice(i * lebar, (i + 1) * lebar)),
    sama(i, lain, v) {
      const p = letakDi(lain);
      if (!p) return false;
      // equal values give equal JSON texts and unequal ones unequal (0 and -0 both write 0, and are equal)
      for (let c = 0; c < p.length; c++) if (nilaiJurnal(v[c]) !== nilai[i * lebar + p[c]!]) return false;
      return true;
    },
  };
}

/** Each row of a lot as its own entry would hold it: its uid and isiJurnal of the row. */
export function* entriLot(isi: string): Generator<{ uid: string; isi: string }> {
  const lot = bacaLotTerbaca(isi);
  for (let i = 0; i < lot.jumlah; i++) yield { uid: lot.uid(i), isi: lot.isi(i) };
}

/** The row of `uid` in a lot, as an object; undefined when the lot does not hold it. */
export function barisDiLot(isi: string, uid: string): Record<string, unknown> | undefined {
  const { kolom, baris } = bacaLot(isi);
  const u = kolom.indexOf('uid');
  const b = baris.find((x) => x[u] === uid);
  return b && Object.fromEntries(kolom.map((k, i) => [k, b[i]]));
}

/**
 * The lot with the row of `uid` rewritten by `ubah` (given the row, it returns the columns to change);
 * undefined when the lot does not hold that row or nothing changes.
 */
export function gantiDalamLot(
  isi: string,
  uid: string,
  ubah: (row: Record<string, unknown>) => Record<string, unknown>,
): string | undefined {
  const { kolom, baris } = bacaLot(isi);
  const u = kolom.indexOf('uid');
  const b = baris.find((x) => x[u] === uid);
  if (!b) return undefined;
  const baru = ubah(Object.fromEntries(kolom.map((k, i) => [k, b[i]])));
  let beda = false;
  for (const [k, v] of Object.entries(baru)) {
    const i = kolom.indexOf(k);
    if (i < 0) throw new Error(`kolom ${k} tidak ada di lot jurnal`);
    if (b[i] !== v) beda = true;
    b[i] = v ?? null;
  }
  return beda ? isiLot(kolom, baris.flat()) : undefined;
}

/** The columns whose stored value differs from the journal's (none when the row matches). */
export function kolomBeda(row: Record<string, unknown>, isi: string): string[] {
  const lama = JSON.parse(isi) as Record<string, unknown>;
  const sekarang = JSON.parse(isiJurnal(row)) as Record<string, unknown>;
  const kolom = [...new Set([...Object.keys(lama), ...Object.keys(sekarang)])].sort();
  return kolom.filter((k) => JSON.stringify(lama[k] ?? null) !== JSON.stringify(sekarang[k] ?? null));
}
