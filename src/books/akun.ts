// Cash accounts (`tunai` from init, bank accounts added by the unit) and their balances.
import type { Kysely } from 'kysely';
import { saldoAkun } from '../db/kas-repo.js';
import { insertAkun, loadReferensi, type Referensi } from '../db/referensi-repo.js';
import { withTransaction } from '../db/transaction.js';
import type { AkunRow, Database } from '../db/types.js';
import { UserError } from '../domain/errors.js';
import { NOL, type Rupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { enforce, OK, type RuleResult, refuse } from '../domain/rule.js';

/** An account code is used once. */
export function kodeAkunBaru(ref: Referensi, kode: string): RuleResult {
  return ref.akun.some((a) => a.kode === kode) ? refuse(new UserError(pesan.kodeSudahAda('akun', kode))) : OK;
}

export async function tambahAkun(
  db: Kysely<Database>,
  akun: { kode: string; nama: string },
  waktu: string,
): Promise<AkunRow> {
  return withTransaction(db, async (tx) => {
    enforce(kodeAkunBaru(await loadReferensi(tx), akun.kode));
    const row = { kode: akun.kode, nama: akun.nama, dibuat: waktu };
    await insertAkun(tx, row);
    return row;
  });
}

export async function daftarAkun(db: Kysely<Database>): Promise<{ kode: string; nama: string; saldo: Rupiah }[]> {
  const [ref, saldo] = [await loadReferensi(db), await saldoAkun(db)];
  return ref.akun.map((a) => ({ kode: a.kode, nama: a.nama, saldo: saldo.get(a.kode) ?? NOL }));
}
