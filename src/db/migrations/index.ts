// Migrations are bundled by static import so the built program needs no folder of files.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-awal.js';
import * as m0002 from './0002-impor.js';
import * as m0003 from './0003-terdaftar.js';
import * as m0004 from './0004-saldo-harian.js';
import * as m0005 from './0005-segel.js';
import * as m0006 from './0006-buku-saling.js';
import * as m0007 from './0007-ppks-dtsen.js';
import * as m0008 from './0008-saldo-awal.js';
import * as m0009 from './0009-anonim.js';
import * as m0010 from './0010-profil-telepon.js';
import * as m0011 from './0011-indeks-cepat.js';
import * as m0015 from './0015-psks-wilayah.js';
import * as m0016 from './0016-jurnal-lot.js';
import * as m0017 from './0017-syarat-tanpa-in.js';

export const MIGRASI: Record<string, Migration> = {
  '0001-awal': m0001,
  '0002-impor': m0002,
  '0003-terdaftar': m0003,
  '0004-saldo-harian': m0004,
  '0005-segel': m0005,
  '0006-buku-saling': m0006,
  '0007-ppks-dtsen': m0007,
  '0008-saldo-awal': m0008,
  '0009-anonim': m0009,
  '0010-profil-telepon': m0010,
  '0011-indeks-cepat': m0011,
  '0015-psks-wilayah': m0015,
  '0016-jurnal-lot': m0016,
  '0017-syarat-tanpa-in': m0017,
};

export const penyediaMigrasi: MigrationProvider = {
  getMigrations: async () => MIGRASI,
};
