// The seal and the append-only guard of the books that record acts: a closing keeps where the cash
// and stock chains stood (`tutup_buku.segel`, JSON), and aid, death benefits and the import log
// refuse edits and deletion in the file itself, as kas, natura, perubahan and tutup_buku already do.
// An import's counts are filled after its rows are read and a reversal stamps it, so only those
// columns may change, and only once (a stamp, not an eraser).
import { type Kysely, sql } from 'kysely';
import { splitStatements } from './0001-awal.js';

const SKEMA = `
ALTER TABLE tutup_buku ADD COLUMN segel TEXT;
CREATE TRIGGER penyaluran_tanpa_ubah BEFORE UPDATE ON penyaluran
BEGIN SELECT RAISE(ABORT, 'catatan penyaluran tidak boleh diubah'); END;
CREATE TRIGGER penyaluran_tanpa_hapus BEFORE DELETE ON penyaluran
BEGIN SELECT RAISE(ABORT, 'catatan penyaluran tidak boleh dihapus'); END;
CREATE TRIGGER santunan_tanpa_ubah BEFORE UPDATE ON santunan
BEGIN SELECT RAISE(ABORT, 'catatan santunan tidak boleh diubah'); END;
CREATE TRIGGER santunan_tanpa_hapus BEFORE DELETE ON santunan
BEGIN SELECT RAISE(ABORT, 'catatan santunan tidak boleh dihapus'); END;
CREATE TRIGGER impor_tanpa_ubah BEFORE UPDATE ON impor
WHEN NEW.id IS NOT OLD.id OR NEW.buku IS NOT OLD.buku OR NEW.berkas IS NOT OLD.berkas OR NEW.sha256 IS NOT OLD.sha256
  OR NEW.oleh IS NOT OLD.oleh OR NEW.waktu IS NOT OLD.waktu
  OR (OLD.dibatalkan IS NOT NULL AND NEW.dibatalkan IS NOT OLD.dibatalkan)
  OR (OLD.dibatalkan_oleh IS NOT NULL AND NEW.dibatalkan_oleh IS NOT OLD.dibatalkan_oleh)
BEGIN SELECT RAISE(ABORT, 'riwayat impor tidak boleh diubah; batalkan dengan wksbm impor batal'); END;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const stmt of splitStatements(SKEMA)) await sql.raw(stmt).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'penyaluran_tanpa_ubah',
    'penyaluran_tanpa_hapus',
    'santunan_tanpa_ubah',
    'santunan_tanpa_hapus',
    'impor_tanpa_ubah',
  ])
    await sql.raw(`DROP TRIGGER ${t}`).execute(db);
  await sql`ALTER TABLE tutup_buku DROP COLUMN segel`.execute(db);
}
