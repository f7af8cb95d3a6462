// Commands stay thin (style.md): they call services, never a repository, a transaction or SQL.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = path.join(ROOT, 'src');

function berkas(folder: string): string[] {
  return fs
    .readdirSync(path.join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(folder, f));
}

/** The modules a file imports (`../db/kas-repo.js`), with whether the import is of types only. */
function impor(file: string): { dari: string; tipe: boolean }[] {
  const teks = fs.readFileSync(path.join(SRC, file), 'utf8');
  return [...teks.matchAll(/^import (type )?[^;]*? from '([^']+)';/gms)].map((m) => ({
    dari: m[2]!,
    tipe: Boolean(m[1]),
  }));
}

describe('thin commands', () => {
  it('commands open no transaction and call no repository: they call services', () => {
    const commands = berkas('commands');
    expect(commands).toContain(path.join('commands', 'kas.ts'));
    const salah = commands.flatMap((f) => {
      const teks = fs.readFileSync(path.join(SRC, f), 'utf8');
      const db = impor(f)
        .filter((i) => i.dari.startsWith('../db/') && !i.tipe)
        .map((i) => `${f} → ${i.dari}`);
      return [...db, ...(/withTransaction|\bsql`/.test(teks) ? [`${f}: transaksi atau SQL`] : [])];
    });
    expect(salah).toEqual([]);
  });
});
