// Day totals per account, fund and stock item (`saldo_harian`): the movement of each day that has
// one and the day-end balance it leads to. Kept by the write path, so a posting's floor check reads
// the key's days from the entry's date on instead of rebuilding its whole history.
import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Database, SaldoHarianRow } from './types.js';

type Buku = SaldoHarianRow['buku'];

/** The day-end before `dari` and every stored day-end from `dari` on, in date order. */
export async function bacaGaris(
  db: Kysely<Database>,
  buku: Buku,
  kode: string,
  dari: string,
): Promise<{ saldoSebelum: number; baris: { tanggal: string; saldo: number }[] }> {
  const kunci = db.selectFrom('saldo_harian').where('buku', '=', buku).where('kode', '=', kode);
  const sebelum = await kunci
    .select('saldo')
    .where('tanggal', '<', dari)
    .orderBy('tanggal', 'desc')
    .limit(1)
    .executeTakeFirst();
  const baris = await kunci.select(['tanggal', 'saldo']).where('tanggal', '>=', dari).orderBy('tanggal').execute();
  return {
    saldoSebelum: Number(sebelum?.saldo ?? 0),
    baris: baris.map((b) => ({ tanggal: b.tanggal, saldo: Number(b.saldo) })),
  };
}

/** The day-end balance of one key at the end of `tanggal`: one indexed row, whatever the ledger's age. */
export async function saldoPada(db: Kysely<Database>, buku: Buku, kode: string, tanggal: string): Promise<number> {
  const r = await db
    .selectFrom('saldo_harian')
    .select('saldo')
    .where('buku', '=', buku)
    .where('kode', '=', kode)
    .where('tanggal', '<=', tanggal)
    .orderBy('tanggal', 'desc')
    .limit(1)
    .executeTakeFirst();
  return Number(r?.saldo ?? 0);
}

/**
 * Counts one posting's movements on day `tanggal`: the day's row (created with the balance carried
 * into it) and every day-end from it on. A posting dated today touches one row per key.
 */
export async function tambahSaldoHarian(
  db: Kysely<Database>,
  tanggal: string,
  gerak: readonly { buku: Buku; kode: string; gerak: number }[],
): Promise<void> {
  for (const g of gerak) {
    const bawaan = db
      .selectFrom('saldo_harian')
      .select('saldo')
      .where('buku', '=', g.buku)
      .where('kode', '=', g.kode)
      .where('tanggal', '<', tanggal)
      .orderBy('tanggal', 'desc')
      .limit(1);
    await db
      .insertInto('saldo_harian')
      .values({ buku: g.buku, kode: g.kode, tanggal, gerak: 0, saldo: sql<number>`coalesce((${bawaan}), 0)` })
      .onConflict((oc) => oc.columns(['buku', 'kode', 'tanggal']).doNothing())
      .execute();
    await db
      .updateTable('saldo_harian')
      .set({
        gerak: sql<number>`gerak + CASE WHEN tanggal = ${tanggal} THEN ${g.gerak} ELSE 0 END`,
        saldo: sql<number>`saldo + ${g.gerak}`,
      })
      .where('buku', '=', g.buku)
      .where('kode', '=', g.kode)
      .where('tanggal', '>=', tanggal)
      .execute();
  }
}

/** A stretch of one key's stored day totals, and the stored day-end of the day before it. */
export interface HarianSebagian {
  sebelum: number;
  baris: { tanggal: string; gerak: number }[];
}

/** Reads the stored days of one key from `dari` on (up to `sampai`, not included). */
export type BacaHarian = (buku: Buku, kode: string, dari: string, sampai?: string) => HarianSebagian;

/**
 * A bulk run's reader of day totals: the days from the earliest it moves on, and the day-end carried into them, as a
 * single posting reads them (bacaGaris), so an import costs the days it touches and not the ledger's age.
 */
export function bacaHarian(sqlite: BetterSqlite3.Database): BacaHarian {
  const kunci = 'FROM saldo_harian WHERE buku = ? AND kode = ?';
  const sebelum = sqlite.prepare(`SELECT saldo ${kunci} AND tanggal < ? ORDER BY tanggal DESC LIMIT 1`).pluck();
  const sejak = sqlite.prepare(`SELECT tanggal, gerak ${kunci} AND tanggal >= ?`);
  const antara = sqlite.prepare(`SELECT tanggal, gerak ${kunci} AND tanggal >= ? AND tanggal < ?`);
  return (buku, kode, dari, sampai) => ({
    sebelum: Number(sebelum.get(buku, kode, dari) ?? 0),
    baris: (sampai === undefined ? sejak.all(buku, kode, dari) : antara.all(buku, kode, dari, sampai)) as {
      tanggal: string;
      gerak: number;
    }[],
  });
}

export interface BedaHarian {
  buku: Buku;
  kode: string;
  tanggal: string;
  tercatat: number;
  seharusnya: number;
  satuan: string | null;
}

/** Every stored day total, for periksa (days × keys: small next to the books). */
export async function semuaSaldoHarian(db: Kysely<Database>): Promise<SaldoHarianRow[]> {
  return db.selectFrom('saldo_harian').selectAll().execute();
}

/** Per key, the first day whose stored day-end is not the running sum of its day totals. */
export async function saldoTakBerjalan(db: Kysely<Database>): Promise<BedaHarian[]> {
  const r = await sql<BedaHarian>`
    WITH berjalan AS (
      SELECT buku, kode, tanggal, saldo, sum(gerak) OVER (PARTITION BY buku, kode ORDER BY tanggal) AS seharusnya FROM
        saldo_harian
    )
    SELECT buku, kode, min(tanggal) AS tanggal, saldo AS tercatat, seharusnya,
      CASE buku WHEN 'stok' THEN (SELECT satuan FROM natura WHERE barang = kode ORDER BY id LIMIT 1) END AS satuan
    FROM berjalan WHERE saldo <> seharusnya GROUP BY buku, kode ORDER BY buku, kode`.execute(db);
  return r.rows;
}
