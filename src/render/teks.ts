// Results as text: tables for people, JSON and CSV for scripts.
import Table from 'cli-table3';
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
  const t = new Table({
    head: kolom.map((k) => gaya.color.bold(k.header)),
    colAligns: kolom.map((k) => k.align ?? 'left'),
    style: { head: [], border: [] },
    wordWrap: true,
    ...(lebar ? { colWidths: lebar } : {}),
  });
  // a word longer than its column is split, not cut off with an ellipsis
  const potong = (s: string, i: number) => (lebar ? pecahKata(s, lebar[i]! - 2) : s);
  for (const r of isi) t.push(r.map(potong));
  return t.toString();
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
