// Migrations are bundled by static import so the built program needs no folder of files.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-awal.js';
import * as m0002 from './0002-impor.js';
import * as m0003 from './0003-terdaftar.js';
import * as m0005 from './0005-segel.js';

export const MIGRASI: Record<string, Migration> = {
  '0001-awal': m0001,
  '0002-impor': m0002,
  '0003-terdaftar': m0003,
  // 0004 (saldo_harian) comes from another branch; 0005 follows it once merged
  '0005-segel': m0005,
};

export const penyediaMigrasi: MigrationProvider = {
  getMigrations: async () => MIGRASI,
};
