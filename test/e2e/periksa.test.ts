import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlite, tmpDir, unitBaru, wksbm, wksbmBin } from '../helpers.js';

async function isi(db: string) {
  for (const args of [
    ['kas', 'masuk', '--jumlah', '1000000', '--sumber', 'iuran', '--tanggal', '2026-07-01'],
    ['kas', 'masuk', '--jumlah', '500000', '--sumber', 'zakat', '--tanggal', '2026-07-02'],
    ['kas', 'keluar', '--jumlah', '45000', '--jenis', 'operasional', '--tanggal', '2026-07-03'],
    ['kas', 'keluar', '--jumlah', '20000', '--jenis', 'operasional', '--tanggal', '2026-07-04'],
  ])
    expect((await wksbm(db, args)).code).toBe(0);
}

describe('periksa', () => {
  it('is clean on a ledger written by the tool', async () => {
    const db = await unitBaru();
    await isi(db);
    const r = await wksbm(db, ['periksa', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ ok: true, temuan: [] });
    expect((await wksbm(db, ['periksa'])).stdout.trim()).toBe('Pemeriksaan selesai: semua baik.');
  });

  it('the database itself refuses to change or delete posted entries', async () => {
    const db = await unitBaru();
    await isi(db);
    const s = sqlite(db);
    expect(() => s.prepare('UPDATE kas SET jumlah = 1 WHERE id = 1').run()).toThrow(/tidak boleh diubah/);
    expect(() => s.prepare('DELETE FROM kas WHERE id = 4').run()).toThrow(/tidak boleh dihapus/);
    expect(() => s.prepare('DELETE FROM tutup_buku').run()).not.toThrow(); // empty table: nothing to refuse
    s.close();
  });

  it('names the first entry whose amount was edited with raw SQL (triggers dropped)', async () => {
    const db = await unitBaru();
    await isi(db);
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    s.prepare('UPDATE kas SET jumlah = 4500 WHERE nomor = ?').run('001/BKK/VII/2026');
    s.close();
    const r = await wksbm(db, ['periksa', '--json']);
    expect(r.code).toBe(1);
    const hasil = r.json();
    expect(hasil.ok).toBe(false);
    const rantai = hasil.temuan.filter((t: { jenis: string }) => t.jenis === 'rantai_hash');
    expect(rantai).toEqual([
      {
        jenis: 'rantai_hash',
        id: 3,
        pesan: 'Isi entri kas 001/BKK/VII/2026 (id 3) diubah di luar wksbm: hash-nya tidak cocok lagi.',
      },
    ]);
    const teks = await wksbm(db, ['periksa']);
    expect(teks.code).toBe(1);
    expect(teks.stdout).toContain('[rantai_hash] Isi entri kas 001/BKK/VII/2026 (id 3)');
  });

  it('an amount that is not whole rupiah (raw SQL) is a finding beside the broken hash, not a crash', async () => {
    const db = await unitBaru();
    await isi(db);
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    s.prepare('UPDATE kas SET jumlah = 45000.5 WHERE nomor = ?').run('001/BKK/VII/2026');
    s.close();
    const r = await wksbm(db, ['periksa', '--json']);
    expect(r.code).toBe(1);
    // the edit also leaves the day totals behind the book, and the dropped trigger is a finding of its own
    expect(r.json().temuan.map((t: { jenis: string }) => t.jenis)).toEqual([
      'rantai_hash',
      'saldo_harian',
      'saldo_harian',
      'saldo',
      'pemicu',
    ]);
    expect(r.json().temuan[3].pesan).toBe(
      'Saldo dana umum di berkas buku bernilai "934999.5", bukan rupiah bulat: berkas buku diubah di luar wksbm.',
    );
    const laporan = await wksbm(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '--json']);
    expect(laporan.code).toBe(1);
    // the report refuses rather than print a fraction of a rupiah
    expect(laporan.stderr).toMatch(/bernilai "\d+\.5", bukan rupiah bulat: berkas buku diubah di luar wksbm\.\n$/);
    // a --json run says so on stdout too, with the same sentence
    expect(laporan.json()).toEqual({ galat: { kode: 1, pesan: laporan.stderr.trim() } });
  });

  it('finds a deleted entry, the voucher gap it leaves, and an overdrawn restricted fund', async () => {
    const db = await unitBaru();
    await isi(db);
    expect(
      (
        await wksbm(db, [
          'kas',
          'keluar',
          '--jumlah',
          '500000',
          '--jenis',
          'penyaluran',
          '--layanan',
          'jaminan',
          '--dana',
          'zakat',
          '--asnaf',
          'miskin',
          '--tanggal',
          '2026-07-05',
        ])
      ).code,
    ).toBe(0);
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_hapus');
    s.prepare('DELETE FROM kas WHERE nomor = ?').run('002/BKM/VII/2026'); // the zakat receipt
    s.prepare('DELETE FROM kas WHERE nomor = ?').run('002/BKK/VII/2026'); // a payment in the middle of its series
    s.close();
    const hasil = (await wksbm(db, ['periksa', '--json'])).json();
    const jenis = hasil.temuan.map((t: { jenis: string }) => t.jenis);
    expect(jenis).toContain('rantai_hash');
    expect(hasil.temuan.find((t: { jenis: string }) => t.jenis === 'rantai_hash').pesan).toMatch(
      /Rantai hash putus di entri kas 001\/BKK\/VII\/2026 \(id 3\)/,
    );
    expect(hasil.temuan.map((t: { pesan: string }) => t.pesan)).toEqual(
      expect.arrayContaining([
        'Nomor BKK tahun 2026 melompat: urutan 2 tidak ada.',
        'Dana terikat zakat bersaldo minus (-Rp 500.000) pada 5 Jul 2026.',
      ]),
    );
  });

  it('reports a foreign key pointing nowhere', async () => {
    const db = await unitBaru();
    const s = sqlite(db);
    s.pragma('foreign_keys = OFF');
    s.prepare("INSERT INTO rapat_hadir (rapat_id, nama, tamu) VALUES (99, 'Hantu', 1)").run();
    s.close();
    const hasil = (await wksbm(db, ['periksa', '--json'])).json();
    // the raw insert is also a row the journal does not know
    expect(hasil.temuan).toEqual([
      { jenis: 'kunci_asing', pesan: 'Baris 1 di tabel rapat_hadir menunjuk ke rapat yang tidak ada.' },
      { jenis: 'jurnal', id: 1, pesan: 'Baris rapat_hadir id 1 ditambahkan di luar wksbm: tidak ada di jurnal.' },
    ]);
  });
});

describe('errors', () => {
  // the real binary: its exit code and its stack trace (the bundle's), as a script sees them
  it('one Indonesian line and exit 1 for a file that is not a ledger; a stack only with WKSBM_DEBUG=1', () => {
    const db = path.join(tmpDir(), 'rusak.sqlite');
    fs.writeFileSync(db, 'ini bukan basis data SQLite, hanya teks biasa yang cukup panjang untuk dibaca'.repeat(20));
    const r = wksbmBin(db, ['kas', 'saldo']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bukan buku WKSBM atau rusak/);
    const d = wksbmBin(db, ['kas', 'saldo'], { env: { WKSBM_DEBUG: '1' } });
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/\n\s+at /);
    // through the bundle's source map: a TypeScript file and line, not a place in minified code
    expect(d.stderr).toMatch(/\(.*src\/db\/connection\.ts:\d+:\d+\)/);
  });

  it('usage errors are exit 2 in Indonesian', async () => {
    const db = await unitBaru();
    const r = wksbmBin(db, ['kas', 'bayar']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/perintah tidak dikenal: bayar/);
    expect((await wksbm(db, ['kas', 'tutup'])).stderr).toMatch(/argumen triwulan wajib diisi/);
    expect((await wksbm(db, ['kas', 'batal'])).stderr).toMatch(/nomor bukti yang dibatalkan wajib diisi/);
    const help = await wksbm(db, ['kas', 'masuk', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Pemakaian: wksbm kas masuk [opsi]');
  });
});

describe('cadangkan', () => {
  it('writes owner-only timestamped copies and keeps the newest N', async () => {
    const db = await unitBaru();
    await isi(db);
    const ke = path.join(tmpDir(), 'cadangan');
    for (let i = 0; i < 3; i++) {
      expect((await wksbm(db, ['cadangkan', '--ke', ke, '--simpan', '2'])).code).toBe(0);
      await new Promise((r) => setTimeout(r, 1100));
    }
    const files = fs.readdirSync(ke);
    expect(files).toHaveLength(2);
    const copy = path.join(ke, files[0]!);
    expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
    expect((await wksbm(copy, ['kas', 'saldo', '--json'])).json().total).toBe(1_435_000);
    expect((await wksbm(copy, ['periksa'])).code).toBe(0);
  });
});
