// Opening an SQLite file with better-sqlite3, the one way every module of ours does it. Loaded with
// require (a CommonJS package: no ES-module wrapper parses it for its exports) and told where its
// compiled addon is, so the `bindings` package does not search the disk for it on every start.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);
const Sqlite = require('better-sqlite3') as typeof BetterSqlite3;

let addon: string | false | undefined;

/**
 * The addon where `bindings` looks first (build/, build/Debug/, build/Release/ of the package), or false
 * when it is in none of them: then better-sqlite3 searches as it always does.
 */
function alamatAddon(): string | false {
  if (addon !== undefined) return addon;
  const akar = path.dirname(require.resolve('better-sqlite3/package.json'));
  const calon = ['build', 'build/Debug', 'build/Release'].map((d) => path.join(akar, d, 'better_sqlite3.node'));
  addon = calon.find((f) => fs.existsSync(f)) ?? false;
  return addon;
}

export function bukaSqlite(file: string, opts: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  const alamat = alamatAddon();
  return new Sqlite(file, alamat ? { ...opts, nativeBinding: alamat } : opts);
}
