// Book 9's own rules on top of its declaration: what a NIK says about a person, category hints,
// and the basis for processing a person's data (UU 27/2022).
import type { Kysely } from 'kysely';
import { type Baris, calonNama, findPpksByNik, getBaris, listBaris } from '../db/register-repo.js';
import type { Database, KategoriPpksRow } from '../db/types.js';
import { formatTanggal, umur } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { bersihkanNama } from '../domain/nama.js';
import { pesan } from '../domain/pesan.js';
import { OK, pass, type RuleResult, refuse } from '../domain/rule.js';
import { maskNik } from './buku.js';
import type { Nilai, Opsi } from './field.js';

export interface DariNik {
  /** the birth date the NIK encodes, or null when its digits are not a date */
  lahir: string | null;
  jk: 'L' | 'P';
}

/** Positions 7–12 are DDMMYY, with DD + 40 for women; a two-digit year is taken as the latest not after today. */
export function bacaNik(nik: string, hariIni: string): DariNik {
  let dd = Number(nik.slice(6, 8));
  const mm = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const jk = dd > 40 ? 'P' : 'L';
  if (dd > 40) dd -= 40;
  const tanggal = (tahun: number) => {
    const d = new Date(Date.UTC(tahun, mm - 1, dd));
    return mm >= 1 && mm <= 12 && dd >= 1 && d.getUTCDate() === dd && d.getUTCMonth() === mm - 1
      ? d.toISOString().slice(0, 10)
      : null;
  };
  const abad = Number(hariIni.slice(0, 2)) * 100;
  let lahir = tanggal(abad + yy);
  if (lahir && lahir > hariIni) lahir = tanggal(abad - 100 + yy);
  return { lahir, jk };
}

/** An imported row without a sex or birth date takes them from its NIK (a BNBA list has only NIK and name). */
export function isiDariNik(field: string, nilai: Record<string, unknown>, hariIni: string): string | undefined {
  if (typeof nilai.nik !== 'string' || (field !== 'jk' && field !== 'tanggal_lahir')) return undefined;
  const d = bacaNik(nilai.nik, hariIni);
  return field === 'jk' ? d.jk : (d.lahir ?? undefined);
}

export interface DataPpks {
  nik?: string | null;
  jk?: string | null;
  tanggal_lahir?: string | null;
  kategori?: string | null;
  dasar_pemrosesan?: string | null;
  persetujuan_wali?: string | null;
}

/**
 * Checks a PPKS record. Mismatches between the NIK and the recorded birth date or sex, and the
 * category's age/sex hints, are warnings (a NIK is never reissued even when wrong). A child whose
 * data is processed on consent needs a guardian's consent (--wali): that one is refused.
 */
export function periksaPpks(p: DataPpks, kategori: KategoriPpksRow[], hariIni: string): string[] {
  const peringatan: string[] = [];
  const dariNik = p.nik ? bacaNik(p.nik, hariIni) : undefined;
  if (dariNik && dariNik.lahir === null) peringatan.push(pesan.nikTanpaTanggal());
  if (dariNik?.lahir && p.tanggal_lahir && dariNik.lahir !== p.tanggal_lahir)
    peringatan.push(pesan.nikBedaLahir(formatTanggal(dariNik.lahir), formatTanggal(p.tanggal_lahir)));
  if (dariNik && p.jk && dariNik.jk !== p.jk) peringatan.push(pesan.nikBedaJk(dariNik.jk, p.jk));
  const lahir = p.tanggal_lahir ?? dariNik?.lahir ?? null;
  const usia = lahir ? umur(lahir, hariIni) : null;
  const k = kategori.find((x) => x.kode === p.kategori);
  if (k) {
    if (usia !== null && k.umur_min !== null && usia < k.umur_min)
      peringatan.push(pesan.kategoriUmur(k.kode, usia, k.umur_min, k.umur_maks));
    if (usia !== null && k.umur_maks !== null && usia > k.umur_maks)
      peringatan.push(pesan.kategoriUmur(k.kode, usia, k.umur_min, k.umur_maks));
    if (k.jk && p.jk && k.jk !== p.jk) peringatan.push(pesan.kategoriJk(k.kode, k.jk));
  }
  const anak = usia !== null && usia < 18;
  if (anak && !p.persetujuan_wali) {
    if (p.dasar_pemrosesan === 'persetujuan') throw new UserError(pesan.anakPerluWali(usia));
    peringatan.push(pesan.anakTanpaWali(usia));
  }
  if (!p.dasar_pemrosesan) peringatan.push(pesan.dasarBelumDicatat());
  return peringatan;
}

/** A NIK belongs to one person in the book; `kecuali` is the record being edited. */
export async function nikUnik(db: Kysely<Database>, nik: Nilai | undefined, kecuali?: number): Promise<RuleResult> {
  if (!nik) return OK;
  const ada = await findPpksByNik(db, String(nik));
  return ada && ada.id !== kecuali ? refuse(new UserError(pesan.nikSudahAda(ada.id))) : OK;
}

/** A PPKS by its ID (digits only) or its 16-digit NIK (dots, dashes and spaces between the digits allowed). */
export async function cariPpks(db: Kysely<Database>, raw: Nilai | undefined): Promise<RuleResult<Baris>> {
  const teks = String(raw ?? '').trim();
  const nik = /^\d[\d\s.-]*\d$/.test(teks) ? teks.replace(/[\s.-]/g, '') : '';
  // an ID is digits only: `-2` is not PPKS 2
  if (/^[-+]/.test(teks)) return refuse(new UserError(pesan.referensiTidakSah('PPKS', teks)));
  if (/^\d{1,9}$/.test(teks) || /^\d{16}$/.test(nik)) {
    const b = nik.length === 16 ? await findPpksByNik(db, nik) : await getBaris(db, 'ppks', Number(teks));
    return b ? pass(b) : refuse(new UserError(pesan.ppksTidakAda(nik.length === 16 ? maskNik(nik) : teks)));
  }
  // a name, titles ignored (`Mbah Tukiyem` is `Tukiyem`); anonymised rows have no name to match
  const kunci = bersihkanNama(teks);
  const calon = kunci ? await calonNama(db, 'ppks', kunci) : [];
  const senama = calon.filter((p) => bersihkanNama(p.nama) === kunci);
  const satu = senama.length === 1 ? await getBaris(db, 'ppks', senama[0]!.id) : undefined;
  if (satu) return pass(satu);
  return refuse(new UserError(senama.length ? pesan.ppksGanda(teks, senama.length) : pesan.ppksTidakAda(teks)));
}

/** Aid to someone who has died or moved is allowed, with a word about it. */
export function peringatanPenerima(ppks: Baris): string[] {
  const pergi = ppks.status === 'meninggal' || ppks.status === 'pindah';
  return pergi ? [pesan.ppksTidakAktif(String(ppks.nama), String(ppks.status))] : [];
}

/** Active PPKS as choices at a prompt, NIKs masked: `Tukiyem 3402••••••••0003 (LUT)`. */
export async function pilihanPpks(db: Kysely<Database>): Promise<Opsi[]> {
  const rows = await listBaris(db, 'ppks', { sama: { status: 'aktif' } });
  const nama = (p: Baris) => `${String(p.nama)} ${maskNik(p.nik as string | null)} (${String(p.kategori)})`;
  return rows.map((p) => ({ kode: String(p.id), nama: nama(p) }));
}
