// A long list of the template filler (a quarter's cash book) laid out as a stream: its rows are read
// once from their source and never held. The reading notes what the rest of the workbook needs from
// them (each cell's number for formulas and `rekap`, the rows' height, one sample of every style) and
// writes their XML to a scratch file, with stand-ins for the style ids; exceljs then writes the workbook
// with the samples in the list's place, and the rows' XML goes in their stead with exceljs's ids
// (src/render/sambung-xlsx.ts). The result is the workbook the in-memory filler writes, cell for cell,
// with the list's text as inline strings. A row with merges, pictures or page guards is held instead.
import fs from 'node:fs';
import type ExcelJSNs from 'exceljs';
import { LedgerError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { alamat, angkaKeKolom, kolomKeAngka } from './a1.js';
import { gayaRupiah } from './gaya.js';
import { siapkanBerkasPribadi } from './pribadi.js';
import type { Pembaca } from './rumus.js';
import {
  type BarisTemplat,
  BUKAN_ANGKA,
  bacaPenanda,
  bacaSel,
  barisTeks,
  type CaraAlir,
  isiPenanda,
  type KeadaanAlir,
  type Keluaran,
  type Konteks,
  PENANDA,
  pembacaGrid,
  pembacaSel,
  rumusDiBaris,
  type Sambungan,
  type SelTemplat,
  type SheetTemplat,
  type Susunan,
  salin,
  tinggiUntuk,
} from './templat.js';

/** Fewer rows than this are simply held: the samples need room among the list's rows. */
const ALIR_MINIMUM = 16;

/**
 * Which list each sheet streams (its repeating row); every other streamed list is read whole here. A
 * list is streamed when it is long enough, sits on one sheet only, and its row is simple (see bisaAlir).
 */
function pilihAliran(sheets: SheetTemplat[], k: Konteks, batas: number): Map<string, BarisTemplat> {
  const pilih = new Map<string, BarisTemplat>();
  for (const [nama, d] of Object.entries(k.daftar)) {
    if (!d.aliran) continue;
    const tempat = sheets.flatMap((s) => s.baris.filter((b) => b.ulang === nama).map((b) => ({ s, b })));
    const t = tempat[0];
    const panjang = d.aliran.jumlah >= Math.max(batas, ALIR_MINIMUM);
    if (t && tempat.length === 1 && panjang && !pilih.has(t.s.nama) && bisaAlir(t.s, t.b)) pilih.set(t.s.nama, t.b);
  }
  return pilih;
}

type Baris = Konteks['daftar'][string]['baris'][number];

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

/** Streaming long lists from `batas` rows, scratch files named from `sementara` (isiTemplat's `alir`). */
export function caraAlir(batas: number, sementara: string): CaraAlir {
  return { batas, sementara, pilih: pilihAliran, lintas: lintasAlir };
}

/** The one reading of the list (`b`, the sheet's repeating row): see the file's head. */
function lintasAlir(x: Susunan, b: BarisTemplat, sementara: string): AlirDaftar {
  const aliran = x.k.daftar[b.ulang!]!.aliran!;
  const a = new AlirDaftar(x, b, aliran.jumlah, sementara);
  try {
    const bawah = sisihkanBawah(x.angka, x.s.nama, a.akhir);
    const bacaLuar = pembacaGrid(x.grid, a.baca);
    let i = 0;
    for (const item of aliran.baris()) {
      if (i >= aliran.jumlah) throw new LedgerError(pesan.laporanBukuBerubah());
      a.lintasBaris(x, item, i++, bacaLuar);
    }
    if (i !== aliran.jumlah) throw new LedgerError(pesan.laporanBukuBerubah());
    for (const [key, v] of bawah) x.angka[key] = v;
  } catch (e) {
    a.buang();
    throw e;
  } finally {
    a.tutupBerkas();
  }
  return a;
}

type Gaya = Partial<ExcelJSNs.Style>;
interface Contoh {
  /** the style's number among all the list's styles (its stand-in in the rows' XML) */
  nomor: number;
  sel: Keluaran;
  nilai: Keluaran['value'] | undefined;
}

// what a cell holds for a formula reading it: nothing, a number, text, or empty text
const KOSONG = 0;
const ANGKA = 1;
const TEKS = 2;
const TEKS_KOSONG = 3;

// stand-ins in the rows' XML until exceljs has given the styles their ids: a row's attributes, a style.
// Control characters XML cannot hold (xmlTeks drops them from every text and formula), so no cell's text can
// make one, and ASCII: a row's XML stays a one-byte string, which V8 joins, encodes and searches at half the cost
// of a two-byte one (a private-use character made every row two-byte)
const ATRIBUT_BARIS = '\x01';
// biome-ignore lint/suspicious/noControlCharactersInRegex: the stand-in is a control character on purpose
const BARIS_SEMENTARA = /<row r="(\d+)"\x01/g;
const gayaSementara = (nomor: number) => `\x02${nomor}\x03`;
// rows per piece of the scratch file: small pieces stay young garbage (a large string would go to V8's
// old space and make the heap, and the peak memory, grow with the quarter)
const PER_POTONG = 48;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the stand-ins are control characters on purpose
const GAYA_SEMENTARA = /<c r="([A-Z]+\d+)"\x02(\d+)\x03(\/>)?/g;

class AlirDaftar implements KeadaanAlir {
  readonly awal: number;
  readonly akhir: number;
  private readonly nilai = new Map<number, Float64Array>();
  private readonly jenis = new Map<number, Uint8Array>();
  /** per column, every style its cells take, in the order met, with the first cell that took it */
  private readonly contoh = new Map<number, Map<Gaya, Contoh>>();
  private jumlahGaya = 0;
  private tinggi = 0;
  /** how each cell of the row is filled, worked out once */
  private readonly program: Program[];
  /** the rows' XML, written as they are read; the byte length of each piece written */
  private fd: number | null;
  private readonly potongan: number[] = [];
  private tertunda: string[] = [];

  constructor(
    x: Susunan,
    private readonly b: BarisTemplat,
    private readonly n: number,
    private readonly sementara: string,
  ) {
    this.awal = x.p.awal(b.nomor);
    this.akhir = this.awal + n - 1;
    for (const c of b.sel) {
      this.nilai.set(c.kolom, new Float64Array(n));
      this.jenis.set(c.kolom, new Uint8Array(n));
      this.contoh.set(c.kolom, new Map());
    }
    this.program = b.sel.map((c) => programSel(c, x.s.ws.getColumn(c.kolom).width ?? 9));
    siapkanBerkasPribadi(sementara);
    this.fd = fs.openSync(sementara, 'w');
  }

  /** A list cell as formulas read it (noted as the rows were read). */
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

  /** Row `i`: its numbers, height and styles noted, its XML written with stand-ins for the styles. */
  lintasBaris(x: Susunan, item: Baris, i: number, bacaLuar: Pembaca): void {
    const r = this.awal + i;
    const sel = this.program.map((p) => isiSel(x, this.b, p, r, i, item));
    const dalam = (br: number, bk: number) => (br >= this.awal && br <= this.akhir ? this.baca : bacaLuar)(br, bk);
    const baca = pembacaBaris(this.program, sel, r, dalam);
    let xml = `<row r="${r}"${ATRIBUT_BARIS}`;
    let tinggi = this.b.height || 0;
    for (const [k, p] of this.program.entries()) {
      const s = sel[k]!;
      const dibaca = baca(r, p.c.kolom);
      this.simpan(p.c.kolom, i, dibaca);
      const nilai = s.rumus !== undefined ? dibaca : s.value;
      const gaya = gayaRupiah(s.style, nilai);
      const peta = this.contoh.get(p.c.kolom)!;
      let contoh = peta.get(gaya);
      if (!contoh) peta.set(gaya, (contoh = { nomor: this.jumlahGaya++, sel: s, nilai }));
      xml += selXml(p.alamat(r), gayaSementara(contoh.nomor), s.rumus, nilai);
      if (typeof s.value === 'string' && s.style.alignment?.wrapText) {
        const baris = barisTeks(s.value, p.lebar);
        if (baris >= 2) tinggi = Math.max(tinggi || 15, tinggiUntuk(baris));
      }
    }
    this.tulis(`${xml}</row>`);
    this.tinggi = Math.max(this.tinggi, tinggi);
  }

  private tulis(xml: string): void {
    this.tertunda.push(xml);
    if (this.tertunda.length === PER_POTONG) this.siram();
  }

  private siram(): void {
    if (!this.tertunda.length) return;
    const b = Buffer.from(this.tertunda.join(''), 'utf8');
    fs.writeSync(this.fd!, b);
    this.potongan.push(b.length);
    this.tertunda = [];
  }

  tutupBerkas(): void {
    if (this.fd === null) return;
    try {
      this.siram();
    } finally {
      fs.closeSync(this.fd);
      this.fd = null;
    }
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

  /** One sample cell of every style each column takes, in the list's first rows (to learn their ids). */
  tulisContoh(ws: ExcelJSNs.Worksheet): void {
    for (const [kolom, peta] of this.contoh) {
      [...peta.entries()].forEach(([gaya, c], k) => {
        const cell = ws.getCell(this.awal + k, kolom);
        if (c.sel.rumus === undefined) cell.value = c.nilai as ExcelJSNs.CellValue;
        else if (typeof c.nilai === 'number') cell.value = { formula: c.sel.rumus, result: c.nilai, date1904: false };
        else cell.value = { formula: c.sel.rumus, date1904: false };
        cell.style = gaya;
        if (this.tinggi > 0) ws.getRow(this.awal + k).height = this.tinggi;
      });
    }
  }

  sambungan(x: Susunan): Sambungan {
    return {
      ...{ sheet: x.s.nama, awal: this.awal, akhir: this.akhir },
      baris: (contoh, ganti) => this.bacaKembali(contoh, ganti),
      buang: () => this.buang(),
    };
  }

  buang(): void {
    this.tutupBerkas();
    fs.rmSync(this.sementara, { force: true });
  }

  /** The rows' XML read back from the scratch file, the stand-ins replaced by what exceljs wrote. */
  private async *bacaKembali(contoh: string, ganti: (t: string) => string): AsyncIterable<string> {
    const { kepala, ids } = this.bacaContoh(contoh);
    const fd = fs.openSync(this.sementara, 'r');
    try {
      for (const panjang of this.potongan) {
        const buf = Buffer.alloc(panjang);
        fs.readSync(fd, buf, 0, panjang, null);
        const xml = buf
          .toString('utf8')
          .replace(BARIS_SEMENTARA, (_m, r: string) => `<row r="${r}"${kepala}`)
          .replace(GAYA_SEMENTARA, (_m, r: string, nomor: string, tutup: string | undefined) => {
            const s = ids[Number(nomor)]!;
            if (s === '0') return tutup ? '' : `<c r="${r}"`;
            return `<c r="${r}" s="${s}"${tutup ?? ''}`;
          });
        yield ganti(xml);
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The samples' `<row …>` attributes (after r) and each style's id, read from exceljs's XML. */
  private bacaContoh(contoh: string): { kepala: string; ids: string[] } {
    const baris = contoh.split('<row ').slice(1);
    const kepala = /^r="\d+"([^>]*>)/.exec(baris[0] ?? '')?.[1] ?? '>';
    const ids: string[] = [];
    for (const [kolom, peta] of this.contoh) {
      [...peta.values()].forEach((c, k) => {
        const m = /<c r="[A-Z]+\d+"(?: s="(\d+)")?/g;
        const dalam = new Map([...(baris[k] ?? '').matchAll(m)].map((x) => [kolomDari(x[0]), x[1] ?? '0']));
        ids[c.nomor] = dalam.get(kolom) ?? '0';
      });
    }
    return { kepala, ids };
  }
}

/** A cell of the list's row: a fixed value, one field or value, a formula, or text with markers. */
interface Program {
  jenis: 'tetap' | 'isian' | 'nilai' | 'rumus' | 'umum';
  c: SelTemplat;
  nama: string;
  /** its number goes among `rekap`'s */
  catat: boolean;
  /** the column's width, for wrapped text */
  lebar: number;
  alamat: (r: number) => string;
}

function programSel(c: SelTemplat, lebar: number): Program {
  const huruf = angkaKeKolom(c.kolom);
  const p = { c, nama: '', catat: false, lebar, alamat: (r: number) => huruf + r };
  if (c.formula !== null) return { ...p, jenis: 'rumus' };
  if (c.teks === null || !c.teks.includes('{{')) return { ...p, jenis: 'tetap' };
  const { pen } = bacaSel(c.teks);
  if (pen?.jenis === 'isian') return { ...p, jenis: 'isian', nama: pen.nama, catat: !BUKAN_ANGKA.has(pen.nama) };
  if (pen?.jenis === 'nilai') return { ...p, jenis: 'nilai', nama: pen.nama, catat: true };
  return { ...p, jenis: 'umum' };
}

/** One cell of instance `i` (row `r`) as susunBaris lays it out, its numbers noted as isiPenanda does. */
function isiSel(x: Susunan, b: BarisTemplat, p: Program, r: number, i: number, item: Baris): Keluaran {
  const style = p.c.style;
  if (p.jenis === 'rumus') return { value: null, style, ...rumusDiBaris(x, b, p.c, i) };
  if (p.jenis === 'tetap') return { value: salin(p.c.value), style };
  if (p.jenis === 'umum') return { ...isiPenanda(x, p.c.teks!, r, p.c.kolom, item), style };
  const v = p.jenis === 'nilai' ? x.k.nilai[p.nama]! : (item[p.nama] ?? null);
  if (x.catatAngka && p.catat && typeof v === 'number') x.angka[`${x.s.nama}!${p.alamat(r)}`] = v;
  return { value: v === '' ? null : v, style };
}

/** Row `r`'s cells as formulas read them (pembacaGrid on one row), other rows through `lain`. */
function pembacaBaris(program: Program[], sel: Keluaran[], r: number, lain: Pembaca): Pembaca {
  return pembacaSel(
    (baris, kolom) => {
      const k = baris === r ? program.findIndex((p) => p.c.kolom === kolom) : -1;
      return k < 0 ? undefined : k;
    },
    (k) => sel[k]!,
    lain,
  );
}

const kolomDari = (c: string): number => kolomKeAngka(/r="([A-Z]+)/.exec(c)![1]!);

function kodeNilai(v: number | string | undefined): [number, number] {
  if (typeof v === 'number') return [ANGKA, v];
  if (v === '') return [TEKS_KOSONG, 0];
  return [v === undefined ? KOSONG : TEKS, 0];
}

/** Text as exceljs escapes it (control characters dropped). */
export function xmlTeks(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML cannot hold
  return s.replace(/[<>&'"\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, (c) => ENTITAS[c] ?? '');
}
const ENTITAS: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** One cell as exceljs writes it, text inline instead of shared. */
function selXml(key: string, gaya: string, rumus: string | undefined, v: Keluaran['value'] | undefined): string {
  if (rumus !== undefined)
    return `<c r="${key}"${gaya}><f>${xmlTeks(rumus)}</f>${typeof v === 'number' ? `<v>${v}</v>` : ''}</c>`;
  if (v === null || v === undefined) return `<c r="${key}"${gaya}/>`;
  if (typeof v === 'number') return `<c r="${key}"${gaya}><v>${v}</v></c>`;
  if (v instanceof Date) return `<c r="${key}"${gaya}><v>${25569 + v.getTime() / 86_400_000}</v></c>`;
  return selTeksXml(key, gaya, String(v));
}

/** A text cell with its text inline (`<t>` as exceljs writes it in the shared strings). */
export function selTeksXml(key: string, gaya: string, t: string): string {
  const ruang = /^\s|\n|\s$/.test(t) ? ' xml:space="preserve"' : '';
  return `<c r="${key}"${gaya} t="inlineStr"><is><t${ruang}>${xmlTeks(t)}</t></is></c>`;
}
