// Builds once before any test file runs, as `npm run build` does (tsc, then the esbuild bundle):
// the real-binary tests run bin/wksbm.js → dist/bundle/, and the schema and template checks load
// scripts that import dist/. A fresh clone after `npm ci` needs nothing else before `npx vitest run`.
// The build is skipped when dist/ was last built, successfully, from exactly the same inputs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const CAP = path.join(ROOT, 'dist', '.sumber.sha256');
const BUNDLE = path.join(ROOT, 'dist', 'bundle', 'main.js');

/** Every input of the build: the sources, the compiler settings, the bundler script and the locked dependencies. */
function sidikMasukan(): string {
  const hash = createHash('sha256');
  const berkas = [
    ...daftar(path.join(ROOT, 'src')),
    ...['tsconfig.json', 'package.json', 'package-lock.json', 'scripts/bundle.js'].map((f) => path.join(ROOT, f)),
  ];
  for (const f of berkas.sort()) {
    hash.update(path.relative(ROOT, f)).update('\0');
    hash.update(fs.existsSync(f) ? fs.readFileSync(f) : '-').update('\0');
  }
  return hash.digest('hex');
}

function daftar(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? daftar(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function jalankan(args: string[]): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`bangun gagal: node ${args.join(' ')} (kode ${r.status})\n${r.stdout}${r.stderr}`);
}

export default function setup(): void {
  const sidik = sidikMasukan();
  if (fs.existsSync(BUNDLE) && fs.existsSync(CAP) && fs.readFileSync(CAP, 'utf8') === sidik) return;
  const t0 = Date.now();
  fs.rmSync(CAP, { force: true });
  jalankan([createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.json']);
  jalankan([path.join(ROOT, 'scripts', 'bundle.js')]);
  fs.writeFileSync(CAP, sidik);
  console.log(`[global-setup] dist/ dibangun (tsc + bundle) dalam ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
