// The unit's own lists (funds, accounts, sources, kinds, layanan, asnaf, categories): what a form
// offers as choices and what its rules check against.
import type { Kysely } from 'kysely';
import { loadReferensi, type Referensi } from '../db/referensi-repo.js';
import type { Database } from '../db/types.js';

export type { Referensi };

export function bacaReferensi(db: Kysely<Database>): Promise<Referensi> {
  return loadReferensi(db);
}
