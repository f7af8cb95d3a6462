// Indexes so a report costs what it reports, not the ledger's age: the quarter's cash sums (per arah,
// sumber, jenis, layanan, and the donors' share) read from one index range without visiting the rows,
// and an activity's cost found by its own entries instead of a scan of the whole cash book.
// `kas_pos` starts with what `kas_tanggal` held, which it replaces.
import { type Kysely, sql } from 'kysely';
import { splitStatements } from './0001-awal.js';

const UBAH = `
CREATE INDEX kas_pos ON kas (tanggal, arah, sumber, jenis, layanan, jumlah, donatur_id);
DROP INDEX kas_tanggal;
CREATE INDEX kas_kegiatan ON kas (kegiatan_id) WHERE kegiatan_id IS NOT NULL;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const stmt of splitStatements(UBAH)) await sql.raw(stmt).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX kas_kegiatan`.execute(db);
  await sql`CREATE INDEX kas_tanggal ON kas (tanggal, arah, jumlah)`.execute(db);
  await sql`DROP INDEX kas_pos`.execute(db);
}
