// The reads behind `kas saldo` and `laporan triwulan --json` cost what they report, not the ledger's
// age: every statement's plan (EXPLAIN QUERY PLAN) reaches the cash book through an index, never walks
// it whole, never walks the entries that are not voided (nearly all of them) and never sorts a range of
// entries. Plans need no volume: without ANALYZE, SQLite plans the same for 10 rows as for 1,000,000.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadBahanLaporan } from '../../src/db/laporan-repo.js';
import type { Database } from '../../src/db/types.js';
import { saldoKas } from '../../src/ledger/kas.js';
import { bacaSaldoAwal } from '../../src/ledger/saldo-awal.js';
import { ok, unitBaru } from '../helpers.js';

interface Langkah {
  id: number;
  parent: number;
  detail: string;
}

/** The names a statement gives the cash book: `kas` and its aliases (`kas k`, `"kas" as "k"`). */
function namaKas(sql: string): string {
  const alias = [...sql.matchAll(/\bkas"?\s+(?:as\s+)?"?(\w+)"?/gi)].map((m) => m[1]!);
  const bukan = /^(WHERE|JOIN|LEFT|CROSS|INNER|ON|GROUP|ORDER|LIMIT|AND|OR|SET|VALUES|UNION)$/i;
  return ['kas', ...alias.filter((a) => !bukan.test(a))].join('|');
}

/** What in one statement's plan reads more of the cash book than the answer needs. */
function borosnya(rencana: Langkah[], kas: string): string[] {
  const induk = new Map(rencana.map((l) => [l.id, l]));
  const baca = new RegExp(`^(SCAN|SEARCH) (${kas})\\b`);
  const salah: string[] = [];
  for (const l of rencana) {
    if (!baca.test(l.detail)) continue;
    if (l.detail.startsWith('SCAN')) salah.push(`seluruh buku kas: ${l.detail}`);
    const berkorelasi = induk.get(l.parent)?.detail.startsWith('CORRELATED') ?? false;
    if (/\(batal_dari=\?\)/.test(l.detail) && !berkorelasi) salah.push(`entri yang tidak batal: ${l.detail}`);
    const saudara = rencana.filter((x) => x.parent === l.parent);
    if (/\(tanggal[<>=]/.test(l.detail) && saudara.some((x) => /TEMP B-TREE/.test(x.detail)))
      salah.push(`entri triwulan diurutkan: ${l.detail}`);
  }
  return salah;
}

/** Runs `baca` on the unit, recording each statement as SQLite ran it (its values filled in). */
async function pernyataan(db: string, baca: (k: Kysely<Database>) => Promise<unknown>): Promise<string[]> {
  const sql: string[] = [];
  const sqlite = new BetterSqlite3(db, { fileMustExist: true, verbose: (s) => sql.push(String(s)) });
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await baca(kysely);
    const boros = sql
      .filter((s) => /^\s*(SELECT|WITH)\b/i.test(s))
      .flatMap((s) =>
        borosnya(sqlite.prepare(`EXPLAIN QUERY PLAN ${s}`).all() as Langkah[], namaKas(s)).map((b) => `${b}\n  ${s}`),
      );
    expect(boros).toEqual([]);
    return sql;
  } finally {
    await kysely.destroy();
  }
}

describe('query plans of the reads that must not grow with the ledger', () => {
  it('kas saldo and laporan --json read indexed ranges only', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '2000000', '--sumber', 'donatur', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'masuk', '--jumlah', '1500000', '--sumber', 'iuran_kematian', '--tanggal', '2026-07-02']);
    await ok(db, ['kas', 'keluar', '--jumlah', '50000', '--jenis', 'operasional', '--tanggal', '2026-08-03']);
    const saldo = await pernyataan(db, async (k) => {
      await saldoKas(k, 'dana');
      await bacaSaldoAwal(k);
    });
    expect(saldo.some((s) => /bukti/.test(s))).toBe(true);
    const laporan = await pernyataan(db, (k) => loadBahanLaporan(k, '2026-07-01', '2026-09-30', '2026-06-30', false));
    expect(laporan.some((s) => /GROUP BY/.test(s))).toBe(true);
  });
});
