// The cash book's rules, one named function each. A prompt checks one answer with them the moment it
// is given; checkRules (posting.ts) composes them for the write path. Each returns a RuleResult.
import type { Kysely } from 'kysely';
import type { Nilai } from '../books/field.js';
import { BATAS_METERAI } from '../books/kas.js';
import { buktiTerakhir, findKasByNomor, findReversal, type Kas } from '../db/kas-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import { saldoPada } from '../db/saldo-repo.js';
import type { Database } from '../db/types.js';
import { formatTanggal, tanggalIsian } from '../domain/dates.js';
import { RuleError, UserError } from '../domain/errors.js';
import { formatRupiah, type Rupiah, tryRupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { OK, pass, type RuleResult, refuse } from '../domain/rule.js';

/** A code as a prompt hands it over (a parsed answer) or as an entry carries it. */
type Kode = Nilai | undefined;
const kodeDari = (rows: { kode: string }[]) => rows.map((r) => r.kode);

export function danaAda(ref: Referensi, dana: Kode): RuleResult {
  return ref.dana.some((d) => d.kode === dana)
    ? OK
    : refuse(new UserError(pesan.danaTidakAda(String(dana), kodeDari(ref.dana))));
}

export function akunAda(ref: Referensi, akun: Kode): RuleResult {
  return ref.akun.some((a) => a.kode === akun)
    ? OK
    : refuse(new UserError(pesan.akunTidakAda(String(akun), kodeDari(ref.akun))));
}

export function sumberAda(ref: Referensi, sumber: Kode): RuleResult {
  if (ref.sumber.some((s) => s.kode === sumber)) return OK;
  return refuse(new UserError(pesan.pilihanTidakDikenal('sumber', String(sumber), kodeDari(ref.sumber))));
}

export function jenisAda(ref: Referensi, jenis: Kode): RuleResult {
  if (ref.jenis.some((j) => j.kode === jenis)) return OK;
  return refuse(new UserError(pesan.pilihanTidakDikenal('jenis', String(jenis), kodeDari(ref.jenis))));
}

/** A layanan, when one is named, is one of the unit's list. */
export function layananAda(ref: Referensi, layanan: Kode): RuleResult {
  if (!layanan || ref.layanan.some((l) => l.kode === layanan)) return OK;
  return refuse(new UserError(pesan.pilihanTidakDikenal('layanan', String(layanan), kodeDari(ref.layanan))));
}

/** An asnaf, when one is named, is one of the eight. */
export function asnafAda(ref: Referensi, asnaf: Kode): RuleResult {
  if (!asnaf || ref.asnaf.some((a) => a.kode === asnaf)) return OK;
  return refuse(new UserError(pesan.pilihanTidakDikenal('asnaf', String(asnaf), kodeDari(ref.asnaf))));
}

/**
 * May fund `dana` receive money from `sumber`? A source with a fund of its own (zakat, iuran_kematian) goes
 * there; a restricted fund takes only the sources listed for it (table dana_sumber), none listed: any.
 */
export function danaBolehMenerima(ref: Referensi, dana: Kode, sumber: Kode): RuleResult {
  const s = ref.sumber.find((x) => x.kode === sumber);
  if (s?.dana_wajib && s.dana && s.dana !== dana)
    return refuse(new RuleError(pesan.sumberWajibDana(s.kode, s.dana, String(dana))));
  const diterima = ref.danaSumber.filter((x) => x.dana === dana).map((x) => x.sumber);
  const terikat = ref.dana.some((d) => d.kode === dana && d.terikat);
  if (terikat && diterima.length > 0 && sumber && !diterima.includes(String(sumber)))
    return refuse(new RuleError(pesan.danaTidakMenerima(String(dana), String(sumber), diterima)));
  return OK;
}

export interface Pembayaran {
  dana: Kode;
  jenis: Kode;
  /** undefined: not known yet (a prompt asking the fund), so not checked */
  layanan?: Kode;
  /** undefined: not known yet, so not checked */
  asnaf?: Kode;
}

/**
 * May fund `dana` pay a payment of `jenis`? Aid (penyaluran) names its layanan; a fund kept for one kind
 * of payment (zakat, kematian) pays only that kind; zakat names the asnaf of the recipient.
 */
export function danaBolehMembayar(ref: Referensi, p: Pembayaran): RuleResult {
  const jenis = ref.jenis.find((j) => j.kode === p.jenis);
  const dana = ref.dana.find((d) => d.kode === p.dana);
  if (jenis?.perlu_layanan && p.layanan !== undefined && !p.layanan)
    return refuse(new UserError(pesan.jenisPerluLayanan(jenis.kode)));
  if (jenis && dana?.hanya_jenis && dana.hanya_jenis !== jenis.kode) {
    return refuse(new RuleError(pesan.danaHanyaUntuk(dana.kode, dana.hanya_jenis, jenis.kode)));
  }
  if (dana?.perlu_asnaf && p.asnaf !== undefined && !p.asnaf)
    return refuse(new RuleError(pesan.danaPerluAsnaf(dana.kode)));
  return OK;
}

/** A transfer leaves one account for another. */
export function akunBerbeda(dari: Kode, ke: Kode): RuleResult {
  return dari && dari === ke ? refuse(new UserError(pesan.pindahAkunSama(String(dari)))) : OK;
}

/** Whether a payment of this kind must name its layanan (aid), so a prompt asks for it. */
export function jenisPerluLayanan(ref: Referensi, jenis: Kode): boolean {
  return Boolean(ref.jenis.find((j) => j.kode === jenis)?.perlu_layanan);
}

/** Whether payments from this fund must name the recipient's asnaf (zakat), so a prompt asks for it. */
export function danaPerluAsnaf(ref: Referensi, dana: Kode): boolean {
  return Boolean(ref.dana.find((d) => d.kode === dana)?.perlu_asnaf);
}

/** A receipt or payment above Rp5.000.000 needs a stamp duty (meterai): said, never refused. */
export function peringatanMeterai(kas: { arah: string; jumlah: Rupiah }): string[] {
  return kas.arah !== 'pindah' && kas.jumlah > BATAS_METERAI ? [pesan.meterai(formatRupiah(kas.jumlah))] : [];
}

/** The fund a receipt goes to unless the user says otherwise: the source's own fund, else umum. */
export function danaBawaanMasuk(ref: Referensi, sumber: Kode): string {
  return ref.sumber.find((s) => s.kode === sumber)?.dana ?? 'umum';
}

/** The fund a payment comes from unless the user says otherwise: the fund kept for its kind, else umum. */
export function danaBawaanKeluar(ref: Referensi, jenis: Kode): string {
  return ref.dana.find((d) => d.hanya_jenis === jenis)?.kode ?? 'umum';
}

/** A voucher that can be voided: it is in the book, is not itself a void, and has not been voided. */
export async function buktiBolehDibatalkan(db: Kysely<Database>, nomor: string): Promise<RuleResult<Kas>> {
  const asli = await findKasByNomor(db, nomor);
  if (!asli) return refuse(new UserError(pesan.buktiTidakAda(nomor)));
  if (asli.batal_dari !== null) return refuse(new RuleError(pesan.buktiPembatalan(nomor)));
  const sudah = await findReversal(db, asli.id);
  if (sudah) return refuse(new RuleError(pesan.buktiSudahBatal(nomor, sudah.nomor)));
  return pass(asli);
}

export type Kantong = { dana: string } | { akun: string };

/** The balance of one fund or account at the end of a day. */
export async function saldoTersedia(db: Kysely<Database>, kantong: Kantong, tanggal: string): Promise<number> {
  // the day totals the write path keeps: a prompt's check costs one row, not the ledger's history
  if ('dana' in kantong) return saldoPada(db, 'dana', kantong.dana, tanggal);
  return saldoPada(db, 'akun', kantong.akun, tanggal);
}

/**
 * Can `jumlah` leave this fund or account on `tanggal`? Only restricted funds and accounts are floored at
 * zero. A refusal says what the posting would say; a later day can still dip below zero, which the
 * write path finds.
 */
export async function saldoCukup(
  db: Kysely<Database>,
  ref: Referensi,
  kantong: Kantong,
  tanggal: string,
  jumlah: Rupiah,
): Promise<RuleResult> {
  if ('dana' in kantong && !ref.dana.find((d) => d.kode === kantong.dana)?.terikat) return OK;
  const sisa = (await saldoTersedia(db, kantong, tanggal)) - jumlah;
  if (sisa >= 0) return OK;
  const [tgl, rp] = [formatTanggal(tanggal), formatRupiah(sisa)];
  return refuse(
    new RuleError(
      'dana' in kantong ? pesan.danaTerikatMinus(kantong.dana, tgl, rp) : pesan.akunMinus(kantong.akun, tgl, rp),
    ),
  );
}

/** Where a payment leaves from: its fund (none for a transfer) and account, on a day. */
export interface Asal {
  dana?: Kode;
  akun: Kode;
  tanggal: Kode;
}

/** Can `jumlah` leave this fund and this account on that day? The same floors the posting keeps. */
export async function uangCukup(db: Kysely<Database>, ref: Referensi, a: Asal, jumlah: Kode): Promise<RuleResult> {
  const rp = tryRupiah(jumlah);
  if (rp === null || !a.akun || !a.tanggal) return OK;
  const tanggal = String(a.tanggal);
  if (a.dana) {
    const r = await saldoCukup(db, ref, { dana: String(a.dana) }, tanggal, rp);
    if (!r.ok) return r;
  }
  return saldoCukup(db, ref, { akun: String(a.akun) }, tanggal, rp);
}

/** `saldo dana zakat per 22/11/2026: Rp 500.000; saldo akun tunai …`: what an amount may not pass. */
export async function keteranganSaldo(db: Kysely<Database>, ref: Referensi, a: Asal): Promise<string | undefined> {
  if (!a.akun || !a.tanggal) return undefined;
  const tanggal = String(a.tanggal);
  const baris: string[] = [];
  const terikat = a.dana && ref.dana.find((d) => d.kode === a.dana)?.terikat;
  if (terikat) {
    const saldo = await saldoTersedia(db, { dana: String(a.dana) }, tanggal);
    baris.push(pesan.saldoPer(`dana ${String(a.dana)}`, tanggalIsian(tanggal)!, formatRupiah(saldo)));
  }
  const saldo = await saldoTersedia(db, { akun: String(a.akun) }, tanggal);
  baris.push(pesan.saldoPer(`akun ${String(a.akun)}`, tanggalIsian(tanggal)!, formatRupiah(saldo)));
  return baris.join('; ');
}

/**
 * An entry dated before the newest voucher of its kind that year still takes the next number: the
 * question to put before going on, or nothing when the date is in order.
 */
export async function tanggalMundur(
  db: Kysely<Database>,
  bukti: 'BKM' | 'BKK' | 'PB',
  tanggal: Kode,
): Promise<string | undefined> {
  if (typeof tanggal !== 'string') return undefined;
  const akhir = await buktiTerakhir(db, bukti, Number(tanggal.slice(0, 4)));
  if (!akhir || akhir.tanggal <= tanggal) return undefined;
  const [dulu, kini] = [formatTanggal(akhir.tanggal, true), formatTanggal(tanggal, true)];
  return pesan.tanggalSebelumBuktiTerakhir(akhir.nomor, dulu, kini);
}
