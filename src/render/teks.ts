// Results as text: tables for people, JSON and CSV for scripts.
import Table from 'cli-table3';

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

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row; amounts stay plain integers so spreadsheets read numbers. */
export function renderCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
