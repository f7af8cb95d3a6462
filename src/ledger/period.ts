// Closing and reopening quarters; a closed quarter refuses entries dated inside it.
import { RuleError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { insertAksi, latestAksi } from '../db/periode-repo.js';
import type { Kysely } from 'kysely';
import { type Tx, withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import { getProfil } from '../db/profil-repo.js';
import { enforce } from '../domain/rule.js';
import {
  awalPencatatan, formatTanggal, hariIni, labelTriwulan, rentangTriwulan, tanggalEntriSah, type Triwulan, triwulanDari,
} from '../domain/dates.js';

export async function ensureOpen(tx: Tx, tanggal: string): Promise<void> {
  const t = triwulanDari(tanggal);
  if ((await latestAksi(tx, t.tahun, t.triwulan)) === 'tutup') throw new RuleError(pesan.periodeTertutup(formatTanggal(tanggal), labelTriwulan(t)));
}

/** An entry is dated between the unit's founding and today (`01/01/1900` is a typing mistake, not history). */
export async function ensureTanggalEntri(tx: Tx, tanggal: string): Promise<void> {
  enforce(tanggalEntriSah(awalPencatatan(await getProfil(tx)), tanggal, hariIni()));
}

export async function closeQuarter(tx: Tx, t: Triwulan, hariIni: string, waktu: string): Promise<void> {
  const { sampai } = rentangTriwulan(t);
  if (sampai > hariIni) throw new RuleError(pesan.triwulanBelumBerakhir(labelTriwulan(t), formatTanggal(sampai)));
  if ((await latestAksi(tx, t.tahun, t.triwulan)) === 'tutup') throw new RuleError(pesan.sudahDitutup(labelTriwulan(t)));
  await insertAksi(tx, { tahun: t.tahun, triwulan: t.triwulan, aksi: 'tutup', alasan: null, waktu });
}

export async function reopenQuarter(tx: Tx, t: Triwulan, alasan: string, waktu: string): Promise<void> {
  if ((await latestAksi(tx, t.tahun, t.triwulan)) !== 'tutup') throw new RuleError(pesan.belumDitutup(labelTriwulan(t)));
  await insertAksi(tx, { tahun: t.tahun, triwulan: t.triwulan, aksi: 'buka', alasan, waktu });
}

/** `kas tutup`: closes a quarter that has ended, in its own transaction. */
export function tutupTriwulan(db: Kysely<Database>, t: Triwulan, hariIni: string, waktu: string): Promise<void> {
  return withTransaction(db, (tx) => closeQuarter(tx, t, hariIni, waktu));
}

/** `kas buka`: reopens a closed quarter; the reason is logged. */
export function bukaTriwulan(db: Kysely<Database>, t: Triwulan, alasan: string, waktu: string): Promise<void> {
  return withTransaction(db, (tx) => reopenQuarter(tx, t, alasan, waktu));
}
