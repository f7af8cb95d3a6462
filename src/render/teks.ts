// Results as text: tables for people, JSON and CSV for scripts.
import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import { barisCsv } from '../domain/csv.js';

export interface Kolom<R> {
  header: string;
  key: string;
  value: (r: R) => string | number | null | undefined;
  align?: 'left' | 'right';
  /** the column that wraps first when the table is wider than the terminal (the uraian) */
  lentur?: boolean;
}

/** What a table needs of the output: a way to make headers bold (or not, without colour). */
export interface Gaya {
  color: { bold(s: string): string };
  /** stdout when it is a terminal: a table fits its width; piped or redirected, rows are never cut */
  terminal?: { out?: { columns?: number } };
}

export function renderTable<R>(gaya: Gaya, kolom: Kolom<R>[], rows: R[]): string {
  const isi = rows.map((r) => kolom.map((k) => String(k.value(r) ?? '')));
  const batas = gaya.terminal?.out?.columns;
  const lebar = batas ? muat(kolom, isi, batas) : undefined;
  const kepala = kolom.map((k) => gaya.color.bold(k.header));
  const rata = kolom.map((k) => k.align ?? 'left');
  const kotak = lebar ? undefined : kotakSederhana(kepala, isi, rata);
  if (kotak !== undefined) return kotak;
  const Table = createRequire(import.meta.url)('cli-table3') as typeof TableType;
  const t = new Table({
    head: kepala,
    colAligns: rata,
    style: { head: [], border: [] },
    wordWrap: true,
    ...(lebar ? { colWidths: lebar } : {}),
  });
  // a word longer than its column is split, not cut off with an ellipsis
  const potong = (s: string, i: number) => (lebar ? pecahKata(s, lebar[i]! - 2) : s);
  for (const r of isi) t.push(r.map(potong));
  return t.toString();
}

// Colour codes (SGR: ESC [ … m) take no room on screen.
const ESC = String.fromCharCode(27);
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
/**
 * Text one column per character once its colour codes are gone: printable ASCII, Latin letters, and the dashes,
 * ellipsis and arrow the tables use (a transfer's `tunai→bri`); cli-table3 counts each of them one column too.
 */
const SEDERHANA = /^[\x20-\x7e\u00a0-\u02ff\u2013\u2014\u2026\u2192]*$/;

/** Columns a cell takes on screen, or -1 when only cli-table3's own width rules can say. */
function lebarSel(s: string): number {
  const t = s.replace(SGR, '');
  return SEDERHANA.test(t) ? t.length : -1;
}

/**
 * The table cli-table3 draws, character for character, when nothing in it wraps and every cell is plain
 * text, on one line or several (the cash book's uraian has its source or kind below it); undefined otherwise
 * (test/render/teks.test.ts holds the two side by side). cli-table3 costs about 10 ms to load and draw a small
 * table, a third of what `kas saldo` does after Node starts, and about 1 ms a row of the cash book.
 */
function kotakSederhana(kepala: string[], isi: string[][], rata: string[]): string | undefined {
  // cli-table3 carries a colour across a cell's lines its own way: such a cell is left to it
  const baris = [kepala, ...isi].map((r) => r.map((s) => (s ?? '').split('\n')));
  if (baris.some((r) => r.some((b) => b.length > 1 && b.some((x) => x.includes(ESC))))) return undefined;
  const lebar = kepala.map(() => 0);
  for (const r of baris)
    for (let i = 0; i < lebar.length; i++)
      for (const b of r[i] ?? ['']) {
        const n = lebarSel(b);
        if (n < 0) return undefined;
        lebar[i] = Math.max(lebar[i]!, n);
      }
  const garis = (kiri: string, tengah: string, kanan: string) =>
    kiri + lebar.map((n) => '─'.repeat(n + 2)).join(tengah) + kanan;
  const sel = (s: string, i: number) => {
    const ruang = ' '.repeat(lebar[i]! - lebarSel(s));
    return ` ${rata[i] === 'right' ? ruang + s : s + ruang} `;
  };
  // a row is as tall as its tallest cell; a shorter cell is filled with blank lines
  const garisBaris = (r: string[][], j: number) => `│${lebar.map((_n, i) => sel(r[i]?.[j] ?? '', i)).join('│')}│`;
  const tulis = (r: string[][]) => {
    const tinggi = Math.max(1, ...r.map((b) => b.length));
    return Array.from({ length: tinggi }, (_, j) => garisBaris(r, j)).join('\n');
  };
  const antara = garis('├', '┼', '┤');
  const badan = isi.length ? [antara, baris.slice(1).map(tulis).join(`\n${antara}\n`)] : [];
  return [garis('┌', '┬', '┐'), tulis(baris[0]!), ...badan, garis('└', '┴', '┘')].join('\n');
}

const SEMPIT = 12;

function pecahKata(s: string, n: number): string {
  return s.replace(new RegExp(`\\S{${n + 1},}`, 'gu'), (w) => w.match(new RegExp(`.{1,${n}}`, 'gu'))!.join(' '));
}

const lebarTeks = (s: string) => Math.max(0, ...s.split('\n').map((b) => [...b].length));

/**
 * Column widths (padding included) that fit `batas` characters, or undefined when the table fits
 * as it is: the `lentur` column (or, in a table without one, the widest text columns) wraps, down
 * to 12; numbers, dates and voucher numbers are never cut, so a very narrow terminal wraps lines.
 */
export function muat<R>(kolom: Kolom<R>[], isi: string[][], batas: number): number[] | undefined {
  const lebar = kolom.map((k, i) => Math.max(lebarTeks(k.header), ...isi.map((r) => lebarTeks(r[i]!))) + 2);
  const total = () => lebar.reduce((a, b) => a + b, 0) + kolom.length + 1;
  if (total() <= batas) return undefined;
  const urutan = kolom
    .map((k, i) => ({ k, i }))
    .filter(({ k }) => (kolom.some((x) => x.lentur) ? k.lentur : (k.align ?? 'left') === 'left'))
    .sort((a, b) => lebar[b.i]! - lebar[a.i]!);
  for (const { i } of urutan) {
    const lebih = total() - batas;
    if (lebih <= 0) break;
    lebar[i] = Math.max(Math.min(lebar[i]!, SEMPIT), lebar[i]! - lebih);
  }
  return lebar;
}

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/**
 * CSV with a header row for a spreadsheet: `;` and a UTF-8 BOM by default (Excel with Indonesian
 * settings opens that in columns), cells made inert (src/domain/csv.ts), amounts plain integers.
 */
export function renderCsv(header: string[], rows: unknown[][], pemisah = ';'): string {
  return '\ufeff' + barisCsv([header, ...rows], pemisah);
}
