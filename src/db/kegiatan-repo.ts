// Activities, as far as the cash book needs them (linking a payment to its activity).
import type { Kysely } from 'kysely';
import type { Database } from './types.js';

export async function findKegiatan(
  db: Kysely<Database>,
  id: number,
): Promise<{ id: number; nama: string } | undefined> {
  return db.selectFrom('kegiatan').select(['id', 'nama']).where('id', '=', id).executeTakeFirst() as Promise<
    { id: number; nama: string } | undefined
  >;
}
