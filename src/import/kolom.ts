// Which column holds which field: header words from the book's declaration (name, label, synonyms),
// case and punctuation ignored, `--kolom isian=Judul` first; and which row is the header.
import { type Field, flagOf } from '../books/field.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import type { Sel } from './baca.js';

/** `NAMA DONATUR`, `Nama_Donatur` and ` nama-donatur. ` are one header. */
export function normHeader(s: Sel): string {
  return String(s)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function kataField(f: Field): string[] {
  return [...new Set([f.name, f.label, flagOf(f), ...(f.sinonim ?? [])].map(normHeader).filter(Boolean))];
}

/** field name → column index */
export type Peta = Map<string, number> & { tepat?: number };

/**
 * Titles above the header ("DAFTAR DONATUR TP PKK 2026") are long; a header that merely contains a word must be short.
 */
const KATA_MAKS_JUDUL = 4;

/**
 * Maps headers to fields: overrides, then exact words, then a header that contains a field's word
 * as whole words (`SUMBANGAN PER BULAN (Rp)` → sumbangan), longest word first.
 */
export function petakan(header: Sel[], fields: Field[], kolom: Record<string, string>): Peta {
  const judul = header.map(normHeader);
  const peta: Peta = new Map();
  const dipakai = new Set<number>();
  for (const [nama, h] of Object.entries(kolom)) {
    const i = judul.indexOf(normHeader(h));
    if (i < 0) continue;
    peta.set(nama, i);
    dipakai.add(i);
  }
  for (const f of fields) {
    if (peta.has(f.name)) continue;
    const kata = kataField(f);
    const i = judul.findIndex((j, idx) => j !== '' && !dipakai.has(idx) && kata.includes(j));
    if (i >= 0) {
      peta.set(f.name, i);
      dipakai.add(i);
    }
  }
  peta.tepat = peta.size;
  const calon: { f: Field; i: number; panjang: number }[] = [];
  for (const f of fields) {
    if (peta.has(f.name)) continue;
    for (const k of kataField(f)) {
      judul.forEach((j, i) => {
        if (!dipakai.has(i) && j !== '' && j.split(' ').length <= KATA_MAKS_JUDUL && ` ${j} `.includes(` ${k} `))
          calon.push({ f, i, panjang: k.length });
      });
    }
  }
  calon.sort((a, b) => b.panjang - a.panjang || a.i - b.i);
  for (const c of calon) {
    if (peta.has(c.f.name) || dipakai.has(c.i)) continue;
    peta.set(c.f.name, c.i);
    dipakai.add(c.i);
  }
  return peta;
}

/** Each inner list: at least one of these fields must be mapped (e.g. kas needs Masuk, Keluar or Jumlah). */
export type Wajib = string[][];

export function lengkap(peta: Peta, wajib: Wajib): boolean {
  return wajib.every((alt) => alt.some((n) => peta.has(n)));
}

/** Checks `--kolom` before reading: the field must exist in the book. */
export function checkKolom(kolom: Record<string, string>, fields: Field[]): void {
  for (const nama of Object.keys(kolom)) {
    if (!fields.some((f) => f.name === nama))
      throw new UserError(
        pesan.imporKolomIsianTidakAda(
          nama,
          fields.map((f) => f.name),
        ),
      );
  }
}

export function parseKolomOpsi(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of list) {
    const m = /^([^=]+)=(.*)$/.exec(s);
    if (!m || m[2]!.trim() === '') throw new UserError(pesan.imporKolomTidakSah(s));
    out[m[1]!.trim().toLowerCase().replace(/-/g, '_')] = m[2]!.trim();
  }
  return out;
}

/** How many rows at the top may be titles or blank before the header must have appeared. */
export const BATAS_JUDUL = 30;

export interface Kepala {
  /** index of the header row among the rows seen */
  indeks: number;
  peta: Peta;
}

/** The first row that maps every required field; else an error naming the headers of the best row. */
export function skorKepala(peta: Peta): number {
  return peta.size + (peta.tepat ?? 0);
}

/**
 * Of the rows at the top, the complete one with the most (and most exact) matches; else an error naming the headers of
 * the best row.
 */
export function cariKepala(rows: Sel[][], fields: Field[], kolom: Record<string, string>, wajib: Wajib): Kepala {
  let terbaik = -1;
  let skor = -1;
  let pilihan: Kepala | undefined;
  let skorPilihan = -1;
  for (let i = 0; i < rows.length; i++) {
    const peta = petakan(rows[i]!, fields, kolom);
    if (lengkap(peta, wajib) && skorKepala(peta) > skorPilihan) {
      pilihan = { indeks: i, peta };
      skorPilihan = skorKepala(peta);
    }
    if (peta.size > skor) {
      skor = peta.size;
      terbaik = i;
    }
  }
  if (pilihan) {
    for (const [nama, h] of Object.entries(kolom))
      if (!pilihan.peta.has(nama))
        throw new UserError(pesan.imporKolomJudulTidakAda(nama, h, judulAda(rows[pilihan.indeks]!)));
    return pilihan;
  }
  const kepala = terbaik >= 0 ? rows[terbaik]! : [];
  const peta = petakan(kepala, fields, kolom);
  const kurang = wajib
    .filter((alt) => !alt.some((n) => peta.has(n)))
    .map((alt) => alt.map((n) => fields.find((f) => f.name === n)?.label ?? n).join(' atau '));
  throw new UserError(
    pesan.imporKolomWajibTidakAda(kurang, judulAda(kepala), wajib.find((alt) => !alt.some((n) => peta.has(n)))![0]!),
  );
}

/** the headers a message lists: enough to recognise the file, never a whole line of something else */
const JUDUL_MAKS = 20;
const PANJANG_JUDUL_MAKS = 40;

function judulAda(row: Sel[]): string[] {
  const semua = row.map((s) => String(s).trim()).filter(Boolean);
  const pendek = semua
    .slice(0, JUDUL_MAKS)
    .map((j) => (j.length > PANJANG_JUDUL_MAKS ? `${j.slice(0, PANJANG_JUDUL_MAKS - 1)}…` : j));
  return semua.length > JUDUL_MAKS ? [...pendek, `… (${semua.length - JUDUL_MAKS} lagi)`] : pendek;
}

/**
 * A cell as the text a field parses. Excel keeps 15 significant digits, so a NIK or KK typed as a
 * number (≥ 10^15) has lost its last digit: refused, asking for a Text column. A phone typed as a
 * number has lost its leading 0: it gets it back.
 */
export function selSebagaiTeks(f: Field, v: Sel | undefined): string {
  if (v === undefined) return '';
  if (typeof v !== 'number') return v;
  if (f.type === 'nik' && v >= 1e15) throw new UserError(pesan.nikExcel(f.label, v.toFixed(0)));
  if (f.type === 'hp' && Number.isInteger(v) && v > 0) {
    const d = v.toFixed(0);
    return d.startsWith('62') ? d : `0${d}`;
  }
  return String(v);
}
