// The cash row's chained values written out (isiKas) are KOLOM_RANTAI.kas read by name: same order, absent → null,
// so the chain's hashes stay the ones every earlier version wrote.
import { describe, expect, it } from 'vitest';
import { hashIsi, hashRow, isiKas, KOLOM_RANTAI } from '../../src/ledger/hash.js';

describe('isiKas', () => {
  it('gives the KOLOM_RANTAI.kas values in order, a missing one as null', () => {
    const row: Record<string, unknown> = Object.fromEntries(KOLOM_RANTAI.kas.map((k, i) => [k, `nilai ${i}`]));
    row.hash = 'tidak dirantai';
    expect(isiKas(row)).toEqual(KOLOM_RANTAI.kas.map((k) => row[k]));
    delete row.uraian;
    row.jenis = undefined;
    const isi = isiKas(row);
    expect(isi).toHaveLength(KOLOM_RANTAI.kas.length);
    expect(isi[KOLOM_RANTAI.kas.indexOf('uraian')]).toBeNull();
    expect(isi[KOLOM_RANTAI.kas.indexOf('jenis')]).toBeNull();
    const sebelum = 'a'.repeat(64);
    expect(hashRow('kas', sebelum, row)).toBe(
      hashIsi(
        sebelum,
        KOLOM_RANTAI.kas.map((k) => row[k] ?? null),
      ),
    );
  });
});
