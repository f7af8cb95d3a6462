// Journalling on the raw better-sqlite3 handle, for bulk imports inside their own transaction. No
// kysely here: the cash import's writer thread loads this module (through tulis-massal.ts).
import type BetterSqlite3 from 'better-sqlite3';
import {
  type AksiJurnal,
  type EntriJurnal,
  GENESIS_JURNAL,
  hashJurnal,
  isiJurnal,
  isiLot,
  tambahKeLot,
} from '../domain/jurnal.js';

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

/** rows per lot entry */
const LOT = 1024;

export interface PenjurnalLot {
  /** journals a row added, from its values as written (no read-back), in the order of the columns given */
  tambah(nilai: readonly unknown[]): void;
  /** writes the lot still open; call before the transaction commits */
  akhiri(): void;
}

/**
 * The journal of the rows a bulk import adds to one book: one `lot` entry per 1,024 rows, holding the column
 * names once and each row's values as written (isiLot), hashed like any entry. Inside the import's transaction
 * nothing else writes the journal, so the last hash is read once.
 */
export function penjurnalLot(
  sqlite: BetterSqlite3.Database,
  buku: string,
  waktu: string,
  kolom: readonly string[],
): PenjurnalLot {
  const salinan = salinanIni(sqlite);
  const stmt = sqlite.prepare(SQL_TAMBAH);
  const urut = [...kolom].sort();
  const posisi = urut.map((k) => kolom.indexOf(k));
  const sudahUrut = posisi.every((p, i) => p === i);
  const satu = new Array<unknown>(kolom.length);
  let sebelum: string | undefined;
  let lot: unknown[] = [];
  let n = 0;
  const tulisIsi = (isi: string) => {
    sebelum ??= hashAkhir(sqlite);
    const v = nilaiEntri({ waktu, salinan, buku, uid: '', aksi: 'lot', isi }, sebelum);
    stmt.run(v);
    sebelum = v[7] as string;
  };
  const tulis = () => {
    if (!n) return;
    tulisIsi(isiLot(urut, lot));
    lot = [];
    n = 0;
  };
  return {
    tambah(nilai) {
      if (!sudahUrut) for (let i = 0; i < posisi.length; i++) satu[i] = nilai[posisi[i]!];
      tambahKeLot(lot, sudahUrut ? nilai : satu);
      if (++n === LOT) tulis();
    },
    akhiri: tulis,
  };
}
