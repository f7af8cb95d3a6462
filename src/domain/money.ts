// Rupiah: whole rupiah as a safe integer. The only way from text to money in the program.
import { LedgerError, UserError } from './errors.js';
import { pesan } from './pesan.js';

export type Rupiah = number & { readonly __rupiah: unique symbol };

const MAKS = 999_999_999_999_999; // below Number.MAX_SAFE_INTEGER, far above any WKSBM
export const RUPIAH_MAKS = MAKS as Rupiah;

export function rupiah(n: number): Rupiah {
  if (!Number.isSafeInteger(n) || Math.abs(n) > MAKS) throw new Error(`bukan rupiah bulat: ${n}`);
  return n as Rupiah;
}

export const NOL = rupiah(0);

// Sums stay whole rupiah: two amounts within MAKS add up exactly in a double, and a result past
// MAKS is refused rather than rounded (a figure of the ledger, not a bug: LedgerError, exit 1).
function dalamBatas(n: number): Rupiah {
  if (!Number.isSafeInteger(n) || Math.abs(n) > MAKS) throw new LedgerError(pesan.rupiahMelampauiBatas(String(n)));
  return n as Rupiah;
}

export function jumlahkan(a: Rupiah, b: Rupiah): Rupiah {
  return dalamBatas(a + b);
}

export function kurangkan(a: Rupiah, b: Rupiah): Rupiah {
  return dalamBatas(a - b);
}

export function jumlahSemua(xs: Iterable<Rupiah>): Rupiah {
  let s = NOL;
  for (const x of xs) s = jumlahkan(s, x);
  return s;
}

/** A value read back from a file or the database: whole rupiah within range, or null. */
export function tryRupiah(v: unknown): Rupiah | null {
  return typeof v === 'number' && Number.isSafeInteger(v) && Math.abs(v) <= MAKS ? (v as Rupiah) : null;
}

/** An amount stored in the ledger file; anything else means the file was changed outside wksbm. */
export function rupiahTersimpan(v: unknown, tempat: string): Rupiah {
  const r = tryRupiah(v);
  if (r === null) throw new LedgerError(pesan.rupiahTersimpanTidakSah(tempat, String(v)));
  return r;
}

/** A figure read back from a workbook another program may have touched (`rekap`): a UserError names it. */
export function parseRupiahBerkas(v: unknown, isian: string): Rupiah {
  const r = tryRupiah(v);
  if (r === null) throw new UserError(pesan.rupiahBerkasTidakSah(isian, String(v)));
  return r;
}

const PENGALI: Record<string, number> = {
  jt: 1_000_000,
  juta: 1_000_000,
  rb: 1_000,
  ribu: 1_000,
  k: 1_000,
  m: 1_000_000_000,
  miliar: 1_000_000_000,
};

/** Parses an amount as Indonesians type it; returns null when the text is not one. */
export function tryParseAmount(text: string): number | null {
  // most cells of an imported file are bare digits: 15 of them are at most MAKS, and a double holds them exactly
  if (/^\d{1,15}$/.test(text)) return Number(text);
  let s = text.trim().toLowerCase().replace(/\s+/g, '');
  s = s.replace(/^rp\.?/, '');
  if (s === '') return null;
  const suffix = /^(\d+)(?:[.,](\d+))?(jt|juta|rb|ribu|k|m|miliar)$/.exec(s);
  if (suffix) {
    const [, bulat, pecahan = '', satuan] = suffix;
    const kali = BigInt(PENGALI[satuan!]!);
    const skala = 10n ** BigInt(pecahan.length);
    const total = BigInt(bulat!) * kali * skala + BigInt(pecahan || '0') * kali;
    if (total % skala !== 0n) return null;
    return toSafe(total / skala);
  }
  s = s.replace(/,(00|-)$/, '').replace(/\.-$/, '');
  if (/^\d+$/.test(s)) return toSafe(BigInt(s));
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return toSafe(BigInt(s.replace(/\./g, '')));
  return null;
}

function toSafe(n: bigint): number | null {
  return n > BigInt(MAKS) ? null : Number(n);
}

/** An amount given by the user: positive whole rupiah, or a UserError naming the field. */
export function parseAmount(text: string | number, field = 'jumlah'): Rupiah {
  const raw = String(text);
  const n = typeof text === 'number' && Number.isSafeInteger(text) ? text : tryParseAmount(raw);
  if (n === null || n <= 0) throw new UserError(pesan.jumlahTidakSah(field, raw));
  return rupiah(n);
}

/**
 * Whole rupiah grouped by thousands with dots, as `Intl.NumberFormat('id-ID')` writes them, without it:
 * building that formatter loads the locale's ICU data, about 70 ms of every command's start.
 */
const ribuan = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, '.');

/** `Rp 1.250.000`, `-Rp 45.000`. */
export function formatRupiah(n: number): string {
  const s = ribuan(Math.abs(n));
  return (n < 0 ? '-' : '') + 'Rp ' + s;
}

/** Stock quantities (kg of rice) are kept in thousandths so sums stay exact. */
export function parseKuantitas(text: string | number, field = 'kuantitas'): number {
  const raw = String(text).trim().replace(',', '.');
  const m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(raw);
  const mili = m ? Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0') || 0) : NaN;
  if (!Number.isSafeInteger(mili) || mili <= 0) throw new UserError(pesan.kuantitasTidakSah(field, String(text)));
  return mili;
}

export function miliKeAngka(mili: number): number {
  return mili / 1000;
}
