import { describe, expect, it } from 'vitest';
import {
  barisDiLot,
  type EntriJurnal,
  entriLot,
  gantiDalamLot,
  hashJurnal,
  hashLot,
  isiJurnal,
  isiLot,
  penyusunIsi,
  tambahKeLot,
  uidBaru,
} from '../../src/domain/jurnal.js';

describe('uidBaru', () => {
  it('is a UUID version 7: the time in milliseconds, then 74 random bits with the variant 8-b; never twice', () => {
    const sebelum = Date.now();
    const uid = Array.from({ length: 2_000 }, () => uidBaru());
    const sesudah = Date.now();
    for (const u of uid) {
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const ms = Number.parseInt(u.slice(0, 8) + u.slice(9, 13), 16);
      expect(ms).toBeGreaterThanOrEqual(sebelum);
      expect(ms).toBeLessThanOrEqual(sesudah);
    }
    expect(new Set(uid).size).toBe(uid.length);
    // every hex digit of the random part turns up: the bytes are not reused or left at zero
    const acak = uid.map((u) => u.slice(15).replace(/-/g, '')).join('');
    expect(new Set(acak).size).toBe(16);
    expect(new Set(uid.map((u) => u[19])).size).toBe(4);
  });
});

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

  it('a lot entry holds each row as its own entry would, and its hash covers every value of every row', () => {
    const kolom = ['alamat', 'cap', 'email', 'id', 'janji', 'nama', 'uid'];
    const rows = [
      ['Jetis', new Uint8Array([1, 2]), null, 1, 25_000, 'Bpk. "Sukardi"\n\\ RT 03', 'u-1'],
      [undefined, null, 'a@b.id', 2, null, 'Siti', 'u-2'],
    ];
    const nilai: unknown[] = [];
    for (const r of rows) tambahKeLot(nilai, r);
    const isi = isiLot(kolom, nilai);
    expect(isiLot(['a', 'b'], [1, null, 'x', 2])).toBe('{"kolom":["a","b"],"nilai":[1,null,"x",2]}');
    const sebagaiRow = (r: unknown[]) => Object.fromEntries(kolom.map((k, i) => [k, r[i]]));
    expect([...entriLot(isi)]).toEqual(rows.map((r) => ({ uid: r[6], isi: isiJurnal(sebagaiRow(r)) })));
    expect(barisDiLot(isi, 'u-2')).toEqual(JSON.parse(isiJurnal(sebagaiRow(rows[1]!))));
    expect(barisDiLot(isi, 'u-3')).toBeUndefined();

    const e = (isi: string): EntriJurnal => ({ waktu: 'w', salinan: 's', buku: 'donatur', uid: '', aksi: 'lot', isi });
    const h = hashJurnal('0', e(isi));
    expect(hashJurnal('0', e(isi))).toBe(h);
    expect(hashJurnal('1', e(isi))).not.toBe(h);
    expect(hashJurnal('0', e(isi.replace('Siti', 'Sita')))).not.toBe(h);
    expect(hashJurnal('0', { ...e(isi), buku: 'ppks' })).not.toBe(h);

    // the erasure rewrites one row inside, the others stay as they were
    const baru = gantiDalamLot(isi, 'u-2', () => ({ nama: 'Donatur #2 (dianonimkan)', email: null }))!;
    expect(barisDiLot(baru, 'u-2')).toMatchObject({ nama: 'Donatur #2 (dianonimkan)', email: null, id: 2 });
    expect(barisDiLot(baru, 'u-1')).toEqual(barisDiLot(isi, 'u-1'));
    expect(gantiDalamLot(isi, 'u-3', () => ({ nama: 'x' }))).toBeUndefined();
    expect(gantiDalamLot(isi, 'u-2', () => ({ nama: 'Siti' }))).toBeUndefined();
  });
});
