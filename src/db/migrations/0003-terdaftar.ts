// The day each register row was registered, as the user says: the quarterly report counts PPKS,
// PSKS, donors and partners as "terdata"/"baru" from it instead of the real-clock `dibuat` stamp,
// so residents recorded after the quarter still count in it.
import { type Kysely, sql } from 'kysely';
import { splitStatements } from './0001-awal.js';

export const TABEL_TERDAFTAR = ['ppks', 'psks', 'donatur', 'jejaring'] as const;

const ISO = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";

/**
 * SQLite cannot add a NOT NULL column without a constant default, so the column is nullable and
 * triggers refuse a row without an ISO date (the CLI always fills it: today in WIB by default).
 * Existing rows get the Asia/Jakarta (UTC+7, no daylight saving) day of their `dibuat` stamp.
 */
function untuk(tabel: string): string {
  return `
ALTER TABLE ${tabel} ADD COLUMN terdaftar TEXT;
UPDATE ${tabel} SET terdaftar = coalesce(date(dibuat, '+7 hours'), substr(dibuat, 1, 10));
CREATE TRIGGER ${tabel}_terdaftar_baru BEFORE INSERT ON ${tabel}
WHEN NEW.terdaftar IS NULL OR NEW.terdaftar NOT GLOB ${ISO}
BEGIN SELECT RAISE(ABORT, 'tanggal terdata wajib diisi (YYYY-MM-DD)'); END;
CREATE TRIGGER ${tabel}_terdaftar_ubah BEFORE UPDATE OF terdaftar ON ${tabel}
WHEN NEW.terdaftar IS NULL OR NEW.terdaftar NOT GLOB ${ISO}
BEGIN SELECT RAISE(ABORT, 'tanggal terdata wajib diisi (YYYY-MM-DD)'); END;
`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const tabel of TABEL_TERDAFTAR)
    for (const stmt of splitStatements(untuk(tabel))) await sql.raw(stmt).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const tabel of TABEL_TERDAFTAR) {
    await sql.raw(`DROP TRIGGER ${tabel}_terdaftar_baru`).execute(db);
    await sql.raw(`DROP TRIGGER ${tabel}_terdaftar_ubah`).execute(db);
    await sql.raw(`ALTER TABLE ${tabel} DROP COLUMN terdaftar`).execute(db);
  }
}
