// The right to erasure (`ppks anonimkan`, and the same for the other books of persons), through the CLI:
// personal data gone from rows, history, journal, free pages and WAL; money, totals and seals intact.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INGGRIS, refused, sqlite, tmpDir, unitBaru, wksbm, wksbmBin, wksbmPty } from '../helpers.js';

const NIK = '3402084107650003';
const KK = '3402081203090007';
const NAMA = 'Tukiyem Wongsodiharjo';

async function ok(db: string, args: string[]) {
  const r = await wksbm(db, args);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r;
}

/** A PPKS with aid in Q3 and Q4 (renamed between), a death benefit, a sealed Q3 workbook and a backup. */
async function unitBerisi(): Promise<{ db: string; xlsx: string }> {
  const db = await unitBaru();
  const tambah = ['ppks', 'tambah', '--nik', NIK, '--kk', KK, '--nama', 'Tukiyem', '--jk', 'P', '--kategori', 'LUT'];
  await ok(db, [...tambah, '--alamat', 'Jl. Melati 7', '--rt', '03', '--dasar', 'tugas_publik']);
  await ok(db, ['kas', 'masuk', '--jumlah', '3000000', '--sumber', 'donatur', '--tanggal', '2026-08-01']);
  await ok(db, ['kas', 'masuk', '--jumlah', '1000000', '--sumber', 'iuran_kematian', '--tanggal', '2026-08-01']);
  await ok(db, ['salur', '--ppks', NIK, '--layanan', 'jaminan', '--jumlah', '300000', '--tanggal', '2026-08-05']);
  // renamed after the first aid: that description still says the old name
  await ok(db, ['ppks', 'ubah', '1', '--nama', NAMA]);
  await ok(db, ['kas', 'keluar', '--jumlah', '45000', '--jenis', 'operasional', '--tanggal', '2026-08-06']);
  const xlsx = path.join(tmpDir(), 'q3.xlsx');
  await ok(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', xlsx]);
  await ok(db, ['salur', '--ppks', NIK, '--layanan', 'jaminan', '--jumlah', '200000', '--tanggal', '2026-10-05']);
  const santunan = ['santunan', '--ppks', NIK, '--tanggal-wafat', '2026-11-01', '--ahli-waris', 'Sumarni'];
  await ok(db, [...santunan, '--hubungan', 'anak', '--jumlah', '500000', '--tanggal', '2026-11-03']);
  await ok(db, ['cadangkan']);
  return { db, xlsx };
}

async function dataLaporan(xlsx: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  return JSON.parse(String(wb.getWorksheet('_data')!.getCell('A1').value));
}

async function temuan(db: string, ...args: string[]) {
  const r = await wksbm(db, ['periksa', '--json', ...args]);
  return { code: r.code, temuan: r.json().temuan as { jenis: string; pesan: string }[] };
}

/** Whether any of the file's bytes (and its WAL's) spell the value, as UTF-8. */
function diBerkas(db: string, nilai: string): boolean {
  return [db, `${db}-wal`].some((f) => fs.existsSync(f) && fs.readFileSync(f).includes(Buffer.from(nilai, 'utf8')));
}

/** Runs SQL on the file with one append-only guard lifted, as someone with sqlite3 would. */
function diLuar(db: string, pemicu: string, ...perintah: string[]) {
  const s = sqlite(db);
  const ddl = (s.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(pemicu) as { sql: string }).sql;
  s.exec(`DROP TRIGGER ${pemicu}`);
  for (const p of perintah) s.exec(p);
  s.exec(ddl);
  s.close();
}

describe('ppks anonimkan', () => {
  let db: string;
  let xlsx: string;
  let sebelum: any;
  let r: Awaited<ReturnType<typeof wksbm>>;

  beforeAll(async () => {
    ({ db, xlsx } = await unitBerisi());
    sebelum = await dataLaporan(xlsx);
    expect(diBerkas(db, NIK)).toBe(true);
    r = await wksbm(db, ['ppks', 'anonimkan', '1', '--alasan', 'permintaan yang bersangkutan']);
  });

  it('replaces name, NIK, KK, address and birth date, and says that older backups still hold them', async () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ppks ID 1 dianonimkan: sekarang tercatat sebagai "PPKS #1 (dianonimkan)"');
    expect(r.stderr).toMatch(/1 cadangan lama .* masih memuat data lamanya/);
    const s = sqlite(db);
    const p = s.prepare('SELECT * FROM ppks WHERE id = 1').get() as Record<string, unknown>;
    expect(p).toMatchObject({ nama: 'PPKS #1 (dianonimkan)', nik: null, no_kk: null, alamat: null, rt: null });
    expect(p).toMatchObject({ tanggal_lahir: null, jk: 'P', kategori: 'LUT' });
    const uraian = s.prepare('SELECT uraian FROM kas WHERE jenis <> ? ORDER BY id').pluck().all('operasional');
    expect(uraian.filter((u) => String(u).includes('PPKS #1 (dianonimkan)'))).toHaveLength(3);
    expect(s.prepare('SELECT almarhum FROM santunan').pluck().get()).toBe('PPKS #1 (dianonimkan)');
    // the change history keeps that the name changed, not what it was
    const hist = s.prepare("SELECT lama, baru FROM perubahan WHERE tabel = 'ppks' AND kolom = 'nama'").get();
    expect(hist).toEqual({ lama: 'PPKS #1 (dianonimkan)', baru: 'PPKS #1 (dianonimkan)' });
    const akta = s.prepare("SELECT isi FROM jurnal WHERE aksi = 'anonimkan'").pluck().get() as string;
    expect(JSON.parse(akta)).toMatchObject({ alasan: 'permintaan yang bersangkutan', oleh: expect.any(String) });
    s.close();
  });

  it('leaves no old value in the file, its free pages or its WAL; the backup is not rewritten', () => {
    for (const v of [NIK, KK, 'Tukiyem', 'Wongsodiharjo', 'Jl. Melati']) expect(diBerkas(db, v), v).toBe(false);
    const cadangan = fs.readdirSync(path.join(path.dirname(db), 'cadangan'));
    expect(cadangan).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(db), 'cadangan', cadangan[0]!)).includes(NIK)).toBe(true);
  });

  it('keeps every figure: periksa clean, the sealed workbook still matches, Q3 written again the same', async () => {
    expect(await temuan(db)).toEqual({ code: 0, temuan: [] });
    expect(await temuan(db, '--laporan', xlsx)).toEqual({ code: 0, temuan: [] });
    const lagi = path.join(tmpDir(), 'q3-lagi.xlsx');
    await ok(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', lagi]);
    const sesudah = await dataLaporan(lagi);
    expect(sesudah.laporan).toEqual(sebelum.laporan);
    expect(sesudah.sel).toEqual(sebelum.sel);
    expect(sesudah.laporan.keuangan.total_pengeluaran).toBe(345000);
    const saldo = await wksbm(db, ['--json', 'kas', 'saldo']);
    expect(saldo.json().total).toBe(2955000);
  });

  it('refuses a second time, an unknown ID and a missing reason, with exit 2 and the file unchanged', async () => {
    await refused(db, ['ppks', 'anonimkan', '1', '--alasan', 'lagi'], /ppks ID 1 sudah dianonimkan pada/);
    await refused(db, ['ppks', 'anonimkan', '99', '--alasan', 'x'], /ppks dengan ID "99" tidak ada/);
    await refused(db, ['donatur', 'anonimkan', '1', '--alasan', 'x'], /donatur dengan ID "1" tidak ada/);
    await ok(db, ['tamu', 'catat', '--nama', 'Pak Darsono', '--asal', 'Dusun Kiringan', '--hp', '081234567890']);
    await refused(db, ['tamu', 'anonimkan', '1'], /Alasan wajib diisi: berikan --alasan/);
    await refused(db, ['tamu', 'anonimkan', '--alasan', 'x'], /ID buku tamu wajib/i);
  });

  it('still finds any other edit of a rewritten row, and an edit of the act itself', async () => {
    const salinan = path.join(tmpDir(), 'ubah.sqlite');
    fs.copyFileSync(db, salinan);
    const id = sqlite(salinan).prepare("SELECT id FROM kas WHERE uraian LIKE '%PPKS #1%' LIMIT 1").pluck().get();
    diLuar(salinan, 'kas_tanpa_ubah', `UPDATE kas SET jumlah = 900000 WHERE id = ${id}`);
    expect((await temuan(salinan)).temuan.map((t) => t.jenis)).toContain('rantai_hash');
    const lain = path.join(tmpDir(), 'akta.sqlite');
    fs.copyFileSync(db, lain);
    diLuar(
      lain,
      'jurnal_tanpa_ubah',
      "UPDATE jurnal SET isi = replace(isi, 'permintaan', 'perintah') WHERE aksi = 'anonimkan'",
    );
    expect((await temuan(lain)).temuan.map((t) => t.jenis)).toContain('jurnal');
  });
});

describe('anonimkan on the other books of persons', () => {
  it('donatur: the donor reads "Donatur #1 (dianonimkan)" in the cash book too; periksa stays clean', async () => {
    const db = await unitBaru();
    await ok(db, ['donatur', 'tambah', '--nama', 'Haji Mulyono', '--hp', '081298765432', '--alamat', 'Gang Mawar']);
    const masuk = ['kas', 'masuk', '--jumlah', '250000', '--sumber', 'donatur', '--donatur', '1'];
    await ok(db, [...masuk, '--uraian', 'Sumbangan Haji Mulyono', '--tanggal', '2026-10-01']);
    const r = await wksbm(db, ['--json', 'donatur', 'anonimkan', '1', '--alasan', 'permintaan donatur']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ id: 1, nama: 'Donatur #1 (dianonimkan)', entri: 1, cadangan: 0 });
    const s = sqlite(db);
    expect(s.prepare('SELECT uraian FROM kas').pluck().get()).toBe('Sumbangan Donatur #1 (dianonimkan)');
    expect(s.prepare('SELECT hp, alamat, dianonimkan FROM donatur').get()).toMatchObject({ hp: null, alamat: null });
    s.close();
    for (const v of ['Mulyono', '081298765432', 'Gang Mawar']) expect(diBerkas(db, v), v).toBe(false);
    expect(await temuan(db)).toEqual({ code: 0, temuan: [] });
  });

  it('an imported donor (journalled in a lot) erased after a seal: periksa and the seal stay clean', async () => {
    const db = await unitBaru();
    const csv = path.join(tmpDir(), 'donatur.csv');
    const baris = Array.from(
      { length: 40 },
      (_, i) => `${i + 1};Donatur Impor ${i + 1};Jetis;0812${String(i).padStart(8, '1')}`,
    );
    fs.writeFileSync(csv, `No;Nama Donatur;Alamat;No. HP\n${baris.join('\n')}\n`);
    await ok(db, ['donatur', 'impor', csv]);
    await ok(db, [
      'kas',
      'masuk',
      '--jumlah',
      '250000',
      '--sumber',
      'donatur',
      '--donatur',
      '7',
      '--tanggal',
      '2026-08-01',
    ]);
    const xlsx = path.join(tmpDir(), 'q3.xlsx');
    await ok(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', xlsx]);
    await ok(db, ['donatur', 'anonimkan', '7', '--alasan', 'permintaan donatur']);
    expect(diBerkas(db, 'Donatur Impor 7\n'), 'name').toBe(false);
    expect(await temuan(db)).toEqual({ code: 0, temuan: [] });
    expect(await temuan(db, '--laporan', xlsx)).toEqual({ code: 0, temuan: [] });
    // an edit outside the tool of another donor in the same lot is still named
    const s = sqlite(db);
    s.exec("DROP TRIGGER IF EXISTS donatur_tanpa_ubah; UPDATE donatur SET nama = 'Orang Lain' WHERE id = 9");
    s.close();
    const t = await temuan(db);
    expect(t.code).not.toBe(0);
    expect(t.temuan.map((x) => x.pesan).join('\n')).toMatch(/nama pada baris donatur id 9/);
  });

  it('anggota (also in past attendance), tamu and psks: the same subcommand from the one declaration', async () => {
    const db = await unitBaru();
    await ok(db, ['anggota', 'tambah', '--nama', 'Parjiyem Rahayu', '--hp', '081211112222', '--alamat', 'Kiringan']);
    await ok(db, ['rapat', 'catat', '--agenda', 'Rapat rutin', '--hadir', 'Sukardi,Parjiyem Rahayu']);
    await ok(db, ['tamu', 'catat', '--nama', 'Pak Bayu Saputro', '--asal', 'Dusun Gesikan', '--hp', '081234567890']);
    await ok(db, ['psks', 'tambah', '--nama', 'Bu Ratna Sari', '--kategori', '1', '--hp', '081399998888']);
    for (const [buku, id] of [
      ['anggota', '4'],
      ['tamu', '1'],
      ['psks', '1'],
    ] as const)
      await ok(db, [buku, 'anonimkan', id, '--alasan', 'permintaan yang bersangkutan']);
    const s = sqlite(db);
    expect(s.prepare('SELECT nama FROM rapat_hadir ORDER BY id').pluck().all()).toEqual([
      'Sukardi',
      'Anggota #4 (dianonimkan)',
    ]);
    expect(s.prepare('SELECT nama, asal, hp FROM tamu').get()).toEqual({
      nama: 'Tamu #1 (dianonimkan)',
      asal: null,
      hp: null,
    });
    expect(s.prepare('SELECT nama, hp FROM psks').get()).toEqual({ nama: 'PSKS #1 (dianonimkan)', hp: null });
    s.close();
    for (const v of ['Parjiyem', '081211112222', 'Bayu Saputro', 'Dusun Gesikan', 'Ratna Sari', '081399998888'])
      expect(diBerkas(db, v), v).toBe(false);
    expect(await temuan(db)).toEqual({ code: 0, temuan: [] });
  });
});

describe('anonimkan while another program reads the file', () => {
  it('saves the erasure but says (exit 1, in Indonesian) that the file could not be cleaned yet', async () => {
    const db = await unitBaru();
    await ok(db, ['ppks', 'tambah', '--nik', NIK, '--nama', 'Tukiyem', '--jk', 'P', '--kategori', 'LUT']);
    const pembaca = sqlite(db);
    pembaca.exec('BEGIN');
    pembaca.prepare('SELECT count(*) FROM ppks').get();
    // another process: SQLite keeps an in-process handle's descriptors open while a neighbour holds locks
    const r = wksbmBin(db, ['ppks', 'anonimkan', '1', '--alasan', 'permintaan']);
    pembaca.exec('COMMIT');
    pembaca.close();
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'ppks ID 1 sudah dianonimkan, tetapi berkas belum bisa dipadatkan (ruang disk penuh, atau berkas sedang ' +
        'dibuka program lain): sisa data lamanya bisa tertinggal di ruang kosong berkas sampai terpakai lagi.',
    );
    expect(sqlite(db).prepare('SELECT nama FROM ppks').pluck().get()).toBe('PPKS #1 (dianonimkan)');
  });
});

describe('anonimkan at a terminal', () => {
  it('picks the person from the list, asks the reason, shows what goes, asks Ya/Tidak (bawaan Tidak)', async () => {
    const db = await unitBaru();
    await ok(db, ['ppks', 'tambah', '--nik', NIK, '--nama', 'Tukiyem', '--jk', 'P', '--kategori', 'LUT']);
    await ok(db, ['ppks', 'tambah', '--nama', 'Sastro', '--jk', 'L', '--kategori', 'LUT']);
    const langkah = (jawab: string): [string, string][] => [
      ['ID data ppks', '\r'], // the first of the list, Tukiyem
      ['Alasan', 'permintaan yang bersangkutan\r'],
      ['Anonimkan ppks ID 1\\?', jawab],
    ];
    const batal = wksbmPty(db, ['ppks', 'anonimkan'], langkah('\r'));
    expect(batal.output).toMatch(/Nama +Tukiyem/);
    expect(batal.output).toMatch(/Menjadi +PPKS #1 \(dianonimkan\)/);
    expect(batal.output).toMatch(/Dikosongkan +NIK/);
    expect(batal.output).not.toMatch(INGGRIS);
    expect(batal.code).toBeGreaterThan(0);
    expect(sqlite(db).prepare('SELECT nama FROM ppks WHERE id = 1').pluck().get()).toBe('Tukiyem');
    const ya = wksbmPty(db, ['ppks', 'anonimkan'], langkah('y\r'));
    expect(ya.code, ya.output).toBe(0);
    expect(sqlite(db).prepare('SELECT nama FROM ppks WHERE id = 1').pluck().get()).toBe('PPKS #1 (dianonimkan)');
  });
});
