// The secretariat's telephone, printed on the quarterly report's Identitas sheet beside its address.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE profil ADD COLUMN telepon TEXT').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE profil DROP COLUMN telepon').execute(db);
}
