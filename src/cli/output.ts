// Writing results: tables and colour for people, JSON and CSV for scripts.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';

export interface Kolom<R> {
  header: string;
  key: string;
  value: (r: R) => string | number | null | undefined;
  align?: 'left' | 'right';
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: ChalkInstance;
}

export function processIo(): Io {
  const warna = !process.env.NO_COLOR && Boolean(process.stdout.isTTY);
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    color: new Chalk({ level: warna ? 1 : 0 }),
  };
}

export function renderTable<R>(io: Io, kolom: Kolom<R>[], rows: R[]): string {
  const t = new Table({
    head: kolom.map((k) => io.color.bold(k.header)),
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
