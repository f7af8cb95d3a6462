// Migration 0017: the CHECK rules of kas, donatur and ppks name their values with `=` and `OR` instead of
// `IN (…)` (SQLite built a temporary index per row written for a list of three or more). An older file comes
// out with the same rows, the same schema as a new file and rules that refuse the same values; a table whose
// rule was changed outside the tool is left alone, and periksa names it.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { down } from '../../src/db/migrations/0017-syarat-tanpa-in.js';
import { diskPenuhPada, ok, selama, sqlite, sqliteMenolakPada, unitBaru, wksbm, wksbmBin } from '../helpers.js';

const TABEL = ['kas', 'donatur', 'ppks'];

async function isi(db: string): Promise<void> {
  await ok(db, ['donatur', 'tambah', '--nama', 'Bu Sri', '--hp', '081234567890']);
  await ok(db, ['ppks', 'tambah', '--nama', 'Mbah Karto', '--jk', 'L', '--kategori', 'LUT']);
  await ok(db, ['kas', 'masuk', '--jumlah', '1000000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
  await ok(db, [
    'kas',
    'masuk',
    '--jumlah',
    '250000',
    '--sumber',
    'donatur',
    '--donatur',
    '1',
    '--tanggal',
    '2026-07-02',
  ]);
  await ok(db, ['kas', 'keluar', '--jumlah', '45000', '--jenis', 'operasional', '--tanggal', '2026-07-03']);
}

/** The file as a version before 0017 left it: the rules spelled with IN, 0017 not yet run. */
async function sebelum0017(db: string): Promise<void> {
  const k = new Kysely({ dialect: new SqliteDialect({ database: sqlite(db) }) });
  try {
    await down(k);
  } finally {
    await k.destroy();
  }
  const s = sqlite(db);
  s.prepare("DELETE FROM migrasi WHERE name = '0017-syarat-tanpa-in'").run();
  s.close();
}

/** Every row of the three tables, as stored. */
function baris(db: string): unknown[] {
  const s = sqlite(db);
  try {
    return TABEL.map((t) => s.prepare(`SELECT * FROM ${t} ORDER BY rowid`).raw().all());
  } finally {
    s.close();
  }
}

/** The tables' own text and that of their indexes and triggers. */
function susunan(db: string): string[] {
  const s = sqlite(db);
  try {
    return s
      .prepare(
        `SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master
         WHERE tbl_name IN (${TABEL.map(() => '?').join(', ')}) ORDER BY type, name`,
      )
      .pluck()
      .all(...TABEL) as string[];
  } finally {
    s.close();
  }
}

describe('migration 0017: rules without IN lists', () => {
  it('an older file keeps its rows, gets the new schema and still refuses what the rules refuse', async () => {
    const db = await unitBaru();
    await isi(db);
    const baru = susunan(db);
    expect(baru.join('\n')).toContain("CHECK (bukti = 'BKM' OR bukti = 'BKK' OR bukti = 'PB' OR bukti = 'SA')");
    expect(baru.join('\n')).not.toMatch(/(bukti|arah|jenis|status) IN \('/);

    await sebelum0017(db);
    const lama = susunan(db).join('\n');
    expect(lama).toContain("CHECK (bukti IN ('BKM', 'BKK', 'PB', 'SA'))");
    expect(lama).toContain("CHECK (status IN ('aktif', 'tertangani', 'pindah', 'meninggal'))");
    const isiLama = baris(db);
    expect(isiLama.flat()).toHaveLength(5);

    // the built program, whose bundle carries the migrations, opens the older file
    const r = wksbmBin(db, ['kas', 'saldo']);
    expect(r.code, r.stderr).toBe(0);
    expect(susunan(db)).toEqual(baru);
    expect(baris(db)).toEqual(isiLama);
    expect((await wksbm(db, ['periksa', '--json'])).json()).toEqual({ ok: true, temuan: [] });

    const s = sqlite(db);
    try {
      s.exec('DROP TRIGGER kas_tanpa_ubah');
      const ditolak = (sql: string) => expect(() => s.exec(sql)).toThrow(/CHECK constraint failed/);
      ditolak("UPDATE kas SET bukti = 'BKX' WHERE id = 1");
      ditolak("UPDATE kas SET arah = 'lain' WHERE id = 1");
      ditolak("UPDATE donatur SET jenis = 'teman' WHERE id = 1");
      ditolak("UPDATE ppks SET status = 'hilang' WHERE id = 1");
      s.exec("UPDATE donatur SET jenis = 'csr' WHERE id = 1; UPDATE ppks SET status = 'meninggal' WHERE id = 1");
    } finally {
      s.close();
    }
  });

  it('a table whose rule was changed outside the tool is left as it is, and periksa names it', async () => {
    const db = await unitBaru();
    await isi(db);
    await sebelum0017(db);
    const s = sqlite(db);
    s.unsafeMode(true);
    s.pragma('writable_schema = ON');
    s.prepare(
      "UPDATE sqlite_schema SET sql = replace(sql, '''csr''', '''csr'', ''teman''') WHERE name = 'donatur'",
    ).run();
    s.close();

    await ok(db, ['kas', 'saldo']);
    const setelah = susunan(db).join('\n');
    expect(setelah).toContain("CHECK (jenis IN ('perorangan', 'lembaga', 'csr', 'teman'))");
    expect(setelah).toContain("CHECK (arah = 'masuk' OR arah = 'keluar' OR arah = 'pindah')");
    const r = await wksbm(db, ['periksa', '--json']);
    expect(r.code).toBe(1);
    expect(r.json().temuan).toEqual([
      expect.objectContaining({ jenis: 'susunan', pesan: expect.stringMatching(/donatur/) }),
    ]);
  });
});

/** `n` donors written straight into the file: enough rows that a copy of the table leaves much of the file free. */
function banyakDonatur(db: string, n: number): void {
  const s = sqlite(db);
  const tambah = s.prepare(
    "INSERT INTO donatur (nama, alamat, terdaftar, dibuat, uid) VALUES (?, 'Jetis RT 02', '2026-11-01', 'w', ?)",
  );
  s.transaction(() => {
    for (let i = 0; i < n; i++) tambah.run(`Donatur ${i} dari padukuhan Jetis`, `u-${i}`);
  })();
  s.close();
}

function migrasi(db: string): string[] {
  const s = sqlite(db);
  try {
    return s.prepare('SELECT name FROM migrasi ORDER BY name').pluck().all() as string[];
  } finally {
    s.close();
  }
}

describe('migration 0017 on a full disk', () => {
  it.each([false, true])(
    'no room for the rebuild (rolled back by SQLite: %s): an Indonesian sentence, exit 1, the book unchanged',
    async (gulung) => {
      const db = await unitBaru();
      await isi(db);
      await sebelum0017(db);
      const lama = susunan(db);
      const isiLama = baris(db);

      // kas is rebuilt first: the failure on donatur must take kas back too
      const r = await selama(diskPenuhPada('INSERT INTO donatur_baru', { gulung }), () => wksbm(db, ['kas', 'saldo']));
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(
        new RegExp(
          '^Buku ".*unit\\.sqlite" perlu diperbarui untuk versi wksbm ini, tetapi ruang disk habis; isi buku tidak ' +
            'berubah\\. Kosongkan sekitar \\d+ MB di disk itu lalu ulangi\\.$',
        ),
      );
      expect(r.stderr).not.toMatch(/SQLITE|database|disk is full/);
      expect(susunan(db)).toEqual(lama);
      expect(baris(db)).toEqual(isiLama);
      expect(migrasi(db)).not.toContain('0017-syarat-tanpa-in');

      await ok(db, ['kas', 'saldo']);
      expect(migrasi(db)).toContain('0017-syarat-tanpa-in');
      expect(susunan(db).join('\n')).toContain("CHECK (jenis = 'perorangan' OR jenis = 'lembaga' OR jenis = 'csr')");
    },
  );

  it('another program holding the book during the rebuild: the sentence to try again, the book unchanged', async () => {
    const db = await unitBaru();
    await isi(db);
    await sebelum0017(db);
    const isiLama = baris(db);
    const r = await selama(sqliteMenolakPada('INSERT INTO donatur_baru', 'SQLITE_BUSY', 'database is locked'), () =>
      wksbm(db, ['--json', 'kas', 'saldo']),
    );
    expect(r.code).toBe(1);
    expect(r.json().galat.pesan).toMatch(
      /^Berkas buku sedang dipakai perintah lain terlalu lama; coba lagi sebentar\.$/,
    );
    expect(r.stdout + r.stderr).not.toMatch(/SQLITE|locked|migrasi .* gagal/);
    expect(baris(db)).toEqual(isiLama);
    expect(migrasi(db)).not.toContain('0017-syarat-tanpa-in');
  });

  it('the space cannot be given back: the migration is done and the free pages stay for the next rows', async () => {
    const db = await unitBaru();
    await isi(db);
    // enough donors that the copy leaves a quarter of the file free
    banyakDonatur(db, 5000);
    await sebelum0017(db);
    const bebas = () => {
      const t = sqlite(db);
      try {
        return t.pragma('freelist_count', { simple: true }) as number;
      } finally {
        t.close();
      }
    };

    const spy = diskPenuhPada('VACUUM');
    try {
      await ok(db, ['kas', 'saldo']);
    } finally {
      spy.mockRestore();
    }
    expect(migrasi(db)).toContain('0017-syarat-tanpa-in');
    expect(bebas()).toBeGreaterThan(100);
  });

  it('too little room for VACUUM: it is not tried, and the migration is recorded', async () => {
    const db = await unitBaru();
    await isi(db);
    banyakDonatur(db, 5000);
    await sebelum0017(db);
    const statfs = fs.statfsSync(path.dirname(db));
    const spy = vi.spyOn(fs, 'statfsSync').mockReturnValue({ ...statfs, bavail: 10, bsize: 4096 });
    let ditanya = 0;
    try {
      await ok(db, ['kas', 'saldo']);
    } finally {
      ditanya = spy.mock.calls.length;
      spy.mockRestore();
    }
    expect(ditanya).toBeGreaterThan(0);
    expect(migrasi(db)).toContain('0017-syarat-tanpa-in');
    const t = sqlite(db);
    expect(t.pragma('freelist_count', { simple: true })).toBeGreaterThan(100);
    t.close();
  });

  it('space given back when it can be', async () => {
    const db = await unitBaru();
    await isi(db);
    banyakDonatur(db, 5000);
    await sebelum0017(db);
    await ok(db, ['kas', 'saldo']);
    const t = sqlite(db);
    expect(t.pragma('freelist_count', { simple: true })).toBe(0);
    t.close();
  });
});
