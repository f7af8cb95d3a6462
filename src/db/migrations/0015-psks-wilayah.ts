// Whether a PSKS is in the unit's own area (`dalam`) or outside it (`luar`): the seeds ask for both,
// and the quarterly report's PSKS sheet counts them apart. Rows from before this say `dalam`, and the
// journal records that as a change of each row, so `periksa` still finds every row as journalled.
import { type Kysely, sql } from 'kysely';
import { type EntriJurnal, GENESIS_JURNAL, hashJurnal, isiJurnal } from '../../domain/jurnal.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw("ALTER TABLE psks ADD COLUMN wilayah TEXT NOT NULL DEFAULT 'dalam' CHECK (wilayah IN ('dalam', 'luar'))")
    .execute(db);
  await jurnalkanWilayah(db);
}

/** One `ubah` entry per PSKS already in the book, chained after the journal's last entry. */
async function jurnalkanWilayah(db: Kysely<unknown>): Promise<void> {
  const meta = await sql<{ nilai: string }>`SELECT nilai FROM meta WHERE kunci = 'salinan'`.execute(db);
  const salinan = meta.rows[0]?.nilai ?? '';
  const akhir = await sql<{ hash: string }>`SELECT hash FROM jurnal ORDER BY id DESC LIMIT 1`.execute(db);
  let sebelum = akhir.rows[0]?.hash ?? GENESIS_JURNAL;
  const waktu = new Date().toISOString();
  const rows = (await sql<Record<string, unknown>>`SELECT * FROM psks ORDER BY id`.execute(db)).rows;
  for (const row of rows) {
    const e: EntriJurnal = { waktu, salinan, buku: 'psks', uid: String(row.uid), aksi: 'ubah', isi: isiJurnal(row) };
    const hash = hashJurnal(sebelum, e);
    await sql`INSERT INTO jurnal (waktu, salinan, buku, uid, aksi, isi, hash_sebelum, hash)
      VALUES (${waktu}, ${salinan}, 'psks', ${e.uid}, 'ubah', ${e.isi}, ${sebelum}, ${hash})`.execute(db);
    sebelum = hash;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE psks DROP COLUMN wilayah').execute(db);
}
