// Books that know each other: which sources each restricted fund accepts (reference data, editable),
// the day a PPKS died (so later quarters stop counting them), and which PPKS a santunan was for.
import { type Kysely, sql } from 'kysely';
import { splitStatements } from './0001-awal.js';

/**
 * A restricted fund holds only money given for its purpose: zakat only zakat, the death fund its dues
 * and gifts meant for it. A fund with no row here (a unit's own `infak`) accepts any source.
 */
export const DANA_SUMBER = [
  { dana: 'zakat', sumber: 'zakat' },
  { dana: 'kematian', sumber: 'iuran_kematian' },
  { dana: 'kematian', sumber: 'donatur' },
] as const;

const UBAH = `
CREATE TABLE dana_sumber (
  dana TEXT NOT NULL REFERENCES dana (kode),
  sumber TEXT NOT NULL REFERENCES sumber (kode),
  PRIMARY KEY (dana, sumber)
);
ALTER TABLE ppks ADD COLUMN tanggal_meninggal TEXT;
ALTER TABLE santunan ADD COLUMN ppks_id INTEGER REFERENCES ppks (id);
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const stmt of splitStatements(UBAH)) await sql.raw(stmt).execute(db);
  // Only where the unit still has the seeded fund and source (a unit may have renamed its lists).
  for (const r of DANA_SUMBER) {
    await sql`INSERT INTO dana_sumber (dana, sumber)
      SELECT ${r.dana}, ${r.sumber} WHERE EXISTS (SELECT 1 FROM dana WHERE kode = ${r.dana})
        AND EXISTS (SELECT 1 FROM sumber WHERE kode = ${r.sumber})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE santunan DROP COLUMN ppks_id`.execute(db);
  await sql`ALTER TABLE ppks DROP COLUMN tanggal_meninggal`.execute(db);
  await sql`DROP TABLE dana_sumber`.execute(db);
}
