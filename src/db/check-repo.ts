// SQLite's own checks and whole-table reads for `wksbm periksa`.
import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Database } from './types.js';

/** The append-only chains a seal covers: cash, stock and the journal of every other book. */
export type TabelBerantai = 'kas' | 'natura' | 'jurnal';

/** Every row in posting order, streamed: whole books are iterated, never materialised. */
export function streamRows(db: Kysely<Database>, tabel: TabelBerantai): AsyncIterable<Record<string, unknown>> {
  return db.selectFrom(tabel).selectAll().orderBy('id').stream(2000) as AsyncIterable<Record<string, unknown>>;
}

/**
 * Every row of a chained book in posting order (after id `setelah`), as an array of the columns named
 * (then `hash_sebelum` and `hash`): one prepared statement iterated, no object per row, so a million rows cost little.
 * Nothing else may run on the handle until the iteration ends.
 */
export function iterRantai(
  sqlite: BetterSqlite3.Database,
  tabel: 'kas' | 'natura',
  kolom: readonly string[],
  rentang: Rentang = SEMUA,
): IterableIterator<unknown[]> {
  const daftar = [...kolom, 'hash_sebelum', 'hash'].map((k) => `"${k}"`).join(', ');
  const q = sqlite.prepare(`SELECT ${daftar} FROM ${tabel} WHERE id > ? AND id <= ? ORDER BY id`);
  return q.raw(true).iterate(rentang.setelah, rentang.sampai) as IterableIterator<unknown[]>;
}

/** The rows after id `setelah` up to id `sampai`. */
export interface Rentang {
  setelah: number;
  sampai: number;
}
export const SEMUA: Rentang = { setelah: 0, sampai: Number.MAX_SAFE_INTEGER };

/** The book's last id (0 when empty). */
export function idTerakhir(sqlite: BetterSqlite3.Database, tabel: 'kas' | 'natura'): number {
  return Number(sqlite.prepare(`SELECT ifnull(max(id), 0) FROM ${tabel}`).pluck().get());
}

/** The stored hash of the last row up to id `sampai`, or undefined when there is none. */
export function hashSampai(sqlite: BetterSqlite3.Database, tabel: 'kas' | 'natura', sampai: number): unknown {
  return sqlite.prepare(`SELECT hash FROM ${tabel} WHERE id <= ? ORDER BY id DESC LIMIT 1`).pluck().get(sampai);
}

/**
 * How many rows one query of rekamRantai joins into one text: about 85 kB, below V8's large-object size, so
 * each batch's text dies young instead of piling up until a full collection (136 MiB against 89 at 1 M rows).
 */
const SEKALI_AMBIL = 256;

/** One query's records (rekamRantai) and their row ids, in id order. */
export interface BatchRekam {
  rekam: string[];
  id: number[];
}

/**
 * Every row of a chained book in posting order (within `rentang`) as one text: the stored `hash`, the stored
 * `hash_sebelum`, a newline and SQLite's JSON array of the columns named, so everything after the stored hash
 * is exactly what the row's hash was made of (src/ledger/hash.ts, `cocokRekam`). SQLite joins 256 rows to a
 * query: a row per call costs more than the row. A row whose two hashes are not both texts of 64 ASCII characters
 * comes as `?` and its id, to be read by its values (barisRantai); so does every row of a batch that does not
 * split into its rows in id order. JSON text never holds the separator (U+001E). SQLite refuses a BLOB in a
 * JSON array (a file changed outside the tool): the iteration then throws a SqliteError with code SQLITE_ERROR.
 * Each batch comes with its rows' ids, read once from the records.
 */
export function* rekamRantai(
  sqlite: BetterSqlite3.Database,
  tabel: 'kas' | 'natura',
  kolom: readonly string[],
  rentang: Rentang = SEMUA,
): Generator<BatchRekam> {
  const json = kolom.map((k) => `"${k}"`).join(', ');
  const ascii64 = (k: string) => `typeof(${k}) = 'text' AND length(${k}) = 64 AND octet_length(${k}) = 64`;
  const rekam = `CASE WHEN ${ascii64('hash')} AND ${ascii64('hash_sebelum')}
    THEN hash || hash_sebelum || char(10) || json_array(${json}) ELSE '?' || id END`;
  const q = sqlite
    .prepare(`SELECT max(id), count(*), group_concat(rekam, char(30)) FROM
      (SELECT id, ${rekam} AS rekam FROM ${tabel} WHERE id > ? AND id <= ? ORDER BY id LIMIT ${SEKALI_AMBIL})`)
    .raw(true);
  const id = sqlite
    .prepare(`SELECT '?' || id FROM ${tabel} WHERE id > ? AND id <= ? ORDER BY id LIMIT ${SEKALI_AMBIL}`)
    .pluck();
  for (let setelah = rentang.setelah; ; ) {
    const [akhir, jumlah, teks] = q.get(setelah, rentang.sampai) as [number | null, number, string | null];
    if (akhir === null || teks === null) return;
    const baris = teks.split('\x1e');
    const naik = baris.length === jumlah ? idNaik(baris) : undefined;
    if (naik) yield { rekam: baris, id: naik };
    else {
      const satu = id.all(setelah, rentang.sampai) as string[];
      yield { rekam: satu, id: satu.map(idRekam) };
    }
    setelah = akhir;
  }
}

/** Where a record's JSON text starts: after the two hashes and the newline. */
export const AWAL_JSON = 129;

/** A record's row id: after `?`, or first in its JSON text. */
export function idRekam(rekam: string): number {
  if (rekam[0] === '?') return Number(rekam.slice(1));
  return Number(rekam.slice(AWAL_JSON + 1, rekam.indexOf(',', AWAL_JSON)));
}

/** The records' ids when they rise (group_concat keeps the subquery's order, but does not promise to). */
function idNaik(baris: readonly string[]): number[] | undefined {
  const id = baris.map(idRekam);
  for (let i = 1; i < id.length; i++) if (!(id[i]! > id[i - 1]!)) return undefined;
  return id;
}

/** One row's chained values (the columns named), then `hash_sebelum` and `hash`, as iterRantai gives them. */
export function barisRantai(
  sqlite: BetterSqlite3.Database,
  tabel: 'kas' | 'natura',
  kolom: readonly string[],
  id: number,
): unknown[] {
  const daftar = [...kolom, 'hash_sebelum', 'hash'].map((k) => `"${k}"`).join(', ');
  return sqlite.prepare(`SELECT ${daftar} FROM ${tabel} WHERE id = ?`).raw(true).get(id) as unknown[];
}

/** The funds whose balance may never go below zero. */
export async function danaTerikat(db: Kysely<Database>): Promise<Set<string>> {
  const r = await db.selectFrom('dana').select('kode').where('terikat', '=', 1).execute();
  return new Set(r.map((d) => d.kode));
}

export async function jumlahBaris(db: Kysely<Database>, tabel: TabelBerantai): Promise<number> {
  const r = await db
    .selectFrom(tabel)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The smallest or the largest id. Asked one at a time: SQLite reads a lone min() or max() at one end of the rowid
 * B-tree, but both in one query scan the whole table (0.1 s on a million entries, at every workbook's seal).
 */
async function idUjung(db: Kysely<Database>, tabel: TabelBerantai, fn: 'min' | 'max'): Promise<number> {
  const r = await db
    .selectFrom(tabel)
    .select((eb) => eb.fn[fn]<number>('id').as('id'))
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/**
 * The id and stored hash of the rows at the given places in posting order (1 = the first), read by id
 * when the ids run without a gap from the first to the last row (so place p is id first + p - 1):
 * a few indexed reads instead of the whole chain. Undefined when there is a gap (read the stream).
 */
export async function hashDiTempat(
  db: Kysely<Database>,
  tabel: TabelBerantai,
  jumlah: number,
  tempat: number[],
): Promise<{ id: number; hash: string }[] | undefined> {
  const [awal, akhir] = [await idUjung(db, tabel, 'min'), await idUjung(db, tabel, 'max')];
  if (!jumlah || akhir - awal + 1 !== jumlah) return undefined;
  const ids = tempat.map((p) => awal + p - 1);
  const baris = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const bagian = ids.slice(i, i + 500);
    const rows = await db.selectFrom(tabel).select(['id', 'hash']).where('id', 'in', bagian).execute();
    for (const x of rows) baris.set(Number(x.id), x.hash);
  }
  if (ids.some((id) => !baris.has(id))) return undefined;
  return ids.map((id) => ({ id, hash: baris.get(id)! }));
}

/** The id and stored hash of every row in posting order, streamed. */
export function streamHash(db: Kysely<Database>, tabel: TabelBerantai): AsyncIterable<{ id: number; hash: string }> {
  return db.selectFrom(tabel).select(['id', 'hash']).orderBy('id').stream(5000);
}

/** A table, index or trigger of the file as SQLite keeps it. */
export interface ObjekSkema {
  type: 'table' | 'index' | 'trigger';
  name: string;
  tbl_name: string;
  sql: string;
}

/**
 * The file's tables, indexes and triggers with their text: not SQLite's own, not those a UNIQUE makes (they come
 * with their table's text), not the migration log's two tables (kysely writes their text, and may change it).
 */
export async function daftarSkema(db: Kysely<Database>): Promise<ObjekSkema[]> {
  const r = await sql<ObjekSkema>`
    SELECT type, name, tbl_name, sql FROM sqlite_master
    WHERE type IN ('table', 'index', 'trigger') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
      AND tbl_name NOT IN ('migrasi', 'migrasi_kunci')
    ORDER BY type, name`.execute(db);
  return r.rows;
}
