// The tables' CHECK constraints for `wksbm periksa`, asked of every row with one query per table. SQLite's
// quick_check can check them itself, but row by row at about three times the cost: on a million cash rows 3.8 s
// against 1.1 s for quick_check without them plus 1.1 s for the query. The expressions are read from each table's
// own CREATE TABLE text, so the file is held to the rules it declares, as SQLite would hold it; a rule SQLite cannot
// ask is itself a finding.
import type BetterSqlite3 from 'better-sqlite3';
import { galatRusak } from './galat.js';

/**
 * A row that fails its table's CHECK: its rowid (none in a WITHOUT ROWID table) and the expression, as written; or
 * (`id` undefined) an expression SQLite cannot ask (a function it does not know: a schema written outside the tool,
 * which would refuse every new row too).
 */
export interface LanggarCek {
  tabel: string;
  id?: number | null;
  syarat: string;
}

/** At most this many rows named per table, as quick_check stops at 100 findings. */
const BATAS = 100;

/** The rows that fail a CHECK of their table, up to BATAS per table, in table order then rowid order. */
export function langgarCek(sqlite: BetterSqlite3.Database): LanggarCek[] {
  const tabel = sqlite
    .prepare(
      `SELECT s.name, s.sql, t.wr FROM sqlite_schema s JOIN pragma_table_list t ON t.name = s.name AND t.schema = 'main'
       WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite_%' ORDER BY s.name`,
    )
    .raw(true)
    .all() as [string, string | null, number][];
  return tabel.flatMap(([nama, sql, tanpaRowid]) => {
    const syarat = sql ? syaratCek(sql) : [];
    if (!syarat.length) return [];
    const tanya = (s: readonly string[]): LanggarCek[] => {
      const gagal = s.map((x) => `NOT (${x})`);
      const q = sqlite.prepare(
        `SELECT ${tanpaRowid ? 'NULL' : '_rowid_'}, ${gagal.join(', ')} FROM "${nama.replaceAll('"', '""')}"
         WHERE ${gagal.join(' OR ')} LIMIT ${BATAS}`,
      );
      return (q.raw(true).all() as [number | null, ...unknown[]][]).map(([id, ...hasil]) => ({
        tabel: nama,
        id,
        syarat: s[hasil.indexOf(1)] ?? s[0]!,
      }));
    };
    try {
      return tanya(syarat);
    } catch (err) {
      if (galatRusak(err)) throw err;
      // one expression SQLite cannot ask: each alone, so the others are still asked and it is named
      return syarat.flatMap((x) => {
        try {
          return tanya([x]);
        } catch (e) {
          if (galatRusak(e)) throw e;
          return [{ tabel: nama, syarat: x }];
        }
      });
    }
  });
}

/** The CHECK expressions of a CREATE TABLE statement (column and table constraints alike), as written, in order. */
export function syaratCek(sql: string): string[] {
  const out: string[] = [];
  const token = [...tokenSql(sql)].filter((t) => t.jenis !== 'lain');
  for (let i = 0; i + 1 < token.length; i++) {
    const t = token[i]!;
    if (t.jenis !== 'kata' || sql.slice(t.awal, t.akhir).toUpperCase() !== 'CHECK' || token[i + 1]!.jenis !== '(')
      continue;
    let dalam = 0;
    for (let j = i + 1; j < token.length; j++) {
      const u = token[j]!;
      if (u.jenis === '(') dalam++;
      else if (u.jenis === ')' && --dalam === 0) {
        out.push(sql.slice(token[i + 1]!.akhir, u.awal).trim());
        i = j;
        break;
      }
    }
  }
  return out;
}

interface Token {
  jenis: 'kata' | '(' | ')' | 'isi' | 'lain';
  awal: number;
  akhir: number;
}

/**
 * SQL text as tokens enough to find CHECK (...): words, parentheses, quoted strings and names (`isi`, so a quoted
 * "CHECK" or a parenthesis inside quotes counts as neither), and the rest (`lain`: spaces, comments, punctuation).
 */
function* tokenSql(sql: string): Generator<Token> {
  for (let i = 0; i < sql.length; ) {
    const awal = i;
    const c = sql[i]!;
    if (c === '(' || c === ')') {
      i++;
      yield { jenis: c, awal, akhir: i };
    } else if (c === '[') {
      const tutup = sql.indexOf(']', i);
      i = tutup < 0 ? sql.length : tutup + 1;
      yield { jenis: 'isi', awal, akhir: i };
    } else if (c === "'" || c === '"' || c === '`') {
      i++;
      // a doubled quote inside is the quote itself
      while (i < sql.length && !(sql[i] === c && sql[i + 1] !== c)) i += sql[i] === c ? 2 : 1;
      i = Math.min(i + 1, sql.length);
      yield { jenis: 'isi', awal, akhir: i };
    } else if (sql.startsWith('--', i)) {
      const baris = sql.indexOf('\n', i);
      i = baris < 0 ? sql.length : baris + 1;
      yield { jenis: 'lain', awal, akhir: i };
    } else if (sql.startsWith('/*', i)) {
      const akhir = sql.indexOf('*/', i + 2);
      i = akhir < 0 ? sql.length : akhir + 2;
      yield { jenis: 'lain', awal, akhir: i };
    } else if (/[\p{L}\p{N}_$]/u.test(c)) {
      while (i < sql.length && /[\p{L}\p{N}_$]/u.test(sql[i]!)) i++;
      yield { jenis: 'kata', awal, akhir: i };
    } else {
      i++;
      yield { jenis: 'lain', awal, akhir: i };
    }
  }
}
