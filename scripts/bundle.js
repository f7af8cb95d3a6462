#!/usr/bin/env node
// Bundles the CLI into dist/bundle/: one file for the program, one for the cash import's writer thread
// (src/db/kas-bulk.ts finds dist/bundle/kas-penulis.js beside the program), one with the version.
// One file, not a chunk per command: Node 20's ES module loader costs about 1.2 ms of CPU per module it
// resolves, reads and links, and `kas saldo` loaded 53 chunks; a command now loads one (minified, so
// there is less to parse) and runs only the modules it imports (the rest stay lazy, compiled not run).
// Kept outside: better-sqlite3 (native), and what loads only when used: exceljs (workbooks), inquirer
// (prompts at a terminal) and cli-progress (the import's bar): their code is neither read nor compiled.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// start empty so no stale file (or worker) is found
fs.rmSync(path.join(root, 'dist/bundle'), { recursive: true, force: true });
const bersama = {
  outdir: path.join(root, 'dist/bundle'),
  bundle: true,
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: true,
  external: ['better-sqlite3', 'exceljs', '@inquirer/prompts', 'cli-progress'],
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js:
      "import { createRequire as __wksbmRequire } from 'node:module'; const require = " +
      '__wksbmRequire(import.meta.url);',
  },
  logLevel: 'warning',
};
await Promise.all([
  build({ ...bersama, entryPoints: { main: path.join(root, 'src/cli/main.ts') } }),
  // bin/wksbm.js answers `--version` from this alone
  build({ ...bersama, banner: {}, entryPoints: { versi: path.join(root, 'src/cli/version.ts') } }),
  build({ ...bersama, entryPoints: { 'kas-penulis': path.join(root, 'src/db/kas-penulis.ts') } }),
]);
