// SQLite's refusals (a CHECK, NOT NULL or UNIQUE of a table) read for where they happened, so the
// user is told in Indonesian which book and column refused, never SQLite's English.

/** Whether an error is SQLite refusing a row because of the table's constraints. */
export function adalahKendala(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * The table and column a constraint message names: `NOT NULL constraint failed: inventaris.nama`,
 * `CHECK constraint failed: jumlah > 0` (the column only). Unknown parts are given as they can be.
 */
export function tempatKendala(message: string): [tabel: string, kolom: string | null] {
  const titik = /constraint failed: (\w+)\.(\w+)/.exec(message);
  if (titik) return [titik[1]!, titik[2]!];
  const check = /CHECK constraint failed: \(?\s*(\w+)/.exec(message);
  return ['ini', check ? check[1]! : null];
}
