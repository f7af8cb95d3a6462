// The cash import's writer thread: a real module found beside its caller in tsc's output (the
// bundle is covered by the e2e imports, which run bin/wksbm.js); from the TypeScript sources the
// rows are written in-thread by the same statements.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/db/connection.js';
import { lastKas, maxUrut } from '../../src/db/impor-repo.js';
import { modulPenulis } from '../../src/db/kas-bulk.js';
import type { Kas } from '../../src/db/kas-repo.js';
import { closedQuarters } from '../../src/db/periode-repo.js';
import { loadReferensi } from '../../src/db/referensi-repo.js';
import { bacaHarian } from '../../src/db/saldo-repo.js';
import { KOLOM_BERUBAH, pushBerubah, tundaIndeksKas } from '../../src/db/tulis-massal.js';
import { rupiah } from '../../src/domain/money.js';
import { PostingMassal } from '../../src/ledger/bulk.js';
import { bacaRentang } from '../../src/ledger/keadaan.js';
import { periksa } from '../../src/ledger/periksa.js';
import { ROOT, tmpDir } from '../helpers.js';

const WAKTU = '2026-11-22T03:00:00.000Z';

describe('kas import writer', () => {
  it('pushBerubah appends a row in the order of KOLOM_BERUBAH', () => {
    const row = Object.fromEntries(KOLOM_BERUBAH.map((k, i) => [k, `nilai ${i}`]));
    const lot: unknown[] = [];
    pushBerubah(lot, row as never);
    expect(lot).toEqual(KOLOM_BERUBAH.map((k) => row[k]));
  });

  it('a run adding more rows than the book holds drops kas_pos (no UNIQUE or partial one), rebuilds it', async () => {
    const l = await openLedger(path.join(tmpDir(), 'u.sqlite'), { create: true });
    const s = l.sqlite;
    const indeks = () =>
      s.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'kas' ORDER BY name").all();
    const semula = indeks();
    expect(semula.map((i: any) => i.name)).toContain('kas_pos');
    s.exec('BEGIN IMMEDIATE');
    tundaIndeksKas(s, 99, 100)();
    expect(indeks(), 'below the threshold nothing is dropped').toEqual(semula);
    const bangun = tundaIndeksKas(s, 100, 100);
    // the constraints' indexes (nomor, voucher sequence, batal_dari) stay and keep checking every row; the partial
    // kas_kegiatan stays too (an imported row is rarely in it; building it again reads the whole table)
    expect(indeks().map((i: any) => i.name)).toEqual([
      'kas_kegiatan',
      'sqlite_autoindex_kas_1',
      'sqlite_autoindex_kas_2',
      'sqlite_autoindex_kas_3',
    ]);
    bangun();
    expect(indeks()).toEqual(semula);
    s.exec('ROLLBACK');

    s.exec('BEGIN IMMEDIATE');
    tundaIndeksKas(s, 100, 100);
    s.exec('ROLLBACK');
    expect(indeks(), 'a rollback keeps the index').toEqual(semula);
    await l.close();
  });

  it('from the TypeScript sources there is no worker to start', () => {
    expect(modulPenulis()).toBeUndefined();
  });

  it("from tsc's output the worker is found beside its caller, writes rows and day totals in one tx", async () => {
    const dist = (p: string) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);
    const { modulPenulis: modulDist, bukaPenulisKas } = await dist('db/kas-bulk.js');
    const modul: URL = modulDist();
    expect(fs.existsSync(modul)).toBe(true);
    expect(modul.pathname.endsWith('/dist/db/kas-penulis.js')).toBe(true);

    const file = path.join(tmpDir(), 'u.sqlite');
    const l = await openLedger(file, { create: true });
    const ref = await loadReferensi(l.db);
    const penulis = await bukaPenulisKas(
      modul,
      file,
      {
        buku: 'kas',
        berkas: 'x.csv',
        sha256: 'a'.repeat(64),
        oleh: 'uji',
        waktu: WAKTU,
      },
      60_000,
    );
    const poster = new PostingMassal(
      ref,
      {
        ujung: lastKas(l.sqlite),
        maxUrut: maxUrut(l.sqlite),
        tertutup: await closedQuarters(l.db),
        rentang: await bacaRentang(l.db),
        harian: bacaHarian(l.sqlite),
      },
      WAKTU,
    );
    try {
      for (let i = 0; i < 5000; i++) {
        const tanggal = `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
        penulis.tulis(
          poster.posting(
            i % 3 !== 2
              ? {
                  arah: 'masuk',
                  tanggal,
                  jumlah: rupiah(10_000),
                  sumber: 'jimpitan',
                  dana: 'umum',
                  akun: 'tunai',
                  impor_id: penulis.imporId,
                }
              : {
                  arah: 'keluar',
                  tanggal,
                  jumlah: rupiah(5_000),
                  jenis: 'operasional',
                  dana: 'umum',
                  akun: 'tunai',
                  impor_id: penulis.imporId,
                },
          ),
        );
      }
      penulis.akhiri(poster.hariBerubah());
      await penulis.commit({ dibaca: 5000, ditambah: 5000, sudah_ada: 0, mungkin_ganda: 0, ditolak: 0 });
    } finally {
      await penulis.rollback(); // no-op after a commit; otherwise the worker would outlive the test
    }
    expect(
      l.sqlite
        .prepare('SELECT count(*) AS n, sum(CASE arah WHEN ? THEN jumlah ELSE -jumlah END) AS saldo FROM kas')
        .get('masuk'),
    ).toEqual({ n: 5000, saldo: 3334 * 10_000 - 1666 * 5_000 });
    expect(
      l.sqlite
        .prepare("SELECT saldo FROM saldo_harian WHERE buku = 'akun' AND kode = 'tunai' ORDER BY tanggal DESC LIMIT 1")
        .get(),
    ).toEqual({ saldo: 3334 * 10_000 - 1666 * 5_000 });
    expect(l.sqlite.prepare('SELECT ditambah FROM impor').get()).toEqual({ ditambah: 5000 });
    expect(await periksa(l)).toEqual([]);
    // the estimate (60,000 rows into an empty book) had kas_pos dropped and built again before commit
    expect(l.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'kas_pos'").pluck().get()).toMatch(
      /^CREATE INDEX/,
    );
    expect(l.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await l.close();
  });

  it("a register import's rows and journal lots are written by the same worker, in one transaction", async () => {
    const dist = (p: string) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);
    const { modulPenulis: modulDist, bukaPenulisRegister } = await dist('db/kas-bulk.js');
    const file = path.join(tmpDir(), 'u.sqlite');
    const l = await openLedger(file, { create: true });
    const log = { buku: 'donatur', berkas: 'd.csv', sha256: 'b'.repeat(64), oleh: 'uji', waktu: WAKTU };
    // the fields only: the worker gives every row the import's id and time (impor_id, dibuat) itself
    const kolom = ['nama', 'hp', 'alamat', 'janji', 'terdaftar'];
    const baris = (i: number) => [`Donatur ${i}`, `0812${10_000_000 + i}`, 'Jetis', 5000, '2026-11-22'];
    const jalankan = async (n: number, akhir: 'commit' | 'rollback') => {
      const p = await bukaPenulisRegister(modulDist(), file, log, { tabel: 'donatur', kolom });
      try {
        for (let i = 1; i <= n; i++) {
          p.penyisip.tulis(baris(i));
          // as the import does after its first row: the rows so far go ahead, before their lot is full
          if (i === 1 || i === 1500) p.kirim();
        }
        p.penyisip.akhiri();
        if (akhir === 'commit') await p.commit({ dibaca: n, ditambah: n, sudah_ada: 0, mungkin_ganda: 0, ditolak: 0 });
      } finally {
        await p.rollback(); // after a commit a no-op
      }
    };
    const hitung = () =>
      l.sqlite
        .prepare("SELECT (SELECT count(*) FROM donatur) d, (SELECT count(*) FROM jurnal WHERE aksi = 'lot') lot")
        .get();
    await jalankan(3000, 'rollback');
    expect(hitung(), 'a rollback keeps nothing').toEqual({ d: 0, lot: 0 });
    await jalankan(3000, 'commit');
    // one lot entry per 1,024 rows; ids numbered from the book's largest; the stored values and their defaults
    expect(hitung()).toEqual({ d: 3000, lot: 3 });
    const imporId = l.sqlite.prepare('SELECT max(id) FROM impor').pluck().get();
    expect(
      l.sqlite.prepare('SELECT id, nama, jenis, janji, hp, impor_id, dibuat FROM donatur WHERE id = 3000').get(),
    ).toEqual({
      id: 3000,
      nama: 'Donatur 3000',
      jenis: 'perorangan',
      janji: 5000,
      hp: '081210003000',
      impor_id: imporId,
      dibuat: WAKTU,
    });
    expect(l.sqlite.prepare('SELECT ditambah FROM impor WHERE dibatalkan IS NULL ORDER BY id DESC').pluck().get()).toBe(
      3000,
    );
    expect(await periksa(l)).toEqual([]);
    await l.close();
  });

  /**
   * `n` cash rows through the built writer thread with row `rusak` spoiled by `ubah`, up to the commit; the
   * error it ended with (the run rolled back) and the ledger, still open.
   */
  async function imporDenganBarisRusak(n: number, rusak: number, ubah: (row: Kas) => Kas) {
    const dist = (p: string) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);
    const { modulPenulis: modulDist, bukaPenulisKas } = await dist('db/kas-bulk.js');
    const file = path.join(tmpDir(), 'u.sqlite');
    const l = await openLedger(file, { create: true });
    const ref = await loadReferensi(l.db);
    const log = { buku: 'kas', berkas: 'k.csv', sha256: 'c'.repeat(64), oleh: 'uji', waktu: WAKTU };
    const penulis = await bukaPenulisKas(modulDist(), file, log, 10);
    const keadaan = { ujung: undefined, maxUrut: [], tertutup: [], rentang: await bacaRentang(l.db) };
    const poster = new PostingMassal(ref, { ...keadaan, harian: bacaHarian(l.sqlite) }, WAKTU);
    const masuk = { arah: 'masuk', jumlah: rupiah(10_000), sumber: 'jimpitan', dana: 'umum', akun: 'tunai' } as const;
    let galat: unknown;
    try {
      for (let i = 0; i < n; i++) {
        const row = poster.posting({ ...masuk, tanggal: '2026-07-01', impor_id: penulis.imporId });
        penulis.tulis(i === rusak ? ubah(row) : row);
      }
      penulis.akhiri(poster.hariBerubah());
      await penulis.commit({ dibaca: n, ditambah: n, sudah_ada: 0, mungkin_ganda: 0, ditolak: 0 });
    } catch (e) {
      galat = e;
    } finally {
      await penulis.rollback();
    }
    return { galat, l };
  }

  it("the writer checks each row's references once per value before commit: one missing keeps nothing", async () => {
    const { galat, l } = await imporDenganBarisRusak(3000, 2500, (row) => ({ ...row, dana: 'tidak_ada' }));
    // the same error as SQLite's own check on that row
    expect(galat).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY', message: 'FOREIGN KEY constraint failed' });
    expect(l.sqlite.prepare('SELECT (SELECT count(*) FROM kas) + (SELECT count(*) FROM impor)').pluck().get()).toBe(0);
    await l.close();
  });

  it('a row breaking a UNIQUE rule mid-run (INSERT OR ROLLBACK) ends the transaction, keeps nothing', async () => {
    // inside a 32-row statement, after thousands of rows already inserted; batches keep coming after it
    const { galat, l } = await imporDenganBarisRusak(6000, 2510, (row) => ({ ...row, nomor: '001/BKM/VII/2026' }));
    expect(galat).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: kas.nomor' });
    expect(l.sqlite.prepare('SELECT (SELECT count(*) FROM kas) + (SELECT count(*) FROM impor)').pluck().get()).toBe(0);
    l.sqlite.exec('BEGIN IMMEDIATE; ROLLBACK');
    expect(l.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await l.close();
  });
});
