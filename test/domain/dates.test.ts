import { afterEach, describe, expect, it } from 'vitest';
import {
  bukanMasaDepan,
  formatTanggal,
  hariIni,
  parseDate,
  parseTriwulan,
  rentangTriwulan,
  triwulanDari,
  triwulanSebelumnya,
} from '../../src/domain/dates.js';
import { UserError } from '../../src/domain/errors.js';

describe('dates', () => {
  const saved = process.env.WKSBM_HARI_INI;
  afterEach(() => {
    process.env.WKSBM_HARI_INI = saved;
  });

  it('reads day-first and ISO dates', () => {
    expect(parseDate('05/10/2026')).toBe('2026-10-05');
    expect(parseDate('5-10-2026')).toBe('2026-10-05');
    expect(parseDate('2026-10-05')).toBe('2026-10-05');
    expect(() => parseDate('31/02/2026')).toThrow(UserError);
    expect(() => parseDate('10/2026')).toThrow(/tanggal "10\/2026" tidak sah/);
  });

  it('reads a month by its Indonesian name, and dashes day-first', () => {
    expect(parseDate('12 Mei 2025')).toBe('2025-05-12');
    expect(parseDate('12 mei 2025')).toBe('2025-05-12');
    expect(parseDate('3 Agustus 2026')).toBe('2026-08-03');
    expect(parseDate('3 Agt 2026')).toBe('2026-08-03');
    expect(parseDate('5 Okt 2026')).toBe('2026-10-05');
    expect(parseDate('12-05-2025')).toBe('2025-05-12');
    expect(() => parseDate('12 Mai 2025')).toThrow(/tulis tanggal seperti/);
  });

  it('says a day does not exist instead of calling it a format problem', () => {
    expect(() => parseDate('31/02/2026')).toThrow('tanggal "31/02/2026" tidak sah: 31 Februari 2026 tidak ada.');
    expect(() => parseDate('29 Februari 2025')).toThrow(/29 Februari 2025 tidak ada/);
    expect(parseDate('29/02/2028')).toBe('2028-02-29');
    expect(() => parseDate('12/13/2026')).toThrow(/bulan 13 tidak ada/);
  });

  it('refuses a day after today', () => {
    expect(bukanMasaDepan('2026-11-22', '2026-11-22').ok).toBe(true);
    const r = bukanMasaDepan('2026-11-29', '2026-11-22');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.pesan).toBe(
      'tanggal "29 Nov 2026" tidak sah: lewat dari hari ini (22 Nov 2026); mencatat hanya yang sudah terjadi.',
    );
  });

  it('formats in Indonesian', () => {
    expect(formatTanggal('2026-10-05')).toBe('5 Okt 2026');
    expect(formatTanggal('2026-10-05', true)).toBe('5 Oktober 2026');
  });

  it('takes today in Asia/Jakarta', () => {
    delete process.env.WKSBM_HARI_INI;
    // 20:00 UTC on 31 Dec is already 1 Jan in WIB
    expect(hariIni(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });

  it('gives the day the Asia/Jakarta zone data gives, without loading it', () => {
    delete process.env.WKSBM_HARI_INI;
    const zona = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', dateStyle: 'short' });
    // each side of midnight WIB (17:00 UTC), a leap day and year ends, 1970 to 2100
    const jam = ['T16:59:59.999Z', 'T17:00:00Z', 'T00:00:00Z', 'T23:59:59Z'];
    for (const hari of ['1970-01-01', '2024-02-28', '2024-02-29', '2026-06-30', '2026-12-31', '2100-12-31'])
      for (const j of jam) {
        const t = new Date(hari + j);
        expect(hariIni(t)).toBe(zona.format(t));
      }
  });

  it('knows quarters', () => {
    expect(parseTriwulan('2026-3')).toEqual({ tahun: 2026, triwulan: 3 });
    expect(parseTriwulan('2026-IV')).toEqual({ tahun: 2026, triwulan: 4 });
    expect(() => parseTriwulan('2026-5')).toThrow(UserError);
    expect(rentangTriwulan({ tahun: 2026, triwulan: 1 })).toEqual({ dari: '2026-01-01', sampai: '2026-03-31' });
    expect(triwulanDari('2026-09-30')).toEqual({ tahun: 2026, triwulan: 3 });
    expect(triwulanSebelumnya({ tahun: 2026, triwulan: 1 })).toEqual({ tahun: 2025, triwulan: 4 });
  });
});
