// The import log as a service: past imports, and reversing one (the reversal itself is src/import/batal.ts,
// which needs the unit's reference lists and the raw connection; both are found here).
import type { Kysely } from 'kysely';
import type { Ledger } from '../db/connection.js';
import { findImpor, type Impor, listImpor } from '../db/impor-repo.js';
import { loadReferensi } from '../db/referensi-repo.js';
import type { Database } from '../db/types.js';
import { UserError } from '../domain/errors.js';
import type { Jejak } from '../domain/jejak.js';
import { pesan } from '../domain/pesan.js';
import { pass, type RuleResult, refuse } from '../domain/rule.js';
import { batalkanImpor, type HasilBatal } from '../import/batal.js';
import { buatCadangan } from '../ledger/cadangan.js';

export type { HasilBatal, Impor };

export function riwayatImpor(db: Kysely<Database>): Promise<Impor[]> {
  return listImpor(db);
}

/** An import by the ID the user typed (`3` or `#3`). */
export async function imporAda(db: Kysely<Database>, idTeks: string): Promise<RuleResult<Impor>> {
  const imp = /^#?\d+$/.test(idTeks) ? await findImpor(db, Number(idTeks.replace('#', ''))) : undefined;
  return imp ? pass(imp) : refuse(new UserError(pesan.imporTidakAda(idTeks)));
}

/** Undoing an import voids entries and deletes rows: a checked backup is taken first. */
export async function batalImpor(ledger: Ledger, idTeks: string, jejak: Jejak): Promise<HasilBatal> {
  await buatCadangan(ledger, {});
  return batalkanImpor(ledger, idTeks, await loadReferensi(ledger.db), jejak.hariIni, jejak.waktu, jejak.oleh);
}
