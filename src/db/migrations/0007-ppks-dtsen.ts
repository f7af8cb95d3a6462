// What a BNBA list from SIKS-NG/DTSEN says about a PPKS besides NIK and KK: the person's ID in the
// DTKS and the welfare decile (1 poorest … 10) of DTSEN. Both optional, kept as the list writes them.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE ppks ADD COLUMN id_dtks TEXT').execute(db);
  await sql
    .raw('ALTER TABLE ppks ADD COLUMN desil INTEGER CHECK (desil IS NULL OR desil BETWEEN 1 AND 10)')
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE ppks DROP COLUMN desil').execute(db);
  await sql.raw('ALTER TABLE ppks DROP COLUMN id_dtks').execute(db);
}
