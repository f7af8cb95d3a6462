// Matching people across files and the book: names without titles, addresses without punctuation.
// Only for matching; records keep the name as it was written.

// Title stripping is a domain rule (books match names too); it lives in src/domain and is re-exported here.
export { bersihkanNama } from '../domain/nama.js';

/** `Jetis, RT 02` and `jetis rt 02` are one address; `RT 2` and `RT 02` too. */
export function normAlamat(alamat: string): string {
  return alamat
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b0+(\d)/g, '$1')
    .trim();
}

export function normTeks(s: string | null | undefined): string {
  return (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}
