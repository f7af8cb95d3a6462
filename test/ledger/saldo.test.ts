// The floor rule reads a balance line: the short one a single posting reads from saldo_harian and the
// segment tree a bulk run keeps must answer alike, over any history and any order of movements.
import { describe, expect, it } from 'vitest';
import {
  GarisPanjang,
  GarisPendek,
  JUMLAH_HARI,
  nomorHari,
  tanggalDariHari,
  titikMinus,
} from '../../src/ledger/saldo.js';

function acak(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** day-ends of a history given as day → movement, from `dari` on, as saldo_harian stores them */
function pendek(harian: Map<number, number>, dari: number): GarisPendek {
  const hari = [...harian.keys()].sort((a, b) => a - b);
  let saldo = 0;
  let sebelum = 0;
  const baris: { hari: number; saldo: number }[] = [];
  for (const h of hari) {
    saldo += harian.get(h)!;
    if (h < dari) sebelum = saldo;
    else baris.push({ hari: h, saldo });
  }
  return new GarisPendek(dari, sebelum, baris);
}

function panjang(harian: Map<number, number>): GarisPanjang {
  const a = new Float64Array(JUMLAH_HARI);
  for (const [h, d] of harian) a[h] = d;
  return new GarisPanjang(a);
}

describe('balance lines', () => {
  it('day numbers and dates round-trip, from 1900 to the end of 2200', () => {
    for (const t of ['1900-01-01', '2026-02-28', '2028-02-29', '2200-12-31'])
      expect(tanggalDariHari(nomorHari(t))).toBe(t);
    expect(nomorHari('1900-01-01')).toBe(0);
    expect(nomorHari('2200-12-31')).toBeLessThan(JUMLAH_HARI);
  });

  it('finds the first day-end below zero after a backdated payment, not only its own day', () => {
    const h = new Map([
      [nomorHari('2026-07-01'), 100_000],
      [nomorHari('2026-07-10'), -80_000],
    ]);
    const dari = nomorHari('2026-07-05');
    for (const g of [pendek(h, dari), panjang(h)]) {
      expect(titikMinus(g, dari, 20_000)).toBeUndefined();
      expect(titikMinus(g, dari, 50_000)).toEqual({ tanggal: '2026-07-10', saldo: -30_000 });
      expect(titikMinus(g, dari, 150_000)).toEqual({ tanggal: '2026-07-05', saldo: -50_000 });
    }
  });

  it('the tree moves every day-end from the first day, the last day or any day on, and none before', () => {
    const b = panjang(new Map([[5, 10]]));
    const langkah: [number, number][] = [
      [0, 1],
      [JUMLAH_HARI - 1, 100],
      [6, -3],
      [JUMLAH_HARI / 2, 7],
      [JUMLAH_HARI / 2 - 1, 1000],
    ];
    for (const [dari, d] of langkah) b.tambah(dari, d);
    const harus = (h: number) =>
      (h >= 5 ? 10 : 0) + langkah.filter(([dari]) => h >= dari).reduce((t, [, d]) => t + d, 0);
    for (const h of [0, 4, 5, 6, JUMLAH_HARI / 2 - 2, JUMLAH_HARI / 2 - 1, JUMLAH_HARI / 2, JUMLAH_HARI - 1])
      expect([h, b.pada(h)]).toEqual([h, harus(h)]);
    expect(b.pertamaDiBawah(0, 2)).toEqual({ hari: 0, saldo: 1 });
    expect(b.pertamaDiBawah(5, 9)).toEqual({ hari: 6, saldo: 8 });
  });

  for (const seed of [1, 2, 3, 4]) {
    it(`random history ${seed}: the short line and the tree give the same answers`, () => {
      const r = acak(seed);
      const awal = nomorHari('2026-01-01');
      const harian = new Map<number, number>();
      for (let i = 0; i < 60; i++) {
        const h = awal + Math.floor(r() * 200);
        harian.set(h, (harian.get(h) ?? 0) + Math.round((r() - 0.3) * 100));
      }
      const dari = awal + Math.floor(r() * 200);
      const a = pendek(harian, dari);
      const b = panjang(harian);
      let minus = 0;
      for (let i = 0; i < 100; i++) {
        const hari = dari + Math.floor(r() * 100);
        // around the day's own balance, so about half the payments would go below zero
        const pada = b.pertamaDiBawah(hari, Infinity)!.saldo;
        const turun = Math.floor(r() * 2 * Math.max(50, pada));
        const t = titikMinus(a, hari, turun);
        expect(t).toEqual(titikMinus(b, hari, turun));
        if (t) minus++;
        if (r() < 0.5) {
          const d = Math.round((r() - 0.5) * 100);
          a.tambah(hari, d);
          b.tambah(hari, d);
        }
      }
      // both outcomes were exercised
      expect(minus).toBeGreaterThan(5);
      expect(minus).toBeLessThan(95);
    });
  }
});
