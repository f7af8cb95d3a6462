// periksa asks each table's CHECK constraints as one query, read from the table's own CREATE TABLE text,
// instead of inside SQLite's quick_check: the same rows must be found, named by table, row and rule.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { langgarCek, syaratCek } from '../../src/db/cek-tabel.js';
import { cekBerkas } from '../../src/db/periksa-sql.js';
import { bukaSqlite } from '../../src/db/sqlite.js';

describe('the CHECK expressions of a CREATE TABLE text', () => {
  it('column and table constraints, named or not, in order; nested parentheses kept whole', () => {
    const sql = `CREATE TABLE t (
      a INTEGER NOT NULL CHECK (a > 0),
      b TEXT CONSTRAINT b_kind check(b IN ('x', 'y')),
      CHECK ((a = 1) = (b IS NOT NULL)), CONSTRAINT c2 CHECK (length(b) < 5)
    )`;
    expect(syaratCek(sql)).toEqual(['a > 0', "b IN ('x', 'y')", '(a = 1) = (b IS NOT NULL)', 'length(b) < 5']);
  });

  it('quotes, names and comments are not read as CHECK, nor their parentheses as the end of one', () => {
    const sql = `CREATE TABLE "check" (
      "check" TEXT DEFAULT 'CHECK (no)', -- a CHECK (in a comment)
      check_x TEXT, [check] INTEGER, \`check y\` INT /* CHECK (neither) */,
      c TEXT CHECK (c <> ')' AND c <> 'it''s (' AND "check" <> 'a)b'),
      CHECK ([check] >= 0)
    )`;
    expect(syaratCek(sql)).toEqual([`c <> ')' AND c <> 'it''s (' AND "check" <> 'a)b'`, '[check] >= 0']);
  });

  it('a table with none has none', () => {
    expect(syaratCek('CREATE TABLE t (a, b TEXT NOT NULL UNIQUE)')).toEqual([]);
  });
});

describe('rows that fail their table’s CHECK', () => {
  const basis = () => {
    const s = bukaSqlite(':memory:');
    s.exec(`CREATE TABLE uang (id INTEGER PRIMARY KEY, jumlah INTEGER CHECK (jumlah <> 0),
        arah TEXT, dana TEXT, CHECK ((arah = 'pindah') = (dana IS NULL)));
      CREATE TABLE "hari ""ini""" (buku TEXT CHECK (buku IN ('akun', 'dana')), kode TEXT, PRIMARY KEY (buku, kode))
        WITHOUT ROWID;
      CREATE TABLE bebas (x);`);
    s.exec(`INSERT INTO uang VALUES (1, 5, 'masuk', 'umum'), (2, NULL, 'masuk', 'umum'), (3, 7, 'pindah', NULL);
      INSERT INTO "hari ""ini""" VALUES ('akun', 'tunai'); INSERT INTO bebas VALUES (1)`);
    return s;
  };

  it('none in a sound file; a NULL passes, as in SQLite', () => {
    expect(langgarCek(basis())).toEqual([]);
  });

  it('each row by its table, rowid (none WITHOUT ROWID) and the first rule it fails', () => {
    const s = basis();
    s.pragma('ignore_check_constraints = ON');
    s.exec(`INSERT INTO uang VALUES (4, 0, 'pindah', 'umum'), (5, 9, 'pindah', 'zakat');
      INSERT INTO "hari ""ini""" VALUES ('stok', 'beras')`);
    expect(langgarCek(s)).toEqual([
      { tabel: 'hari "ini"', id: null, syarat: "buku IN ('akun', 'dana')" },
      { tabel: 'uang', id: 4, syarat: 'jumlah <> 0' },
      { tabel: 'uang', id: 5, syarat: "(arah = 'pindah') = (dana IS NULL)" },
    ]);
    // SQLite's own check finds the same three rows
    s.pragma('ignore_check_constraints = OFF');
    expect(s.pragma('quick_check')).toHaveLength(3);
  });

  it('at most 100 rows named per table, as quick_check stops at 100', () => {
    const s = basis();
    s.pragma('ignore_check_constraints = ON');
    s.exec(`WITH RECURSIVE n(i) AS (SELECT 11 UNION ALL SELECT i + 1 FROM n WHERE i < 160)
      INSERT INTO uang SELECT i, 0, 'masuk', 'umum' FROM n`);
    expect(langgarCek(s)).toHaveLength(100);
  });

  it('a rule SQLite cannot ask is named; the table’s other rules are still asked', () => {
    const berkas = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-cek-')), 'u.sqlite');
    const s = bukaSqlite(berkas);
    s.exec('CREATE TABLE bebas (x, y); INSERT INTO bebas VALUES (1, 0), (2, 5)');
    s.unsafeMode(true);
    s.pragma('writable_schema = ON');
    s.prepare("UPDATE sqlite_schema SET sql = ? WHERE name = 'bebas'").run(
      'CREATE TABLE bebas (x CHECK (tak_ada(x)), y CHECK (y <> 0))',
    );
    s.close();
    expect(langgarCek(bukaSqlite(berkas))).toEqual([
      { tabel: 'bebas', syarat: 'tak_ada(x)' },
      { tabel: 'bebas', id: 1, syarat: 'y <> 0' },
    ]);
  });

  it("periksa's file check: the rows as findings, not damage; the connection's own setting put back", () => {
    const s = basis();
    s.pragma('ignore_check_constraints = ON');
    s.exec("INSERT INTO uang VALUES (4, 0, 'masuk', 'umum')");
    s.pragma('ignore_check_constraints = OFF');
    expect(cekBerkas(s, false)).toEqual({
      rusak: [],
      langgar: [{ tabel: 'uang', id: 4, syarat: 'jumlah <> 0' }],
      kunciAsing: [],
    });
    expect(cekBerkas(s, true).langgar).toHaveLength(1);
    expect(s.pragma('ignore_check_constraints', { simple: true })).toBe(0);
    expect(() => s.exec("INSERT INTO uang VALUES (6, 0, 'masuk', 'umum')")).toThrow(/CHECK/);
  });
});
