#!/usr/bin/env node
// Bundles the CLI into dist/bundle/, one minified file per thing a run loads, so a command reads one:
//   awal.js          the version, which command argv names, and the loader of the others (src/cli/awal.ts)
//   main.cjs         the whole program (help, unknown commands; what the in-process tests run)
//   perintah-X.cjs   the program with only command module src/commands/X.ts (every command it registers);
//                    perintah.json maps each command name to its file
//   kas-penulis.js   the cash import's writer thread (src/db/kas-bulk.ts finds it beside its caller)
//   periksa-pekerja.js  periksa's worker threads (src/ledger/periksa-samping.ts finds it the same way)
//   exceljs.cjs      the exceljs package as one script, loaded at a workbook's first use through the code cache
// Why: Node 20's ES module loader costs about 1.2 ms of CPU per module (`kas saldo` loaded 53 chunks),
// and compiling is per byte (a command no longer compiles the other commands). Each file is the same
// source: a command module's bundle runs exactly the code main.cjs would run for that command.
// The program's bundles are CommonJS scripts so src/cli/muat.ts can run them with V8's code cache
// (vm.Script; Node 20 has no cache for ES modules); `import.meta.url` becomes the file's own URL.
// Kept outside: better-sqlite3 (native), and what loads only when used: exceljs (workbooks; from its own
// bundle), inquirer (prompts at a terminal) and cli-progress (the import's bar): their code is neither read
// nor compiled by a command that does not use them.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'dist/bundle');
const REGISTRY = path.join(root, 'src/cli/registry.ts');
// start empty so no stale file (or worker) is found
fs.rmSync(OUT, { recursive: true, force: true });
const bersama = {
  outdir: OUT,
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

/** Command name → its module under src/commands, read from the registry's `import('../commands/X.js')`. */
function petaPerintah() {
  const teks = fs.readFileSync(REGISTRY, 'utf8');
  const peta = {};
  for (const m of teks.matchAll(/name: '([\w-]+)',[\s\S]*?load: \(\) => import\('\.\.\/commands\/([\w-]+)\.js'\)/g))
    peta[m[1]] = m[2];
  const nama = [...teks.matchAll(/name: '([\w-]+)'/g)].map((m) => m[1]);
  const tanpa = nama.filter((n) => !peta[n]);
  if (tanpa.length) throw new Error(`bundle: modul perintah tidak terbaca untuk ${tanpa.join(', ')}`);
  return peta;
}

/** The registry's other command modules become an empty module: never loaded, as argv names this one. */
const hanya = (modul) => ({
  name: 'hanya-satu-perintah',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/commands\/[\w-]+\.js$/ }, (a) =>
      a.importer === REGISTRY && a.path !== `../commands/${modul}.js`
        ? { path: a.path, namespace: 'kosong' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'kosong' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
});

const peta = petaPerintah();
const modul = [...new Set(Object.values(peta))];
/**
 * exceljs and cli-progress are CommonJS: in a script their `import()` becomes Node's require at first use
 * (a script has no import(); inquirer, an ES module, borrows the loader's: src/cli/prompter.ts).
 */
const requireLuar = {
  name: 'require-luar',
  setup(b) {
    b.onResolve({ filter: /^(exceljs|cli-progress)$/ }, (a) =>
      a.kind === 'dynamic-import' ? { path: a.path, namespace: 'require-luar' } : { path: a.path, external: true },
    );
    b.onLoad({ filter: /.*/, namespace: 'require-luar' }, (a) => ({
      // exceljs from its own bundle through the code cache when run by src/cli/muat.ts (else Node's require)
      contents:
        a.path === 'exceljs'
          ? 'module.exports = (globalThis.__wksbmMuat ?? require)("exceljs");'
          : `module.exports = require(${JSON.stringify(a.path)});`,
      loader: 'js',
    }));
  },
};

/** A program bundle as a CommonJS script (for the code cache), with import.meta.url its own file's URL. */
const skrip = {
  ...bersama,
  plugins: [requireLuar],
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__wksbmUrl' },
  banner: { js: "var __wksbmUrl = require('node:url').pathToFileURL(__filename).href;" },
};
const MAIN = path.join(root, 'src/cli/main.ts');
await Promise.all([
  build({ ...skrip, entryPoints: { main: MAIN } }),
  build({ ...bersama, banner: {}, entryPoints: { awal: path.join(root, 'src/cli/awal.ts') } }),
  build({ ...bersama, entryPoints: { 'kas-penulis': path.join(root, 'src/db/kas-penulis.ts') } }),
  build({ ...bersama, entryPoints: { 'periksa-pekerja': path.join(root, 'src/ledger/periksa-pekerja.ts') } }),
  ...modul.map((m) => build({ ...skrip, entryPoints: { [`perintah-${m}`]: MAIN }, plugins: [requireLuar, hanya(m)] })),
  // exceljs as one minified script (its ~200 files through require cost 0.43 s of CPU per workbook)
  build({
    ...skrip,
    plugins: [],
    sourcemap: false,
    external: [],
    define: {},
    banner: {},
    entryPoints: { exceljs: createRequire(import.meta.url).resolve('exceljs') },
  }),
]);
const berkas = Object.fromEntries(Object.entries(peta).map(([n, m]) => [n, `perintah-${m}.cjs`]));
fs.writeFileSync(path.join(OUT, 'perintah.json'), `${JSON.stringify(berkas, null, 2)}\n`);
