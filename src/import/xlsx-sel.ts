// The cells of chosen sheets of an .xlsx, read straight from its XML (whichever program saved it:
// exceljs, Excel, LibreOffice): value, formula and whether its number format is rupiah. Only the
// sheets asked for are inflated and parsed; nothing is kept once the caller lets go.
import fs from 'node:fs';
import { bukaZip } from '../render/zip.js';

export interface SelXlsx {
  /** the number or text the file holds (a formula's cached result; null when none was kept) */
  nilai: number | string | boolean | null;
  rumus?: string;
  /** the cell's number format shows rupiah */
  rupiah: boolean;
}

export type IsiSheet = Map<string, SelXlsx>;

export interface BukuXlsx {
  nama: string[];
  sheet(nama: string): IsiSheet | undefined;
}

const ENTITAS: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function urai(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITAS[e] ?? m;
  });
}

const POLA_ATRIBUT = new Map<string, RegExp>();

function atribut(attrs: string, nama: string): string | undefined {
  let re = POLA_ATRIBUT.get(nama);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${nama}="([^"]*)"`);
    POLA_ATRIBUT.set(nama, re);
  }
  return re.exec(attrs)?.[1];
}

/** The text of an `<si>` or `<is>`: every `<t>` run joined (phonetic runs left out). */
function teksRun(xml: string): string {
  const tanpaFonetik = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of tanpaFonetik.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += urai(m[1]!);
  return out;
}

export function bukaXlsx(berkas: string): BukuXlsx {
  const zip = bukaZip(fs.readFileSync(berkas));
  const xml = (p: string) => zip.baca(p)?.toString('utf8');
  const wb = xml('xl/workbook.xml');
  if (wb === undefined) throw new Error('bukan buku kerja');
  const rels = petaRels(xml('xl/_rels/workbook.xml.rels') ?? '');
  const sheets = new Map<string, string>();
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\s([^>]*?)\/?>/g)) {
    const nama = atribut(m[1]!, 'name');
    const id = /\w+:id="([^"]*)"/.exec(m[1]!)?.[1];
    const target = id ? rels.get(id) : undefined;
    if (nama !== undefined && target) sheets.set(urai(nama), target);
  }
  let strings: string[] | undefined;
  let rupiah: boolean[] | undefined;
  const konteks = () => {
    strings ??= [...(xml('xl/sharedStrings.xml') ?? '').matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) =>
      teksRun(m[1]!),
    );
    rupiah ??= gayaRupiah(xml('xl/styles.xml') ?? '');
    return { strings, rupiah };
  };
  return {
    nama: [...sheets.keys()],
    sheet: (nama) => {
      const target = sheets.get(nama);
      const isi = target ? xml(target) : undefined;
      return isi === undefined ? undefined : bacaSheet(isi, konteks());
    },
  };
}

function petaRels(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\s([^>]*?)\/?>/g)) {
    const id = atribut(m[1]!, 'Id');
    const target = atribut(m[1]!, 'Target');
    if (id && target) out.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** For each cell style (cellXfs index), whether its number format is a rupiah one. */
function gayaRupiah(xml: string): boolean[] {
  const format = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\s([^>]*?)\/?>/g))
    format.set(atribut(m[1]!, 'numFmtId') ?? '', urai(atribut(m[1]!, 'formatCode') ?? ''));
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<(?:\w+:)?xf\s([^>]*?)\/?>/g)].map((m) =>
    /Rp/.test(format.get(atribut(m[1]!, 'numFmtId') ?? '') ?? ''),
  );
}

const SEL = /<(?:\w+:)?c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const RUMUS = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const NILAI = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/;

function bacaSheet(xml: string, k: { strings: string[]; rupiah: boolean[] }): IsiSheet {
  const out: IsiSheet = new Map();
  for (const m of xml.matchAll(SEL)) {
    const r = atribut(m[1]!, 'r');
    if (!r) continue;
    const dalam = m[2] ?? '';
    const f = RUMUS.exec(dalam);
    const v = NILAI.exec(dalam)?.[1];
    const sel: SelXlsx = { nilai: nilaiSel(atribut(m[1]!, 't'), v, dalam, k.strings), rupiah: false };
    if (f) sel.rumus = urai(f[1] ?? '');
    sel.rupiah = k.rupiah[Number(atribut(m[1]!, 's') ?? 0)] ?? false;
    out.set(r, sel);
  }
  return out;
}

function nilaiSel(t: string | undefined, v: string | undefined, dalam: string, strings: string[]): SelXlsx['nilai'] {
  if (t === 'inlineStr') return teksRun(dalam);
  if (v === undefined || v === '') return null;
  if (t === 's') return strings[Number(v)] ?? null;
  if (t === 'str' || t === 'e') return urai(v);
  if (t === 'b') return v === '1';
  const n = Number(v);
  return Number.isFinite(n) ? n : urai(v);
}
