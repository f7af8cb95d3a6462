// The erasure's reads and rewrites: rows that name a person, the journal entries that hold them, the
// change history, the append-only guards lifted for exactly this write, and the file scrubbed after it.
import { type Kysely, sql } from 'kysely';
import type { ObjekSkema } from './check-repo.js';
import type { Database } from './types.js';

type Db = Kysely<Database>;
type Baris = Record<string, unknown> & { id: number };
type Nilai = string | number | null;

/** Rows of `tabel` whose `kolom` is one of `ids`. */
export async function barisDengan(db: Db, tabel: string, kolom: string, ids: number[]): Promise<Baris[]> {
  if (ids.length === 0) return [];
  const r = await sql<Baris>`SELECT * FROM ${sql.table(tabel)}
    WHERE ${sql.ref(kolom)} IN (${sql.join(ids)}) ORDER BY id`.execute(db);
  return r.rows;
}

/** Sets columns of one row as they are, without the change history (which must not learn the old values). */
export async function setKolom(db: Db, tabel: string, id: number, nilai: Record<string, Nilai>): Promise<void> {
  const set = sql.join(Object.entries(nilai).map(([k, v]) => sql`${sql.ref(k)} = ${v}`));
  await sql`UPDATE ${sql.table(tabel)} SET ${set} WHERE id = ${id}`.execute(db);
}

export interface EntriTersimpan {
  id: number;
  waktu: string;
  salinan: string;
  buku: string;
  uid: string;
  aksi: 'tambah' | 'ubah' | 'hapus' | 'anonimkan' | 'lot';
  isi: string;
  hash_sebelum: string;
  hash: string;
}

/**
 * The journal entries of these records (book and uid), oldest first: their own, and the lots of a bulk import
 * whose text holds one of the uids (the caller finds the row inside).
 */
export async function entriMilik(db: Db, buku: string, uids: string[]): Promise<EntriTersimpan[]> {
  if (uids.length === 0) return [];
  const diLot = sql.join(
    uids.map((u) => sql`instr(isi, ${JSON.stringify(u)}) > 0`),
    sql` OR `,
  );
  const r = await sql<EntriTersimpan>`SELECT * FROM jurnal
    WHERE buku = ${buku} AND (uid IN (${sql.join(uids)}) OR (aksi = 'lot' AND (${diLot}))) ORDER BY id`.execute(db);
  return r.rows;
}

/**
 * The whole lot a journal entry belongs to when a bulk import wrote it (entries with an empty hash, closed
 * by the first hashed one): from after the hashed entry before it up to that closing entry, oldest first.
 * An entry written alone comes back alone.
 */
export async function lotEntri(db: Db, id: number): Promise<EntriTersimpan[]> {
  const r = await sql<EntriTersimpan>`SELECT * FROM jurnal
    WHERE id > coalesce((SELECT max(id) FROM jurnal WHERE id < ${id} AND hash != ''), 0)
      AND id <= (SELECT min(id) FROM jurnal WHERE id >= ${id} AND hash != '')
    ORDER BY id`.execute(db);
  return r.rows;
}

export async function setIsiEntri(db: Db, id: number, isi: string): Promise<void> {
  await sql`UPDATE jurnal SET isi = ${isi} WHERE id = ${id}`.execute(db);
}

/** The change history of one row's columns. */
export async function perubahanKolom(
  db: Db,
  tabel: string,
  id: number,
  kolom: string[],
): Promise<{ id: number; kolom: string; lama: string | null; baru: string | null }[]> {
  return db
    .selectFrom('perubahan')
    .select(['id', 'kolom', 'lama', 'baru'])
    .where('tabel', '=', tabel)
    .where('baris_id', '=', id)
    .where('kolom', 'in', kolom)
    .execute();
}

export async function setPerubahan(db: Db, id: number, lama: string | null, baru: string | null): Promise<void> {
  await db.updateTable('perubahan').set({ lama, baru }).where('id', '=', id).execute();
}

export async function catatPerubahan(
  db: Db,
  p: { tabel: string; baris_id: number; kolom: string; baru: string; oleh: string; waktu: string },
): Promise<void> {
  await db
    .insertInto('perubahan')
    .values({ ...p, lama: null })
    .execute();
}

const PENJAGA = (tabel: string) => [`${tabel}_tanpa_ubah`];

/**
 * Runs `fn` with the UPDATE guards of these append-only tables lifted, inside the caller's transaction,
 * and puts each guard back word for word as the file had it (so `periksa` finds them unchanged).
 */
export async function tanpaPenjagaUbah<T>(db: Db, tabel: string[], fn: () => Promise<T>): Promise<T> {
  const nama = tabel.flatMap(PENJAGA);
  const penjaga = (
    await sql<ObjekSkema>`SELECT type, name, tbl_name, sql FROM sqlite_master
      WHERE type = 'trigger' AND name IN (${sql.join(nama)})`.execute(db)
  ).rows;
  for (const p of penjaga) await sql`DROP TRIGGER ${sql.id(p.name)}`.execute(db);
  const hasil = await fn();
  // the file's own trigger text, read a moment ago inside this transaction
  for (const p of penjaga) await sql.raw(p.sql).execute(db);
  return hasil;
}

/** Freed pages are zeroed from now on, on this connection (SQLite's secure_delete). */
export async function hapusAman(db: Db): Promise<void> {
  await sql`PRAGMA secure_delete = ON`.execute(db);
}

/**
 * After the erasure has committed: the file rebuilt without free pages (VACUUM) and the WAL copied back
 * and cut to zero bytes, so no old page of the file or its WAL still holds the erased values.
 */
export async function bersihkanBerkas(db: Db): Promise<void> {
  await kosongkanWal(db);
  await sql`VACUUM`.execute(db);
  await kosongkanWal(db);
}

/** A reader still inside the WAL keeps it from being cut: that is a failure here, not a silent leftover. */
async function kosongkanWal(db: Db): Promise<void> {
  const r = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  if (Number(r.rows[0]?.busy ?? 0) !== 0) throw new Error('WAL masih dipakai pembaca lain');
}
