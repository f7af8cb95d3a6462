// Queries for the opening balance (vouchers of kind SA): which are in force, and the first entry it
// must precede.
import { type Kysely, sql } from 'kysely';
import type { Kas } from './kas-repo.js';
import type { Database } from './types.js';

/**
 * The SA vouchers in force: not a void, not voided. Empty when no opening balance is recorded. Found by
 * the voucher-kind index: `+` keeps SQLite off the index of `batal_dari`, where IS NULL is every entry.
 */
export async function saldoAwalBerlaku(db: Kysely<Database>): Promise<Kas[]> {
  return db
    .selectFrom('kas as k')
    .selectAll('k')
    .where('k.bukti', '=', 'SA')
    .where(sql<boolean>`+k.batal_dari IS NULL`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('kas as r').select('r.id').whereRef('r.batal_dari', '=', 'k.id'))),
    )
    .orderBy('k.id')
    .execute();
}

/** The date of the first cash entry that moves one of these accounts or funds (voided ones too). */
export async function entriKasPertama(
  db: Kysely<Database>,
  akun: readonly string[],
  dana: readonly string[],
): Promise<{ tanggal: string; nomor: string } | undefined> {
  if (akun.length === 0 && dana.length === 0) return undefined;
  const a = akun.length ? akun : [''];
  const d = dana.length ? dana : [''];
  const r = await sql<{ tanggal: string; nomor: string }>`
    SELECT tanggal, nomor FROM kas
    WHERE akun IN (${sql.join(a)}) OR akun_tujuan IN (${sql.join(a)}) OR dana IN (${sql.join(d)})
    ORDER BY tanggal, id LIMIT 1`.execute(db);
  return r.rows[0];
}

/** The date of the first stock movement of an item. */
export async function entriNaturaPertama(db: Kysely<Database>, barang: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('natura')
    .select(sql<string>`min(tanggal)`.as('awal'))
    .where('barang', '=', barang)
    .executeTakeFirst();
  return r?.awal ?? undefined;
}

/** The stock rows an opening balance recorded (linked to its SA vouchers) that are still in force. */
export async function naturaSaldoAwal(db: Kysely<Database>, kasId: readonly number[]): Promise<number[]> {
  if (kasId.length === 0) return [];
  const r = await sql<{ id: number }>`
    SELECT n.id FROM natura n WHERE n.kas_id IN (${sql.join([...kasId])}) AND n.batal_dari IS NULL
      AND NOT EXISTS (SELECT 1 FROM natura r WHERE r.batal_dari = n.id) ORDER BY n.id`.execute(db);
  return r.rows.map((x) => Number(x.id));
}
