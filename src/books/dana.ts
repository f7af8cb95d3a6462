// Funds (`umum`, `zakat`, `kematian` from init, more added by the unit) and their balances.
import type { Kysely } from 'kysely';
import { saldoDana } from '../db/kas-repo.js';
import { insertDana, loadReferensi, type Referensi } from '../db/referensi-repo.js';
import { withTransaction } from '../db/transaction.js';
import type { DanaRow, Database } from '../db/types.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { enforce, OK, type RuleResult, refuse } from '../domain/rule.js';

/** A fund code is used once. */
export function kodeDanaBaru(ref: Referensi, kode: string): RuleResult {
  return ref.dana.some((d) => d.kode === kode) ? refuse(new UserError(pesan.kodeSudahAda('dana', kode))) : OK;
}

export interface DanaBaru {
  kode: string;
  nama: string;
  terikat: boolean;
  /** the one kind of payment the fund may pay; such a fund is restricted */
  untuk: string | null;
}

export async function tambahDana(db: Kysely<Database>, d: DanaBaru, waktu: string): Promise<DanaRow> {
  return withTransaction(db, async (tx) => {
    enforce(kodeDanaBaru(await loadReferensi(tx), d.kode));
    const row = {
      kode: d.kode,
      nama: d.nama,
      terikat: d.terikat || d.untuk ? 1 : 0,
      hanya_jenis: d.untuk,
      perlu_asnaf: 0,
      dibuat: waktu,
    };
    await insertDana(tx, row);
    return row;
  });
}

export interface DanaSaldo {
  kode: string;
  nama: string;
  terikat: boolean;
  hanya_jenis: string | null;
  saldo: number;
}

export async function daftarDana(db: Kysely<Database>): Promise<DanaSaldo[]> {
  const [ref, saldo] = [await loadReferensi(db), await saldoDana(db)];
  return ref.dana.map((d) => ({
    kode: d.kode,
    nama: d.nama,
    terikat: Boolean(d.terikat),
    hanya_jenis: d.hanya_jenis,
    saldo: saldo.get(d.kode) ?? 0,
  }));
}
