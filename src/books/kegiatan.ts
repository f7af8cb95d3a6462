// Book 8's rule for the cash book: a payment for an activity names one that is recorded.
import type { Kysely } from 'kysely';
import { findKegiatan } from '../db/kegiatan-repo.js';
import type { Database } from '../db/types.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { OK, type RuleResult, refuse } from '../domain/rule.js';
import type { Nilai } from './field.js';

/** No activity named is fine; a named one must be in book 8. */
export async function kegiatanAda(db: Kysely<Database>, id: Nilai | undefined): Promise<RuleResult> {
  if (id === null || id === undefined) return OK;
  return (await findKegiatan(db, Number(id))) ? OK : refuse(new UserError(pesan.kegiatanTidakAda(String(id))));
}
