// A1 references: parsing, and moving the row numbers of references in a formula when the
// filler lays rows out anew (exceljs's spliceRows/insertRow leave formulas and merges behind).

export function kolomKeAngka(huruf: string): number {
  let n = 0;
  for (const c of huruf.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

export function angkaKeKolom(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const hurufKolom: string[] = [];

export function alamat(baris: number, kolom: number): string {
  return (hurufKolom[kolom] ??= angkaKeKolom(kolom)) + baris;
}

export function parseAlamat(a: string): { baris: number; kolom: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(a.trim());
  if (!m) throw new Error(`alamat sel tidak sah: ${a}`);
  return { kolom: kolomKeAngka(m[1]!), baris: Number(m[2]) };
}

/** Where a reference sits in a formula: a lone cell, or the first or last corner of a range. */
export type Peran = 'tunggal' | 'awal' | 'akhir';

export interface RefBaris {
  /** sheet named before `!`, or undefined for the formula's own sheet */
  sheet: string | undefined;
  baris: number;
  absolut: boolean;
  peran: Peran;
}

/** Returns the new row number for a reference (the caller decides what moves). */
export type PemetaBaris = (ref: RefBaris) => number;

// A cell reference, optionally sheet-qualified ('Buku Kas'!A1 or Keuangan!A1), not part of a
// longer name and not a function name (LOG10( ).
const REF = /((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g;

/** Moves the rows of every reference in `formula` with `peta`; text inside string literals is left alone. */
export function geserRumus(formula: string, peta: PemetaBaris): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const kutip = formula.indexOf('"', i);
    const ujung = kutip === -1 ? formula.length : kutip;
    out += geserBagian(formula.slice(i, ujung), peta);
    if (kutip === -1) break;
    const tutup = formula.indexOf('"', kutip + 1);
    const akhir = tutup === -1 ? formula.length : tutup + 1;
    out += formula.slice(kutip, akhir);
    i = akhir;
  }
  return out;
}

function geserBagian(teks: string, peta: PemetaBaris): string {
  return teks.replace(
    REF,
    (
      cocok: string,
      sheetBang: string | undefined,
      dk: string,
      kol: string,
      db: string,
      brs: string,
      offset: number,
    ) => {
      const sebelum = offset > 0 ? teks[offset - 1]! : '';
      if (/[\w$.]/.test(sebelum)) return cocok;
      const sesudah = teks[offset + cocok.length] ?? '';
      const prev = teks.slice(0, offset).trimEnd();
      const peran: Peran = sesudah === ':' ? 'awal' : prev.endsWith(':') ? 'akhir' : 'tunggal';
      const sheet = sheetBang ? namaSheet(sheetBang.slice(0, -1)) : undefined;
      const baru = peta({ sheet, baris: Number(brs), absolut: db === '$', peran });
      return `${sheetBang ?? ''}${dk}${kol}${db}${baru}`;
    },
  );
}

function namaSheet(s: string): string {
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** `A7:F40`, `$7:$8` or `'Buku Kas'!$A$1:$I$40` with rows moved; for print areas and print titles. */
export function geserRentang(rentang: string, peta: (baris: number, peran: Peran) => number): string {
  return rentang
    .split(',')
    .map((bagian) => {
      const [a, b] = bagian.split(':');
      const satu = (s: string, peran: Peran) =>
        s.replace(/(\$?)(\d+)$/, (_m, d: string, n: string) => `${d}${peta(Number(n), peran)}`);
      return b === undefined ? satu(a!, 'tunggal') : `${satu(a!, 'awal')}:${satu(b, 'akhir')}`;
    })
    .join(',');
}
