// What the quarterly report is built from: the books of one quarter (src/reports builds the model).
import type { Nilai } from '../books/field.js';
import type { Ledger } from '../db/connection.js';
import { loadBahanLaporan } from '../db/laporan-repo.js';
import { hariSebelum, rentangTriwulan, type Triwulan } from '../domain/dates.js';
import { LedgerError, UserError } from '../domain/errors.js';
import type { BahanLaporan } from '../domain/laporan.js';
import { pesan } from '../domain/pesan.js';
import { OK, type RuleResult, refuse } from '../domain/rule.js';

/** A report year is one the program counts dates in. */
export function tahunSah(tahun: Nilai | undefined): RuleResult {
  const n = tahun === null || tahun === undefined ? null : Number(tahun);
  return n !== null && (n < 1900 || n > 2200) ? refuse(new UserError(pesan.tahunTidakSah(String(tahun)))) : OK;
}

/**
 * The quarter's books; its cash entries one by one only with `rinci` (the figures never need them), or
 * as a stream with `aliran` (a workbook's cash book, never held whole).
 */
export async function bahanLaporan(
  ledger: Pick<Ledger, 'db' | 'sqlite'>,
  t: Triwulan,
  rinci = true,
  aliran = false,
): Promise<BahanLaporan> {
  const { dari, sampai } = rentangTriwulan(t);
  const sebelum = hariSebelum(dari);
  const bahan = await loadBahanLaporan(ledger.db, dari, sampai, sebelum, rinci, aliran ? ledger.sqlite : undefined);
  if (!bahan) throw new LedgerError(pesan.profilBelumAda());
  return bahan;
}
