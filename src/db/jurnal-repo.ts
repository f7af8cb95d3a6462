// Writing and reading the journal. The async path serves the services (Kysely, inside their
// transaction): it reads the one row back after the write, so the journal holds exactly what the
// table holds. Bulk imports journal on the raw handle from the values they write (jurnal-sync.ts).
// `periksa` reads the journal and the books one row at a time on the raw handle.
import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { type AksiJurnal, type EntriJurnal, GENESIS_JURNAL, isiJurnal } from '../domain/jurnal.js';
import { nilaiEntri } from './jurnal-sync.js';
import type { Database } from './types.js';

export { jurnalkanSync, penjurnalLot } from './jurnal-sync.js';

type Db = Kysely<Database>;

/** Journals the row `id` of `buku` as it stands now (or its deletion, by its uid). */
export async function jurnalkan(db: Db, buku: string, id: number, aksi: AksiJurnal, waktu: string, uid?: string) {
  const row = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(buku)} WHERE id = ${id}`.execute(db))
    .rows[0];
  await tambahEntri(db, {
    waktu,
    buku,
    uid: uid ?? String(row?.uid),
    aksi,
    isi: isiJurnal(aksi === 'hapus' ? undefined : row),
  });
}

/** Appends one entry, chained to the last and signed with this copy's id. */
export async function tambahEntri(db: Db, e: Omit<EntriJurnal, 'salinan'>): Promise<void> {
  const salinan = (await sql<{ nilai: string }>`SELECT nilai FROM meta WHERE kunci = 'salinan'`.execute(db)).rows[0];
  const akhir = (await sql<{ hash: string }>`SELECT hash FROM jurnal ORDER BY id DESC LIMIT 1`.execute(db)).rows[0];
  const v = nilaiEntri({ ...e, salinan: salinan?.nilai ?? '' }, akhir?.hash ?? GENESIS_JURNAL);
  await sql`INSERT INTO jurnal (waktu, salinan, buku, uid, aksi, isi, hash_sebelum, hash)
    VALUES (${sql.join(v.map((x) => sql`${x as string}`))})`.execute(db);
}

export interface BarisJurnal extends EntriJurnal {
  id: number;
  hash_sebelum: string;
  hash: string;
}

/** The journal in order, one entry at a time (a long history is never held whole). */
export function iterJurnal(sqlite: BetterSqlite3.Database): IterableIterator<BarisJurnal> {
  return sqlite.prepare('SELECT * FROM jurnal ORDER BY id').iterate() as IterableIterator<BarisJurnal>;
}

/** The erasure acts, oldest first. */
export async function isiAktaAnonim(db: Db): Promise<string[]> {
  return (await sql<{ isi: string }>`SELECT isi FROM jurnal WHERE aksi = 'anonimkan' ORDER BY id`.execute(db)).rows.map(
    (r) => r.isi,
  );
}

/**
 * Every row of one journalled book, one at a time, as its values in the order of `kolom` (an object per row costs
 * more than comparing it: a register of 100,000 rows).
 */
export function iterBaris(
  sqlite: BetterSqlite3.Database,
  buku: string,
): { kolom: string[]; baris: IterableIterator<unknown[]> } {
  const stmt = sqlite.prepare(`SELECT * FROM "${buku}" ORDER BY id`).raw(true);
  return { kolom: stmt.columns().map((c) => c.name), baris: stmt.iterate() as IterableIterator<unknown[]> };
}
