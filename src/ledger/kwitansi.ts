// What a receipt (kwitansi) is printed from: one voucher, or every voucher of a quarter that
// stands, with the unit's profile. Only money received or paid gets one.
import type { Kysely } from 'kysely';
import { bacaProfil, type Profil } from '../books/profil.js';
import { findBuktiKwitansi, listBuktiKwitansi } from '../db/kwitansi-repo.js';
import type { Database } from '../db/types.js';
import { labelTriwulan, rentangTriwulan, type Triwulan } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { BuktiKwitansi } from '../domain/kwitansi.js';
import { pesan } from '../domain/pesan.js';
import { pass, type RuleResult, refuse } from '../domain/rule.js';

export interface BahanKwitansi {
  profil: Profil;
  bukti: BuktiKwitansi[];
}

/** A voucher gets a receipt when it exists, moved money in or out, and stands (not a void, not voided). */
export function buktiBerkwitansi(b: BuktiKwitansi | undefined, nomor: string): RuleResult<BuktiKwitansi> {
  const isian = 'nomor bukti';
  if (!b) return refuse(new UserError(pesan.buktiTidakAda(nomor), isian));
  if (b.nomor_batal) return refuse(new UserError(pesan.kwitansiPembatalan(b.nomor, b.nomor_batal), isian));
  if (b.dibatalkan_oleh) return refuse(new UserError(pesan.kwitansiDibatalkan(b.nomor, b.dibatalkan_oleh), isian));
  if (b.bukti === 'PB') return refuse(new UserError(pesan.kwitansiPemindahan(b.nomor), isian));
  return pass(b);
}

export async function bahanKwitansi(db: Kysely<Database>, nomor: string): Promise<BahanKwitansi> {
  const r = buktiBerkwitansi(await findBuktiKwitansi(db, nomor.trim()), nomor.trim());
  if (!r.ok) throw r.error;
  return { profil: await bacaProfil(db), bukti: [r.value] };
}

/** Every receipt and payment of the quarter that stands, in book order. */
export async function bahanKwitansiTriwulan(db: Kysely<Database>, t: Triwulan): Promise<BahanKwitansi> {
  const { dari, sampai } = rentangTriwulan(t);
  const bukti = await listBuktiKwitansi(db, dari, sampai);
  if (bukti.length === 0) throw new UserError(pesan.kwitansiTriwulanKosong(labelTriwulan(t)), 'triwulan');
  return { profil: await bacaProfil(db), bukti };
}
