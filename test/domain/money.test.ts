import { describe, expect, it } from 'vitest';
import { LedgerError, UserError } from '../../src/domain/errors.js';
import {
  formatRupiah,
  jumlahkan,
  jumlahSemua,
  kurangkan,
  parseAmount,
  parseKuantitas,
  parseRupiahBerkas,
  RUPIAH_MAKS,
  rupiah,
  rupiahTersimpan,
  tryParseAmount,
  tryRupiah,
} from '../../src/domain/money.js';

describe('parseAmount', () => {
  it.each([
    ['1250000', 1_250_000],
    ['1.250.000', 1_250_000],
    ['Rp 1.250.000', 1_250_000],
    ['Rp1.250.000', 1_250_000],
    ['rp. 45.000', 45_000],
    ['1,25jt', 1_250_000],
    ['1.5 juta', 1_500_000],
    ['2 juta', 2_000_000],
    ['250rb', 250_000],
    ['15.000,-', 15_000],
    ['15.000,00', 15_000],
    ['92500', 92_500],
  ])('accepts %s', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it.each(['0', '-5000', 'abc', '', '1,250', '12.50', '1.2345678 juta', '1.250.00', '9'.repeat(20), 'Rp', '1e6'])(
    'refuses %s naming what was typed',
    (text) => {
      expect(() => parseAmount(text)).toThrow(UserError);
      try {
        parseAmount(text, 'jumlah');
      } catch (e) {
        expect((e as Error).message).toContain(`"${text}"`);
        expect((e as Error).message).toMatch(/^jumlah /);
      }
    },
  );

  it('reads bare digits as the longer path would: leading zeros, 15 digits at most', () => {
    expect(tryParseAmount('0005000')).toBe(5_000);
    expect(tryParseAmount('9'.repeat(15))).toBe(999_999_999_999_999);
    expect(tryParseAmount('1'.repeat(16))).toBeNull();
    expect(tryParseAmount(' 5000 ')).toBe(5_000);
  });

  it('never produces a fraction', () => {
    expect(tryParseAmount('1,2345jt')).toBe(1_234_500);
    expect(tryParseAmount('1,23456jt')).toBe(1_234_560);
    expect(tryParseAmount('1,2345678jt')).toBeNull();
  });
});

describe('formatRupiah', () => {
  it('formats Indonesian style', () => {
    expect(formatRupiah(1_250_000)).toBe('Rp 1.250.000');
    expect(formatRupiah(-45_000)).toBe('-Rp 45.000');
    expect(formatRupiah(0)).toBe('Rp 0');
  });

  it('groups every amount as Intl id-ID does, without loading it', () => {
    const intl = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0, useGrouping: true });
    const xs = [1, 12, 999, 1_000, 99_999, 100_000, 1_234_567, 10 ** 12, 999_999_999_999_999, 2.5, 1_499.5];
    for (const x of xs) {
      expect(formatRupiah(x)).toBe(`Rp ${intl.format(x)}`);
      expect(formatRupiah(-x)).toBe(`-Rp ${intl.format(x)}`);
    }
  });
});

describe('parseKuantitas', () => {
  it('keeps thousandths exact', () => {
    expect(parseKuantitas('12,5')).toBe(12_500);
    expect(parseKuantitas('0.125')).toBe(125);
    expect(() => parseKuantitas('0')).toThrow(UserError);
    expect(() => parseKuantitas('1.2345')).toThrow(UserError);
  });
});

describe('sums of Rupiah', () => {
  it('add and subtract whole rupiah exactly', () => {
    expect(jumlahkan(rupiah(1_250_000), rupiah(-150_000))).toBe(1_100_000);
    expect(kurangkan(rupiah(500_000), rupiah(80_000))).toBe(420_000);
    expect(jumlahSemua([rupiah(1), rupiah(2), rupiah(3)])).toBe(6);
    expect(jumlahSemua([])).toBe(0);
  });

  it('refuse a sum past the largest amount counted exactly, in Indonesian, never rounding', () => {
    expect(() => jumlahkan(RUPIAH_MAKS, rupiah(1))).toThrow(LedgerError);
    expect(() => kurangkan(rupiah(-RUPIAH_MAKS), rupiah(1))).toThrow(/melampaui batas rupiah/);
    expect(() => jumlahSemua([RUPIAH_MAKS, RUPIAH_MAKS])).toThrow('Jumlah 1999999999999998 melampaui batas rupiah');
    expect(jumlahkan(RUPIAH_MAKS, rupiah(-1))).toBe(999_999_999_999_998);
  });
});

describe('amounts read back', () => {
  it.each([
    [0, 0],
    [-125_000, -125_000],
    [999_999_999_999_999, 999_999_999_999_999],
  ])('take %s as Rupiah', (v, r) => {
    expect(tryRupiah(v)).toBe(r);
    expect(parseRupiahBerkas(v, 'x')).toBe(r);
  });

  it.each([12.5, '1000', null, undefined, Number.NaN, 1e16, Number.MAX_SAFE_INTEGER + 2])('refuse %s', (v) => {
    expect(tryRupiah(v)).toBeNull();
    expect(() => parseRupiahBerkas(v, 'keuangan.saldo_awal')).toThrow(UserError);
    const pesan = `isian keuangan.saldo_awal di sheet _data bernilai "${String(v)}", bukan rupiah bulat`;
    expect(() => parseRupiahBerkas(v, 'keuangan.saldo_awal')).toThrow(pesan);
    expect(() => rupiahTersimpan(v, 'Entri kas 001/BKM/VII/2026')).toThrow(LedgerError);
  });
});
