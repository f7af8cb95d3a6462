// The stock book's services behind `wksbm natura`, and its rules on a date: how much of an item is
// in stock, and whether a quantity can leave it.

import type { Kysely } from 'kysely';
import { cariDonatur } from '../books/donatur.js';
import type { Kas } from '../db/kas-repo.js';
import { listNatura, type Natura, satuanBarang, stokNatura } from '../db/natura-repo.js';
import { loadReferensi } from '../db/referensi-repo.js';
import { saldoPada } from '../db/saldo-repo.js';
import { withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import { formatTanggal, tanggalIsian } from '../domain/dates.js';
import { RuleError, UserError } from '../domain/errors.js';
import type { Rupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { enforce, OK, pass, type RuleResult, refuse } from '../domain/rule.js';
import { formatKuantitas, namaBarang, postNatura, voidNatura } from './natura.js';
import { postEntry } from './posting.js';

type Db = Kysely<Database>;

export type { Natura };

/** The stock of an item at the end of a day, in thousandths of its unit (0 kg for an item never counted). */
export async function stokPada(
  db: Db,
  barang: string,
  tanggal: string,
): Promise<{ kuantitas_mili: number; satuan: string }> {
  const nama = namaBarang(barang);
  // the day totals the write path keeps: one row, whatever the stock book's length
  const kuantitas_mili = await saldoPada(db, 'stok', nama, tanggal);
  return { kuantitas_mili, satuan: (await satuanBarang(db, nama)) ?? 'kg' };
}

/**
 * Can this quantity leave the stock on `tanggal`? A refusal says what the posting would say; a later
 * day can still dip below zero, which the write path finds.
 */
export async function stokCukup(db: Db, barang: string, tanggal: string, kuantitas_mili: number): Promise<RuleResult> {
  const stok = await stokPada(db, barang, tanggal);
  const sisa = stok.kuantitas_mili - kuantitas_mili;
  if (sisa >= 0) return OK;
  return refuse(
    new RuleError(pesan.stokMinus(namaBarang(barang), formatTanggal(tanggal), formatKuantitas(sisa, stok.satuan))),
  );
}

/** `stok beras per 22/11/2026: 40 kg`: what a quantity taken out may not pass. */
export async function keteranganStok(db: Db, barang: unknown, tanggal: unknown): Promise<string | undefined> {
  if (typeof barang !== 'string' || typeof tanggal !== 'string' || !barang) return undefined;
  const stok = await stokPada(db, barang, tanggal);
  return pesan.stokPer(namaBarang(barang), tanggalIsian(tanggal)!, formatKuantitas(stok.kuantitas_mili, stok.satuan));
}

/** A quantity taken out as a prompt hands it over, checked only once the item and day are known. */
export async function kuantitasCukup(
  db: Db,
  barang: unknown,
  tanggal: unknown,
  kuantitas: unknown,
): Promise<RuleResult> {
  if (typeof barang !== 'string' || typeof tanggal !== 'string' || typeof kuantitas !== 'number') return OK;
  return stokCukup(db, barang, tanggal, kuantitas);
}

/** A stock record by the ID the user typed. */
export function idNatura(idTeks: string): RuleResult<number> {
  return /^\d{1,9}$/.test(idTeks) ? pass(Number(idTeks)) : refuse(new UserError(pesan.naturaTidakAda(idTeks)));
}

export interface NaturaMasukBaru {
  barang: string;
  /** thousandths of the unit */
  kuantitas: number;
  satuan: string | null;
  sumber: string;
  tanggal: string;
  /** ID, phone or name, as typed */
  donatur: string | null;
  uraian: string | null;
}

export function catatNaturaMasuk(db: Db, m: NaturaMasukBaru, waktu: string): Promise<Natura> {
  return withTransaction(db, async (tx) => {
    const donatur_id = enforce(await cariDonatur(tx, m.donatur));
    const gerak = {
      arah: 'masuk' as const,
      barang: m.barang,
      kuantitas_mili: m.kuantitas,
      satuan: m.satuan,
      sumber: m.sumber,
      tanggal: m.tanggal,
    };
    return postNatura(tx, { ...gerak, donatur_id, uraian: m.uraian }, await loadReferensi(tx), waktu);
  });
}

export interface NaturaKeluarBaru {
  barang: string;
  kuantitas: number;
  tanggal: string;
  uraian: string | null;
}

/** Goods out other than aid or a sale (spoiled, used at an activity). */
export function catatNaturaKeluar(db: Db, k: NaturaKeluarBaru, waktu: string): Promise<Natura> {
  return withTransaction(db, async (tx) => {
    const gerak = {
      arah: 'keluar' as const,
      tujuan: 'lainnya' as const,
      barang: k.barang,
      kuantitas_mili: k.kuantitas,
      tanggal: k.tanggal,
    };
    return postNatura(tx, { ...gerak, uraian: k.uraian }, await loadReferensi(tx), waktu);
  });
}

export interface JualBaru extends NaturaKeluarBaru {
  jumlah: Rupiah;
  sumber: string;
  dana: string;
  akun: string;
}

/** A sale: the BKM for the money and the stock-out pointing at it, together. */
export function jualNatura(db: Db, j: JualBaru, waktu: string): Promise<{ kas: Kas; natura: Natura }> {
  return withTransaction(db, async (tx) => {
    const ref = await loadReferensi(tx);
    const barang = namaBarang(j.barang);
    const satuan = (await satuanBarang(tx, barang)) ?? 'kg';
    const uraian = j.uraian ?? pesan.uraianJualNatura(formatKuantitas(j.kuantitas, satuan), barang);
    const uang = { jumlah: j.jumlah, sumber: j.sumber, dana: j.dana, akun: j.akun, tanggal: j.tanggal, uraian };
    const kas = await postEntry(tx, { arah: 'masuk', ...uang }, ref, waktu);
    const stok = {
      tujuan: 'jual' as const,
      barang,
      kuantitas_mili: j.kuantitas,
      tanggal: j.tanggal,
      kas_id: kas.id,
      uraian,
    };
    return { kas, natura: await postNatura(tx, { arah: 'keluar', ...stok }, ref, waktu) };
  });
}

export function batalkanNatura(db: Db, b: { id: number; alasan: string; tanggal: string }, waktu: string) {
  return withTransaction(db, async (tx) => voidNatura(tx, b.id, b.alasan, b.tanggal, await loadReferensi(tx), waktu));
}

export function stokBarang(db: Db, tanggal?: string) {
  return stokNatura(db, tanggal);
}

/** The stock rows a treasurer may still void (not a void, not voided), newest first. */
export async function naturaBisaDibatalkan(db: Db): Promise<Natura[]> {
  const semua = await listNatura(db, {});
  const dibatalkan = new Set(semua.map((r) => r.batal_dari).filter((x) => x !== null));
  return semua.filter((r) => r.batal_dari === null && !dibatalkan.has(r.id)).reverse();
}

export function daftarNatura(db: Db, f: { barang?: string; dari?: string; sampai?: string }): Promise<Natura[]> {
  return listNatura(db, { ...f, barang: f.barang === undefined ? undefined : namaBarang(f.barang) });
}
