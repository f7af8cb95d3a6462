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
  setelah: number | null = null,
): IterableIterator<unknown[]> {
  const daftar = [...kolom, 'hash_sebelum', 'hash'].map((k) => `"${k}"`).join(', ');
  const q = sqlite.prepare(`SELECT ${daftar} FROM ${tabel} ${setelah === null ? '' : 'WHERE id > ?'} ORDER BY id`);
  return q.raw(true).iterate(...(setelah === null ? [] : [setelah])) as IterableIterator<unknown[]>;
}

/**
 * Every row of a chained book in posting order (after id `setelah`) as [id, JSON array of the columns
 * named, hash_sebelum, hash]: SQLite writes the JSON, so a row costs three strings instead of a value per
 * column. Nothing else may run on the handle until the iteration ends. SQLite refuses a BLOB in a JSON
 * array (a file changed outside the tool): the iteration then throws a SqliteError with code SQLITE_ERROR.
 */
export function iterTeksRantai(
  sqlite: BetterSqlite3.Database,
  tabel: 'kas' | 'natura',
  kolom: readonly string[],
  setelah: number | null,
): IterableIterator<[number, string, unknown, unknown]> {
  const json = kolom.map((k) => `"${k}"`).join(', ');
  const dari = setelah === null ? '' : 'WHERE id > ?';
  const q = sqlite.prepare(`SELECT id, json_array(${json}), hash_sebelum, hash FROM ${tabel} ${dari} ORDER BY id`);
  return q.raw(true).iterate(...(setelah === null ? [] : [setelah])) as IterableIterator<
    [number, string, unknown, unknown]
  >;
}

/** One row's chained values (the columns named), as iterRantai gives them without the two hashes. */
export function barisRantai(
  sqlite: BetterSqlite3.Database,
  tabel: 'kas' | 'natura',
  kolom: readonly string[],
  id: number,
): unknown[] {
  const daftar = kolom.map((k) => `"${k}"`).join(', ');
  return sqlite.prepare(`SELECT ${daftar} FROM ${tabel} WHERE id = ?`).raw(true).get(id) as unknown[];
}

/** Reversals whose direction, amount, fund or accounts do not mirror the entry they void. */
export async function voidsNotMirroring(db: Kysely<Database>): Promise<{ id: number; nomor: string }[]> {
  const r = await sql<{ id: number; nomor: string }>`
    SELECT r.id, r.nomor FROM kas r LEFT JOIN kas a ON a.id = r.batal_dari
    WHERE r.batal_dari IS NOT NULL
      AND (a.id IS NULL OR a.arah IS NOT r.arah OR a.jumlah <> -r.jumlah OR a.dana IS NOT r.dana OR a.akun IS NOT
        r.akun OR a.akun_tujuan IS NOT r.akun_tujuan)
    ORDER BY r.id`.execute(db);
  return r.rows;
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
  const r = await db
    .selectFrom(tabel)
    .select((eb) => [eb.fn.min<number>('id').as('awal'), eb.fn.max<number>('id').as('akhir')])
    .executeTakeFirstOrThrow();
  const [awal, akhir] = [Number(r.awal), Number(r.akhir)];
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

export interface Pemicu {
  name: string;
  tbl_name: string;
  sql: string;
}

export async function daftarPemicu(db: Kysely<Database>): Promise<Pemicu[]> {
  const r = await sql<Pemicu>`
    SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`.execute(db);
  return r.rows;
}
