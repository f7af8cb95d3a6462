import { describe, expect, it } from 'vitest';
import { cocokKategori, kategoriTerdekat } from '../../src/books/kategori-ppks.js';
import { REFERENSI } from '../../src/db/migrations/referensi-awal.js';

const DAFTAR = REFERENSI.ppks;

describe('PPKS categories as other systems write them', () => {
  it.each([
    ['FM', 'FM'],
    ['fm', 'FM'],
    ['24', 'FM'],
    ['Fakir Miskin', 'FM'],
    ['KELUARGA FAKIR MISKIN', 'FM'],
    ['ANAK DENGAN KEDISABILITASAN (ADK)', 'ADK'],
    ['BEKAS WARGA BINAAN LEMBAGA PEMASYARAKATAN  (BWBLP)', 'BWBLP'],
    ['ORANG DENGAN HIV / AIDS', 'ODHA'],
    ['ANAK YANG MENJADI KORBAN TINDAK KEKERASAN (KTK)', 'AKTK'],
    ['Korban Tindak Kekerasan', 'KTK'],
    ['LANJUT USIA TERLANTAR (LUT)', 'LUT'],
    ['Keluarga Bermasalah Sosial Psikologis', 'KBSP'],
    ['lansia', 'LUT'],
    ['Lansia', 'LUT'],
    ['disabilitas', 'PD'],
    ['PENYANDANG DISABILITAS (PD)', 'PD'],
    ['Perempuan rawan sosial ekonomi', 'PRSE'],
    ['kategori baru (XYZ)', undefined],
    ['orang baik', undefined],
    ['', undefined],
  ])('%s → %s', (tulisan, kode) => {
    expect(cocokKategori(DAFTAR, tulisan)?.kode).toBe(kode);
  });

  it('suggests the nearest category when nothing matches', () => {
    expect(kategoriTerdekat(DAFTAR, 'warga miskin sekali')?.kode).toBe('FM');
    expect(kategoriTerdekat(DAFTAR, 'anak jalanan kota')?.kode).toBe('AJ');
    expect(kategoriTerdekat(DAFTAR, 'qwerty')).toBeUndefined();
  });
});
