// Queries on the stock book of goods in kind (natura). What may be written is decided in src/ledger/natura.ts.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, NaturaRow } from './types.js';

export type Natura = Selectable<NaturaRow>;

export async function insertNatura(db: Kysely<Database>, row: Natura): Promise<void> {
  await db.insertInto('natura').values(row).execute();
}

/** The unit an item was first counted in: every later movement of it uses the same. */
export async function satuanBarang(db: Kysely<Database>, barang: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('natura')
    .select('satuan')
    .where('barang', '=', barang)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return r?.satuan;
}

const GERAK = sql<number>`CASE arah WHEN 'masuk' THEN kuantitas_mili ELSE -kuantitas_mili END`;

/** Stock per item (thousandths of its unit), up to a date or over the whole book. */
export async function stokNatura(
  db: Kysely<Database>,
  sampai?: string,
): Promise<{ barang: string; satuan: string; kuantitas_mili: number }[]> {
  const r = await sql<{ barang: string; satuan: string; kuantitas_mili: number }>`
    SELECT barang, min(satuan) AS satuan, sum(${GERAK}) AS kuantitas_mili FROM natura
    WHERE (${sampai ?? null} IS NULL OR tanggal <= ${sampai ?? null}) GROUP BY barang ORDER BY barang`.execute(db);
  return r.rows.map((x) => ({ ...x, kuantitas_mili: Number(x.kuantitas_mili) }));
}

export async function listNatura(
  db: Kysely<Database>,
  f: { barang?: string; dari?: string; sampai?: string },
): Promise<Natura[]> {
  let q = db.selectFrom('natura').selectAll();
  if (f.barang) q = q.where('barang', '=', f.barang);
  if (f.dari) q = q.where('tanggal', '>=', f.dari);
  if (f.sampai) q = q.where('tanggal', '<=', f.sampai);
  return q.orderBy('tanggal').orderBy('id').execute();
}

/** Day-ends where an item's stock is below zero, over the whole book (for `periksa`). */
export async function negativeStokDayEnds(
  db: Kysely<Database>,
): Promise<{ barang: string; satuan: string; tanggal: string; sisa_mili: number }[]> {
  const r = await sql<{ barang: string; satuan: string; tanggal: string; sisa_mili: number }>`
    WITH harian AS (SELECT barang, min(satuan) AS satuan, tanggal, sum(${GERAK}) AS d FROM natura GROUP BY barang,
      tanggal),
         kumulatif AS (SELECT barang, satuan, tanggal, sum(d) OVER (PARTITION BY barang ORDER BY tanggal) AS sisa_mili
           FROM harian)
    SELECT barang, satuan, min(tanggal) AS tanggal, sisa_mili FROM kumulatif WHERE sisa_mili < 0 GROUP BY
      barang`.execute(db);
  return r.rows;
}

export async function findNatura(db: Kysely<Database>, id: number): Promise<Natura | undefined> {
  return db.selectFrom('natura').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findNaturaReversal(db: Kysely<Database>, id: number): Promise<Natura | undefined> {
  return db.selectFrom('natura').selectAll().where('batal_dari', '=', id).executeTakeFirst();
}

/** Sales whose BKM was voided in the cash book while the stock-out still stands (for `periksa`). */
export async function salesWithVoidedReceipt(db: Kysely<Database>): Promise<{ id: number; nomor: string }[]> {
  const r = await sql<{ id: number; nomor: string }>`
    SELECT n.id AS id, k.nomor AS nomor FROM natura n JOIN kas k ON k.id = n.kas_id
    WHERE n.tujuan = 'jual' AND n.batal_dari IS NULL
      AND EXISTS (SELECT 1 FROM kas b WHERE b.batal_dari = k.id)
      AND NOT EXISTS (SELECT 1 FROM natura r WHERE r.batal_dari = n.id)
    ORDER BY n.id`.execute(db);
  return r.rows;
}
