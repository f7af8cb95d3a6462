// The seal and the journal.
// - A closing keeps where the cash and stock chains stood (`tutup_buku.segel`, JSON).
// - Aid, death benefits and the import log refuse edits and deletion in the file itself, as kas,
//   natura, perubahan and tutup_buku already do. An import's counts are filled after its rows are
//   read and a reversal stamps it, so only those columns may change, and the stamp only once.
// - Every other book gets a `uid` (its identity across copies of the file) and every change made
//   through the tool goes into `jurnal`, append-only and hash-chained; the rows already in the
//   file are journalled once here, so an old ledger starts clean. `meta.salinan` names this copy.
import { type Kysely, sql } from 'kysely';
import { BUKU_JURNAL, type EntriJurnal, GENESIS_JURNAL, hashJurnal, isiJurnal, uidBaru } from '../../domain/jurnal.js';
import { splitStatements } from './0001-awal.js';

const JURNAL = `
CREATE TABLE meta (kunci TEXT PRIMARY KEY, nilai TEXT NOT NULL);
CREATE TABLE jurnal (
  id INTEGER PRIMARY KEY,
  waktu TEXT NOT NULL,
  salinan TEXT NOT NULL,
  buku TEXT NOT NULL,
  uid TEXT NOT NULL,
  aksi TEXT NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus', 'anonimkan')),
  isi TEXT NOT NULL,
  hash_sebelum TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER jurnal_tanpa_ubah BEFORE UPDATE ON jurnal
BEGIN SELECT RAISE(ABORT, 'jurnal tidak boleh diubah'); END;
CREATE TRIGGER jurnal_tanpa_hapus BEFORE DELETE ON jurnal
BEGIN SELECT RAISE(ABORT, 'jurnal tidak boleh dihapus'); END;
DROP TRIGGER tutup_buku_tanpa_ubah;
`;

const uid = (tabel: string) => `
ALTER TABLE ${tabel} ADD COLUMN uid TEXT;
UPDATE ${tabel} SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX ${tabel}_uid ON ${tabel} (uid);
`;

const SKEMA = `
CREATE TRIGGER tutup_buku_tanpa_ubah BEFORE UPDATE ON tutup_buku
BEGIN SELECT RAISE(ABORT, 'riwayat tutup buku tidak boleh diubah'); END;
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
  OR NEW.oleh IS NOT OLD.oleh OR NEW.waktu IS NOT OLD.waktu OR (OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid)
  OR (OLD.dibatalkan IS NOT NULL AND NEW.dibatalkan IS NOT OLD.dibatalkan)
  OR (OLD.dibatalkan_oleh IS NOT NULL AND NEW.dibatalkan_oleh IS NOT OLD.dibatalkan_oleh)
BEGIN SELECT RAISE(ABORT, 'riwayat impor tidak boleh diubah; batalkan dengan wksbm impor batal'); END;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const stmt of splitStatements(JURNAL)) await sql.raw(stmt).execute(db);
  for (const tabel of BUKU_JURNAL) for (const stmt of splitStatements(uid(tabel))) await sql.raw(stmt).execute(db);
  for (const stmt of splitStatements(SKEMA)) await sql.raw(stmt).execute(db);
  await jurnalAwal(db);
}

/** One `tambah` entry per row already in a book. */
async function jurnalAwal(db: Kysely<unknown>): Promise<void> {
  const salinan = uidBaru();
  await sql`INSERT INTO meta (kunci, nilai) VALUES ('salinan', ${salinan})`.execute(db);
  const waktu = new Date().toISOString();
  let sebelum = GENESIS_JURNAL;
  for (const buku of BUKU_JURNAL) {
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(buku)} ORDER BY id`.execute(db)).rows;
    for (const row of rows) {
      const e: EntriJurnal = { waktu, salinan, buku, uid: String(row.uid), aksi: 'tambah', isi: isiJurnal(row) };
      const hash = hashJurnal(sebelum, e);
      await sql`INSERT INTO jurnal (waktu, salinan, buku, uid, aksi, isi, hash_sebelum, hash)
        VALUES (${waktu}, ${salinan}, ${buku}, ${e.uid}, 'tambah', ${e.isi}, ${sebelum}, ${hash})`.execute(db);
      sebelum = hash;
    }
  }
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
  for (const tabel of BUKU_JURNAL) {
    await sql.raw(`DROP INDEX ${tabel}_uid`).execute(db);
    await sql.raw(`ALTER TABLE ${tabel} DROP COLUMN uid`).execute(db);
  }
  await sql`DROP TABLE jurnal`.execute(db);
  await sql`DROP TABLE meta`.execute(db);
}
