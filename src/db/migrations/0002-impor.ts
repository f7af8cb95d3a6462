// The import log: every bulk import of a book, so `impor riwayat` can show it and `impor batal` reverse it.
import { type Kysely, sql } from 'kysely';
import { splitStatements } from './0001-awal.js';

const TABEL = `
CREATE TABLE impor (
  id INTEGER PRIMARY KEY,
  buku TEXT NOT NULL CHECK (buku IN ('donatur', 'ppks', 'psks', 'kas')),
  berkas TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  dibaca INTEGER NOT NULL CHECK (dibaca >= 0),
  ditambah INTEGER NOT NULL CHECK (ditambah >= 0),
  sudah_ada INTEGER NOT NULL CHECK (sudah_ada >= 0),
  mungkin_ganda INTEGER NOT NULL CHECK (mungkin_ganda >= 0),
  ditolak INTEGER NOT NULL CHECK (ditolak >= 0),
  oleh TEXT NOT NULL,
  waktu TEXT NOT NULL,
  dibatalkan TEXT,
  dibatalkan_oleh TEXT
);
CREATE TRIGGER impor_tanpa_hapus BEFORE DELETE ON impor
BEGIN SELECT RAISE(ABORT, 'riwayat impor tidak boleh dihapus; batalkan dengan wksbm impor batal'); END;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const stmt of splitStatements(TABEL)) await sql.raw(stmt).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE impor`.execute(db);
}
