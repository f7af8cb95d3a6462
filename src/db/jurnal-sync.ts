// Journalling on the raw better-sqlite3 handle, for bulk imports inside their own transaction. No
// kysely here: the cash import's writer thread loads this module (through tulis-massal.ts).
import type BetterSqlite3 from 'better-sqlite3';
import { type AksiJurnal, type EntriJurnal, GENESIS_JURNAL, hashJurnal, hashLot, isiJurnal } from '../domain/jurnal.js';

const KOLOM = '(waktu, salinan, buku, uid, aksi, isi, hash_sebelum, hash)';
const SQL_TAMBAH = `INSERT INTO jurnal ${KOLOM} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

export function nilaiEntri(e: EntriJurnal, sebelum: string): unknown[] {
  return [e.waktu, e.salinan, e.buku, e.uid, e.aksi, e.isi, sebelum, hashJurnal(sebelum, e)];
}

const salinanIni = (sqlite: BetterSqlite3.Database): string =>
  (sqlite.prepare("SELECT nilai FROM meta WHERE kunci = 'salinan'").pluck().get() as string | undefined) ?? '';
const hashAkhir = (sqlite: BetterSqlite3.Database): string =>
  (sqlite.prepare('SELECT hash FROM jurnal ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ??
  GENESIS_JURNAL;

/** Journals one row of `buku` as it stands now, read back by its id (the import log, once per import). */
export function jurnalkanSync(
  sqlite: BetterSqlite3.Database,
  buku: string,
  id: number,
  aksi: AksiJurnal,
  waktu: string,
) {
  const row = sqlite.prepare(`SELECT * FROM "${buku}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  const e: EntriJurnal = { waktu, salinan: salinanIni(sqlite), buku, uid: String(row?.uid), aksi, isi: isiJurnal(row) };
  sqlite.prepare(SQL_TAMBAH).run(...nilaiEntri(e, hashAkhir(sqlite)));
}

/** entries per lot: one digest seals them; a broken lot is named by its first entry */
const LOT = 1024;
/** journal rows per INSERT statement */
const SEKALIGUS = 64;

export interface PenjurnalLot {
  /** journals a row added, from the JSON of the values as written (no read-back) */
  tambah(uid: string, isi: string): void;
  /** writes the lot still open; call before the transaction commits */
  akhiri(): void;
}

/**
 * The journal of the rows a bulk import adds to one book: an entry per row, its `isi` made from the values
 * written, sealed by one hash per lot (hashLot) instead of one per row. Inside the import's transaction
 * nothing else writes the journal, so the last hash is read once.
 */
export function penjurnalLot(sqlite: BetterSqlite3.Database, buku: string, waktu: string): PenjurnalLot {
  const salinan = salinanIni(sqlite);
  const satu = sqlite.prepare(SQL_TAMBAH);
  const banyak = sqlite.prepare(
    `INSERT INTO jurnal ${KOLOM} VALUES ${Array<string>(SEKALIGUS).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
  );
  const nilai = new Array<unknown>(8 * SEKALIGUS);
  let sebelum: string | undefined;
  let lot: EntriJurnal[] = [];
  const tulis = () => {
    if (!lot.length) return;
    sebelum ??= hashAkhir(sqlite);
    const hash = hashLot(sebelum, lot);
    for (let i = 0; i < lot.length; i++) {
      const e = lot[i]!;
      const o = (i % SEKALIGUS) * 8;
      nilai[o] = e.waktu;
      nilai[o + 1] = e.salinan;
      nilai[o + 2] = e.buku;
      nilai[o + 3] = e.uid;
      nilai[o + 4] = e.aksi;
      nilai[o + 5] = e.isi;
      nilai[o + 6] = sebelum;
      nilai[o + 7] = i === lot.length - 1 ? hash : '';
      if (o === 8 * (SEKALIGUS - 1)) banyak.run(nilai);
    }
    for (let i = lot.length - (lot.length % SEKALIGUS); i < lot.length; i++)
      satu.run(nilai.slice((i % SEKALIGUS) * 8, (i % SEKALIGUS) * 8 + 8));
    sebelum = hash;
    lot = [];
  };
  return {
    tambah(uid, isi) {
      lot.push({ waktu, salinan, buku, uid, aksi: 'tambah', isi });
      if (lot.length === LOT) tulis();
    },
    akhiri: tulis,
  };
}
