import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { formatTanggal, hariIni, parseDate, parseTriwulan, rentangTriwulan, triwulanDari, triwulanSebelumnya } from '../../src/domain/dates.js';

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

  it('formats in Indonesian', () => {
    expect(formatTanggal('2026-10-05')).toBe('5 Okt 2026');
    expect(formatTanggal('2026-10-05', true)).toBe('5 Oktober 2026');
  });

  it('takes today in Asia/Jakarta', () => {
    delete process.env.WKSBM_HARI_INI;
    // 20:00 UTC on 31 Dec is already 1 Jan in WIB
    expect(hariIni(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
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
