// The numbered rows of a printed book, written as sheet XML straight into the zip (sambung-xlsx.ts) in place of
// two sample rows exceljs laid out with the book's styles: a year's cash book is 250 k rows, and exceljs's row and
// cell objects, style lookups and XML rendering were most of its print. Everything around the rows (heading,
// column titles, signature, page setup) is still exceljs's.
import { angkaKeKolom, kolomKeAngka } from './a1.js';
import { tanggalSel } from './laporan-xlsx.js';
import { type Halaman, letakHalaman, type Sambungan, TINGGI_BIASA } from './templat.js';
import { selXml } from './templat-alir.js';

export type JenisKolom = 'teks' | 'tanggal' | 'rupiah' | 'angka' | 'kuantitas';
export type NilaiCetak = string | number | null;

/** The rows after the first: a synchronous source (the cash book) is read without a promise per row. */
export type SisaBaris =
  | { sinkron: true; it: Iterator<NilaiCetak[]> }
  | { sinkron: false; it: AsyncIterator<NilaiCetak[]> };

/**
 * The sample rows' values, one row a column kind: the first row's cells take each column's style, the second's a
 * rupiah column's style for an amount below zero (every other cell as in the first).
 */
export function nilaiContoh(jenis: readonly JenisKolom[], negatif: boolean): (string | number | Date)[] {
  return jenis.map((j) => {
    if (j === 'teks') return 'x';
    if (j === 'tanggal') return new Date(Date.UTC(2000, 0, 1));
    return j === 'rupiah' && negatif ? -1 : 1;
  });
}

/** Rows written at a time: one string (and one deflate write) for this many rows. */
const SEKALIGUS = 256;

export interface AlirBuku {
  sheet: string;
  /** the first sample row; the second follows it */
  awal: number;
  /** the kind of each column, the number column (No) first */
  jenis: readonly JenisKolom[];
  /** a row's height, if it needs more than the default (wrapped text, a signature) */
  tinggi(isi: NilaiCetak[]): number | undefined;
  pertama: NilaiCetak[];
  sisa: SisaBaris;
  /** the printed pages, for the signature block after the rows: it prints whole, and never alone */
  halaman?: HalamanBuku;
}

/** What the page breaks of a printed book are laid from (letakHalaman). */
export interface HalamanBuku {
  ukuran: Pick<Halaman, 'judul' | 'longgar' | 'ketat'>;
  /** the height of a row above the numbered rows (heading, column titles, the opening line) */
  tinggiAtas(r: number): number;
  /** how many rows follow the numbered rows (the signature block) */
  ttd: number;
}

/**
 * The rows numbered from 1 in place of the two samples; `jumlah` is how many were written so far (all of them
 * once the zip is written), and the rows after them move by `jumlah - 2`.
 */
export function sambunganBuku(a: AlirBuku): Sambungan & { jumlah(): number } {
  let n = 0;
  // each numbered row's height when it is not the default's (0), for the page breaks
  const tinggi: number[] = [];
  return {
    sheet: a.sheet,
    awal: a.awal,
    akhir: a.awal + 1,
    baris: async function* (contoh) {
      const tulis = penulisBaris(contoh, a, tinggi);
      let potong = '';
      let dalam = 0;
      const satu = (isi: NilaiCetak[]) => {
        potong += tulis(++n, isi);
        if (++dalam < SEKALIGUS) return false;
        dalam = 0;
        return true;
      };
      const lepas = () => {
        const p = potong;
        potong = '';
        return p;
      };
      if (satu(a.pertama)) yield lepas();
      const sisa = a.sisa;
      if (sisa.sinkron) {
        for (let r = sisa.it.next(); !r.done; r = sisa.it.next()) if (satu(r.value)) yield lepas();
      } else {
        for (let r = await sisa.it.next(); !r.done; r = await sisa.it.next()) if (satu(r.value)) yield lepas();
      }
      if (potong) yield lepas();
    },
    buang: () => void a.sisa.it.return?.(),
    geser: () => n - 2,
    ...(a.halaman ? { pisahHalaman: () => pisahBuku(a.awal, n, tinggi, a.halaman!) } : {}),
    jumlah: () => n,
  };
}

/**
 * The page breaks of a book of `n` numbered rows from row `awal`: only the signature block's (a `bersama` block),
 * so it prints whole and with the book's last rows above it; the rows themselves run over pages as they fill.
 */
function pisahBuku(awal: number, n: number, tinggi: readonly number[], h: HalamanBuku): number[] {
  const ttd = awal + n;
  return letakHalaman([{ baris: ttd, n: h.ttd, bersama: true }], {
    ...h.ukuran,
    tinggi: (r) => (r < awal ? h.tinggiAtas(r) : r < ttd ? tinggi[r - awal] || TINGGI_BIASA : TINGGI_BIASA),
    berisi: (r) => r >= awal && r < ttd,
  });
}

/** Row `n` of the book (its number first, then its values) as sheet XML, in the samples' styles; its height noted. */
function penulisBaris(contoh: string, a: AlirBuku, tinggi: number[]): (n: number, isi: NilaiCetak[]) => string {
  const biasa = gayaBaris(contoh, a.awal);
  const negatif = gayaBaris(contoh, a.awal + 1);
  const atribut = atributBaris(contoh, a.awal);
  const huruf = a.jenis.map((_j, i) => angkaKeKolom(i + 1));
  return (n, isi) => {
    const r = a.awal - 1 + n;
    const ht = a.tinggi(isi);
    tinggi.push(ht ?? 0);
    let xml = `<row r="${r}"${ht ? ` ht="${ht}" customHeight="1"` : ''}${atribut}>`;
    for (let i = 0; i < a.jenis.length; i++) {
      const v = i === 0 ? n : isi[i - 1];
      const gaya = (typeof v === 'number' && v < 0 ? negatif : biasa)[i] ?? '';
      xml += selXml(`${huruf[i]}${r}`, gaya, undefined, nilaiSel(v, a.jenis[i]!));
    }
    return `${xml}</row>`;
  };
}

/**
 * A printed value as its cell holds it, the same in the streamed rows and in exceljs's: empty text is no value, a
 * date column's ISO date a real date (one Date a day), and a date that does not read as one stays its text.
 */
export function nilaiSel(v: NilaiCetak | undefined, jenis: JenisKolom): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (jenis !== 'tanggal' || typeof v !== 'string') return v;
  const d = tanggalSel(v);
  return d && !Number.isNaN(d.getTime()) ? d : v;
}

/** Row `r`'s cells' ` s="id"` by column (index 0 = A), from the samples' XML. */
export function gayaBaris(contoh: string, r: number): string[] {
  const gaya: string[] = [];
  const re = new RegExp(`<c r="([A-Z]+)${r}"( s="\\d+")?`, 'g');
  for (const m of contoh.matchAll(re)) gaya[kolomKeAngka(m[1]!) - 1] = m[2] ?? '';
  return gaya;
}

/** The sample row's attributes after its number, without a height of its own. */
function atributBaris(contoh: string, r: number): string {
  const m = new RegExp(`<row r="${r}"([^>]*)>`).exec(contoh);
  return (m?.[1] ?? '').replace(/ ht="[^"]*"| customHeight="[^"]*"/g, '');
}
