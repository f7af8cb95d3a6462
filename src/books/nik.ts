// What a 16-digit NIK or KK number must say to be real: a province that exists, a birth date
// (a NIK's digits 7–12, day + 40 for women) that is a calendar day, and a serial from 0001.

/** The province codes of Dukcapil, the new Papua provinces (2022) included. */
export const KODE_PROVINSI = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75,
  76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
]);

function hariSah(dd: number, mm: number, yy: number): boolean {
  // the century is unknown: 29 February is a day when the two-digit year is a leap year in either century
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const hari = new Date(Date.UTC(2000 + yy, mm, 0)).getUTCDate();
  return dd <= hari;
}

/**
 * Why these 16 digits are not a real NIK (or, with `kk`, a family card number), or null when they may be.
 * The reasons are Indonesian, to follow "tidak sah:".
 */
export function alasanNikTidakSah(digits: string, kk = false): string | null {
  if (!/^\d{16}$/.test(digits)) return `${kk ? 'nomor KK' : 'NIK'} harus 16 angka`;
  const prov = Number(digits.slice(0, 2));
  if (!KODE_PROVINSI.has(prov)) return `dua angka pertama (${digits.slice(0, 2)}) bukan kode provinsi`;
  if (!kk) {
    let dd = Number(digits.slice(6, 8));
    if (dd > 40) dd -= 40;
    if (!hariSah(dd, Number(digits.slice(8, 10)), Number(digits.slice(10, 12))))
      return `angka ke-7 sampai ke-12 (${digits.slice(6, 12)}) bukan tanggal lahir (hhbbtt, hari + 40 untuk perempuan)`;
  }
  if (digits.endsWith('0000')) return 'empat angka terakhir (nomor urut) tidak pernah 0000';
  return null;
}
