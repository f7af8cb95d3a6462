import { describe, expect, it } from 'vitest';
import { type EntriJurnal, hashLot, isiJurnal, penyusunIsi } from '../../src/domain/jurnal.js';

describe('the journal entry of a bulk row', () => {
  it('is the same text isiJurnal makes of the row read back', () => {
    const kolom = ['uid', 'nama', 'id', 'janji', 'email', 'cap', 'alamat'];
    const nilai = ['u-1', 'Bpk. "Sukardi"\n\\ RT 03', 7, 25_000, null, new Uint8Array([1, 2, 3]), undefined];
    const row = Object.fromEntries(kolom.map((k, i) => [k, nilai[i]]));
    expect(penyusunIsi(kolom)(nilai)).toBe(isiJurnal(row));
  });

  it('one hash seals a lot: any entry changed, dropped or moved changes it', () => {
    const e = (uid: string): EntriJurnal => ({
      waktu: 'w',
      salinan: 's',
      buku: 'donatur',
      uid,
      aksi: 'tambah',
      isi: '{}',
    });
    const lot = [e('a'), e('b'), e('c')];
    const h = hashLot('0', lot);
    expect(hashLot('0', [e('a'), e('b'), e('c')])).toBe(h);
    expect(hashLot('1', lot)).not.toBe(h);
    expect(hashLot('0', [e('a'), { ...e('b'), isi: '{"x":1}' }, e('c')])).not.toBe(h);
    expect(hashLot('0', [e('a'), e('c')])).not.toBe(h);
    expect(hashLot('0', [e('b'), e('a'), e('c')])).not.toBe(h);
  });
});
