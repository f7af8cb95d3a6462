// A consistent copy of the open ledger through SQLite's backup API.
import fs from 'node:fs';
import type { Ledger } from './connection.js';

export async function backupLedger(ledger: Ledger, tujuan: string): Promise<void> {
  await ledger.sqlite.backup(tujuan);
  fs.chmodSync(tujuan, 0o600);
}
