// Issue #9: backups that never lose, a way back (`pulihkan`), and damaged or foreign files refused in
// Indonesian. A damaged file is a real ledger with random bytes over the pages of its cash book.

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptedPrompter } from '../../src/cli/prompter.js';
import { PROFIL_DEMO, ROOT, snapshot, sqlite, tmpDir, unitBaru, wksbm } from '../helpers.js';

async function isi(db: string) {
  for (const args of [
    ['kas', 'masuk', '--jumlah', '1000000', '--sumber', 'iuran', '--tanggal', '2026-07-01'],
    ['kas', 'masuk', '--jumlah', '500000', '--sumber', 'zakat', '--tanggal', '2026-07-02'],
    ['kas', 'keluar', '--jumlah', '45000', '--jenis', 'operasional', '--tanggal', '2026-07-03'],
  ])
    expect((await wksbm(db, args)).code).toBe(0);
}

/** Random bytes over the cash book's pages (never page 1, the header and schema), after the WAL is folded in. */
function rusakkan(db: string): void {
  const s = sqlite(db);
  s.pragma('wal_checkpoint(TRUNCATE)');
  const ukuran = s.pragma('page_size', { simple: true }) as number;
  const akar = s.prepare("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'kas' AND rootpage > 1").all();
  const halaman = (akar as { rootpage: number }[]).map((r) => r.rootpage);
  s.close();
  expect(halaman.length, db).toBeGreaterThan(0);
  const fd = fs.openSync(db, 'r+');
  for (const h of halaman) fs.writeSync(fd, crypto.randomBytes(ukuran - 16), 0, ukuran - 16, (h - 1) * ukuran + 8);
  fs.closeSync(fd);
}

const RUSAK = /rusak.*"wksbm periksa".*"wksbm pulihkan"/;

describe('cadangkan on a damaged file', () => {
  it('refuses with exit 1 and one sentence, and --simpan 1 keeps the newest good backup', async () => {
    const db = await unitBaru();
    await isi(db);
    const ke = path.join(tmpDir(), 'cadangan');
    expect((await wksbm(db, ['cadangkan', '--ke', ke])).code).toBe(0);
    const baik = fs.readdirSync(ke);
    expect(baik).toHaveLength(1);
    rusakkan(db);
    const r = await wksbm(db, ['cadangkan', '--ke', ke, '--simpan', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(RUSAK);
    expect(r.stderr).not.toMatch(/malformed|SQLITE|Error/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readdirSync(ke)).toEqual(baik);
  });

  it('pruning keeps N verified copies and never counts a damaged one', async () => {
    const db = await unitBaru();
    await isi(db);
    const ke = path.join(tmpDir(), 'cadangan');
    for (let i = 0; i < 2; i++) expect((await wksbm(db, ['cadangkan', '--ke', ke])).code).toBe(0);
    const urut = (await wksbm(db, ['pulihkan', '--dari', ke, '--json'])).json() as { berkas: string }[];
    const [baru, lama] = urut.map((c) => path.basename(c.berkas));
    rusakkan(path.join(ke, baru!));
    const r = await wksbm(db, ['cadangkan', '--ke', ke, '--simpan', '2', '--json']);
    expect(r.code).toBe(0);
    expect(r.json().dihapus).toEqual([]);
    expect(fs.readdirSync(ke).sort()).toEqual([lama, baru, path.basename(r.json().berkas)].sort());
    // --simpan 1: the copy just made is the one kept; the older ones, good or damaged, go
    const satu = await wksbm(db, ['cadangkan', '--ke', ke, '--simpan', '1', '--json']);
    expect(satu.code).toBe(0);
    expect(fs.readdirSync(ke)).toEqual([path.basename(satu.json().berkas)]);
    expect((await wksbm(db, ['pulihkan', '--dari', ke, '--json'])).json()).toMatchObject([{ sah: true, kas: 3 }]);
  });
});

describe('pulihkan', () => {
  it('a pipe given as the backup (`cat … | wksbm pulihkan /dev/stdin`): told to save it to a file first', async () => {
    const db = await unitBaru();
    const pipa = path.join(tmpDir(), 'pipa');
    execFileSync('mkfifo', [pipa]);
    const sebelum = snapshot(db);
    const r = await wksbm(db, ['pulihkan', pipa, '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `"${pipa}" bukan berkas biasa (pipa atau perangkat): simpan cadangannya dulu ke sebuah berkas, lalu pulihkan ` +
        'dari berkas itu. Berkas buku sekarang tidak diubah.',
    );
    expect(snapshot(db)).toBe(sebelum);
  });

  it('lists backups newest first and restores one: identical data, clean periksa, the old file kept 0600', async () => {
    const db = await unitBaru();
    await isi(db);
    expect((await wksbm(db, ['cadangkan'])).code).toBe(0);
    const sebelum = snapshot(db);
    const lagi = ['kas', 'masuk', '--jumlah', '7000', '--sumber', 'iuran', '--tanggal', '2026-07-05'];
    expect((await wksbm(db, lagi)).code).toBe(0);
    expect((await wksbm(db, ['cadangkan'])).code).toBe(0);

    const d = await wksbm(db, ['pulihkan', '--json']);
    expect(d.code).toBe(0);
    type Info = { berkas: string; waktu: string; ukuran: number; kas: number; bukti_terakhir: string; sah: boolean };
    const daftar = d.json() as Info[];
    expect(daftar.map((c) => c.kas)).toEqual([4, 3]);
    expect(daftar.map((c) => c.bukti_terakhir)).toEqual(['003/BKM/VII/2026', '001/BKK/VII/2026']);
    expect(daftar.every((c) => c.sah && c.ukuran > 0)).toBe(true);
    const teks = await wksbm(db, ['pulihkan']);
    expect(teks.stdout).toContain('Bukti terakhir');

    rusakkan(db);
    const tanpaYes = await wksbm(db, ['pulihkan', daftar[1]!.berkas]);
    expect(tanpaYes.code).toBe(2);
    expect(tanpaYes.stderr).toContain('--yes');

    const r = await wksbm(db, ['pulihkan', path.basename(daftar[1]!.berkas), '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(snapshot(db)).toBe(sebelum);
    expect((await wksbm(db, ['periksa', '--json'])).json()).toEqual({ ok: true, temuan: [] });
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    const lama = fs.readdirSync(path.dirname(db)).filter((f) => f.startsWith('unit.sqlite.sebelum-pulihkan-'));
    expect(lama.length).toBeGreaterThan(0);
    for (const f of lama) expect(fs.statSync(path.join(path.dirname(db), f)).mode & 0o777).toBe(0o600);
  });

  it('asks at a terminal, and refuses a copy that is damaged or not a ledger without touching the file', async () => {
    const db = await unitBaru();
    await isi(db);
    expect((await wksbm(db, ['cadangkan'])).code).toBe(0);
    const [c] = (await wksbm(db, ['pulihkan', '--json'])).json() as { berkas: string }[];
    const sebelum = snapshot(db);
    const tidak = await wksbm(db, ['pulihkan', c!.berkas], { prompter: scriptedPrompter([false]) });
    expect(tidak.code).toBe(1);
    expect(snapshot(db)).toBe(sebelum);
    const ya = await wksbm(db, ['pulihkan', c!.berkas], { prompter: scriptedPrompter([true]) });
    expect(ya.code, ya.stderr).toBe(0);
    expect(ya.stdout).toContain('dipulihkan dari');
    expect(snapshot(db)).toBe(sebelum);

    const teks = path.join(tmpDir(), 'bukan.sqlite');
    fs.writeFileSync(teks, 'bukan buku\n');
    rusakkan(c!.berkas);
    for (const salah of [teks, c!.berkas]) {
      const r = await wksbm(db, ['pulihkan', salah, '--yes']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('tidak bisa dipulihkan');
      expect(snapshot(db)).toBe(sebelum);
    }
  });
});

describe('damaged or foreign ledger files', () => {
  it('a zero-byte file is refused by kas daftar and periksa, and init fills it', async () => {
    const db = path.join(tmpDir(), 'kosong.sqlite');
    fs.writeFileSync(db, '');
    for (const args of [['kas', 'daftar'], ['periksa']]) {
      const r = await wksbm(db, args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('kosong (0 bita)');
      expect(fs.statSync(db).size).toBe(0);
    }
    expect((await wksbm(db, ['init', ...PROFIL_DEMO])).code).toBe(0);
    expect((await wksbm(db, ['periksa'])).code).toBe(0);
  });

  it('init refuses a non-empty foreign file and accepts a missing one; other commands refuse it too', async () => {
    const dir = tmpDir();
    const asing = path.join(dir, 'asing.sqlite');
    const s = sqlite(asing);
    s.exec('CREATE TABLE catatan (x TEXT); INSERT INTO catatan VALUES (1)');
    s.close();
    const teks = path.join(dir, 'teks.sqlite');
    fs.writeFileSync(teks, 'catatan belanja\n');
    for (const f of [asing, teks]) {
      const isiAwal = fs.readFileSync(f);
      const r = await wksbm(f, ['init', ...PROFIL_DEMO]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/init tidak menimpanya|bukan buku WKSBM/);
      const k = await wksbm(f, ['kas', 'daftar']);
      expect(k.code).toBe(1);
      expect(k.stderr).toContain('bukan buku WKSBM');
      expect(fs.readFileSync(f)).toEqual(isiAwal);
    }
    expect((await wksbm(path.join(dir, 'baru.sqlite'), ['init', ...PROFIL_DEMO])).code).toBe(0);
  });

  it('a damaged file: periksa lists an integritas finding, exit 1; other commands name periksa, pulihkan', async () => {
    const db = await unitBaru();
    await isi(db);
    rusakkan(db);
    const p = await wksbm(db, ['periksa', '--json']);
    expect(p.code).toBe(1);
    const j = p.json() as { ok: boolean; temuan: { jenis: string }[] };
    expect(j.ok).toBe(false);
    expect(j.temuan.some((t) => t.jenis === 'integritas')).toBe(true);
    expect(p.stderr).not.toContain('Terjadi kesalahan');
    const k = await wksbm(db, ['kas', 'daftar']);
    expect(k.code).toBe(1);
    expect(k.stderr).toMatch(RUSAK);
    expect(k.stderr).not.toMatch(/malformed/);
  });
});

describe('automatic backups', () => {
  it('kas buka and impor batal take a checked backup first', async () => {
    const db = await unitBaru();
    await isi(db);
    expect((await wksbm(db, ['kas', 'tutup', '2026-3'])).code).toBe(0);
    expect((await wksbm(db, ['pulihkan', '--json'])).json()).toEqual([]);
    expect((await wksbm(db, ['kas', 'buka', '2026-3', '--alasan', 'koreksi'])).code).toBe(0);
    const setelahBuka = (await wksbm(db, ['pulihkan', '--json'])).json() as { kas: number; sah: boolean }[];
    expect(setelahBuka).toMatchObject([{ kas: 3, sah: true }]);

    const csv = path.join(ROOT, 'test', 'fixtures', 'data', 'kas-juli-2026.csv');
    const imp = await wksbm(db, ['kas', 'impor', csv, '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    expect((await wksbm(db, ['impor', 'batal', String(imp.json().impor_id)])).code).toBe(0);
    const setelahBatal = (await wksbm(db, ['pulihkan', '--json'])).json() as { kas: number; sah: boolean }[];
    expect(setelahBatal).toHaveLength(2);
    expect(setelahBatal[0]).toMatchObject({ kas: 17, sah: true });
  });
});

describe('files that hold personal data are owner-only', () => {
  it('workbooks, printed books, recaps and reject files are 0600, also when they replace a 0644 file', async () => {
    const db = await unitBaru();
    await isi(db);
    const ppks = [
      'ppks',
      'tambah',
      '--nik',
      '3402084107650003',
      '--nama',
      'Tukiyem',
      '--jk',
      'L',
      '--kategori',
      'PRSE',
    ];
    expect((await wksbm(db, [...ppks, '--lahir', '1966-07-01', '--dasar', 'persetujuan'])).code).toBe(0);
    const dir = tmpDir();
    const terbuka = (f: string) => {
      fs.writeFileSync(f, 'lama');
      fs.chmodSync(f, 0o644);
      return f;
    };
    const laporan = terbuka(path.join(dir, 'laporan.xlsx'));
    const cetak = terbuka(path.join(dir, 'ppks.xlsx'));
    const kas = terbuka(path.join(dir, 'kas.xlsx'));
    const rekap = terbuka(path.join(dir, 'rekap.xlsx'));
    const tolakCsv = terbuka(path.join(dir, 'ditolak.csv'));
    const tolakXlsx = terbuka(path.join(dir, 'ditolak.xlsx'));
    const baru = path.join(dir, 'rekap-baru.xlsx');
    const csv = path.join(dir, 'donatur.csv');
    fs.writeFileSync(csv, 'No;Nama;No HP\r\n1;Sumini;0812-1111-2222\r\n2;;0812-3333-4444\r\n');
    for (const args of [
      ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', laporan],
      ['cetak', 'ppks', '--lengkap', '-o', cetak],
      ['cetak', 'kas', '-o', kas],
      ['rekap', laporan, '-o', rekap],
      ['rekap', laporan, '-o', baru],
      ['impor', 'donatur', csv, '--ditolak', tolakCsv],
      ['impor', 'donatur', csv, '--ditolak', tolakXlsx],
    ]) {
      const r = await wksbm(db, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    for (const f of [laporan, cetak, kas, rekap, baru, tolakCsv, tolakXlsx]) {
      expect(fs.readFileSync(f, 'latin1'), f).not.toBe('lama');
      expect((fs.statSync(f).mode & 0o777).toString(8), f).toBe('600');
    }
  });
});
