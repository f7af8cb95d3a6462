// The right to erasure: every book of persons marks a row anonymised (when, as ISO time), as ppks has
// done since 0001, so `anonimkan` refuses a second time and listings can say so.
import { type Kysely, sql } from 'kysely';

const BUKU = ['anggota', 'donatur', 'psks', 'tamu'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const t of BUKU) await sql`ALTER TABLE ${sql.table(t)} ADD COLUMN dianonimkan TEXT`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of BUKU) await sql`ALTER TABLE ${sql.table(t)} DROP COLUMN dianonimkan`.execute(db);
}
