// The CHECK rules of the tables written a row at a time in bulk (kas, donatur, ppks) name their allowed values
// with `=` and `OR`, not `IN (…)`: SQLite checks a list of three or more values by building a small temporary
// index for every row it writes (OpenEphemeral and an insert per value), which was a fifth of its work inserting
// a million imported cash rows. The rules allow exactly the same values. SQLite cannot alter a CHECK, so each
// table is rebuilt from its own stored text with only those rules rewritten: same columns in the same order, rows
// copied as they are (hashes cover only values), then its indexes, triggers and the views made again from their
// stored text. A table whose rule does not read as this tool wrote it is left alone for `periksa` to report.
import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { galatPenuh } from '../galat.js';

interface Syarat {
  tabel: string;
  kolom: string;
  nilai: string[];
}

const SYARAT: Syarat[] = [
  { tabel: 'kas', kolom: 'bukti', nilai: ['BKM', 'BKK', 'PB', 'SA'] },
  { tabel: 'kas', kolom: 'arah', nilai: ['masuk', 'keluar', 'pindah'] },
  { tabel: 'donatur', kolom: 'jenis', nilai: ['perorangan', 'lembaga', 'csr'] },
  { tabel: 'ppks', kolom: 'status', nilai: ['aktif', 'tertangani', 'pindah', 'meninggal'] },
];

const daftar = (s: Syarat) => `CHECK (${s.kolom} IN (${s.nilai.map((v) => `'${v}'`).join(', ')}))`;
const rantai = (s: Syarat) => `CHECK (${s.nilai.map((v) => `${s.kolom} = '${v}'`).join(' OR ')})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await bangunUlang(db, daftar, rantai);
  await kembalikanRuang(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await bangunUlang(db, rantai, daftar);
  await kembalikanRuang(db);
}

/**
 * The old tables' pages are free after the copy: a million-row book's file would stay twice its size. VACUUM gives
 * them back (outside the rebuild's transaction, as it must be); a file with little free (none rebuilt) is left.
 * A VACUUM that cannot run is no failure of the migration.
 */
async function kembalikanRuang(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ bebas: number; semua: number; ukuran: number }>`SELECT
    (SELECT freelist_count FROM pragma_freelist_count) AS bebas,
    (SELECT page_count FROM pragma_page_count) AS semua,
    (SELECT page_size FROM pragma_page_size) AS ukuran`.execute(db);
  const r = rows[0];
  if (!r || r.bebas * 4 <= r.semua) return;
  // VACUUM writes a whole copy beside the file and again into its journal: without room for both it would fill the
  // disk, and the migration could not even be recorded
  if ((await ruangDisk(db)) < 2 * r.semua * r.ukuran) return;
  try {
    await sql`VACUUM`.execute(db);
  } catch (err) {
    // the rebuilt tables are committed: a full disk or another reader only leaves the free pages in the file, where
    // the next rows reuse them
    const code = (err as { code?: unknown }).code;
    if (!galatPenuh(err) && code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') throw err;
  }
}

/** The free bytes of the disk holding the file (Infinity in memory, or when the system cannot say). */
async function ruangDisk(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db);
  const berkas = rows.find((r) => r.name === 'main')?.file;
  if (!berkas) return Number.POSITIVE_INFINITY;
  try {
    const s = fs.statfsSync(path.dirname(berkas));
    return s.bavail * s.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

interface Objek {
  type: string;
  name: string;
  tbl_name: string;
  sql: string;
}

/** Rewrites every table's rules from the `dari` spelling to the `ke` one, in one transaction. */
async function bangunUlang(db: Kysely<unknown>, dari: (s: Syarat) => string, ke: (s: Syarat) => string): Promise<void> {
  // rows of other tables point at these by id while a table is copied and renamed; the pragma is a no-op inside a
  // transaction, so it is set before ours begins
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    const skema = (
      await sql<Objek>`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL
      ORDER BY rowid`.execute(db)
    ).rows;
    const view = skema.filter((o) => o.type === 'view');
    // renaming a table checks every view, so the views (which read kas) are out of the way meanwhile
    for (const v of view) await sql.raw(`DROP VIEW "${v.name}"`).execute(db);
    for (const tabel of new Set(SYARAT.map((s) => s.tabel))) {
      const teks = tulisUlang(
        skema,
        tabel,
        SYARAT.filter((s) => s.tabel === tabel).map((s) => [dari(s), ke(s)]),
      );
      if (teks) await salinTabel(db, tabel, teks, skema);
    }
    for (const v of view) await sql.raw(v.sql).execute(db);
    const salah = await sql`PRAGMA foreign_key_check`.execute(db);
    if (salah.rows.length > 0) throw new Error('rujukan antartabel putus setelah tabel dibangun ulang');
    await sql`COMMIT`.execute(db);
  } catch (err) {
    // a full disk makes SQLite roll the transaction back itself: then ROLLBACK has nothing to do, and its error
    // must not hide the one that matters
    await sql`ROLLBACK`.execute(db).catch(() => {});
    throw err;
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

/**
 * The table's CREATE text with each rule replaced and the table named `<tabel>_baru`; undefined when a rule is not
 * there as expected (the table was changed outside the tool: left as it is).
 */
function tulisUlang(skema: Objek[], tabel: string, ganti: [string, string][]): string | undefined {
  let teks = skema.find((o) => o.type === 'table' && o.name === tabel)?.sql;
  if (!teks) return undefined;
  for (const [lama, baru] of ganti) {
    if (teks.split(lama).length !== 2) return undefined;
    teks = teks.replace(lama, baru);
  }
  const kepala = /^CREATE TABLE (?:"\w+"|\w+) \(/.exec(teks);
  return kepala ? `CREATE TABLE ${tabel}_baru (${teks.slice(kepala[0].length)}` : undefined;
}

/** Copies the table into its new definition and puts its indexes and triggers back, word for word. */
async function salinTabel(db: Kysely<unknown>, tabel: string, teks: string, skema: Objek[]): Promise<void> {
  const sekitar = skema.filter((o) => o.tbl_name === tabel && (o.type === 'index' || o.type === 'trigger'));
  await sql.raw(teks).execute(db);
  await sql.raw(`INSERT INTO ${tabel}_baru SELECT * FROM ${tabel}`).execute(db);
  await sql.raw(`DROP TABLE ${tabel}`).execute(db);
  await sql.raw(`ALTER TABLE ${tabel}_baru RENAME TO ${tabel}`).execute(db);
  for (const o of sekitar) await sql.raw(o.sql).execute(db);
}
