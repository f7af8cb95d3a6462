// Runs one of the program's bundles (dist/bundle/*.cjs, see scripts/bundle.js) with V8's code cache, and
// the packages bundled beside it (exceljs.cjs: 0.43 s of CPU through require, about 0.05 s this way):
// the functions a run compiled are saved beside the bundle and read back by the next run instead of
// being parsed and compiled again (Node 20 keeps no cache for modules; `vm.Script` does). For
// `kas saldo` that is about a third of the start-up.
// Never wrong, at worst slower: the cache's name carries the bundle's CRC-32 and length (a rebuilt,
// edited or upgraded bundle looks for another file; the build empties the folder), V8 refuses data made
// by another version, with other flags or for a source of another length, and then compiles as
// without a cache. A folder that cannot be written (an installation owned by root) only means no cache.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type Program = { main(argv: string[]): Promise<number> };
type Pembungkus = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
) => void;

export async function jalankanBundel(berkas: string, argv: string[]): Promise<number> {
  if (process.env.WKSBM_DEBUG === '1') return jalankanDenganPeta(berkas, argv);
  // the one package loaded by import() (inquirer, an ES module): scripts have no import() of their own
  // (Node's for vm.Script is experimental, warns in English and fails with a cache)
  (globalThis as { __wksbmImpor?: (s: string) => Promise<unknown> }).__wksbmImpor = (s) => import(s);
  const dimuat: Skrip[] = [];
  // a package bundled beside the program (exceljs.cjs, see scripts/bundle.js) runs through the same cache
  (globalThis as { __wksbmMuat?: (nama: string) => unknown }).__wksbmMuat = (nama) => {
    // Node forgives a package's deprecated calls (exceljs's dependencies use `new Buffer`) only inside
    // node_modules; bundled here they would print Node's English warning to the treasurer
    process.noDeprecation = true;
    const skrip = muatSkrip(path.join(path.dirname(berkas), `${nama}.cjs`));
    dimuat.push(skrip);
    return skrip.exports;
  };
  const program = muatSkrip(berkas);
  const kode = await (program.exports as Program).main(argv);
  // after the run, so the cache holds every function it compiled
  for (const s of [program, ...dimuat]) s.simpanCache();
  return kode;
}

interface Skrip {
  exports: unknown;
  /** writes the code cache when there was none or V8 refused it */
  simpanCache(): void;
}

/** A CommonJS script run with its code cache (read if there is one). */
function muatSkrip(berkas: string): Skrip {
  const sumber = fs.readFileSync(berkas, 'utf8');
  // named by the source's CRC-32 and length: V8 checks only the length, and would run old code for a
  // changed bundle of the same length (npm even gives every file of a release the same mtime)
  const sidik = process.getBuiltinModule('node:zlib').crc32(sumber).toString(16);
  const simpanan = `${berkas}.${sumber.length}-${sidik}.v8cache`;
  const cachedData = bacaSimpanan(simpanan);
  // the wrapper Node puts round a CommonJS module
  // node:vm at first use: `wksbm --version` loads this module too and needs none of it
  const vm = process.getBuiltinModule('node:vm');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${sumber}\n})`, {
    filename: berkas,
    cachedData,
  });
  const modul = { exports: {} as object };
  (script.runInThisContext() as Pembungkus)(modul.exports, createRequire(berkas), modul, berkas, path.dirname(berkas));
  return {
    exports: modul.exports,
    simpanCache: () => {
      if (cachedData === undefined || script.cachedDataRejected) simpan(simpanan, script.createCachedData());
    },
  };
}

function bacaSimpanan(simpanan: string): Buffer | undefined {
  try {
    return fs.readFileSync(simpanan);
  } catch {
    return undefined;
  }
}

/** Written whole under another name, then renamed: a run reading it never sees half a file. */
function simpan(simpanan: string, data: Buffer): void {
  const sementara = `${simpanan}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(sementara, data, { mode: 0o644 });
    fs.renameSync(sementara, simpanan);
  } catch {
    fs.rmSync(sementara, { force: true });
  }
}

/**
 * WKSBM_DEBUG=1: the bundle loaded by Node's own loader with source maps on, so a stack trace names the
 * TypeScript file and line instead of a place in minified code (code run by vm.Script gets no source map).
 */
function jalankanDenganPeta(berkas: string, argv: string[]): Promise<number> {
  process.setSourceMapsEnabled(true);
  return (createRequire(berkas)(berkas) as Program).main(argv);
}
