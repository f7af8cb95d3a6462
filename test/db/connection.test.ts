// Opening a ledger: a file whose migrations are all run opens with one read of the migration table;
// the Migrator (which reads the whole schema to find its tables) runs only when there is work.
import path from 'node:path';
import { Migrator } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { openLedger } from '../../src/db/connection.js';
import { tmpDir } from '../helpers.js';

describe('openLedger', () => {
  it('migrates a new file, then opens it again without the Migrator', async () => {
    const file = path.join(tmpDir(), 'unit.sqlite');
    const spy = vi.spyOn(Migrator.prototype, 'getMigrations');
    try {
      const baru = await openLedger(file, { create: true });
      await baru.close();
      expect(spy).toHaveBeenCalledTimes(1);
      const lagi = await openLedger(file);
      await lagi.close();
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
