// One repository for every register book: the table and columns come from the book's declaration.
import { type Kysely, sql } from 'kysely';
import { BUKU_JURNAL, uidBaru } from '../domain/jurnal.js';
import { jurnalkan } from './jurnal-repo.js';
import type { Database } from './types.js';

export type Baris = Record<string, unknown> & { id: number };
type Db = Kysely<Database>;
// Register tables are declared in src/books, so their names reach Kysely as strings.
type Tabel = keyof Database & string;

/** Inserts a row, leaving out null values so the table's defaults apply; returns the new id. */
export async function insertBaris(db: Db, tabel: string, nilai: Record<string, unknown>): Promise<number> {
  const dijurnal = (BUKU_JURNAL as readonly string[]).includes(tabel);
  const isi = Object.fromEntries(Object.entries(nilai).filter(([, v]) => v !== null && v !== undefined));
  if (dijurnal) isi.uid = uidBaru();
  const r = await db
    .insertInto(tabel as Tabel)
    .values(isi as never)
    .executeTakeFirstOrThrow();
  const id = Number(r.insertId);
  if (dijurnal) await jurnalkan(db, tabel, id, 'tambah', String(nilai.dibuat ?? new Date().toISOString()));
  return id;
}

export async function getBaris(db: Db, tabel: string, id: number): Promise<Baris | undefined> {
  return (await sql<Baris>`SELECT * FROM ${sql.table(tabel)} WHERE id = ${id}`.execute(db)).rows[0];
}

export interface Saringan {
  /** column = value, exact */
  sama: Record<string, string | number>;
  /** case-insensitive substring over these columns */
  cari?: { kolom: string[]; teks: string };
  /** bounds on the book's date column */
  tanggal?: { kolom: string; dari?: string; sampai?: string };
}

export async function listBaris(db: Db, tabel: string, s: Saringan): Promise<Baris[]> {
  const syarat = [sql`1 = 1`];
  for (const [k, v] of Object.entries(s.sama)) syarat.push(sql`${sql.ref(k)} = ${v}`);
  if (s.cari && s.cari.teks.trim() !== '') {
    const pola = `%${s.cari.teks
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    syarat.push(
      sql`(${sql.join(
        s.cari.kolom.map((k) => sql`lower(coalesce(${sql.ref(k)}, '')) LIKE ${pola} ESCAPE '\\'`),
        sql` OR `,
      )})`,
    );
  }
  if (s.tanggal?.dari) syarat.push(sql`${sql.ref(s.tanggal.kolom)} >= ${s.tanggal.dari}`);
  if (s.tanggal?.sampai) syarat.push(sql`${sql.ref(s.tanggal.kolom)} <= ${s.tanggal.sampai}`);
  const urut = s.tanggal ? sql`${sql.ref(s.tanggal.kolom)}, id` : sql`id`;
  return (
    await sql<Baris>`SELECT * FROM ${sql.table(tabel)} WHERE ${sql.join(syarat, sql` AND `)} ORDER BY ${urut}`.execute(
      db,
    )
  ).rows;
}

export interface Ubahan {
  kolom: string;
  lama: unknown;
  baru: unknown;
}

const teks = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Updates the changed columns of one row and keeps each change in `perubahan`. */
export async function updateDenganJejak(
  db: Db,
  tabel: string,
  id: number,
  ubahan: Ubahan[],
  oleh: string,
  waktu: string,
): Promise<void> {
  if (ubahan.length === 0) return;
  const set = sql.join(ubahan.map((u) => sql`${sql.ref(u.kolom)} = ${u.baru as string | number | null}`));
  await sql`UPDATE ${sql.table(tabel)} SET ${set} WHERE id = ${id}`.execute(db);
  await jurnalkan(db, tabel, id, 'ubah', waktu);
  await db
    .insertInto('perubahan')
    .values(
      ubahan.map((u) => ({ tabel, baris_id: id, kolom: u.kolom, lama: teks(u.lama), baru: teks(u.baru), oleh, waktu })),
    )
    .execute();
}

export async function riwayatPerubahan(
  db: Db,
  tabel: string,
  id: number,
): Promise<{ kolom: string; lama: string | null; baru: string | null; oleh: string; waktu: string }[]> {
  return db
    .selectFrom('perubahan')
    .select(['kolom', 'lama', 'baru', 'oleh', 'waktu'])
    .where('tabel', '=', tabel)
    .where('baris_id', '=', id)
    .orderBy('id')
    .execute();
}

/** The next agenda number of letters for one direction and year. */
export async function nextNomorAgenda(db: Db, arah: string, tahun: number): Promise<number> {
  const r = await sql<{
    maks: number;
  }>`SELECT coalesce(max(nomor_agenda), 0) AS maks FROM surat WHERE arah = ${arah} AND tahun = ${tahun}`.execute(db);
  return Number(r.rows[0]?.maks ?? 0) + 1;
}

/**
 * The rows of a register whose name may be `kunci` without its titles (bersihkanNama's words): an ASCII name holds
 * those words as they are, in any case (SQLite's lower() folds ASCII only), so it must hold the last of them; a name
 * with a character beyond ASCII (its UTF-8 longer than its characters: accents fold to their letters) is always one.
 * Whoever asks decides among them by bersihkanNama: no name that matches is left out. One pass over the names in
 * SQLite instead of each name cleaned in JavaScript (0.3 s for 100,000 donors).
 */
export async function calonNama(
  db: Db,
  tabel: 'donatur' | 'ppks',
  kunci: string,
): Promise<{ id: number; nama: string }[]> {
  const kataAkhir = kunci.slice(kunci.lastIndexOf(' ') + 1);
  const r = await sql<{ id: number; nama: string }>`
    SELECT id, nama FROM ${sql.table(tabel)}
    WHERE instr(lower(nama), ${kataAkhir}) > 0 OR length(CAST(nama AS BLOB)) > length(nama) ORDER BY id`.execute(db);
  return r.rows;
}

/** The PPKS with this NIK, if any (NIKs are unique in the book). */
export async function findPpksByNik(db: Db, nik: string): Promise<Baris | undefined> {
  return (await sql<Baris>`SELECT * FROM ppks WHERE nik = ${nik}`.execute(db)).rows[0];
}

/** Net cost of activities: every payment linked to them, voids included (they carry negated amounts). */
export async function biayaKegiatan(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const r = await sql<{ id: number; biaya: number }>`
    SELECT kegiatan_id AS id, sum(jumlah) AS biaya FROM kas
    WHERE arah = 'keluar' AND kegiatan_id IN (${sql.join(ids)}) GROUP BY kegiatan_id`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.id), Number(x.biaya)]));
}

/** Number of people present at each meeting. */
export async function jumlahHadir(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const r = await sql<{ id: number; n: number }>`SELECT rapat_id AS id, count(*) AS n FROM rapat_hadir
    WHERE rapat_id IN (${sql.join(ids)}) GROUP BY rapat_id`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.id), Number(x.n)]));
}
