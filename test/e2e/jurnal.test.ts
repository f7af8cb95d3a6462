import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EntriJurnal, entriLot, hashLot, isiJurnal } from '../../src/domain/jurnal.js';
import { ok, ROOT, sqlite, tmpDir, unitBaru, wksbm } from '../helpers.js';

const NIK = '3402084107650003';
const DONATUR = path.join(ROOT, 'test', 'fixtures', 'data', 'donatur-rt03.csv');

/** A unit with every kind of book written through the tool: registers, aid, a death benefit, an import, a closing. */
async function unitLengkap(): Promise<string> {
  const db = await unitBaru();
  await ok(db, [
    'ppks',
    'tambah',
    '--nik',
    NIK,
    '--nama',
    'Tukiyem',
    '--jk',
    'P',
    '--kategori',
    'LUT',
    '--rt',
    '03',
    '--dasar',
    'tugas_publik',
  ]);
  await ok(db, [
    'ppks',
    'tambah',
    '--nama',
    'Painem',
    '--jk',
    'P',
    '--kategori',
    'LUT',
    '--rt',
    '03',
    '--dasar',
    'tugas_publik',
  ]);
  await ok(db, ['kas', 'masuk', '--jumlah', '2000000', '--sumber', 'donatur', '--tanggal', '2026-07-01']);
  await ok(db, ['kas', 'masuk', '--jumlah', '1500000', '--sumber', 'iuran_kematian', '--tanggal', '2026-07-01']);
  await ok(db, ['salur', '--ppks', NIK, '--layanan', 'jaminan', '--jumlah', '300.000', '--tanggal', '2026-07-05']);
  await ok(db, [
    'santunan',
    '--almarhum',
    'Wiryo',
    '--tanggal-wafat',
    '27/07/2026',
    '--ahli-waris',
    'Sumarni',
    '--hubungan',
    'istri',
    '--jumlah',
    '750000',
    '--tanggal',
    '2026-08-02',
  ]);
  await ok(db, ['impor', 'donatur', DONATUR]);
  await ok(db, ['ppks', 'ubah', '2', '--nama', 'Painem Sastro']);
  await ok(db, ['kas', 'tutup', '2026-3']);
  return db;
}

async function periksa(db: string) {
  const r = await wksbm(db, ['periksa', '--json']);
  return { code: r.code, temuan: r.json().temuan as { jenis: string; pesan: string; id?: number }[] };
}

/** Tampers with triggers dropped, then asks periksa for the journal's findings. */
async function rusak(db: string, ...sqls: string[]) {
  const s = sqlite(db);
  for (const t of s.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[])
    s.exec(`DROP TRIGGER ${t}`);
  for (const q of sqls) s.exec(q);
  s.close();
  const r = await periksa(db);
  expect(r.code).toBe(1);
  return r.temuan.filter((t) => t.jenis === 'jurnal').map((t) => t.pesan);
}

describe('the journal of every book', () => {
  it('holds every change made through the tool: periksa is clean, and the journal is append-only', async () => {
    const db = await unitLengkap();
    expect(await periksa(db)).toEqual({ code: 0, temuan: [] });
    const s = sqlite(db);
    const buku = s.prepare('SELECT DISTINCT buku FROM jurnal ORDER BY buku').pluck().all();
    expect(buku).toEqual(['anggota', 'donatur', 'impor', 'penyaluran', 'ppks', 'profil', 'santunan', 'tutup_buku']);
    expect(s.prepare("SELECT aksi FROM jurnal WHERE buku = 'ppks' ORDER BY id").pluck().all()).toEqual([
      'tambah',
      'tambah',
      'ubah',
    ]);
    expect(() => s.exec('DELETE FROM jurnal')).toThrow(/jurnal tidak boleh dihapus/);
    expect(() => s.exec("UPDATE jurnal SET isi = '{}'")).toThrow(/jurnal tidak boleh diubah/);
    expect(() => s.exec('UPDATE penyaluran SET ppks_id = 2')).toThrow(/tidak boleh diubah/);
    expect(() => s.exec("UPDATE santunan SET ahli_waris = 'X'")).toThrow(/tidak boleh diubah/);
    s.close();
  });

  it('names a PPKS whose NIK and name were changed with raw SQL', async () => {
    const db = await unitLengkap();
    expect(await rusak(db, "UPDATE ppks SET nik = '3402080000000001', nama = 'Orang Lain' WHERE id = 1")).toEqual([
      'Kolom nama, nik pada baris ppks id 1 diubah di luar wksbm: tidak sama dengan jurnal.',
    ]);
  });

  it('names deleted PPKS and donors', async () => {
    const db = await unitLengkap();
    const temuan = await rusak(db, 'PRAGMA foreign_keys = OFF', 'DELETE FROM ppks WHERE id = 2', 'DELETE FROM donatur');
    expect(temuan).toContain('Baris ppks id 2 dihapus di luar wksbm: masih ada di jurnal.');
    expect(temuan).toContain('Baris donatur id 1 dihapus di luar wksbm: masih ada di jurnal.');
  });

  it('names aid moved to another resident and a death benefit paid to another heir', async () => {
    const db = await unitLengkap();
    expect(
      await rusak(db, 'UPDATE penyaluran SET ppks_id = 2', "UPDATE santunan SET ahli_waris = 'Orang Lain'"),
    ).toEqual([
      'Kolom ppks_id pada baris penyaluran id 1 diubah di luar wksbm: tidak sama dengan jurnal.',
      'Kolom ahli_waris pada baris santunan id 1 diubah di luar wksbm: tidak sama dengan jurnal.',
    ]);
  });

  it('names a deleted import log and a closing reopened by an inserted tutup_buku row', async () => {
    const db = await unitLengkap();
    const temuan = await rusak(
      db,
      'DELETE FROM impor',
      "INSERT INTO tutup_buku (tahun, triwulan, aksi, alasan, waktu) VALUES (2026, 3, 'buka', 'x', " +
        "'2026-11-22T00:00:00Z')",
    );
    expect(temuan).toContain('Baris tutup_buku id 2 ditambahkan di luar wksbm: tidak ada di jurnal.');
    expect(temuan).toContain('Baris impor id 1 dihapus di luar wksbm: masih ada di jurnal.');
  });

  it('names a journal rewritten outside the tool', async () => {
    const db = await unitLengkap();
    expect(
      await rusak(db, "UPDATE jurnal SET isi = replace(isi, 'Tukiyem', 'Tukiman') WHERE buku = 'ppks'"),
    ).toContainEqual(expect.stringMatching(/^Rantai hash jurnal putus di entri \d+/));
  });

  it('journals the rows an import adds as they were written, 1,024 rows to a lot entry', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const donatur = ['Nama;No HP;Janji;Jenis'];
    for (let i = 1; i <= 1500; i++) donatur.push(`Donatur "${i}";0812${10_000_000 + i};${i % 7 ? '25.000' : ''};`);
    const berkas = {
      donatur: donatur.join('\n'),
      ppks: `NIK;Nama;JK;Kategori;RT;Desil\n${NIK};Tukiyem;P;LUT;03;2\n3402081203800001;Suparman;;FM;;\n`,
      psks: 'Nama;Kategori;HP\nKarang Taruna;KT;0812-3333-4444\nPKK Jetis;PSM;\n',
    };
    const indeks = () => {
      const s = sqlite(db);
      const r = s.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
      s.close();
      return r;
    };
    const indeksAwal = indeks();
    for (const [buku, isi] of Object.entries(berkas)) {
      fs.writeFileSync(path.join(dir, `${buku}.csv`), isi);
      const r = await wksbm(db, ['impor', buku, path.join(dir, `${buku}.csv`), '--json']);
      expect(r.json().ditambah, r.stdout).toBe(buku === 'donatur' ? 1500 : 2);
    }
    expect(await periksa(db)).toEqual({ code: 0, temuan: [] });
    // the donors' indexes, dropped during the insert of 1,500 rows into an empty book, are back as they were
    expect(indeks()).toEqual(indeksAwal);
    const s = sqlite(db);
    expect(s.prepare("SELECT count(*) FROM donatur INDEXED BY donatur_uid WHERE uid > ''").pluck().get()).toBe(1500);
    for (const buku of Object.keys(berkas)) {
      const lot = s.prepare("SELECT isi FROM jurnal WHERE buku = ? AND aksi = 'lot' ORDER BY id").pluck().all(buku);
      // each row's state in its lot is the row as stored, in the text its own entry would hold
      const entri = (lot as string[]).flatMap((isi) => [...entriLot(isi)]);
      const baris = s.prepare(`SELECT * FROM ${buku} ORDER BY id`).all() as { uid: string }[];
      expect(entri.map((e) => e.uid)).toEqual(baris.map((b) => b.uid));
      expect(entri.map((e) => e.isi)).toEqual(baris.map((b) => isiJurnal(b)));
      expect(entri.map((e) => JSON.parse(e.isi))).toEqual(baris);
      // 1,024 rows to a lot: the donors' 1,500 are two entries, each hashed on its own
      expect(lot.length).toBe(buku === 'donatur' ? 2 : 1);
      expect(s.prepare("SELECT count(*) FROM jurnal WHERE buku = ? AND aksi <> 'lot'").pluck().get(buku)).toBe(0);
    }
    expect(s.prepare("SELECT count(*) FROM jurnal WHERE hash = ''").pluck().get()).toBe(0);
    s.close();
  });

  it('names a lot whose entry was changed, and entries added after the last seal', async () => {
    const db = await unitLengkap();
    const s = sqlite(db);
    const lot = s.prepare("SELECT id FROM jurnal WHERE buku = 'donatur' AND aksi = 'lot'").pluck().get() as number;
    s.close();
    // a row changed inside a lot breaks the lot's hash, and the row no longer matches what the lot says
    expect(await rusak(db, `UPDATE jurnal SET isi = replace(isi, 'Suparmi', 'Sukarno') WHERE id = ${lot}`)).toEqual([
      expect.stringMatching(new RegExp(`^Rantai hash jurnal putus di entri ${lot}:`)),
      'Kolom nama pada baris donatur id 2 diubah di luar wksbm: tidak sama dengan jurnal.',
    ]);
    const db2 = await unitLengkap();
    const s2 = sqlite(db2);
    const akhir = s2.prepare('SELECT id, hash FROM jurnal ORDER BY id DESC LIMIT 1').raw().get() as [number, string];
    s2.close();
    const temuan = await rusak(
      db2,
      "INSERT INTO jurnal (waktu, salinan, buku, uid, aksi, isi, hash_sebelum, hash) VALUES ('x', 'x', 'ppks', 'x', " +
        `'hapus', 'null', '${akhir[1]}', '')`,
    );
    expect(temuan).toContainEqual(
      expect.stringMatching(new RegExp(`^Rantai hash jurnal putus di entri ${akhir[0] + 1}:`)),
    );
  });

  it('migration 0016: a file with the older lots (an entry per row) checks, erases and takes new lots', async () => {
    const db = await unitBaru();
    const s = sqlite(db);
    // the file as before 0016: the journal's CHECK without `lot`, two donors journalled as an older lot
    s.exec(`DROP TRIGGER jurnal_tanpa_ubah; DROP TRIGGER jurnal_tanpa_hapus;
      CREATE TABLE j (id INTEGER PRIMARY KEY, waktu TEXT NOT NULL, salinan TEXT NOT NULL, buku TEXT NOT NULL,
        uid TEXT NOT NULL, aksi TEXT NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus', 'anonimkan')),
        isi TEXT NOT NULL, hash_sebelum TEXT NOT NULL, hash TEXT NOT NULL);
      INSERT INTO j SELECT * FROM jurnal; DROP TABLE jurnal; ALTER TABLE j RENAME TO jurnal;
      DELETE FROM migrasi WHERE name IN ('0016-jurnal-lot', '0017-syarat-tanpa-in');`);
    const tambah = s.prepare(
      "INSERT INTO donatur (nama, hp, alamat, terdaftar, dibuat, uid) VALUES (?, ?, 'Jetis', '2026-11-01', 'w', ?)",
    );
    tambah.run('Sukardi Lama', '081211110001', 'u-lama-1');
    tambah.run('Painem Lama', '081211110002', 'u-lama-2');
    const salinan = s.prepare("SELECT nilai FROM meta WHERE kunci = 'salinan'").pluck().get() as string;
    const sebelum = s.prepare('SELECT hash FROM jurnal ORDER BY id DESC LIMIT 1').pluck().get() as string;
    const lot = (s.prepare('SELECT * FROM donatur ORDER BY id').all() as Record<string, unknown>[]).map(
      (r): EntriJurnal => ({
        waktu: 'w',
        salinan,
        buku: 'donatur',
        uid: String(r.uid),
        aksi: 'tambah',
        isi: isiJurnal(r),
      }),
    );
    const masuk = s.prepare(
      'INSERT INTO jurnal (waktu, salinan, buku, uid, aksi, isi, hash_sebelum, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const [i, e] of lot.entries())
      masuk.run(e.waktu, e.salinan, e.buku, e.uid, e.aksi, e.isi, sebelum, i ? hashLot(sebelum, lot) : '');
    s.close();

    expect(await periksa(db)).toEqual({ code: 0, temuan: [] });
    await ok(db, ['donatur', 'anonimkan', '2', '--alasan', 'permintaan donatur']);
    const csv = path.join(tmpDir(), 'baru.csv');
    fs.writeFileSync(csv, 'Nama;No HP\nDonatur Baru;081211110003\nSukardi Lama;081211110001\n');
    expect((await wksbm(db, ['impor', 'donatur', csv, '--json'])).json()).toMatchObject({ ditambah: 1, sudah_ada: 1 });
    expect(await periksa(db)).toEqual({ code: 0, temuan: [] });
    const s2 = sqlite(db);
    const aksi = s2.prepare("SELECT aksi FROM jurnal WHERE buku = 'donatur' ORDER BY id").pluck().all();
    s2.close();
    expect(aksi).toEqual(['tambah', 'tambah', 'anonimkan', 'ubah', 'lot']);
    expect(await rusak(db, "UPDATE donatur SET hp = '081299999999' WHERE id = 3")).toEqual([
      'Kolom hp pada baris donatur id 3 diubah di luar wksbm: tidak sama dengan jurnal.',
    ]);
  });
});
