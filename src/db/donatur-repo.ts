// Finding donors for cash receipts: by id, phone or name.
import type { Kysely } from 'kysely';
import type { Database } from './types.js';

export interface DonaturRingkas {
  id: number;
  nama: string;
  hp: string | null;
}

export async function listDonaturRingkas(db: Kysely<Database>): Promise<DonaturRingkas[]> {
  return db.selectFrom('donatur').select(['id', 'nama', 'hp']).orderBy('nama').execute() as Promise<DonaturRingkas[]>;
}

export async function findDonatur(
  db: Kysely<Database>,
  by: { id?: number; hp?: string; nama?: string },
): Promise<DonaturRingkas[]> {
  let q = db.selectFrom('donatur').select(['id', 'nama', 'hp']);
  if (by.id !== undefined) q = q.where('id', '=', by.id);
  if (by.hp !== undefined) q = q.where('hp', '=', by.hp);
  if (by.nama !== undefined) q = q.where((eb) => eb.fn('lower', ['nama']), '=', by.nama.toLowerCase());
  return q.execute() as Promise<DonaturRingkas[]>;
}
