// The numbers of a filled template by cell (peta-angka.ts): a streamed list's runs read as the keys they stand
// for, in the order noted, and their JSON is JSON.stringify's; the seal over that JSON is the one over the object.
import { describe, expect, it } from 'vitest';
import { kodeSegelLaporan, kodeSegelLaporanTeks, objekJson, type RantaiSegel } from '../../src/domain/segel.js';
import { PetaAngka } from '../../src/render/peta-angka.js';

function contoh(): PetaAngka {
  const a = new PetaAngka();
  a.catat('Kas', 8, 10, 5);
  a.set('Keuangan!F8', 1.5);
  a.catat('Kas', 2000, 8, -3);
  const bawah = a.ambilBawah('Kas', 1999);
  const isian = a.buka('Kas', 9, 1999);
  for (let r = 9; r <= 1999; r++) a.catat('Kas', r, 8 + (r % 2), r * 1000);
  isian.tutup();
  for (const [k, v] of bawah) a.set(k, v);
  const rumus = a.buka('Kas', 9, 1999);
  for (let r = 9; r <= 1999; r++) a.catat('Kas', r, 10, -r);
  rumus.tutup();
  a.catat('Kas "kutip"', 1, 1, 0);
  return a;
}

describe('PetaAngka', () => {
  it('reads its runs as keys in the order noted, and writes the JSON JSON.stringify would', () => {
    const a = contoh();
    const o = a.objek();
    const kunci = Object.keys(o);
    expect(kunci.slice(0, 4)).toEqual(['Kas!J8', 'Keuangan!F8', 'Kas!I9', 'Kas!H10']);
    expect(kunci.slice(1992, 1996)).toEqual(['Kas!I1999', 'Kas!H2000', 'Kas!J9', 'Kas!J10']);
    expect(kunci.at(-1)).toBe('Kas "kutip"!A1');
    expect(kunci).toHaveLength(2 + 1991 + 1 + 1991 + 1);
    expect([o['Kas!H2000'], o['Kas!J1999'], o['Kas!I1999']]).toEqual([-3, -1999, 1_999_000]);
    expect(a.json()).toBe(JSON.stringify(o));
    expect(new PetaAngka().json()).toBe('{}');
  });

  it('refuses a run noted out of order, or a cell of a closed run noted again', () => {
    const a = new PetaAngka();
    const d = a.buka('Kas', 9, 20);
    a.catat('Kas', 10, 8, 1);
    expect(() => a.catat('Kas', 10, 8, 2)).toThrow(/tidak berurutan/);
    expect(() => a.catat('Kas', 9, 9, 2)).toThrow(/tidak berurutan/);
    d.tutup();
    expect(() => a.catat('Kas', 11, 8, 1)).toThrow(/sesudah deretnya ditutup/);
    a.catat('Kas', 21, 8, 1);
    expect(a.objek()).toEqual({ 'Kas!H10': 1, 'Kas!H21': 1 });
  });

  it('seals the JSON text as it seals the object it stands for', () => {
    const kepala = { jumlah: 3, id: 3, hash: 'ab', langkah: 1, titik: [] };
    const a = contoh();
    const laporan = { versi: 3, keuangan: { masuk: 10, catatan: undefined }, daftar: [1, 'dua'] };
    for (const rantai of [
      { kas: kepala, natura: kepala },
      { kas: kepala, natura: kepala, jurnal: kepala },
    ]) {
      const r = rantai as RantaiSegel;
      expect(kodeSegelLaporanTeks(r, JSON.stringify(laporan), a.json())).toBe(
        kodeSegelLaporan(r, { laporan, sel: a.objek() }),
      );
    }
    const isi = { a: 1, b: undefined, c: 'x"y', d: null };
    const pasangan = Object.entries(isi).map(([k, v]): [string, string | undefined] => [k, JSON.stringify(v)]);
    expect(objekJson(pasangan)).toBe(JSON.stringify(isi));
  });
});
