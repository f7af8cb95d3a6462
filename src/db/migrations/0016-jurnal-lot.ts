// The journal takes a fifth action, `lot`: one entry holding the rows a bulk import added (up to 1,024 of
// them, column names once), hashed like any entry. SQLite cannot alter a CHECK, so `jurnal` is rebuilt:
// same columns in the same order, rows copied as they are (each hash covers only the values, so the chain
// still verifies), then its two guards made again word for word.
import { type Kysely, sql } from 'kysely';
import { splitStatements } from './0001-awal.js';

function tabelJurnal(denganLot: boolean): string {
  const aksi = `'tambah', 'ubah', 'hapus', 'anonimkan'${denganLot ? ", 'lot'" : ''}`;
  return `
CREATE TABLE jurnal_baru (
  id INTEGER PRIMARY KEY,
  waktu TEXT NOT NULL,
  salinan TEXT NOT NULL,
  buku TEXT NOT NULL,
  uid TEXT NOT NULL,
  aksi TEXT NOT NULL CHECK (aksi IN (${aksi})),
  isi TEXT NOT NULL,
  hash_sebelum TEXT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO jurnal_baru SELECT * FROM jurnal;
DROP TABLE jurnal;
ALTER TABLE jurnal_baru RENAME TO jurnal;
CREATE TRIGGER jurnal_tanpa_ubah BEFORE UPDATE ON jurnal
BEGIN SELECT RAISE(ABORT, 'jurnal tidak boleh diubah'); END;
CREATE TRIGGER jurnal_tanpa_hapus BEFORE DELETE ON jurnal
BEGIN SELECT RAISE(ABORT, 'jurnal tidak boleh dihapus'); END;
`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await bangunUlang(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // a lot entry would break the old CHECK: a file with one goes back only by its backup
  const lot = await sql<{ n: number }>`SELECT count(*) AS n FROM jurnal WHERE aksi = 'lot'`.execute(db);
  if (Number(lot.rows[0]?.n) > 0) throw new Error('jurnal berisi lot impor; pulihkan cadangan sebelum migrasi');
  await bangunUlang(db, false);
}

async function bangunUlang(db: Kysely<unknown>, denganLot: boolean): Promise<void> {
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    for (const stmt of splitStatements(tabelJurnal(denganLot))) await sql.raw(stmt).execute(db);
    await sql`COMMIT`.execute(db);
  } catch (err) {
    await sql`ROLLBACK`.execute(db);
    throw err;
  }
}
