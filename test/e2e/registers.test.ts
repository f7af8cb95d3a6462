// The register books through the CLI: add by flags, list as table/JSON/CSV, edit with its audit row, refusals.
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshot, sqlite, unitBaru, wksbm } from '../helpers.js';

/** One realistic add per book, an edit, and a value the listing must show. */
const KASUS: {
  buku: string;
  tambah: string[];
  ubah: string[];
  kolom: string;
  lama: string | number | null;
  baru: string | number;
  cari: string;
}[] = [
  {
    buku: 'anggota',
    tambah: ['tambah', '--nama', 'Wartono', '--jabatan', 'seksi', '--hp', '0812-1000-2000'],
    ubah: ['--jabatan', 'bendahara'],
    kolom: 'jabatan',
    lama: 'seksi',
    baru: 'bendahara',
    cari: 'warto',
  },
  {
    buku: 'donatur',
    tambah: ['tambah', '--nama', 'Toko Makmur', '--jenis', 'lembaga', '--hp', '+62 813 2222 3333', '--janji', '1,5jt'],
    ubah: ['--janji', '2.000.000'],
    kolom: 'janji',
    lama: 1500000,
    baru: 2000000,
    cari: 'makmur',
  },
  {
    buku: 'psks',
    tambah: ['tambah', '--nama', 'Karang Taruna Tunas Muda', '--kategori', 'KT', '--jenis', 'lembaga'],
    ubah: ['--kategori', '2'],
    kolom: 'kategori',
    lama: 'KT',
    baru: 'PSM',
    cari: 'tunas',
  },
  {
    buku: 'jejaring',
    tambah: ['tambah', '--nama', 'Puskesmas Bantul I', '--jenis', 'instansi', '--bidang', 'kesehatan'],
    ubah: ['--kontak', 'dr. Ani'],
    kolom: 'kontak',
    lama: null,
    baru: 'dr. Ani',
    cari: 'puskesmas',
  },
  {
    buku: 'tamu',
    tambah: ['catat', '--nama', 'Ibu Endang', '--asal', 'Dinas Sosial', '--keperluan', 'monitoring'],
    ubah: ['--bertemu', 'Sukardi'],
    kolom: 'bertemu',
    lama: null,
    baru: 'Sukardi',
    cari: 'endang',
  },
  {
    buku: 'surat',
    tambah: [
      'masuk',
      '--nomor',
      '460/123',
      '--tanggal',
      '01/07/2026',
      '--dari',
      'Dinas Sosial',
      '--perihal',
      'Undangan bimtek',
    ],
    ubah: ['--disposisi', 'Ketua'],
    kolom: 'disposisi',
    lama: null,
    baru: 'Ketua',
    cari: 'bimtek',
  },
  {
    buku: 'inventaris',
    tambah: [
      'tambah',
      '--nama',
      'Tenda 4x6',
      '--jumlah',
      '2',
      '--asal',
      'hibah',
      '--kondisi',
      'B',
      '--nilai',
      'Rp 3.500.000',
    ],
    ubah: ['--kondisi', 'RR'],
    kolom: 'kondisi',
    lama: 'B',
    baru: 'RR',
    cari: 'tenda',
  },
  {
    buku: 'ppks',
    tambah: [
      'tambah',
      '--nik',
      '3402084107650003',
      '--nama',
      'Tukiyem',
      '--jk',
      'P',
      '--kategori',
      'LUT',
      '--rt',
      '03',
      '--lahir',
      '01/07/1965',
      '--dasar',
      'tugas_publik',
    ],
    ubah: ['--status', 'tertangani'],
    kolom: 'status',
    lama: 'aktif',
    baru: 'tertangani',
    cari: 'tukiyem',
  },
  {
    buku: 'kegiatan',
    tambah: [
      'catat',
      '--tanggal',
      '2026-08-10',
      '--nama',
      'Penyuluhan bahaya NAPZA',
      '--jenis',
      'pencegahan',
      '--peserta',
      '40',
    ],
    ubah: ['--peserta', '45'],
    kolom: 'peserta',
    lama: 40,
    baru: 45,
    cari: 'napza',
  },
];

describe.each(KASUS)('$buku', (k) => {
  it('adds by flags, lists as table, JSON and CSV, finds by --cari, and edits with an audit row', async () => {
    const db = await unitBaru();
    const awal = (await wksbm(db, [k.buku, 'daftar', '--json'])).json<unknown[]>().length;
    const tambah = await wksbm(db, ['--json', k.buku, ...k.tambah]);
    expect(tambah.code, tambah.stderr).toBe(0);
    const dibuat = tambah.json();
    expect(dibuat.id).toBeGreaterThan(0);
    expect(dibuat[k.kolom]).toBe(k.lama);

    const json = (await wksbm(db, [k.buku, 'daftar', '--json'])).json<Record<string, unknown>[]>();
    expect(json).toHaveLength(awal + 1);
    expect(json.at(-1)).toMatchObject({ id: dibuat.id, [k.kolom]: k.lama });

    const tabel = await wksbm(db, [k.buku, 'daftar']);
    expect(tabel.code).toBe(0);
    expect(tabel.stdout).toContain(String(dibuat.nama ?? dibuat.nomor));

    const csv = (await wksbm(db, [k.buku, 'daftar', '--csv'])).stdout.split('\r\n');
    expect(csv[0]!.split(';')[0]).toBe('\ufeffid');
    expect(csv[0]).toContain(k.kolom);
    expect(csv.some((l) => l.startsWith(`${dibuat.id};`))).toBe(true);

    const cari = (await wksbm(db, [k.buku, 'daftar', '--json', '--cari', k.cari.toUpperCase()])).json<
      { id: number }[]
    >();
    expect(cari.map((r) => r.id)).toEqual([dibuat.id]);
    expect((await wksbm(db, [k.buku, 'daftar', '--json', '--cari', 'zzz-tidak-ada'])).json()).toEqual([]);

    const ubah = await wksbm(db, [k.buku, 'ubah', String(dibuat.id), ...k.ubah], {
      env: { WKSBM_PENGGUNA: 'wartini' },
    });
    expect(ubah.code, ubah.stderr).toBe(0);
    const tampil = (await wksbm(db, ['--json', k.buku, 'tampil', String(dibuat.id)])).json();
    expect(tampil[k.kolom]).toBe(k.baru);
    expect(tampil.perubahan).toEqual([
      expect.objectContaining({
        kolom: k.kolom,
        lama: k.lama === null ? null : String(k.lama),
        baru: String(k.baru),
        oleh: 'wartini',
      }),
    ]);
    const s = sqlite(db);
    const audit = s.prepare('SELECT tabel, baris_id, kolom, lama, baru, oleh FROM perubahan').all();
    s.close();
    expect(audit).toEqual([
      {
        tabel: k.buku,
        baris_id: dibuat.id,
        kolom: k.kolom,
        lama: k.lama === null ? null : String(k.lama),
        baru: String(k.baru),
        oleh: 'wartini',
      },
    ]);
  });
});

describe('register refusals leave the file unchanged (exit 2)', () => {
  let db: string;
  beforeAll(async () => {
    db = await unitBaru();
    expect(
      (
        await wksbm(db, [
          'ppks',
          'tambah',
          '--nik',
          '3402084107650003',
          '--nama',
          'Tukiyem',
          '--jk',
          'P',
          '--kategori',
          'LUT',
        ])
      ).code,
    ).toBe(0);
  });
  it.each([
    [
      'a NIK that is not 16 digits',
      ['ppks', 'tambah', '--nik', '34020841076500', '--nama', 'X', '--jk', 'P', '--kategori', 'LUT'],
      /NIK .*16 angka/,
    ],
    [
      'a NIK with letters',
      ['ppks', 'tambah', '--nik', '3402084107650A03', '--nama', 'X', '--jk', 'P', '--kategori', 'LUT'],
      /16 angka/,
    ],
    [
      'an unknown PPKS category',
      ['ppks', 'tambah', '--nik', '3402084107650004', '--nama', 'X', '--jk', 'P', '--kategori', 'ANAK NAKAL'],
      /Kategori PPKS "ANAK NAKAL" tidak dikenal/,
    ],
    [
      'a PPKS category number out of range',
      ['ppks', 'tambah', '--nik', '3402084107650004', '--nama', 'X', '--jk', 'P', '--kategori', '27'],
      /tidak dikenal/,
    ],
    [
      'a NIK already in the book',
      ['ppks', 'tambah', '--nik', '3402084107650003', '--nama', 'Y', '--jk', 'P', '--kategori', 'LUT'],
      /sudah terdaftar sebagai PPKS ID 1/,
    ],
    [
      'a child on consent without a guardian',
      [
        'ppks',
        'tambah',
        '--nik',
        '3402081505150001',
        '--nama',
        'Bagus',
        '--jk',
        'L',
        '--kategori',
        'AT',
        '--dasar',
        'persetujuan',
      ],
      /--wali/,
    ],
    ['a missing required field', ['psks', 'tambah', '--nama', 'Karang Taruna'], /--kategori/],
    [
      'an unknown PSKS category',
      ['psks', 'tambah', '--nama', 'KT', '--kategori', 'XX'],
      /Kategori PSKS "XX" tidak dikenal/,
    ],
    [
      'a letter out without addressee',
      ['surat', 'keluar', '--nomor', '1', '--tanggal', '2026-07-01', '--perihal', 'P'],
      /--kepada/,
    ],
    ['an edit of a row that does not exist', ['ppks', 'ubah', '99', '--nama', 'X'], /ID "99" tidak ada/],
    ['an edit that empties a required field', ['ppks', 'ubah', '1', '--nama', ''], /tidak boleh kosong/],
    ['a bad filter value', ['ppks', 'daftar', '--kategori', 'XYZ'], /tidak dikenal/],
    [
      'a zero quantity of goods',
      ['inventaris', 'tambah', '--nama', 'Kursi', '--jumlah', '0'],
      /^Jumlah "0" tidak sah: harus lebih dari 0\.\n$/,
    ],
  ])('refuses %s', async (_, args, pesan) => {
    const sebelum = snapshot(db);
    const r = await wksbm(db, args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pesan as RegExp);
    expect(snapshot(db)).toBe(sebelum);
  });
});

describe('ppks', () => {
  it('masks NIKs in listings, tampil and JSON unless --lengkap; filters by category code, number or name', async () => {
    const db = await unitBaru();
    expect(
      (
        await wksbm(db, [
          'ppks',
          'tambah',
          '--nik',
          '3402084107650003',
          '--nama',
          'Tukiyem',
          '--jk',
          'P',
          '--kategori',
          'Lanjut Usia Terlantar',
          '--rt',
          '03',
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await wksbm(db, [
          'ppks',
          'tambah',
          '--nik',
          '3402081203700002',
          '--nama',
          'Paimin',
          '--jk',
          'L',
          '--kategori',
          '24',
        ])
      ).code,
    ).toBe(0);
    const tabel = await wksbm(db, ['ppks', 'daftar', '--kategori', 'LUT']);
    expect(tabel.stdout).toContain('3402••••••••0003');
    expect(tabel.stdout).not.toContain('3402084107650003');
    expect(tabel.stdout).not.toContain('Paimin');
    expect((await wksbm(db, ['ppks', 'daftar', '--json', '--kategori', '8'])).json()).toEqual([
      expect.objectContaining({ nama: 'Tukiyem', nik: '3402••••••••0003', kategori: 'LUT', status: 'aktif' }),
    ]);
    expect((await wksbm(db, ['ppks', 'daftar', '--csv'])).stdout).not.toContain('3402084107650003');
    expect((await wksbm(db, ['--json', 'ppks', 'tampil', '1'])).json().nik).toBe('3402••••••••0003');
    expect((await wksbm(db, ['--json', 'ppks', 'tampil', '1', '--lengkap'])).json().nik).toBe('3402084107650003');
    expect(
      (await wksbm(db, ['ppks', 'daftar', '--json', '--lengkap'])).json<{ nik: string }[]>().map((r) => r.nik),
    ).toEqual(['3402084107650003', '3402081203700002']);
    expect((await wksbm(db, ['ppks', 'daftar', '--json', '--rt', '03'])).json()).toHaveLength(1);
  });

  it('warns, without refusing, when birth date, sex or category disagree with the NIK', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, [
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
      '--lahir',
      '1966-07-01',
      '--dasar',
      'persetujuan',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/menurut NIK tanggal lahirnya 1 Jul 1965, tetapi tercatat 1 Jul 1966/);
    expect(r.stderr).toMatch(/menurut NIK jenis kelaminnya P, tetapi tercatat L/);
    expect(r.stderr).toMatch(/kategori PRSE hanya untuk jenis kelamin P/);
    const muda = await wksbm(db, [
      'ppks',
      'tambah',
      '--nik',
      '3402081505900001',
      '--nama',
      'Joko',
      '--jk',
      'L',
      '--kategori',
      'LUT',
      '--dasar',
      'tugas_publik',
    ]);
    expect(muda.code).toBe(0);
    expect(muda.stderr).toMatch(/kategori LUT biasanya untuk umur 60 tahun ke atas, sedangkan umurnya 36 tahun/);
    expect((await wksbm(db, ['ppks', 'daftar', '--json'])).json()).toHaveLength(2);
  });

  it('accepts a child with a guardian consent, or on the public task with a warning', async () => {
    const db = await unitBaru();
    const wali = await wksbm(db, [
      'ppks',
      'tambah',
      '--nik',
      '3402081505150001',
      '--nama',
      'Bagus',
      '--jk',
      'L',
      '--kategori',
      'AT',
      '--dasar',
      'persetujuan',
      '--wali',
      'Sumini (ibu)',
    ]);
    expect(wali.code, wali.stderr).toBe(0);
    expect(wali.stderr).toBe('');
    const publik = await wksbm(db, [
      'ppks',
      'tambah',
      '--nik',
      '3402081505150002',
      '--nama',
      'Bayu',
      '--jk',
      'L',
      '--kategori',
      'AT',
      '--dasar',
      'tugas_publik',
    ]);
    expect(publik.code).toBe(0);
    expect(publik.stderr).toMatch(/anak.*--wali/);
  });
});

describe('surat', () => {
  it('numbers the agenda per direction and year of recording', async () => {
    const db = await unitBaru();
    const a = async (arah: string, kepada: string[]) =>
      (
        await wksbm(db, [
          '--json',
          'surat',
          arah,
          '--nomor',
          'x',
          '--tanggal',
          '2026-07-01',
          '--perihal',
          'p',
          ...kepada,
        ])
      ).json();
    expect((await a('masuk', ['--dari', 'Dinsos'])).nomor_agenda).toBe(1);
    expect((await a('masuk', ['--dari', 'Dinsos'])).nomor_agenda).toBe(2);
    expect(await a('keluar', ['--kepada', 'Lurah'])).toMatchObject({ arah: 'keluar', nomor_agenda: 1, tahun: 2026 });
    expect(
      (
        await wksbm(
          db,
          ['--json', 'surat', 'masuk', '--nomor', 'y', '--tanggal', '2027-01-02', '--perihal', 'p', '--dari', 'D'],
          { env: { WKSBM_HARI_INI: '2027-01-03' } },
        )
      ).json().nomor_agenda,
    ).toBe(1);
    expect((await wksbm(db, ['surat', 'daftar', '--json', '--arah', 'keluar'])).json()).toHaveLength(1);
  });
});

describe('anggota keluar', () => {
  it('keeps a former member in the book, audited, but no longer accepts them as present at a meeting', async () => {
    const db = await unitBaru();
    const id = (await wksbm(db, ['--json', 'anggota', 'tambah', '--nama', 'Wartono'])).json().id;
    expect((await wksbm(db, ['anggota', 'keluar', String(id)])).code).toBe(0);
    expect((await wksbm(db, ['anggota', 'daftar', '--json', '--aktif', 'keluar'])).json()).toEqual([
      expect.objectContaining({ id, nama: 'Wartono', aktif: 0 }),
    ]);
    expect((await wksbm(db, ['anggota', 'daftar'])).stdout).toMatch(/Wartono.*keluar/);
    expect((await wksbm(db, ['--json', 'anggota', 'tampil', String(id)])).json().perubahan).toEqual([
      expect.objectContaining({ kolom: 'aktif', lama: '1', baru: '0' }),
    ]);
    const sebelum = snapshot(db);
    const r = await wksbm(db, ['rapat', 'catat', '--agenda', 'Rapat', '--hadir', 'Wartono']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bukan anggota aktif/);
    expect(snapshot(db)).toBe(sebelum);
    expect((await wksbm(db, ['anggota', 'aktifkan', String(id)])).code).toBe(0);
    expect((await wksbm(db, ['rapat', 'catat', '--agenda', 'Rapat', '--hadir', 'Wartono'])).code).toBe(0);
  });
});

describe('inventaris hapus', () => {
  it('keeps a disposed item in the book with its reason and date, audited, and refuses a second disposal', async () => {
    const db = await unitBaru();
    await wksbm(db, ['inventaris', 'tambah', '--nama', 'Tenda 4x6', '--jumlah', '2']);
    const r = await wksbm(db, ['inventaris', 'hapus', '1', '--alasan', 'dijual', '--tanggal', '2026-11-01']);
    expect(r.code, r.stderr).toBe(0);
    expect((await wksbm(db, ['inventaris', 'daftar', '--json'])).json()).toEqual([
      expect.objectContaining({ id: 1, nama: 'Tenda 4x6', hapus_alasan: 'dijual', hapus_tanggal: '2026-11-01' }),
    ]);
    expect(
      (await wksbm(db, ['--json', 'inventaris', 'tampil', '1']))
        .json()
        .perubahan.map((p: { kolom: string }) => p.kolom),
    ).toEqual(['hapus_tanggal', 'hapus_alasan']);
    const sebelum = snapshot(db);
    expect((await wksbm(db, ['inventaris', 'hapus', '1', '--alasan', 'rusak'])).code).toBe(2);
    expect((await wksbm(db, ['inventaris', 'hapus', '1', '--alasan', 'hilang'])).code).toBe(2);
    expect(snapshot(db)).toBe(sebelum);
  });
});
