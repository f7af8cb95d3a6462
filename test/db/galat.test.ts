// SQLite's damage answers become the one Indonesian sentence that names periksa and pulihkan.

import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { galatRusak, petakanGalat } from '../../src/db/galat.js';
import { cekBerkas } from '../../src/db/periksa-sql.js';
import { LedgerError } from '../../src/domain/errors.js';

const sqliteGalat = (code: string, pesan: string) => Object.assign(new Error(pesan), { code });

describe('a damaged file in Indonesian', () => {
  it('corrupt, not a database, out of memory and too big (a damaged record length) are damage', () => {
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_NOTADB', 'SQLITE_NOMEM', 'SQLITE_TOOBIG'])
      expect(galatRusak(sqliteGalat(code, 'english')), code).toBe(true);
    expect(galatRusak(sqliteGalat('SQLITE_BUSY', 'database is locked'))).toBe(false);
    expect(galatRusak(new Error('lain'))).toBe(false);
  });

  it('out of memory reaches the user as the damage sentence, not SQLite English', () => {
    const e = petakanGalat(sqliteGalat('SQLITE_NOMEM', 'out of memory'), '/u/unit.sqlite');
    expect(e).toBeInstanceOf(LedgerError);
    expect((e as Error).message).toMatch(/rusak.*"wksbm periksa".*"wksbm pulihkan"/);
    expect((e as Error).message).not.toMatch(/memory/);
  });

  it("periksa's file check names a record SQLite finds too big as damage, not 'Terjadi kesalahan'", () => {
    // seen once in 250 runs of random bytes over the cash book's pages (test/e2e/cadangan.test.ts)
    const berkas = {
      pragma: () => {
        throw sqliteGalat('SQLITE_TOOBIG', 'string or blob too big');
      },
    } as unknown as BetterSqlite3.Database;
    expect(cekBerkas(berkas, false)).toEqual({ rusak: ['string or blob too big'], langgar: [], kunciAsing: [] });
  });
});
