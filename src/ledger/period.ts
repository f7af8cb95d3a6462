// Closing and reopening quarters; a closed quarter refuses entries dated inside it.

import type { Kysely } from 'kysely';
import type { Ledger } from '../db/connection.js';
import { insertAksi, latestAksi } from '../db/periode-repo.js';
import { type Tx, withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import { formatTanggal, labelTriwulan, rentangTriwulan, type Triwulan, triwulanDari } from '../domain/dates.js';
import { RuleError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { kodeSegel, type Segel } from '../domain/segel.js';
import { buatCadangan } from './cadangan.js';
import { infoTanggal } from './saldo.js';
import { rantaiSekarang } from './segel.js';

/** The closed-quarter rule of every posting, single or bulk: `tertutup` holds closed quarters as `tahun-triwulan`. */
export function cekTerbuka(tertutup: ReadonlySet<string>, tanggal: string): void {
  if (tertutup.has(infoTanggal(tanggal).triwulan))
    throw new RuleError(pesan.periodeTertutup(formatTanggal(tanggal), labelTriwulan(triwulanDari(tanggal))));
}

/** Closes the quarter and returns the kode segel recorded with it. */
export async function closeQuarter(tx: Tx, t: Triwulan, hariIni: string, waktu: string): Promise<string> {
  const { sampai } = rentangTriwulan(t);
  if (sampai > hariIni) throw new RuleError(pesan.triwulanBelumBerakhir(labelTriwulan(t), formatTanggal(sampai)));
  if ((await latestAksi(tx, t.tahun, t.triwulan)) === 'tutup')
    throw new RuleError(pesan.sudahDitutup(labelTriwulan(t)));
  // where the chains stand at closing: `periksa` finds history rewritten before it
  const rantai = await rantaiSekarang(tx);
  const segel: Segel = { rantai, kode: kodeSegel(rantai, { tahun: t.tahun, triwulan: t.triwulan }) };
  const baris = { tahun: t.tahun, triwulan: t.triwulan, aksi: 'tutup' as const, alasan: null, waktu };
  await insertAksi(tx, { ...baris, segel: JSON.stringify(segel) });
  return segel.kode;
}

export async function reopenQuarter(tx: Tx, t: Triwulan, alasan: string, waktu: string): Promise<void> {
  if ((await latestAksi(tx, t.tahun, t.triwulan)) !== 'tutup')
    throw new RuleError(pesan.belumDitutup(labelTriwulan(t)));
  await insertAksi(tx, { tahun: t.tahun, triwulan: t.triwulan, aksi: 'buka', alasan, waktu });
}

/** `kas tutup`: closes a quarter that has ended, in its own transaction. */
export function tutupTriwulan(db: Kysely<Database>, t: Triwulan, hariIni: string, waktu: string): Promise<string> {
  return withTransaction(db, (tx) => closeQuarter(tx, t, hariIni, waktu));
}

/**
 * `kas buka`: reopens a closed quarter; the reason is logged. Reopening lets its entries change again: a checked
 * backup is taken first.
 */
export async function bukaTriwulan(ledger: Ledger, t: Triwulan, alasan: string, waktu: string): Promise<void> {
  await buatCadangan(ledger, {});
  return withTransaction(ledger.db, (tx) => reopenQuarter(tx, t, alasan, waktu));
}
