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
import { angkaKeKolom, kolomKeAngka } from './a1.js';
import { gayaRupiah } from './gaya.js';
import { siapkanBerkasPribadi, tulisKe } from './pribadi.js';
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
  type Pengganti,
  pembacaGrid,
  pembacaSel,
  rumusDiBaris,
  type Sambungan,
  type SelTemplat,
  type SheetTemplat,
  type Susunan,
  salin,
  terapkanPengganti,
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

/** Streaming long lists from `batas` rows, scratch files named from `sementara` (isiTemplat's `alir`). */
export function caraAlir(batas: number, sementara: string): CaraAlir {
  return { batas, sementara, pilih: pilihAliran, lintas: lintasAlir };
}

/** The one reading of the list (`b`, the sheet's repeating row): see the file's head. */
function lintasAlir(x: Susunan, b: BarisTemplat, sementara: string): AlirDaftar {
  const aliran = x.k.daftar[b.ulang!]!.aliran!;
  const a = new AlirDaftar(x, b, aliran.jumlah, sementara);
  try {
    // the list's numbers go before this sheet's below it (the grid's order), in a run of their own
    const bawah = x.angka.ambilBawah(x.s.nama, a.akhir);
    const deret = x.angka.buka(x.s.nama, a.awal, a.akhir);
    const bacaLuar = pembacaGrid(x.grid, a.baca);
    let i = 0;
    for (const item of aliran.baris()) {
      if (i >= aliran.jumlah) throw new LedgerError(pesan.laporanBukuBerubah());
      a.lintasBaris(x, item, i++, bacaLuar);
    }
    if (i !== aliran.jumlah) throw new LedgerError(pesan.laporanBukuBerubah());
    deret.tutup();
    for (const [key, v] of bawah) x.angka.set(key, v);
    // the last rows written: a write that fails here (a full disk) removes the scratch file as one in the loop does
    a.tutupBerkas();
  } catch (e) {
    a.buang();
    throw e;
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
const gayaSementara = (nomor: number) => `\x02${nomor}\x03`;
const [BYTE_BARIS, BYTE_GAYA, BYTE_TUTUP_GAYA, GARING, LEBIH] = [1, 2, 3, 0x2f, 0x3e];
// rows per piece of the scratch file: small pieces stay young garbage (a large string would go to V8's
// old space and make the heap, and the peak memory, grow with the quarter)
const PER_POTONG = 48;

/**
 * What replaces the scratch file's stand-ins, byte for byte, never decoded: `<row r="N"` + \x01 takes the sample
 * row's attributes (`atribut`, ending in `>`); `<c r="A1"` + \x02 n \x03 takes style n's ` s="id"` (`gaya[n]`), or
 * nothing for style 0, when an empty cell of style 0 (`…/>`) is dropped whole, as exceljs leaves it out. Both
 * bytes occur nowhere else: xmlTeks drops control characters from every text. Each piece is built in one buffer
 * kept from piece to piece and handed on as an exact copy (a fresh oversized buffer per piece would pile up
 * outside V8's heap between collections and raise the peak memory).
 */
export function penggantiSementara(atribut: Buffer, gaya: readonly (Buffer | undefined)[]): (buf: Buffer) => Buffer {
  let lebar = 0;
  for (const g of gaya) lebar = Math.max(lebar, g?.length ?? 0);
  let kerja = Buffer.alloc(0);
  return (buf) => {
    let baris = 0;
    for (let i = buf.indexOf(BYTE_BARIS); i >= 0; i = buf.indexOf(BYTE_BARIS, i + 1)) baris++;
    // a row's one byte becomes its attributes; a style's stand-in at most `lebar` bytes, and each follows a
    // cell's `<c r="A1"`: at most one in 11 bytes
    const batas = buf.length + baris * atribut.length + Math.ceil(buf.length / 11) * lebar;
    if (kerja.length < batas) kerja = Buffer.allocUnsafe(batas);
    return Buffer.from(kerja.subarray(0, gantiKe(buf, kerja, atribut, gaya)));
  };
}

/** The stand-ins of `buf` replaced into `out` (large enough); returns the length written. */
function gantiKe(buf: Buffer, out: Buffer, atribut: Buffer, gaya: readonly (Buffer | undefined)[]): number {
  let o = 0;
  let p = 0;
  let iBaris = buf.indexOf(BYTE_BARIS);
  let iGaya = buf.indexOf(BYTE_GAYA);
  while (iBaris >= 0 || iGaya >= 0) {
    if (iGaya < 0 || (iBaris >= 0 && iBaris < iGaya)) {
      o += buf.copy(out, o, p, iBaris);
      o += atribut.copy(out, o);
      p = iBaris + 1;
      iBaris = buf.indexOf(BYTE_BARIS, p);
      continue;
    }
    let j = iGaya + 1;
    let nomor = 0;
    for (; buf[j] !== BYTE_TUTUP_GAYA; j++) nomor = nomor * 10 + buf[j]! - 48;
    const g = gaya[nomor];
    const tutup = buf[j + 1] === GARING && buf[j + 2] === LEBIH;
    if (g) {
      o += buf.copy(out, o, p, iGaya);
      o += g.copy(out, o);
      p = j + 1;
    } else if (tutup) {
      o += buf.copy(out, o, p, buf.lastIndexOf('<c ', iGaya));
      p = j + 3;
    } else {
      o += buf.copy(out, o, p, iGaya);
      p = j + 1;
    }
    iGaya = buf.indexOf(BYTE_GAYA, p);
  }
  o += buf.copy(out, o, p);
  return o;
}

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
    tulisKe(this.fd!, b, this.sementara);
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
    const deret = x.angka.buka(x.s.nama, this.awal, this.akhir);
    for (let i = 0; i < this.n; i++) {
      for (const k of rumus) {
        if (this.jenis.get(k)![i] === ANGKA) x.angka.catat(x.s.nama, this.awal + i, k, this.nilai.get(k)![i]!);
      }
    }
    deret.tutup();
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
    // what is not written yet is not wanted: a write that failed (a full disk) is not tried again
    this.tertunda = [];
    try {
      this.tutupBerkas();
    } finally {
      fs.rmSync(this.sementara, { force: true });
    }
  }

  /** The rows' XML read back from the scratch file as bytes, the stand-ins replaced by what exceljs wrote. */
  private async *bacaKembali(contoh: string, ganti: Pengganti | undefined): AsyncIterable<Buffer> {
    const { kepala, ids } = this.bacaContoh(contoh);
    const gaya = ids.map((s) => (s === '0' ? undefined : Buffer.from(` s="${s}"`, 'latin1')));
    const gantiSementara = penggantiSementara(Buffer.from(kepala, 'utf8'), gaya);
    const buf = Buffer.allocUnsafe(Math.max(0, ...this.potongan));
    const fd = fs.openSync(this.sementara, 'r');
    try {
      for (const panjang of this.potongan) {
        if (fs.readSync(fd, buf, 0, panjang, null) !== panjang) throw new Error('alir: berkas sementara terpotong');
        const xml = gantiSementara(buf.subarray(0, panjang));
        yield ganti ? terapkanPengganti(ganti, xml) : xml;
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
  if (x.catatAngka && p.catat && typeof v === 'number') x.angka.catat(x.s.nama, r, p.c.kolom, v);
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

/** One cell as exceljs writes it, text inline instead of shared (also a printed book's rows, cetak-alir.ts). */
export function selXml(key: string, gaya: string, rumus: string | undefined, v: Keluaran['value'] | undefined): string {
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
