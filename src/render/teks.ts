// Results as text: tables for people, JSON and CSV for scripts.
import Table from 'cli-table3';
import { barisCsv } from '../domain/csv.js';

export interface Kolom<R> {
  header: string;
  key: string;
  value: (r: R) => string | number | null | undefined;
  align?: 'left' | 'right';
}

/** What a table needs of the output: a way to make headers bold (or not, without colour). */
export interface Gaya {
  color: { bold(s: string): string };
}

export function renderTable<R>(gaya: Gaya, kolom: Kolom<R>[], rows: R[]): string {
  const t = new Table({
    head: kolom.map((k) => gaya.color.bold(k.header)),
    colAligns: kolom.map((k) => k.align ?? 'left'),
    style: { head: [], border: [] },
    wordWrap: true,
  });
  for (const r of rows) t.push(kolom.map((k) => String(k.value(r) ?? '')));
  return t.toString();
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
