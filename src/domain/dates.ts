// Dates are ISO strings (YYYY-MM-DD) inside the program; users type day-first; "today" is WIB.
import { UserError } from './errors.js';
import { pesan } from './pesan.js';
import { OK, pass, type RuleResult, refuse } from './rule.js';

export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
export const BULAN_SINGKAT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const ROMAWI = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function romawi(n: number): string {
  return ROMAWI[n - 1]!;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const hari = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > hari) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A month by its Indonesian name or short name (`Mei`, `agustus`, `Agt`), 1-12, or 0. */
function bulanDari(nama: string): number {
  const n = nama.toLowerCase().replace(/\.$/, '');
  if (n === 'agt') return 8;
  const i = BULAN.findIndex((b) => b.toLowerCase() === n);
  return i >= 0 ? i + 1 : BULAN_SINGKAT.findIndex((b) => b.toLowerCase() === n) + 1;
}

/** The year, month and day a text names, whether or not that day exists; null when it is no date at all. */
function bacaBagian(text: string): { y: number; m: number; d: number } | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return { y: Number(m[3]), m: Number(m[2]), d: Number(m[1]) };
  m = /^(\d{1,2})[\s-]+([A-Za-z]+\.?)[\s-]+(\d{4})$/.exec(s);
  if (m && bulanDari(m[2]!)) return { y: Number(m[3]), m: bulanDari(m[2]!), d: Number(m[1]) };
  return null;
}

/** `2026-10-05`, `05/10/2026`, `5-10-2026`, `5.10.2026`, `5 Okt 2026`, `5 Oktober 2026` → `2026-10-05`, or null. */
export function tryParseDate(text: string): string | null {
  const b = bacaBagian(text);
  return b ? iso(b.y, b.m, b.d) : null;
}

export function parseDate(text: string, field = 'tanggal'): string {
  const b = bacaBagian(text);
  const d = b ? iso(b.y, b.m, b.d) : null;
  if (d) return d;
  if (b && b.m >= 1 && b.m <= 12 && b.d >= 1 && b.d <= 31 && b.y >= 1900 && b.y <= 2200)
    throw new UserError(pesan.hariTidakAda(field, text, `${b.d} ${BULAN[b.m - 1]} ${b.y}`));
  if (b && (b.m < 1 || b.m > 12)) throw new UserError(pesan.bulanTidakAda(field, text, b.m));
  throw new UserError(pesan.tanggalTidakSah(field, text));
}

/** An entry is dated today or before: what has not happened is not written down. */
export function bukanMasaDepan(tanggal: string, hariIni: string, field = 'tanggal'): RuleResult {
  if (tanggal <= hariIni) return OK;
  // the same words as tanggalEntriSah: one sentence for one rule
  return refuse(new UserError(pesan.tanggalMasaDepan(field, formatTanggal(tanggal), formatTanggal(hariIni))));
}

/** Asia/Jakarta (WIB) is UTC+7 all year and has been since 1964: no daylight saving to look up. */
const WIB_MS = 7 * 3_600_000;

/**
 * Today in Asia/Jakarta. WKSBM_HARI_INI fixes the clock (tests, back-office catch-up). Computed from the
 * fixed offset: a time-zone formatter loads ICU's zone data, about 40 ms of a command's start.
 */
export function hariIni(now: Date = new Date()): string {
  const tetap = process.env.WKSBM_HARI_INI;
  if (tetap) return parseDate(tetap, 'WKSBM_HARI_INI');
  return new Date(now.getTime() + WIB_MS).toISOString().slice(0, 10);
}

export function bagian(tanggal: string): { tahun: number; bulan: number; hari: number } {
  // ISO YYYY-MM-DD (every stored date): sliced, as imports call this per row; anything else split as before
  if (tanggal.length === 10 && tanggal[4] === '-' && tanggal[7] === '-')
    return { tahun: +tanggal.slice(0, 4), bulan: +tanggal.slice(5, 7), hari: +tanggal.slice(8, 10) };
  const [y, m, d] = tanggal.split('-').map(Number);
  return { tahun: y!, bulan: m!, hari: d! };
}

/** `22/11/2026`: a date as the treasurer types it, for a prompt's default. */
export function tanggalIsian(tanggal: string | undefined): string | undefined {
  if (!tanggal || !/^\d{4}-\d{2}-\d{2}$/.test(tanggal)) return tanggal;
  return `${tanggal.slice(8, 10)}/${tanggal.slice(5, 7)}/${tanggal.slice(0, 4)}`;
}

/** `5 Okt 2026` for screens, `5 Oktober 2026` for documents. */
export function formatTanggal(tanggal: string | null | undefined, panjang = false): string {
  if (!tanggal) return '';
  const { tahun, bulan, hari } = bagian(tanggal);
  return `${hari} ${(panjang ? BULAN : BULAN_SINGKAT)[bulan - 1]} ${tahun}`;
}

export interface Triwulan {
  tahun: number;
  triwulan: 1 | 2 | 3 | 4;
}

export function parseTriwulan(text: string, field = 'triwulan'): Triwulan {
  const m = /^(\d{4})[-/ ]?(?:Q|TW)?([1-4]|I{1,3}|IV)$/i.exec(text.trim());
  if (!m) throw new UserError(pesan.triwulanTidakSah(field, text));
  const angka = /^\d$/.test(m[2]!) ? Number(m[2]) : ROMAWI.indexOf(m[2]!.toUpperCase()) + 1;
  return { tahun: Number(m[1]), triwulan: angka as Triwulan['triwulan'] };
}

export function triwulanDari(tanggal: string): Triwulan {
  const { tahun, bulan } = bagian(tanggal);
  return { tahun, triwulan: (Math.floor((bulan - 1) / 3) + 1) as Triwulan['triwulan'] };
}

export function rentangTriwulan(t: Triwulan): { dari: string; sampai: string } {
  const awal = (t.triwulan - 1) * 3 + 1;
  const akhir = awal + 2;
  return {
    dari: iso(t.tahun, awal, 1)!,
    sampai: iso(t.tahun, akhir, new Date(Date.UTC(t.tahun, akhir, 0)).getUTCDate())!,
  };
}

export function triwulanSebelumnya(t: Triwulan): Triwulan {
  return t.triwulan === 1
    ? { tahun: t.tahun - 1, triwulan: 4 }
    : { tahun: t.tahun, triwulan: (t.triwulan - 1) as Triwulan['triwulan'] };
}

/** The quarter that ended last before `hariIni` (on 5 October: III of the year; on 15 January: IV of last year). */
export function triwulanTerakhirSelesai(hariIni: string): Triwulan {
  return triwulanSebelumnya(triwulanDari(hariIni));
}

export function labelTriwulan(t: Triwulan): string {
  return `${romawi(t.triwulan)}/${t.tahun}`;
}

/** Whole years between a birth date and a day. */
export function umur(lahir: string, pada: string): number {
  const a = bagian(lahir);
  const b = bagian(pada);
  let u = b.tahun - a.tahun;
  if (b.bulan < a.bulan || (b.bulan === a.bulan && b.hari < a.hari)) u--;
  return u;
}

export function hariSebelum(tanggal: string): string {
  const { tahun, bulan, hari } = bagian(tanggal);
  const d = new Date(Date.UTC(tahun, bulan - 1, hari - 1));
  return d.toISOString().slice(0, 10);
}

/** Entries before a unit's founding are typing mistakes (`1900` for `2019`); without a known date, 2000. */
export const AWAL_BAKU = '2000-01-01';

/** The first day a unit can have entries: the earlier of its founding and its SK date, else 2000-01-01. */
export function awalPencatatan(profil?: { sk_tanggal?: string | null; tanggal_berdiri?: string | null }): string {
  const ada = [profil?.sk_tanggal, profil?.tanggal_berdiri].filter((t): t is string => !!t).sort();
  return ada[0] ?? AWAL_BAKU;
}

/** An entry (cash, stock, aid, letter, meeting, activity, guest) happens between the founding and today. */
export function tanggalEntriSah(awal: string, tanggal: string, hariIni: string, field = 'tanggal'): RuleResult<string> {
  // the date is written out for a message only (an import checks a million that pass)
  if (tanggal < awal)
    return refuse(new UserError(pesan.tanggalSebelumBerdiri(field, formatTanggal(tanggal), formatTanggal(awal))));
  if (tanggal > hariIni)
    return refuse(new UserError(pesan.tanggalMasaDepan(field, formatTanggal(tanggal), formatTanggal(hariIni))));
  return pass(tanggal);
}

/** A birth date lies between 1900 and today. */
export function tanggalLahirSah(tanggal: string, hariIni: string, field = 'tanggal lahir'): RuleResult<string> {
  if (tanggal < '1900-01-01' || tanggal > hariIni)
    return refuse(new UserError(pesan.tanggalLahirTidakSah(field, formatTanggal(tanggal))));
  return pass(tanggal);
}
