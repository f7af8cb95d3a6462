// The services behind `wksbm salur` and `wksbm santunan`, and their rules: aid is money or goods (not
// both), its recipient is in the PPKS book, a death is paid for after it happened.
import type { Kysely } from 'kysely';
import type { Nilai } from '../books/field.js';
import { kegiatanAda } from '../books/kegiatan.js';
import { cariPpks } from '../books/ppks.js';
import type { Kas } from '../db/kas-repo.js';
import type { Natura } from '../db/natura-repo.js';
import { loadReferensi } from '../db/referensi-repo.js';
import type { Baris } from '../db/register-repo.js';
import { withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import { formatTanggal } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { Rupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { enforce, OK, pass, type RuleResult, refuse } from '../domain/rule.js';
import { bayarSantunan, salurkan } from './penyaluran.js';

type Db = Kysely<Database>;
export type Bentuk = 'uang' | 'barang';

/** `--jumlah` is money aid and `--barang` goods; one aid record is one of them. */
export function satuBentuk(jumlahDiberikan: boolean, barangDiberikan: boolean): RuleResult {
  return jumlahDiberikan && barangDiberikan ? refuse(new UserError(pesan.salurBentukGanda())) : OK;
}

export interface IsiBentuk {
  bentuk: string | null;
  jumlah: Rupiah | null;
  barang: string | null;
  kuantitas: number | null;
}

/** Money aid has an amount; goods have an item and a quantity. */
export function bentukLengkap(s: IsiBentuk): RuleResult<Bentuk> {
  if (s.bentuk !== 'uang' && s.bentuk !== 'barang') return refuse(new UserError(pesan.salurPerluJumlahAtauBarang()));
  if (s.bentuk === 'uang' && s.jumlah === null) return refuse(new UserError(pesan.wajibDiisi('jumlah', 'jumlah')));
  if (s.bentuk === 'barang' && s.barang === null) return refuse(new UserError(pesan.wajibDiisi('barang', 'barang')));
  if (s.bentuk === 'barang' && s.kuantitas === null)
    return refuse(new UserError(pesan.wajibDiisi('kuantitas', 'kuantitas')));
  return pass(s.bentuk);
}

export interface SalurBaru extends IsiBentuk {
  /** ID or NIK, as typed */
  ppks: string;
  layanan: string;
  tanggal: string;
  dana: string | null;
  akun: string | null;
  asnaf: string | null;
  kegiatan: number | null;
  uraian: string | null;
}

export interface Tersalur {
  id: number;
  ppks: Baris;
  kas?: Kas;
  natura?: Natura;
}

/** Aid to a PPKS: a BKK (money) or a stock-out (goods) and the aid record, in one transaction. */
export async function salurBantuan(db: Db, s: SalurBaru, waktu: string): Promise<Tersalur> {
  return withTransaction(db, async (tx) => {
    const bentuk = enforce(bentukLengkap(s));
    const ppks = enforce(await cariPpks(tx, s.ppks));
    enforce(await kegiatanAda(tx, s.kegiatan));
    const hasil = await salurkan(
      tx,
      {
        ppks_id: ppks.id,
        ppks_nama: String(ppks.nama),
        layanan: s.layanan,
        tanggal: s.tanggal,
        bentuk,
        jumlah: s.jumlah,
        dana: s.dana,
        akun: s.akun,
        asnaf: s.asnaf,
        barang: s.barang,
        kuantitas_mili: s.kuantitas,
        kegiatan_id: s.kegiatan,
        uraian: s.uraian,
      },
      await loadReferensi(tx),
      waktu,
    );
    return { ...hasil, ppks };
  });
}

/** A death is paid for on or after the day it happened. */
export function wafatSebelumBayar(wafat: Nilai | undefined, bayar: Nilai | undefined): RuleResult {
  if (!wafat || !bayar || String(wafat) <= String(bayar)) return OK;
  return refuse(new UserError(pesan.wafatSesudahBayar(formatTanggal(String(wafat)), formatTanggal(String(bayar)))));
}

export interface SantunanKematian {
  almarhum: string;
  tanggal_wafat: string;
  ahli_waris: string;
  hubungan: string;
  alamat: string | null;
  jumlah: Rupiah;
  dana: string;
  akun: string;
  tanggal: string;
  uraian: string | null;
  /** the deceased's row in book 9, when they were a registered PPKS */
  ppks_id?: number | null;
}

/** A death benefit: its BKK (kind santunan_kematian) and its record, in one transaction. */
export async function bayarSantunanKematian(
  db: Db,
  s: SantunanKematian,
  waktu: string,
  oleh = 'wksbm',
): Promise<{ id: number; kas: Kas }> {
  return withTransaction(db, async (tx) => {
    enforce(wafatSebelumBayar(s.tanggal_wafat, s.tanggal));
    return bayarSantunan(tx, s, await loadReferensi(tx), waktu, oleh);
  });
}
