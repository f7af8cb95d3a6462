// Backups of the ledger file: a dated copy in a folder beside it, keeping the newest N.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { type RuleResult, pass, refuse } from '../domain/rule.js';
import type { Ledger } from '../db/connection.js';
import { backupLedger } from '../db/cadangan.js';

/** How many backups to keep: a whole number, at least one. */
export function jumlahSimpan(raw: string): RuleResult<number> {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? pass(n) : refuse(new UserError(pesan.simpanTidakSah(raw)));
}

export interface Cadangan {
  berkas: string;
  dihapus: string[];
}

/** Copies the ledger to `<folder>/<name>-YYYYMMDD-HHMMSS.sqlite` and removes all but the newest `simpan`. */
export async function buatCadangan(ledger: Ledger, o: { folder?: string; simpan: number }): Promise<Cadangan> {
  const folder = o.folder ?? path.join(path.dirname(path.resolve(ledger.path)), 'cadangan');
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const dasar = path.basename(ledger.path).replace(/\.sqlite$/, '');
  const cap = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const tujuan = path.join(folder, `${dasar}-${cap}.sqlite`);
  await backupLedger(ledger, tujuan);
  const lama = fs
    .readdirSync(folder)
    .filter((f) => f.startsWith(`${dasar}-`) && f.endsWith('.sqlite'))
    .sort()
    .reverse()
    .slice(o.simpan);
  for (const f of lama) fs.rmSync(path.join(folder, f));
  return { berkas: tujuan, dihapus: lama };
}
