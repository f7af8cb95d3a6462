import { describe, expect, it } from 'vitest';
import { bacaNik, periksaPpks } from '../../src/books/ppks.js';
import { REFERENSI } from '../../src/db/migrations/referensi-awal.js';
import type { KategoriPpksRow } from '../../src/db/types.js';

const KATEGORI = REFERENSI.ppks as unknown as KategoriPpksRow[];
const HARI_INI = '2026-11-22';

describe('bacaNik', () => {
  it('reads the birth date and sex (DD + 40 for women) at positions 7–12', () => {
    expect(bacaNik('3402084107650003', HARI_INI)).toEqual({ lahir: '1965-07-01', jk: 'P' });
    expect(bacaNik('3402081203700002', HARI_INI)).toEqual({ lahir: '1970-03-12', jk: 'L' });
    expect(bacaNik('3402081505150001', HARI_INI)).toEqual({ lahir: '2015-05-15', jk: 'L' });
    expect(bacaNik('3402083112260001', HARI_INI).lahir).toBe('1926-12-31'); // not in the future
    expect(bacaNik('3402083202900001', HARI_INI).lahir).toBeNull();
  });
});

describe('periksaPpks', () => {
  it('is quiet when everything agrees', () => {
    expect(
      periksaPpks(
        {
          nik: '3402084107650003',
          jk: 'P',
          tanggal_lahir: '1965-07-01',
          kategori: 'LUT',
          dasar_pemrosesan: 'persetujuan',
        },
        KATEGORI,
        HARI_INI,
      ),
    ).toEqual([]);
  });

  it('warns on NIK mismatches and category hints, using the NIK date when no birth date is given', () => {
    const w = periksaPpks(
      { nik: '3402081505900001', jk: 'P', kategori: 'LUT', dasar_pemrosesan: 'tugas_publik' },
      KATEGORI,
      HARI_INI,
    );
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/jenis kelaminnya L/);
    expect(w[1]).toMatch(/umurnya 36 tahun/);
    expect(
      periksaPpks(
        { kategori: 'ABT', tanggal_lahir: '2018-01-01', persetujuan_wali: 'ibu', dasar_pemrosesan: 'persetujuan' },
        KATEGORI,
        HARI_INI,
      )[0],
    ).toMatch(/ABT biasanya untuk umur 0–5 tahun, sedangkan umurnya 8/);
  });

  it('refuses a child on consent without a guardian, warns on the public task', () => {
    expect(() =>
      periksaPpks({ tanggal_lahir: '2015-05-15', kategori: 'AT', dasar_pemrosesan: 'persetujuan' }, KATEGORI, HARI_INI),
    ).toThrow(/--wali/);
    expect(
      periksaPpks(
        { tanggal_lahir: '2015-05-15', kategori: 'AT', dasar_pemrosesan: 'tugas_publik' },
        KATEGORI,
        HARI_INI,
      ),
    ).toEqual([expect.stringMatching(/anak/)]);
  });
});
