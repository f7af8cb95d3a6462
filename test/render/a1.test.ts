import { describe, expect, it } from 'vitest';
import { alamat, angkaKeKolom, geserRentang, geserRumus, kolomKeAngka, type RefBaris } from '../../src/render/a1.js';
import { hitungRumus } from '../../src/render/rumus.js';

// Rows 10 (a list of 5) pushes everything below down by 4.
const peta = (r: RefBaris) => (r.baris < 10 ? r.baris : r.baris === 10 ? (r.peran === 'akhir' ? 14 : 10) : r.baris + 4);

describe('A1 references', () => {
  it('converts columns both ways', () => {
    expect(kolomKeAngka('A')).toBe(1);
    expect(kolomKeAngka('Z')).toBe(26);
    expect(kolomKeAngka('AA')).toBe(27);
    expect(kolomKeAngka('XFD')).toBe(16384);
    expect(angkaKeKolom(28)).toBe('AB');
    expect(angkaKeKolom(16384)).toBe('XFD');
    expect(alamat(7, 3)).toBe('C7');
  });

  it('moves single references below a repeat and keeps those above', () => {
    expect(geserRumus('F8+F11-F14', peta)).toBe('F8+F15-F18');
    expect(geserRumus('$F$8*2+$G12', peta)).toBe('$F$8*2+$G16');
  });

  it('stretches a range over the repeated rows', () => {
    expect(geserRumus('SUM(G10:G10)', peta)).toBe('SUM(G10:G14)');
    expect(geserRumus('SUM(G9:G11)', peta)).toBe('SUM(G9:G15)');
  });

  it('leaves text, function names and other names alone', () => {
    expect(geserRumus('IF(F11>0,"A11 tetap",LOG10(F12))', peta)).toBe('IF(F15>0,"A11 tetap",LOG10(F16))');
    expect(geserRumus('SUMX11+F11', peta)).toBe('SUMX11+F15');
  });

  it('passes the sheet of a qualified reference to the mapper', () => {
    const seen: (string | undefined)[] = [];
    const out = geserRumus("'Buku Kas'!I12+Keuangan!F11+F11", (r) => {
      seen.push(r.sheet);
      return r.sheet === 'Buku Kas' ? r.baris + 100 : r.baris;
    });
    expect(out).toBe("'Buku Kas'!I112+Keuangan!F11+F11");
    expect(seen).toEqual(['Buku Kas', 'Keuangan', undefined]);
  });

  it('moves print areas and print titles', () => {
    const p = (b: number, peran: string) => (b < 10 ? b : b === 10 ? (peran === 'akhir' ? 14 : 10) : b + 4);
    expect(geserRentang('$A$1:$I$20', p)).toBe('$A$1:$I$24');
    expect(geserRentang('7:7', p)).toBe('7:7');
    expect(geserRentang('$10:$10', p)).toBe('$10:$14');
  });
});

describe('formula values for the cache', () => {
  const grid: Record<string, number | string> = { F8: 1000, F11: 250, F14: 100, G1: 1, G2: 2, G3: 'teks', G4: 4 };
  const baca = (b: number, k: number) => grid[`${angkaKeKolom(k)}${b}`];
  it('computes arithmetic and sums', () => {
    expect(hitungRumus('=F8+F11-F14', baca)).toBe(1150);
    expect(hitungRumus('SUM(G1:G4)', baca)).toBe(7);
    expect(hitungRumus('(F8-F14)*2/4', baca)).toBe(450);
    expect(hitungRumus('-F14+MAX(G1:G4,F11)', baca)).toBe(150);
    expect(hitungRumus('COUNT(G1:G4)', baca)).toBe(3);
    expect(hitungRumus('SUM(H1:H3)', baca)).toBe(0);
  });
  it('gives up on what it does not know', () => {
    expect(hitungRumus('VLOOKUP(A1,B1:C3,2)', baca)).toBeUndefined();
    expect(hitungRumus('F8&"x"', baca)).toBeUndefined();
    expect(hitungRumus('G3+1', baca)).toBeUndefined();
  });
});
