// The template filler: reads an .xlsx template, replaces its markers with values from a context,
// and lays every sheet out anew — repeating rows, moving the rows below with their formulas,
// merges, heights and print areas — into a fresh workbook. exceljs is loaded only here.
import fs from 'node:fs';
import type ExcelJSNs from 'exceljs';
import { formatTanggal } from '../domain/dates.js';
import { LedgerError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { alamat, angkaKeKolom, geserRentang, geserRumus, kolomKeAngka, type RefBaris } from './a1.js';
import { gabungkan } from './gabung.js';
import { gayaRupiah } from './gaya.js';
import { PetaAngka } from './peta-angka.js';
import { hitungRumus, type Pembaca, polaHitung } from './rumus.js';
import { BATAS_EXCELJS, periksaUkuranZip } from './zip.js';

export type NilaiSel = string | number | Date | null;

export interface Daftar {
  /** the fields `{{.field}}` may name, known even when the list is empty */
  kolom: string[];
  baris: Record<string, NilaiSel>[];
  /** a long list read as a stream instead of `baris` (see templat-alir.ts) */
  aliran?: AliranDaftar;
}

export interface AliranDaftar {
  /** how many rows the stream gives (checked as it is read) */
  jumlah: number;
  /** the rows, read anew at each call */
  baris: () => Iterable<Record<string, NilaiSel>>;
}

/** A streamed list's rows, to be spliced into the sheet exceljs wrote (src/render/sambung-xlsx.ts). */
export interface Sambungan {
  sheet: string;
  /** the list's rows in the sheet: exceljs wrote only style samples there */
  awal: number;
  akhir: number;
  /** the rows' XML (text or UTF-8 bytes), given the sample rows exceljs wrote; `ganti` (if any) applies to each text */
  baris(contoh: string, ganti?: Pengganti): AsyncIterable<string | Buffer>;
  /** removes the scratch file the rows wait in (written or not) */
  buang(): void;
  /**
   * How far the rows after `akhir` move once the list is written, for a list whose length is known only then (a
   * printed book): they are renumbered by it, and the sheet's used range is left out (its end is not known when
   * the sheet's head is written; readers find it from the rows).
   */
  geser?(): number;
  /** rows after which a page breaks (in the rows' final numbers), known once the list is written */
  pisahHalaman?(): number[];
}

/** A stand-in put in texts before its value was known (the kode segel), and that value. */
export interface Pengganti {
  dari: string;
  ke: string;
}

/** `p` applied to a piece of XML as text or as UTF-8 bytes (bytes are searched as bytes, decoded only if found). */
export function terapkanPengganti<T extends string | Buffer>(p: Pengganti, xml: T): T {
  if (!xml.includes(p.dari)) return xml;
  const teks = xml.toString().split(p.dari).join(p.ke);
  return (typeof xml === 'string' ? teks : Buffer.from(teks, 'utf8')) as T;
}

/** A streamed list while its sheet is laid out (src/render/templat-alir.ts). */
export interface KeadaanAlir {
  /** the list's first and last rows */
  readonly awal: number;
  readonly akhir: number;
  /** a list cell as formulas read it */
  baca: Pembaca;
  tinggiBaris(r: number): number | undefined;
  /** notes the list's formula results among `rekap`'s numbers */
  catatRumus(x: Susunan): void;
  /** the style samples in the list's first rows */
  tulisContoh(ws: ExcelJSNs.Worksheet): void;
  sambungan(x: Susunan): Sambungan;
}

/** How long lists are streamed: given by the caller (templat-alir.ts), so this module stays the base. */
export interface CaraAlir {
  /** from how many rows */
  batas: number;
  /** scratch files are named from this path */
  sementara: string;
  /** which list each sheet streams */
  pilih(sheets: SheetTemplat[], k: Konteks, batas: number): Map<string, BarisTemplat>;
  /** reads the list, laying its rows out into the scratch file */
  lintas(x: Susunan, b: BarisTemplat, sementara: string): KeadaanAlir;
}

/** How many rows a list has, streamed or held. */
export const panjangDaftar = (d: Daftar): number => (d.aliran ? d.aliran.jumlah : d.baris.length);

export interface Gambar {
  buffer: Buffer;
  extension: 'png' | 'jpeg';
}

export interface Konteks {
  nilai: Record<string, NilaiSel>;
  daftar: Record<string, Daftar>;
  gambar: Record<string, Gambar | null>;
}

export interface HasilIsi {
  workbook: ExcelJSNs.Workbook;
  /** every number a marker or formula produced (list row numbers aside), by `Sheet!A1`: `rekap` checks them */
  angka: PetaAngka;
  /** the streamed lists' rows, spliced into the written workbook (src/render/sambung-xlsx.ts) */
  sambungan: Sambungan[];
}

type ExcelJS = typeof ExcelJSNs;

export async function loadExcelJS(): Promise<ExcelJS> {
  const mod = (await import('exceljs')) as unknown as { default?: ExcelJS } & ExcelJS;
  return mod.default ?? mod;
}

export const PENANDA = /\{\{(.*?)\}\}/g;

type Penanda =
  | { jenis: 'nilai'; nama: string }
  | { jenis: 'ulang'; daftar: string }
  | { jenis: 'isian'; nama: string }
  | { jenis: 'jumlah'; fungsi: string; daftar: string; isian: string }
  | { jenis: 'gambar'; nama: string }
  | { jenis: 'jaga'; baris: number; bersama: boolean };

export function bacaPenanda(isi: string): Penanda | null {
  const s = isi.trim();
  let m: RegExpExecArray | null;
  if ((m = /^#([\w]+)$/.exec(s))) return { jenis: 'ulang', daftar: m[1]! };
  if ((m = /^\.([\w]+)$/.exec(s))) return { jenis: 'isian', nama: m[1]! };
  if ((m = /^=(SUM|COUNT|MIN|MAX)\(\s*([\w]+)\.([\w]+)\s*\)$/i.exec(s)))
    return { jenis: 'jumlah', fungsi: m[1]!.toUpperCase(), daftar: m[2]!, isian: m[3]! };
  if ((m = /^gambar:([\w]+)$/.exec(s))) return { jenis: 'gambar', nama: m[1]! };
  if ((m = /^jaga:(\d{1,3})(:bersama)?$/.exec(s))) return { jenis: 'jaga', baris: Number(m[1]), bersama: !!m[2] };
  if ((m = /^([\w]+)$/.exec(s))) return { jenis: 'nilai', nama: m[1]! };
  return null;
}

export interface SelTemplat {
  kolom: number;
  value: ExcelJSNs.CellValue;
  style: Partial<ExcelJSNs.Style>;
  teks: string | null;
  formula: string | null;
}

export interface BarisTemplat {
  nomor: number;
  height: number | undefined;
  sel: SelTemplat[];
  ulang: string | null;
}

export interface SheetTemplat {
  nama: string;
  ws: ExcelJSNs.Worksheet;
  baris: BarisTemplat[];
  /** template row → how many rows it becomes */
  jumlah: Map<number, number>;
  /** list name → its repeating row */
  barisDaftar: Map<string, number>;
}

function teksSel(v: ExcelJSNs.CellValue): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return null;
}

function rumusSel(cell: ExcelJSNs.Cell): string | null {
  const v = cell.value;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return cell.formula ?? null;
  return null;
}

function bacaSheet(ws: ExcelJSNs.Worksheet, k: Konteks, salah: string[]): SheetTemplat {
  const baris: BarisTemplat[] = [];
  const barisDaftar = new Map<string, number>();
  ws.eachRow({ includeEmpty: true }, (row, nomor) => {
    const sel: SelTemplat[] = [];
    let ulang: string | null = null;
    row.eachCell({ includeEmpty: true }, (cell, kolom) => {
      // exceljs answers a merged cell's hidden parts with the master's value: keep only their style
      if (cell.isMerged && cell.master.address !== cell.address) {
        sel.push({ kolom, value: null, style: salin(cell.style ?? {}), teks: null, formula: null });
        return;
      }
      const teks = teksSel(cell.value);
      sel.push({ kolom, value: cell.value, style: salin(cell.style ?? {}), teks, formula: rumusSel(cell) });
      if (teks === null) return;
      for (const m of teks.matchAll(PENANDA)) {
        const p = bacaPenanda(m[1]!);
        if (p?.jenis === 'ulang') {
          if (!(p.daftar in k.daftar))
            salah.push(pesan.penandaTidakDikenal(`${ws.name}!${alamat(nomor, kolom)}`, m[0]));
          else if (ulang && ulang !== p.daftar)
            salah.push(pesan.penandaDuaDaftar(`${ws.name}!${alamat(nomor, kolom)}`, ulang, p.daftar));
          else ulang = p.daftar;
        }
      }
    });
    if (ulang) barisDaftar.set(ulang, nomor);
    baris.push({ nomor, height: row.height, sel, ulang });
  });
  const jumlah = new Map<number, number>();
  for (const b of baris) if (b.ulang) jumlah.set(b.nomor, Math.max(1, panjangDaftar(k.daftar[b.ulang]!)));
  return { nama: ws.name, ws, baris, jumlah, barisDaftar };
}

/** Every marker must be known before anything is written: the first unknown one names its cell. */
function periksaPenanda(s: SheetTemplat, k: Konteks, salah: string[]): void {
  for (const [bagian, teks] of Object.entries(s.ws.headerFooter ?? {})) {
    if (typeof teks !== 'string') continue;
    for (const m of teks.matchAll(PENANDA)) {
      const p = bacaPenanda(m[1]!);
      if (p?.jenis !== 'nilai' || !(p.nama in k.nilai))
        salah.push(pesan.penandaTidakDikenal(`${s.nama}!${bagian}`, m[0]));
    }
  }
  for (const b of s.baris) {
    for (const c of b.sel) {
      if (c.teks === null) continue;
      for (const m of c.teks.matchAll(PENANDA)) {
        const di = `${s.nama}!${alamat(b.nomor, c.kolom)}`;
        const p = bacaPenanda(m[1]!);
        const tidakDikenal = () => salah.push(pesan.penandaTidakDikenal(di, m[0]));
        if (!p) tidakDikenal();
        else if (p.jenis === 'nilai' && !(p.nama in k.nilai)) tidakDikenal();
        else if (p.jenis === 'gambar' && !(p.nama in k.gambar)) tidakDikenal();
        else if (p.jenis === 'isian' && (!b.ulang || !k.daftar[b.ulang]!.kolom.includes(p.nama))) {
          if (!b.ulang) salah.push(pesan.isianDiLuarDaftar(di, m[0]));
          else tidakDikenal();
        } else if (p.jenis === 'jumlah') {
          const d = k.daftar[p.daftar];
          const r = s.barisDaftar.get(p.daftar);
          if (!d?.kolom.includes(p.isian)) tidakDikenal();
          else if (r === undefined || !kolomIsian(s, r, p.isian)) salah.push(pesan.jumlahTanpaBaris(di, m[0]));
        }
      }
    }
  }
}

/** The column of the repeating row whose cell holds `{{.isian}}`. */
function kolomIsian(s: SheetTemplat, barisUlang: number, isian: string): number | undefined {
  const b = s.baris.find((x) => x.nomor === barisUlang)!;
  return b.sel.find((c) => c.teks?.includes(`{{.${isian}}}`))?.kolom;
}

export interface Peta {
  awal(r: number): number;
  akhir(r: number): number;
}

function petaSheet(s: SheetTemplat): Peta {
  const ulang = [...s.jumlah.entries()].sort((a, b) => a[0] - b[0]);
  const awal = (r: number) => r + ulang.filter(([q]) => q < r).reduce((n, [, c]) => n + c - 1, 0);
  return { awal, akhir: (r: number) => awal(r) + (s.jumlah.get(r) ?? 1) - 1 };
}

export type Keluaran = {
  /** a list row's formula value, from its pattern (the same as hitungRumus on `rumus`) */
  hitung?: (baca: Pembaca) => number | undefined;
  value: ExcelJSNs.CellValue;
  style: Partial<ExcelJSNs.Style>;
  rumus?: string;
};

function teksNilai(v: NilaiSel): string {
  if (v === null) return '';
  if (v instanceof Date) return formatTanggal(v.toISOString().slice(0, 10), true);
  // whole numbers stay plain inside text (a year must not read 2.026)
  if (typeof v === 'number')
    return Number.isInteger(v)
      ? String(v)
      : new Intl.NumberFormat('id-ID', { maximumFractionDigits: 3, useGrouping: false }).format(v);
  return v;
}

export function salin<T>(x: T): T {
  return x === undefined ? x : structuredClone(x);
}

/**
 * Fills template `berkas`. With `alir`, a list given as a stream (`aliran`) that it picks is laid out
 * without its rows, which come back as a `sambungan` to splice in (their XML waits in scratch files
 * named from `alir.sementara`, removed once spliced); any other stream is read whole.
 */
export async function isiTemplat(
  berkas: string,
  k: Konteks,
  opsi: { lewati?: string[]; alir?: CaraAlir } = {},
): Promise<HasilIsi> {
  const ExcelJS = await loadExcelJS();
  const tpl = new ExcelJS.Workbook();
  try {
    const buf = fs.readFileSync(berkas);
    // exceljs inflates whatever the zip holds and keeps it all: a member past its stated size, or too much, is refused
    periksaUkuranZip(buf, BATAS_EXCELJS);
    await tpl.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new UserError(pesan.templatTidakTerbaca(berkas));
  }
  const salah: string[] = [];
  const sheets = tpl.worksheets
    .filter((ws) => !(opsi.lewati ?? []).includes(ws.name))
    .map((ws) => bacaSheet(ws, k, salah));
  for (const s of sheets) periksaPenanda(s, k, salah);
  if (salah.length) throw new UserError(salah.join('\n'));
  const cara = opsi.alir;
  const alir = cara ? cara.pilih(sheets, k, cara.batas) : new Map<string, BarisTemplat>();
  kumpulkanAliran(k, new Set([...alir.values()].map((b) => b.ulang!)));

  const peta = new Map(sheets.map((s) => [s.nama, petaSheet(s)]));
  const out = new ExcelJS.Workbook();
  out.creator = 'wksbm';
  const angka = new PetaAngka();
  const sambungan: Sambungan[] = [];
  for (const [i, s] of sheets.entries()) {
    const barisAlir = alir.get(s.nama);
    const x = tulisSheet(
      out,
      tpl,
      s,
      peta,
      k,
      angka,
      barisAlir && cara && { b: barisAlir, sementara: `${cara.sementara}-${i}`, lintas: cara.lintas },
    );
    if (x.alir) sambungan.push(x.alir.sambungan(x));
  }
  return { workbook: out, angka, sambungan };
}

/** Every streamed list not streamed is read whole, and must give as many rows as it announced. */
function kumpulkanAliran(k: Konteks, dialirkan: Set<string>): void {
  for (const [nama, d] of Object.entries(k.daftar)) {
    if (!d.aliran || dialirkan.has(nama)) continue;
    d.baris = [...d.aliran.baris()];
    if (d.baris.length !== d.aliran.jumlah) throw new LedgerError(pesan.laporanBukuBerubah());
  }
}

/** Everything one sheet is written from, and what laying it out collects on the way. */
export interface Susunan {
  s: SheetTemplat;
  /** this sheet's row map */
  p: Peta;
  /** every sheet's row map, for formulas that name another sheet */
  semuaPeta: Map<string, Peta>;
  k: Konteks;
  /** `Sheet!A1` → the number a marker put there (shared by all sheets, in the order they are written) */
  angka: PetaAngka;
  grid: Map<string, Keluaran>;
  gambar: { nama: string; baris: number; kolom: number }[];
  tinggi: Map<number, number>;
  /**
   * `{{jaga:N}}`: the N rows from this one stay on one printed page (a section's heading with its first rows);
   * `{{jaga:N:bersama}}` also never starts a page alone (a signature block): see pisahHalaman
   */
  jaga: Jaga[];
  /** the streamed list of this sheet, if any: its rows are not in `grid` */
  alir: KeadaanAlir | null;
  /** false while a streamed row is laid out again for writing (its numbers were noted the first time) */
  catatAngka: boolean;
}

function tulisSheet(
  out: ExcelJSNs.Workbook,
  tpl: ExcelJSNs.Workbook,
  s: SheetTemplat,
  semuaPeta: Map<string, Peta>,
  k: Konteks,
  angka: PetaAngka,
  alir: { b: BarisTemplat; sementara: string; lintas: CaraAlir['lintas'] } | undefined,
): Susunan {
  const p = semuaPeta.get(s.nama)!;
  const x: Susunan = {
    ...{ s, p, semuaPeta, k, angka, grid: new Map(), gambar: [], tinggi: new Map(), jaga: [] },
    ...{ alir: null, catatAngka: true },
  };
  for (const b of s.baris) {
    if (b === alir?.b) continue;
    for (let i = 0; i < (s.jumlah.get(b.nomor) ?? 1); i++) susunBaris(x, b, i);
  }
  if (alir) x.alir = alir.lintas(x, alir.b, alir.sementara);
  const ws = buatSheet(out, x);
  tulisGrid(ws, x);
  const gabung = gabungSel(ws, x);
  tinggiBaris(x.grid, x.tinggi, gabung.lebar, gabung.bagian, (kolom) => s.ws.getColumn(kolom).width ?? 9);
  samakanTinggi(x);
  for (const [r, h] of x.tinggi) ws.getRow(r).height = h;
  x.alir?.tulisContoh(ws);
  for (const r of pisahHalaman(ws, x)) ws.getRow(r).addPageBreak();
  salinGambarTemplat(out, tpl, ws, x);
  pasangGambar(out, ws, x);
  return x;
}

/** The rows of one list all get the height of its tallest, so a printed table has even rows. */
function samakanTinggi(x: Susunan): void {
  for (const [nomor, n] of x.s.jumlah) {
    const awal = x.p.awal(nomor);
    let tinggi = 0;
    for (let r = awal; r < awal + n; r++) tinggi = Math.max(tinggi, x.tinggi.get(r) ?? 0);
    if (tinggi > 0) for (let r = awal; r < awal + n; r++) x.tinggi.set(r, tinggi);
  }
}

/** Where a formula's row reference lands for instance `instans` of a (repeating) template row. */
function petakan(x: Susunan, instans: number, barisSendiri: number | null) {
  return (ref: RefBaris): number => {
    const q = ref.sheet ? x.semuaPeta.get(ref.sheet) : x.p;
    if (!q) return ref.baris;
    const dasar = ref.peran === 'akhir' ? q.akhir(ref.baris) : q.awal(ref.baris);
    if (barisSendiri === null || ref.sheet) return dasar;
    if (ref.baris === barisSendiri) return q.awal(ref.baris) + instans;
    return ref.absolut ? dasar : dasar + instans;
  };
}

/**
 * Lays out instance `i` of template row `b` (a list's row from `item`, or its `i`-th held row): each cell
 * copied, its formula moved, or its markers filled.
 */
export function susunBaris(
  x: Susunan,
  b: BarisTemplat,
  i: number,
  item: Record<string, NilaiSel> | null = b.ulang ? (x.k.daftar[b.ulang]!.baris[i] ?? null) : null,
): void {
  const d = b.ulang ? x.k.daftar[b.ulang]! : null;
  const r = x.p.awal(b.nomor) + i;
  if (b.height) x.tinggi.set(r, b.height);
  let strip = false;
  for (const c of b.sel) {
    const key = alamat(r, c.kolom);
    // one style object per template cell, shared by every row it becomes (never changed: see gayaRupiah)
    const style = c.style;
    if (c.formula !== null) {
      x.grid.set(key, { value: null, style, ...rumusDiBaris(x, b, c, i) });
    } else if (c.teks === null || !c.teks.includes('{{')) {
      x.grid.set(key, { value: salin(c.value), style });
    } else if (d !== null && item === null) {
      // an empty list leaves one row reading "–" in its first marker cell
      x.grid.set(key, { value: strip ? null : '–', style });
      strip = true;
    } else {
      x.grid.set(key, { ...isiPenanda(x, c.teks, r, c.kolom, item), style });
    }
  }
}

/** A repeating row's formula as its text between row numbers, each row number base + step × instance. */
interface PolaRumus {
  bagian: string[];
  dasar: number[];
  langkah: number[];
  hitung: ((i: number, baca: Pembaca) => number | undefined) | null;
}

const polaRumus = new WeakMap<SelTemplat, PolaRumus | null>();
const PENANDA_BARIS = 987_654_000;

/** Template cell `c`'s formula moved for instance `i` of row `b` (a list's formula worked out once). */
export function rumusDiBaris(
  x: Susunan,
  b: BarisTemplat,
  c: SelTemplat,
  i: number,
): Pick<Keluaran, 'rumus' | 'hitung'> {
  if (!b.ulang) return { rumus: geserRumus(c.formula!, petakan(x, i, null)) };
  let pola = polaRumus.get(c);
  if (pola === undefined) polaRumus.set(c, (pola = susunPola(x, b, c)));
  if (pola === null) return { rumus: geserRumus(c.formula!, petakan(x, i, b.nomor)) };
  let s = pola.bagian[0]!;
  for (let k = 0; k < pola.dasar.length; k++) s += pola.dasar[k]! + pola.langkah[k]! * i + pola.bagian[k + 1]!;
  const hitung = pola.hitung;
  return hitung ? { rumus: s, hitung: (baca) => hitung(i, baca) } : { rumus: s };
}

/** Where a list row's formula puts row numbers: petakan moves each by 0 or 1 per instance. */
function susunPola(x: Susunan, b: BarisTemplat, c: SelTemplat): PolaRumus | null {
  if (c.formula!.includes(String(PENANDA_BARIS).slice(0, 6))) return null;
  const refs: RefBaris[] = [];
  const bagian = geserRumus(c.formula!, (ref) => PENANDA_BARIS + refs.push(ref) - 1).split(/987654\d{3}/);
  if (bagian.length !== refs.length + 1 || refs.length > 999) return null;
  const [p0, p1] = [petakan(x, 0, b.nomor), petakan(x, 1, b.nomor)];
  const dasar = refs.map(p0);
  const pola = { bagian, dasar, langkah: refs.map((r, k) => p1(r) - dasar[k]!), hitung: null };
  const teks = (i: number) =>
    bagian.reduce((s, t, k) => s + (k ? dasar[k - 1]! + pola.langkah[k - 1]! * i : '') + t, '');
  return { ...pola, hitung: polaHitung(teks(0), teks(1)) };
}

/** Row numbers of a list, not figures: `rekap` does not check them. */
export const BUKAN_ANGKA = new Set(['no', 'nomor']);

/** A cell holding markers: one marker alone keeps its value's type; markers within text become text. */
export function isiPenanda(
  x: Susunan,
  teksSel: string,
  r: number,
  kolom: number,
  item: Record<string, NilaiSel> | null,
): Omit<Keluaran, 'style'> {
  const { teks, pen } = bacaSel(teksSel);
  if (pen?.jenis === 'jumlah') {
    const barisUlang = x.s.barisDaftar.get(pen.daftar)!;
    const kol = angkaKeKolom(kolomIsian(x.s, barisUlang, pen.isian)!);
    return { value: null, rumus: `${pen.fungsi}(${kol}${x.p.awal(barisUlang)}:${kol}${x.p.akhir(barisUlang)})` };
  }
  if (pen?.jenis === 'gambar') {
    if (x.k.gambar[pen.nama]) x.gambar.push({ nama: pen.nama, baris: r, kolom });
    return { value: null };
  }
  if (pen?.jenis === 'jaga') {
    x.jaga.push({ baris: r, n: pen.baris, bersama: pen.bersama });
    return { value: null };
  }
  if (pen?.jenis === 'nilai' || pen?.jenis === 'isian') {
    const v = pen.jenis === 'nilai' ? x.k.nilai[pen.nama]! : (item![pen.nama] ?? null);
    if (x.catatAngka && typeof v === 'number' && (pen.jenis === 'nilai' || !BUKAN_ANGKA.has(pen.nama)))
      x.angka.catat(x.s.nama, r, kolom, v);
    return { value: v === '' ? null : v };
  }
  const ganti = teks.replace(PENANDA, (_m, isi: string) => {
    const q = bacaPenanda(isi)!;
    if (q.jenis === 'nilai') return teksNilai(x.k.nilai[q.nama]!);
    if (q.jenis === 'isian') return teksNilai(item![q.nama] ?? null);
    return '';
  });
  return { value: ganti === '' ? null : ganti };
}

const selDibaca = new Map<string, { teks: string; pen: Penanda | null }>();

/** A cell's text without its list marker, and its one marker when it holds nothing else (read once per text). */
export function bacaSel(teksSel: string): { teks: string; pen: Penanda | null } {
  let hasil = selDibaca.get(teksSel);
  if (!hasil) {
    const teks = teksSel.replace(/\{\{\s*#\w+\s*\}\}/g, '');
    const tunggal = /^\{\{(.*?)\}\}$/.exec(teks.trim());
    selDibaca.set(teksSel, (hasil = { teks, pen: tunggal ? bacaPenanda(tunggal[1]!) : null }));
  }
  return hasil;
}

/**
 * Reads the laid-out grid, computing (once) the cached value of every formula it meets; a cell not in
 * the grid is read through `lain` (a streamed list's rows).
 */
export function pembacaGrid(grid: Map<string, Keluaran>, lain?: Pembaca): Pembaca {
  return pembacaSel(
    (baris, kolom) => {
      const key = alamat(baris, kolom);
      return grid.has(key) ? key : undefined;
    },
    (key) => grid.get(key)!,
    lain,
  );
}

/**
 * Reads laid-out cells: `kunci` names the cell at a place (undefined: not one of these, read through `lain`),
 * `sel` gives it. A value is read as it is; a formula is computed once, from the cells it names, and a formula
 * that comes back to itself reads as empty.
 */
export function pembacaSel<K>(
  kunci: (baris: number, kolom: number) => K | undefined,
  sel: (k: K) => Keluaran,
  lain?: Pembaca,
): Pembaca {
  const hasil = new Map<K, number | undefined>();
  const sedang = new Set<K>();
  const baca: Pembaca = (baris, kolom) => {
    const k = kunci(baris, kolom);
    if (k === undefined) return lain?.(baris, kolom);
    const c = sel(k);
    if (c.rumus === undefined) return typeof c.value === 'number' || typeof c.value === 'string' ? c.value : undefined;
    if (!hasil.has(k)) {
      if (sedang.has(k)) return undefined;
      sedang.add(k);
      hasil.set(k, c.hitung ? c.hitung(baca) : hitungRumus(c.rumus, baca));
      sedang.delete(k);
    }
    return hasil.get(k);
  };
  return baca;
}

/** The output sheet with the template's page setup (print area and titles moved), views and column widths. */
function buatSheet(out: ExcelJSNs.Workbook, x: Susunan): ExcelJSNs.Worksheet {
  const src = x.s.ws;
  const ws = out.addWorksheet(x.s.nama, {
    properties: salin(src.properties),
    pageSetup: geserCetak(salin(src.pageSetup), x.p),
    headerFooter: isiKepalaKaki(salin(src.headerFooter), x.k),
    views: salin(src.views),
    state: src.state,
  });
  for (let c = 1, n = src.columnCount; c <= n; c++) {
    const dari = src.getColumn(c);
    const ke = ws.getColumn(c);
    if (dari.width) ke.width = dari.width;
    if (dari.hidden) ke.hidden = true;
  }
  return ws;
}

/** Writes every cell; formulas carry their cached value, and each number is noted for `rekap`. */
function tulisGrid(ws: ExcelJSNs.Worksheet, x: Susunan): void {
  const a = x.alir;
  const baca = pembacaGrid(x.grid, a?.baca);
  // a streamed list's formula results go among the others in row order, as if its rows were in the grid
  let alirDicatat = a === null;
  for (const [key, c] of x.grid) {
    const cell = ws.getCell(key);
    if (!alirDicatat && (cell.row as unknown as number) > a!.akhir) {
      a!.catatRumus(x);
      alirDicatat = true;
    }
    if (c.rumus !== undefined) {
      const [baris, kolom] = [cell.row as unknown as number, cell.col as unknown as number];
      const result = baca(baris, kolom);
      cell.value =
        result === undefined ? { formula: c.rumus, date1904: false } : { formula: c.rumus, result, date1904: false };
      if (typeof result === 'number') x.angka.catat(x.s.nama, baris, kolom, result);
      cell.style = gayaRupiah(c.style, result);
    } else {
      cell.value = c.value;
      cell.style = gayaRupiah(c.style, c.value);
    }
  }
  if (!alirDicatat) a!.catatRumus(x);
}

/**
 * The template's merges where their rows landed: a merge within one repeating row is repeated on
 * every instance. Returns each merge's width (by its top-left cell) and the cells it covers.
 */
function gabungSel(ws: ExcelJSNs.Worksheet, x: Susunan): { lebar: Map<string, number>; bagian: Set<string> } {
  const lebar = new Map<string, number>();
  const bagian = new Set<string>();
  for (const rentang of x.s.ws.model.merges ?? []) {
    const [a, b] = rentang.split(':') as [string, string];
    const ra = Number(/\d+$/.exec(a)![0]);
    const rb = Number(/\d+$/.exec(b)![0]);
    const kolA = a.replace(/\d+$/, '');
    const kolB = b.replace(/\d+$/, '');
    const n = x.s.jumlah.get(ra) ?? 1;
    const gabung = (r0: number, r1: number) => {
      gabungkan(ws, `${kolA}${r0}:${kolB}${r1}`);
      lebar.set(
        `${kolA}${r0}`,
        kolomAntara(kolA, kolB).reduce((w, k) => w + (x.s.ws.getColumn(k).width ?? 9), 0),
      );
      for (let r = r0; r <= r1; r++) {
        for (const k of kolomAntara(kolA, kolB)) if (k !== kolA || r !== r0) bagian.add(`${k}${r}`);
      }
    };
    if (ra === rb && n > 1) for (let i = 0; i < n; i++) gabung(x.p.awal(ra) + i, x.p.awal(ra) + i);
    else gabung(x.p.awal(ra), x.p.akhir(rb));
  }
  return { lebar, bagian };
}

/** The template's own pictures (a Dinas logo) move with the rows they sit on, keeping their size. */
function salinGambarTemplat(
  out: ExcelJSNs.Workbook,
  tpl: ExcelJSNs.Workbook,
  ws: ExcelJSNs.Worksheet,
  x: Susunan,
): void {
  for (const img of x.s.ws.getImages()) {
    const data = tpl.getImage(Number(img.imageId));
    if (!data?.buffer || data.extension === 'gif') continue;
    type Rentang = ExcelJSNs.ImageRange & { ext?: { width: number; height: number }; editAs?: string };
    const { tl, br, ext, editAs } = img.range as Rentang;
    const geser = x.p.awal(tl.nativeRow + 1) - 1 - tl.nativeRow;
    const id = out.addImage({ buffer: data.buffer, extension: data.extension });
    const jangkar = (a: ExcelJSNs.Anchor, d: number) => ({
      nativeCol: a.nativeCol,
      nativeColOff: a.nativeColOff,
      nativeRow: a.nativeRow + d,
      nativeRowOff: a.nativeRowOff,
    });
    const posisi = br
      ? { tl: jangkar(tl, geser), br: jangkar(br, geser), editAs: editAs ?? 'oneCell' }
      : { tl: jangkar(tl, geser), ext, editAs: editAs ?? 'oneCell' };
    ws.addImage(id, posisi as unknown as ExcelJSNs.ImageRange);
  }
}

/** Images named by `{{gambar:…}}` markers (the stamp), anchored at their cell. */
function pasangGambar(out: ExcelJSNs.Workbook, ws: ExcelJSNs.Worksheet, x: Susunan): void {
  for (const g of x.gambar) {
    const img = x.k.gambar[g.nama]!;
    const id = out.addImage({ buffer: img.buffer as unknown as ExcelJSNs.Buffer, extension: img.extension });
    const tl = { col: g.kolom - 1, row: g.baris - 1 };
    ws.addImage(id, { tl, ext: { width: 110, height: 110 }, editAs: 'oneCell' });
  }
}

/**
 * Print areas and titles move with their rows. A fixed first page number is dropped, so pages are
 * numbered on across the sheets (`&P dari &N` then counts the whole printed workbook).
 */
function geserCetak(ps: Partial<ExcelJSNs.PageSetup>, p: Peta): Partial<ExcelJSNs.PageSetup> {
  ps.firstPageNumber = undefined;
  const peta = (r: number, peran: string) => (peran === 'akhir' ? p.akhir(r) : p.awal(r));
  if (ps.printArea) ps.printArea = geserRentang(ps.printArea, peta);
  if (ps.printTitlesRow) ps.printTitlesRow = geserRentang(ps.printTitlesRow, peta);
  return ps;
}

/** Page headers and footers may name values too (`{{nama}}`); they become plain text. */
function isiKepalaKaki(
  hf: Partial<ExcelJSNs.HeaderFooter> | undefined,
  k: Konteks,
): Partial<ExcelJSNs.HeaderFooter> | undefined {
  if (!hf) return hf;
  const out: Record<string, unknown> = { ...hf };
  for (const [bagian, teks] of Object.entries(hf)) {
    if (typeof teks === 'string')
      out[bagian] = teks.replace(PENANDA, (_m, isi: string) =>
        teksNilai(k.nilai[isi.trim()] ?? null).replace(/&/g, '&&'),
      );
  }
  return out as Partial<ExcelJSNs.HeaderFooter>;
}

function kolomAntara(a: string, b: string): string[] {
  const out: string[] = [];
  for (let k = kolomKeAngka(a); k <= kolomKeAngka(b); k++) out.push(angkaKeKolom(k));
  return out;
}

/**
 * Spreadsheet programs do not grow a row for wrapped text when they open a file, so rows whose
 * wrapped cells need more lines are made taller here (never shorter than the template's).
 * A column width counts "0" characters; ordinary text is narrower, about 1.2 letters per unit.
 */
export function tinggiBaris(
  grid: Map<string, Keluaran>,
  tinggi: Map<number, number>,
  lebarGabung: Map<string, number>,
  bagianGabung: Set<string>,
  lebarKolom: (k: string) => number,
): void {
  for (const [key, c] of grid) {
    if (typeof c.value !== 'string' || !c.style.alignment?.wrapText || bagianGabung.has(key)) continue;
    const baris = barisTeks(c.value, lebarGabung.get(key) ?? lebarKolom(key.replace(/\d+$/, '')));
    if (baris < 2) continue;
    const r = barisKunci(key);
    tinggi.set(r, Math.max(tinggi.get(r) ?? 15, tinggiUntuk(baris)));
  }
}

/** How many lines wrapped text takes in a column (or merge) `lebarKolom` wide. */
export function barisTeks(teks: string, lebarKolom: number): number {
  const lebar = Math.max(4, Math.floor(lebarKolom * 1.2) - 1);
  return teks.split('\n').reduce((n, bagian) => n + Math.max(1, Math.ceil(bagian.length / lebar)), 0);
}

/** A row's height when nothing sets it (one line of 10 pt text), in points. */
export const TINGGI_BIASA = 12.75;

/** The height of a row of `baris` wrapped lines, in points. */
export const tinggiUntuk = (baris: number): number => baris * TINGGI_BIASA + 3;

/** A4 in points. */
const A4 = { lebar: 595.3, tinggi: 841.9 };

/** A block of rows that prints on one page (`{{jaga:N}}`, `{{jaga:N:bersama}}`). */
export interface Jaga {
  baris: number;
  n: number;
  /** never starts a page alone: it takes rows above it along (a signature block) */
  bersama: boolean;
}

/** What laying rows on pages needs to know of a sheet, in points. */
export interface Halaman {
  tinggi(r: number): number;
  /** the rows repeated at the top of every page */
  judul: number;
  /** a page as filled (generously) and as a block is measured against it (strictly) */
  longgar: number;
  ketat: number;
  /** whether a row prints anything */
  berisi(r: number): boolean;
}

/**
 * Where to break pages so each `{{jaga:N}}` block prints whole. The rows are laid on pages as a
 * program fitting the sheet to one page wide would (column widths set the scale; the header rows
 * repeat on each page). Programs differ (a column unit is about 7 px in Excel, 8 px in LibreOffice),
 * so pages are filled generously (the smaller scale, the whole page) and a block is measured
 * strictly (the larger scale, 95 % of the page): a break goes before a block rather than through it.
 * Returns the rows after which a page break goes.
 */
function pisahHalaman(ws: ExcelJSNs.Worksheet, x: Susunan): number[] {
  if (!x.jaga.length) return [];
  const t = (r: number) => x.tinggi.get(r) ?? x.alir?.tinggiBaris(r) ?? TINGGI_BIASA;
  const berisi = barisBerisi(x);
  return letakHalaman(x.jaga, {
    ...ukuranHalaman(ws, t),
    tinggi: t,
    berisi: (r) => berisi.has(r) || (x.alir !== null && r >= x.alir.awal && r <= x.alir.akhir),
  });
}

/**
 * A sheet's page as letakHalaman measures it (see pisahHalaman): its height as filled and as a block is measured
 * against, scaled as fitting the columns to the page's width scales it, and the repeated title rows' height.
 */
export function ukuranHalaman(
  ws: ExcelJSNs.Worksheet,
  tinggi: (r: number) => number,
): Pick<Halaman, 'judul' | 'longgar' | 'ketat'> {
  const ps = ws.pageSetup;
  const m = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, ...(ps.margins ?? {}) };
  const [lebar, panjang] = ps.orientation === 'landscape' ? [A4.tinggi, A4.lebar] : [A4.lebar, A4.tinggi];
  // exceljs counts the columns by walking every row: once, not at every step of a loop
  const kolom = ws.columnCount;
  const skala = (px: number) => {
    let w = 0;
    for (let c = 1; c <= kolom; c++) w += ((ws.getColumn(c).width ?? 9) * px + 5) * 0.75;
    return ps.fitToPage ? Math.min(1, (lebar - (m.left + m.right) * 72) / w) : 1;
  };
  const halaman = panjang - (m.top + m.bottom) * 72;
  return {
    judul: barisJudul(ps.printTitlesRow).reduce((n, r) => n + tinggi(r), 0),
    longgar: halaman / skala(8),
    ketat: (halaman * 0.95) / skala(7),
  };
}

/** The rows of the laid-out cells that print something, a formula too (a streamed list's rows are not here). */
function barisBerisi(x: Susunan): Set<number> {
  const out = new Set<number>();
  for (const [key, c] of x.grid)
    if (c.rumus || (c.value !== null && c.value !== undefined && c.value !== '')) out.add(barisKunci(key));
  return out;
}

/** The row of a cell's key in the grid (`B12` → 12). */
const barisKunci = (key: string): number => Number(/\d+$/.exec(key)![0]);

/**
 * The page breaks of pisahHalaman, from the sheet's measures. A `bersama` block that must go to the next page takes
 * along the rows from the last block that starts on this page (a section's heading), when they fit with it on one
 * page; else the last two rows above it that print something; else it goes alone.
 */
export function letakHalaman(jaga: readonly Jaga[], h: Halaman): number[] {
  const mulai = new Map(jaga.map((j) => [j.baris, j]));
  const akhir = Math.max(...jaga.map((j) => j.baris));
  const tinggi = (dari: number, sampai: number) => {
    let n = 0;
    for (let r = dari; r < sampai; r++) n += h.tinggi(r);
    return n;
  };
  const pisah: number[] = [];
  let terpakai = 0;
  let awalHalaman = 1;
  /** the last block that starts on this page, before the row being laid */
  let bagian: number | undefined;
  for (let r = 1; r <= akhir; r++) {
    const j = mulai.get(r);
    const blok = j ? tinggi(r, r + j.n) : 0;
    if (j && r > 1 && terpakai > h.judul && terpakai + blok > h.ketat) {
      const muat = (s: number) => s > awalHalaman && h.judul + tinggi(s, r) + blok <= h.ketat;
      const s = j.bersama ? ikutSerta(r, bagian, awalHalaman, h, muat) : r;
      pisah.push(s - 1);
      terpakai = h.judul + tinggi(s, r);
      awalHalaman = s;
      bagian = mulai.has(s) ? s : undefined;
    } else if (terpakai > h.judul && terpakai + h.tinggi(r) > h.longgar) {
      terpakai = h.judul;
      awalHalaman = r;
      bagian = undefined;
    }
    if (j) bagian = r;
    terpakai += h.tinggi(r);
  }
  return pisah;
}

/** Where a `bersama` block's page starts: its section's heading, else its last two printed rows above, else itself. */
function ikutSerta(
  r: number,
  bagian: number | undefined,
  awalHalaman: number,
  h: Halaman,
  muat: (s: number) => boolean,
): number {
  if (bagian !== undefined && muat(bagian)) return bagian;
  let s = r;
  for (let isi = 0; isi < 2 && s - 1 > awalHalaman; ) if (h.berisi(--s)) isi++;
  return s < r && muat(s) ? s : r;
}

function barisJudul(rentang: string | undefined): number[] {
  const m = rentang ? /^\$?(\d+):\$?(\d+)$/.exec(rentang) : null;
  if (!m) return [];
  const out: number[] = [];
  for (let r = Number(m[1]); r <= Number(m[2]); r++) out.push(r);
  return out;
}
