// SQLite's own checks and whole-table reads for `wksbm periksa`.
import { type Kysely, sql } from 'kysely';
import type { Rupiah } from '../domain/money.js';
import { galatRusak } from './galat.js';
import type { Database } from './types.js';

/** SQLite's integrity findings; when damage stops the check itself, SQLite's refusal is the finding. */
export async function integrityCheck(db: Kysely<Database>): Promise<string[]> {
  try {
    const r = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
    return r.rows.map((x) => x.integrity_check).filter((x) => x !== 'ok');
  } catch (err) {
    if (galatRusak(err)) return [(err as Error).message];
    throw err;
  }
}

export async function foreignKeyCheck(
  db: Kysely<Database>,
): Promise<{ table: string; rowid: number; parent: string }[]> {
  const r = await sql<{ table: string; rowid: number; parent: string }>`PRAGMA foreign_key_check`.execute(db);
  return r.rows;
}

/** The append-only chains a seal covers: cash, stock and the journal of every other book. */
export type TabelBerantai = 'kas' | 'natura' | 'jurnal';

/** Every row in posting order, streamed: whole books are iterated, never materialised. */
export function streamRows(db: Kysely<Database>, tabel: TabelBerantai): AsyncIterable<Record<string, unknown>> {
  return db.selectFrom(tabel).selectAll().orderBy('id').stream(2000) as AsyncIterable<Record<string, unknown>>;
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

/** Day-end balances per fund and per account that are below zero, over the whole book. */
export async function negativeDayEnds(
  db: Kysely<Database>,
): Promise<{ jenis: 'dana' | 'akun'; kode: string; tanggal: string; saldo: Rupiah }[]> {
  const r = await sql<{ jenis: 'dana' | 'akun'; kode: string; tanggal: string; saldo: Rupiah }>`
    WITH g AS (
      SELECT 'dana' AS jenis, dana AS kode, tanggal, CASE arah WHEN 'masuk' THEN jumlah ELSE -jumlah END AS d
        FROM kas JOIN dana ON dana.kode = kas.dana WHERE arah <> 'pindah' AND dana.terikat = 1
      UNION ALL SELECT 'akun', akun, tanggal, CASE arah WHEN 'masuk' THEN jumlah ELSE -jumlah END FROM kas
      UNION ALL SELECT 'akun', akun_tujuan, tanggal, jumlah FROM kas WHERE arah = 'pindah'
    ),
    harian AS (SELECT jenis, kode, tanggal, sum(d) AS d FROM g GROUP BY jenis, kode, tanggal),
    kumulatif AS (SELECT jenis, kode, tanggal, sum(d) OVER (PARTITION BY jenis, kode ORDER BY tanggal) AS saldo FROM
      harian)
    SELECT jenis, kode, min(tanggal) AS tanggal, saldo FROM kumulatif WHERE saldo < 0 GROUP BY jenis, kode`.execute(db);
  return r.rows;
}

export async function jumlahBaris(db: Kysely<Database>, tabel: TabelBerantai): Promise<number> {
  const r = await db
    .selectFrom(tabel)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
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
