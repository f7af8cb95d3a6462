// A long list of the template filler (a quarter's cash book) laid out as a stream: its rows are read
// twice from their source and never held. The first reading notes what the rest of the workbook needs
// from them (each cell's number for formulas and `rekap`, the rows' height, one sample of every style);
// exceljs then writes the workbook with the samples in the list's place, and the second reading writes
// the rows' XML in their stead (src/render/sambung-xlsx.ts). The result is the workbook the in-memory
// filler writes, with the list's text as inline strings.
import type ExcelJSNs from 'exceljs';
import { LedgerError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { alamat, kolomKeAngka } from './a1.js';
import { gayaRupiah } from './gaya.js';
import type { Pembaca } from './rumus.js';
import {
  type AliranDaftar,
  type BarisTemplat,
  bacaPenanda,
  type Keluaran,
  type Konteks,
  PENANDA,
  pembacaGrid,
  type SheetTemplat,
  type Susunan,
  susunBaris,
  tinggiBaris,
} from './templat.js';

/** Fewer rows than this are simply held: the samples need room among the list's rows. */
const ALIR_MINIMUM = 16;

/** A streamed list's rows, to be spliced into the sheet exceljs wrote. */
export interface Sambungan {
  sheet: string;
  /** the list's rows in the sheet: exceljs wrote only style samples there */
  awal: number;
  akhir: number;
  /** the rows' XML, given the sample rows exceljs wrote; `ganti` applies to every text */
  baris(contoh: string, ganti: (teks: string) => string): AsyncIterable<string>;
}

/**
 * Which list each sheet streams (its repeating row); every other streamed list is read whole here. A
 * list is streamed when it is long enough, sits on one sheet only, and its row is simple (see bisaAlir).
 */
export async function pilihAliran(
  sheets: SheetTemplat[],
  k: Konteks,
  batas: number,
): Promise<Map<string, BarisTemplat>> {
  const pilih = new Map<string, BarisTemplat>();
  for (const [nama, d] of Object.entries(k.daftar)) {
    if (!d.aliran) continue;
    const tempat = sheets.flatMap((s) => s.baris.filter((b) => b.ulang === nama).map((b) => ({ s, b })));
    const t = tempat[0];
    const panjang = d.aliran.jumlah >= Math.max(batas, ALIR_MINIMUM);
    if (t && tempat.length === 1 && panjang && !pilih.has(t.s.nama) && bisaAlir(t.s, t.b)) pilih.set(t.s.nama, t.b);
    else if (t) d.baris = await kumpulkan(d.aliran);
  }
  return pilih;
}

type Baris = Konteks['daftar'][string]['baris'][number];

async function kumpulkan(a: AliranDaftar): Promise<Baris[]> {
  const out: Baris[] = [];
  for await (const r of a.baris()) out.push(r);
  if (out.length !== a.jumlah) throw new LedgerError(pesan.laporanBukuBerubah());
  return out;
}

/** A row without merges, pictures or page guards, whose fixed cells are plain values. */
function bisaAlir(s: SheetTemplat, b: BarisTemplat): boolean {
  for (const rentang of s.ws.model.merges ?? []) {
    const [ra, rb] = rentang.split(':').map((a) => Number(/\d+$/.exec(a)![0]));
    if (ra! <= b.nomor && b.nomor <= rb!) return false;
  }
  return b.sel.every((c) => {
    if (c.formula !== null) return true;
    if (c.teks?.includes('{{'))
      return [...c.teks.matchAll(PENANDA)].every((m) =>
        ['ulang', 'isian', 'nilai'].includes(bacaPenanda(m[1]!)?.jenis ?? ''),
      );
    const v = c.value;
    return v === null || v === undefined || ['string', 'number'].includes(typeof v) || v instanceof Date;
  });
}

/** Moves this sheet's numbers below `akhir` to the end, so the list's go before them (the grid's order). */
function sisihkanBawah(angka: Record<string, number>, sheet: string, akhir: number): [string, number][] {
  const out: [string, number][] = [];
  for (const key of Object.keys(angka)) {
    if (!key.startsWith(`${sheet}!`) || Number(/\d+$/.exec(key)![0]) <= akhir) continue;
    out.push([key, angka[key]!]);
    delete angka[key];
  }
  return out;
}

/** The first reading of the list (`b`, the sheet's repeating row): see the file's head. */
export async function lintasAlir(x: Susunan, b: BarisTemplat): Promise<KeadaanAlir> {
  const aliran = x.k.daftar[b.ulang!]!.aliran!;
  const a = new KeadaanAlir(x, b, aliran);
  const bawah = sisihkanBawah(x.angka, x.s.nama, a.akhir);
  const bacaLuar = pembacaGrid(x.grid, a.baca);
  let i = 0;
  for await (const item of aliran.baris()) {
    if (i >= aliran.jumlah) throw new LedgerError(pesan.laporanBukuBerubah());
    a.lintasPertama(x, item, i++, bacaLuar);
  }
  if (i !== aliran.jumlah) throw new LedgerError(pesan.laporanBukuBerubah());
  for (const [key, v] of bawah) x.angka[key] = v;
  return a;
}

type Gaya = Partial<ExcelJSNs.Style>;
interface Contoh {
  gaya: Gaya;
  sel: Keluaran;
  nilai: Keluaran['value'] | undefined;
}

// what a cell holds for a formula reading it: nothing, a number, text, or empty text
const KOSONG = 0;
const ANGKA = 1;
const TEKS = 2;
const TEKS_KOSONG = 3;

export class KeadaanAlir {
  readonly awal: number;
  readonly akhir: number;
  private readonly n: number;
  private readonly nilai = new Map<number, Float64Array>();
  private readonly jenis = new Map<number, Uint8Array>();
  /** per column, every style its cells take, in the order met, with the first cell that took it */
  private readonly contoh = new Map<number, Map<Gaya, Contoh>>();
  private tinggi = 0;

  constructor(
    private readonly x: Susunan,
    private readonly b: BarisTemplat,
    private readonly aliran: AliranDaftar,
  ) {
    this.n = aliran.jumlah;
    this.awal = x.p.awal(b.nomor);
    this.akhir = this.awal + this.n - 1;
    for (const c of b.sel) {
      this.nilai.set(c.kolom, new Float64Array(this.n));
      this.jenis.set(c.kolom, new Uint8Array(this.n));
      this.contoh.set(c.kolom, new Map());
    }
  }

  /** A list cell as formulas read it (noted by the first reading). */
  readonly baca: Pembaca = (baris, kolom) => {
    if (baris < this.awal || baris > this.akhir) return undefined;
    const i = baris - this.awal;
    const j = this.jenis.get(kolom)?.[i];
    if (j === ANGKA) return this.nilai.get(kolom)![i];
    if (j === TEKS) return 'teks';
    return j === TEKS_KOSONG ? '' : undefined;
  };

  tinggiBaris(r: number): number | undefined {
    return r >= this.awal && r <= this.akhir && this.tinggi > 0 ? this.tinggi : undefined;
  }

  /** Row `i` of the first reading: its numbers, height and styles noted. */
  lintasPertama(x: Susunan, item: Baris, i: number, bacaLuar: Pembaca): void {
    const r = this.awal + i;
    const grid = new Map<string, Keluaran>();
    const tinggi = new Map<number, number>();
    susunBaris({ ...x, grid, tinggi }, this.b, i, item);
    const dalam = (br: number, bk: number) => (br >= this.awal && br <= this.akhir ? this.baca : bacaLuar)(br, bk);
    const baca = pembacaGrid(grid, dalam);
    for (const c of this.b.sel) {
      const sel = grid.get(alamat(r, c.kolom))!;
      const dibaca = baca(r, c.kolom);
      this.simpan(c.kolom, i, dibaca);
      const nilai = sel.rumus !== undefined ? dibaca : sel.value;
      const gaya = gayaRupiah(sel.style, nilai);
      const peta = this.contoh.get(c.kolom)!;
      if (!peta.has(gaya)) peta.set(gaya, { gaya, sel, nilai });
    }
    tinggiBaris(grid, tinggi, new Map(), new Set(), (k) => this.x.s.ws.getColumn(k).width ?? 9);
    this.tinggi = Math.max(this.tinggi, tinggi.get(r) ?? 0);
  }

  private simpan(kolom: number, i: number, v: number | string | undefined): void {
    const [j, angka] = kodeNilai(v);
    this.jenis.get(kolom)![i] = j;
    this.nilai.get(kolom)![i] = angka;
  }

  /** The formula results among `rekap`'s numbers, row by row, as the grid's own are noted. */
  catatRumus(x: Susunan): void {
    const rumus = this.b.sel.filter((c) => c.formula !== null).map((c) => c.kolom);
    for (let i = 0; i < this.n; i++) {
      for (const k of rumus) {
        if (this.jenis.get(k)![i] === ANGKA)
          x.angka[`${x.s.nama}!${alamat(this.awal + i, k)}`] = this.nilai.get(k)![i]!;
      }
    }
  }

  /** One sample cell of every style each column takes, in the list's first rows (the second reading's key). */
  tulisContoh(ws: ExcelJSNs.Worksheet): void {
    for (const [kolom, peta] of this.contoh) {
      [...peta.values()].forEach((c, k) => {
        const cell = ws.getCell(this.awal + k, kolom);
        if (c.sel.rumus === undefined) cell.value = c.nilai as ExcelJSNs.CellValue;
        else if (typeof c.nilai === 'number') cell.value = { formula: c.sel.rumus, result: c.nilai, date1904: false };
        else cell.value = { formula: c.sel.rumus, date1904: false };
        cell.style = c.gaya;
        if (this.tinggi > 0) ws.getRow(this.awal + k).height = this.tinggi;
      });
    }
  }

  sambungan(x: Susunan): Sambungan {
    return {
      sheet: x.s.nama,
      awal: this.awal,
      akhir: this.akhir,
      baris: (contoh, ganti) => this.lintasKedua({ ...x, catatAngka: false }, contoh, ganti),
    };
  }

  /** The second reading: each row's XML with the style ids exceljs gave the samples. */
  private async *lintasKedua(x: Susunan, contoh: string, ganti: (t: string) => string): AsyncIterable<string> {
    const { kepala, gaya } = this.bacaContoh(contoh);
    let potong: string[] = [];
    let i = 0;
    for await (const item of this.aliran.baris()) {
      if (i >= this.n) throw new LedgerError(pesan.laporanBukuBerubah());
      potong.push(this.barisXml(x, item, i++, kepala, gaya, ganti));
      if (potong.length === 256) {
        yield potong.join('');
        potong = [];
      }
    }
    if (i !== this.n) throw new LedgerError(pesan.laporanBukuBerubah());
    yield potong.join('');
  }

  private barisXml(
    x: Susunan,
    item: Baris,
    i: number,
    kepala: string,
    gaya: Map<Gaya, string>,
    ganti: (t: string) => string,
  ): string {
    const r = this.awal + i;
    const grid = new Map<string, Keluaran>();
    susunBaris({ ...x, grid, tinggi: new Map() }, this.b, i, item);
    let xml = `<row r="${r}"${kepala}`;
    for (const c of this.b.sel) {
      const key = alamat(r, c.kolom);
      const sel = grid.get(key)!;
      const dibaca = this.baca(r, c.kolom);
      const nilai = sel.rumus !== undefined ? dibaca : sel.value;
      // the rows must be the ones the first reading saw (and the totals were computed from)
      if (sel.rumus === undefined && !samaDibaca(sel.value, dibaca)) throw new LedgerError(pesan.laporanBukuBerubah());
      const s = gaya.get(gayaRupiah(sel.style, nilai));
      if (s === undefined) throw new LedgerError(pesan.laporanBukuBerubah());
      xml += selXml(key, s, sel.rumus, nilai, ganti);
    }
    return `${xml}</row>`;
  }

  /** The samples' `<row …>` attributes (after r) and each sample style's id, read from exceljs's XML. */
  private bacaContoh(contoh: string): { kepala: string; gaya: Map<Gaya, string> } {
    const baris = contoh.split('<row ').slice(1);
    const kepala = /^r="\d+"([^>]*>)/.exec(baris[0] ?? '')?.[1] ?? '>';
    const gaya = new Map<Gaya, string>();
    for (const [kolom, peta] of this.contoh) {
      [...peta.keys()].forEach((g, k) => {
        const m = /<c r="[A-Z]+\d+"(?: s="(\d+)")?/g;
        const ids = new Map([...(baris[k] ?? '').matchAll(m)].map((x) => [kolomDari(x[0]), x[1] ?? '0']));
        gaya.set(g, ids.get(kolom) ?? '0');
      });
    }
    return { kepala, gaya };
  }
}

const kolomDari = (c: string): number => kolomKeAngka(/r="([A-Z]+)/.exec(c)![1]!);

function kodeNilai(v: number | string | undefined): [number, number] {
  if (typeof v === 'number') return [ANGKA, v];
  if (v === '') return [TEKS_KOSONG, 0];
  return [v === undefined ? KOSONG : TEKS, 0];
}

/** A cell's value as the first reading noted it (formulas read numbers and text; dates read as nothing). */
function samaDibaca(v: Keluaran['value'], dibaca: number | string | undefined): boolean {
  const sekarang = typeof v === 'number' || typeof v === 'string' ? v : undefined;
  const [j1, a1] = kodeNilai(sekarang);
  const [j2, a2] = kodeNilai(dibaca);
  return j1 === j2 && a1 === a2;
}

/** Text as exceljs escapes it (control characters dropped). */
function xmlTeks(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML cannot hold
  return s.replace(/[<>&'"\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, (c) => ENTITAS[c] ?? '');
}
const ENTITAS: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** One cell as exceljs writes it, text inline instead of shared. */
function selXml(
  key: string,
  s: string,
  rumus: string | undefined,
  v: Keluaran['value'] | undefined,
  ganti: (t: string) => string,
): string {
  const gaya = s === '0' ? '' : ` s="${s}"`;
  if (rumus !== undefined)
    return `<c r="${key}"${gaya}><f>${xmlTeks(rumus)}</f>${typeof v === 'number' ? `<v>${v}</v>` : ''}</c>`;
  if (v === null || v === undefined) return gaya ? `<c r="${key}"${gaya}/>` : '';
  if (typeof v === 'number') return `<c r="${key}"${gaya}><v>${v}</v></c>`;
  if (v instanceof Date) return `<c r="${key}"${gaya}><v>${25569 + v.getTime() / 86_400_000}</v></c>`;
  const t = ganti(String(v));
  const ruang = /^\s|\n|\s$/.test(t) ? ' xml:space="preserve"' : '';
  return `<c r="${key}"${gaya} t="inlineStr"><is><t${ruang}>${xmlTeks(t)}</t></is></c>`;
}
