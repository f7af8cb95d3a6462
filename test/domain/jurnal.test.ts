import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bacaLotTerbaca,
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

describe('a lot row compared with a table row, value by value', () => {
  const kolom = ['alamat', 'cap', 'id', 'janji', 'nama', 'uid'];
  const cap = new Uint8Array([1, 2, 3]);
  const lot = bacaLotTerbaca(isiLot(kolom, ['Jetis', `sha256:${'a'.repeat(64)}`, 1, 0, 'Bu Sri', 'u-1']));
  // the lot's own row again, with the BLOB as the journal writes it
  const tersimpan = bacaLotTerbaca(isiLot(kolom, ['Jetis', 'x', 1, 0, 'Bu Sri', 'u-1']));

  it('agrees with comparing the two texts (isiJurnal), whatever the table’s column order', () => {
    const urutanLain = ['uid', 'nama', 'janji', 'id', 'cap', 'alamat'];
    const kasus: [string[], unknown[]][] = [
      [kolom, ['Jetis', 'x', 1, 0, 'Bu Sri', 'u-1']],
      [urutanLain, ['u-1', 'Bu Sri', 0, 1, 'x', 'Jetis']],
      [urutanLain, ['u-1', 'Bu Sri', -0, 1, 'x', 'Jetis']], // -0 writes 0
      [kolom, ['Jetis', 'x', '1', 0, 'Bu Sri', 'u-1']], // a number stored as text
      [kolom, ['Jetis', 'x', 1, null, 'Bu Sri', 'u-1']],
      [kolom, ['Jetis', cap, 1, 0, 'Bu Sri', 'u-1']], // a BLOB against its text
      [kolom.slice(1), ['x', 1, 0, 'Bu Sri', 'u-1']], // a column fewer
      [
        [...kolom, 'baru'],
        ['Jetis', 'x', 1, 0, 'Bu Sri', 'u-1', null],
      ], // a column more
    ];
    for (const [k, v] of kasus) {
      const teks = isiJurnal(Object.fromEntries(k.map((x, i) => [x, v[i]])));
      expect(tersimpan.sama(0, k, v), JSON.stringify(v)).toBe(teks === tersimpan.isi(0));
    }
    expect(tersimpan.sama(0, urutanLain, ['u-1', 'Bu Sri', -0, 1, 'x', 'Jetis'])).toBe(true);
    expect(tersimpan.sama(0, kolom.slice(1), ['x', 1, 0, 'Bu Sri', 'u-1'])).toBe(false);
  });

  it('a BLOB is compared by the digest the journal holds', () => {
    const digest = `sha256:${createHash('sha256').update(cap).digest('hex')}`;
    const denganCap = bacaLotTerbaca(isiLot(kolom, ['Jetis', digest, 1, 0, 'Bu Sri', 'u-1']));
    expect(denganCap.sama(0, kolom, ['Jetis', cap, 1, 0, 'Bu Sri', 'u-1'])).toBe(true);
    expect(lot.sama(0, kolom, ['Jetis', cap, 1, 0, 'Bu Sri', 'u-1'])).toBe(false);
  });
});
