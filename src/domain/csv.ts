// One CSV cell as the tool writes it, in every file: quoted where the separator or a line break
// needs it, and inert for a spreadsheet (OWASP CSV injection: a text cell that begins with `=`, `+`,
// `-`, `@`, a tab or a carriage return gets a leading `'`). Numbers, and text that is only a
// number such as `-45000`, stay numbers; the import reader drops the `'` again (`bacaSelAman`).

const PEMICU = /^[=+\-@\t\r]/;
const ANGKA = /^[+-]?\d[\d.,]*$/;

/** The text a spreadsheet will not run as a formula. */
export function selAman(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const s = String(v);
  return PEMICU.test(s) && !ANGKA.test(s) ? `'${s}` : s;
}

/** What `selAman` wrote, read back: the protective `'` before a formula character removed. */
export function bacaSelAman(s: string): string {
  return s.startsWith("'") && PEMICU.test(s.slice(1)) && !ANGKA.test(s.slice(1)) ? s.slice(1) : s;
}

/** A safe cell, quoted when it holds the separator, a quote or a line break. */
export function selCsv(v: unknown, pemisah: string): string {
  const s = selAman(v);
  return s.includes(pemisah) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV text: CRLF line ends, every cell through `selCsv`. */
export function barisCsv(rows: unknown[][], pemisah: string): string {
  return rows.map((r) => r.map((v) => selCsv(v, pemisah)).join(pemisah)).join('\r\n') + '\r\n';
}
