// The bad-input corpus (issue #9 item 8): over a thousand generated refusals across the commands, from
// a seeded PRNG so a failure is reproducible. Each must exit 2 with exactly one Indonesian line on
// stderr, nothing on stdout, no stack trace, no raw control character, and leave the file unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Buku } from '../../src/books/buku.js';
import { type Field, flagOf } from '../../src/books/field.js';
import { KAS_FIELDS } from '../../src/books/kas.js';
import { NATURA_FIELDS } from '../../src/books/natura.js';
import { KODE_PROVINSI } from '../../src/books/nik.js';
import { SANTUNAN_FIELDS } from '../../src/books/penyaluran.js';
import {
  ANGGOTA,
  DONATUR,
  INVENTARIS,
  JEJARING,
  KEGIATAN,
  PPKS,
  PSKS,
  RAPAT,
  SURAT,
  TAMU,
} from '../../src/books/registers.js';
import { ok, snapshot, unitBaru, wksbm } from '../helpers.js';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const acak = prng(20261122);
const int = (lo: number, hi: number) => lo + Math.floor(acak() * (hi - lo + 1));
const pilih = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
const digit = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
const dua = (n: number) => String(n).padStart(2, '0');

type Kasus = { nama: string; args: string[] };

// ── valid commands the cases spoil, one flag at a time (commander keeps the last value of a flag) ──
const DASAR = {
  kasMasuk: ['kas', 'masuk', '--jumlah', '1000', '--sumber', 'donatur', '--tanggal', '2026-10-05'],
  kasKeluar: ['kas', 'keluar', '--jumlah', '1000', '--jenis', 'operasional', '--tanggal', '2026-10-05'],
  naturaMasuk: [
    'natura',
    'masuk',
    '--barang',
    'beras',
    '--kuantitas',
    '1',
    '--sumber',
    'jimpitan',
    '--tanggal',
    '2026-10-05',
  ],
  salur: ['salur', '--ppks', '1', '--layanan', 'jaminan', '--jumlah', '1000', '--tanggal', '2026-10-05'],
  santunan: [
    'santunan',
    '--almarhum',
    'Wiryo',
    '--tanggal-wafat',
    '2026-10-01',
    '--ahli-waris',
    'Ibu Wiryo',
    '--hubungan',
    'istri',
    '--alamat',
    'RT 02',
    '--jumlah',
    '1000',
    '--dana',
    'kematian',
    '--tanggal',
    '2026-10-02',
  ],
} as const;

const DASAR_BUKU: [Buku, string[]][] = [
  [ANGGOTA, ['anggota', 'tambah', '--nama', 'Sri', '--jabatan', 'anggota']],
  [DONATUR, ['donatur', 'tambah', '--nama', 'Budi']],
  [PPKS, ['ppks', 'tambah', '--nama', 'Paijo', '--jk', 'L', '--kategori', 'LUT']],
  [PSKS, ['psks', 'tambah', '--nama', 'Bu Tini', '--kategori', 'PSM']],
  [JEJARING, ['jejaring', 'tambah', '--nama', 'Puskesmas']],
  [TAMU, ['tamu', 'catat', '--nama', 'Tamu', '--tanggal', '2026-10-05']],
  [SURAT, ['surat', 'masuk', '--nomor', '1', '--tanggal', '2026-10-05', '--perihal', 'P', '--dari', 'D']],
  [INVENTARIS, ['inventaris', 'tambah', '--nama', 'Kursi', '--jumlah', '2']],
  [KEGIATAN, ['kegiatan', 'catat', '--tanggal', '2026-10-05', '--nama', 'Penyuluhan', '--jenis', 'pencegahan']],
  [RAPAT, ['rapat', 'catat', '--tanggal', '2026-10-05', '--agenda', 'Rapat']],
];

const dengan = (dasar: readonly string[], flag: string, nilai: string) => [...dasar, `--${flag}`, nilai];

// ── generators ──
function jumlahBuruk(): string {
  return pilih<() => string>([
    () => '0',
    () => `-${int(1, 9_999_999)}`,
    () => `${int(1, 999)}${pilih(['abc', 'x', '#', '??'])}`,
    () => `${pilih(['Rp', 'rp.', 'IDR'])}`,
    () => `${int(1, 99)}.${int(1, 99)}.${int(1, 99)}`,
    () => `${int(1, 9)}e${int(2, 9)}`,
    () => digit(int(17, 25)),
    () => pilih(['--', 'Infinity', 'nol', 'seribu', '1/2', '½', '0x10', '١٠٠٠']),
    () => `${int(1, 99)},${digit(int(3, 4))}${pilih(['5', '7'])}`,
  ])();
}

function tanggalMustahil(): string {
  const th = int(2000, 2026);
  return pilih<() => string>([
    () => `${int(32, 99)}/${dua(int(1, 12))}/${th}`,
    () => `${dua(int(1, 28))}/${int(13, 99)}/${th}`,
    () => `00/${dua(int(1, 12))}/${th}`,
    () => `${dua(int(1, 28))}/00/${th}`,
    () => `${pilih(['30', '31'])}/02/${th}`,
    () => `29/02/${pilih([2021, 2022, 2023, 2025])}`,
    () => `31/${pilih(['04', '06', '09', '11'])}/${th}`,
    () => `${th}-${dua(int(13, 99))}-01`,
    () => pilih(['kemarin', '2026/10/05', '5 Okt', '05-10-26', '2026-1005', '']),
  ])();
}

function tanggalDiLuarRentang(): string {
  return pilih<() => string>([
    () => `${dua(int(1, 28))}/${dua(int(1, 12))}/${int(1900, 1999)}`,
    () => `${int(2027, 2199)}-${dua(int(1, 12))}-${dua(int(1, 28))}`,
    () => `${int(23, 30)}/11/2026`,
    () => `${dua(int(1, 31))}/12/2026`,
  ])();
}

const PROV_BURUK = Array.from({ length: 100 }, (_, i) => i).filter((p) => !KODE_PROVINSI.has(p));

/** A wrong NIK and the flag it goes to: a KK has no birth date, so date faults go to --nik only. */
function nikBuruk(): [string, string] {
  const prov = () => dua(pilih([...KODE_PROVINSI]));
  const tgl = () => `${dua(int(1, 28) + pilih([0, 40]))}${dua(int(1, 12))}${dua(int(0, 99))}`;
  const nikAtauKk = () => pilih(['nik', 'kk']);
  return pilih<() => [string, string]>([
    () => [digit(pilih([int(1, 15), int(17, 20)])), nikAtauKk()],
    () => [`${digit(int(1, 15))}${pilih(['A', 'x', 'O', '_', '/'])}${digit(int(0, 3))}`.padEnd(16, 'Z'), nikAtauKk()],
    () => [`${dua(pilih(PROV_BURUK))}${digit(4)}${tgl()}${dua(int(0, 99))}${dua(int(1, 99))}`, nikAtauKk()],
    () => [
      `${prov()}${digit(4)}${pilih([dua(int(32, 40)), dua(int(72, 99)), '00'])}${dua(int(1, 12))}` +
        `${digit(2)}${dua(int(0, 99))}${dua(int(1, 99))}`,
      'nik',
    ],
    () => [
      `${prov()}${digit(4)}${dua(int(1, 28))}${pilih(['00', dua(int(13, 99))])}` +
        `${digit(2)}${dua(int(0, 99))}${dua(int(1, 99))}`,
      'nik',
    ],
    () => [`${prov()}${digit(4)}${tgl()}0000`, nikAtauKk()],
    () => ['0'.repeat(16), nikAtauKk()],
  ])();
}

const KENDALI = [
  ...Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).filter(
    (c) => c !== '\t' && c !== '\n' && c !== '\r',
  ),
  '\u007f',
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
  '\u001b[2J',
  '\u001b[H',
  '\u001b]0;judul\u0007',
  '\u001b[31m',
  '\u001bc',
  '\u009b6n',
];

function teksKendali(satuBaris: boolean): string {
  const c = pilih(satuBaris && acak() < 0.25 ? ['\t', '\n', '\r', '\r\n'] : KENDALI);
  // inside the value: around it, whitespace is trimmed away before anything is stored
  const awal = pilih(['Budi', 'Rapat', 'Infak', 'x']);
  const akhir = pilih([' Santoso', '!', '1', 'a']);
  return `${awal}${c}${akhir}`;
}

const tekstual = (fields: Field[]) => fields.filter((f) => f.type === 'teks' || f.type === 'teks_panjang');

/** Every case, in a fixed order from the seed. */
function korpus(): Kasus[] {
  const k: Kasus[] = [];
  const tambah = (nama: string, args: string[]) => k.push({ nama, args });

  // bad amounts, in every command that takes one
  for (let i = 0; i < 150; i++) {
    const j = jumlahBuruk();
    const [nama, dasar] = pilih(Object.entries(DASAR).filter(([n]) => n !== 'naturaMasuk'));
    tambah(`jumlah ${JSON.stringify(j)} di ${nama}`, dengan(dasar, 'jumlah', j));
  }
  // impossible dates and dates out of range, in every book with an event date
  const bertanggal: [string, readonly string[], string][] = [
    ...Object.entries(DASAR).map(([n, d]) => [n, d, 'tanggal'] as [string, readonly string[], string]),
    ...DASAR_BUKU.filter(([b]) => b.fields.some((f) => f.rentang === 'entri')).map(
      ([b, d]) => [b.nama, d, 'tanggal'] as [string, readonly string[], string],
    ),
  ];
  for (let i = 0; i < 120; i++) {
    const [nama, dasar, flag] = pilih(bertanggal);
    const t = tanggalMustahil();
    tambah(`tanggal mustahil ${JSON.stringify(t)} di ${nama}`, dengan(dasar, flag, t));
  }
  for (let i = 0; i < 150; i++) {
    const [nama, dasar, flag] = pilih(bertanggal);
    const t = tanggalDiLuarRentang();
    tambah(`tanggal di luar rentang ${t} di ${nama}`, dengan(dasar, flag, t));
  }
  for (let i = 0; i < 30; i++) {
    const t = pilih([
      tanggalMustahil(),
      `${dua(int(1, 28))}/${dua(int(1, 12))}/${int(1800, 1899)}`,
      `${int(2027, 2100)}-01-01`,
      `${int(23, 30)}/11/2026`,
    ]);
    tambah(`tanggal lahir ${t}`, dengan(DASAR_BUKU[2]![1], 'lahir', t));
  }
  // NIKs of each kind of wrong
  for (let i = 0; i < 150; i++) {
    const [nik, flag] = nikBuruk();
    tambah(`--${flag} ${nik}`, dengan(DASAR_BUKU[2]![1], flag, nik));
  }
  // control characters in every text field of the books and the ledger forms
  const formulir: [string, readonly string[], Field[]][] = [
    ...DASAR_BUKU.map(([b, d]) => [b.nama, d, tekstual(b.fields)] as [string, readonly string[], Field[]]),
    ['kas masuk', DASAR.kasMasuk, tekstual([KAS_FIELDS.uraian, KAS_FIELDS.donatur])],
    [
      'natura masuk',
      DASAR.naturaMasuk,
      tekstual(Object.values(NATURA_FIELDS) as Field[]).filter((f) => f.name !== 'satuan'),
    ],
    ['santunan', DASAR.santunan, tekstual(Object.values(SANTUNAN_FIELDS) as Field[])],
  ];
  for (const [nama, dasar, fields] of formulir) {
    for (const f of fields) {
      for (let i = 0; i < 5; i++) {
        const v = teksKendali(f.type === 'teks' && !f.multiBaris);
        tambah(`karakter kendali ${JSON.stringify(v)} di ${nama} --${flagOf(f)}`, dengan(dasar, flagOf(f), v));
      }
    }
  }
  // references with signs or that name nothing
  for (let i = 0; i < 60; i++) {
    const n = int(1, 3);
    const r = pilih([
      `-${n}`,
      `+${n}`,
      ` -${n}`,
      `${n}-`,
      `--${n}`,
      `-${n}.0`,
      `${n}.`,
      `${n}e0`,
      `0x${n}`,
      `#${n}`,
      `${n}${n}${n}${n}${n}`,
    ]);
    const [nama, args] = pilih<[string, string[]]>([
      ['salur --ppks', dengan(DASAR.salur, 'ppks', r)],
      ['kas masuk --donatur', dengan(DASAR.kasMasuk, 'donatur', r)],
      ['kas keluar --kegiatan', dengan(DASAR.kasKeluar, 'kegiatan', r)],
      ['ppks ubah', ['ppks', 'ubah', r, '--nama', 'X']],
      ['donatur tampil', ['donatur', 'tampil', r]],
      ['kegiatan tampil', ['kegiatan', 'tampil', r]],
    ]);
    tambah(`rujukan ${JSON.stringify(r)} di ${nama}`, args);
  }
  // unknown codes
  for (let i = 0; i < 80; i++) {
    const kode = `${pilih(['zakat_x', 'lain', 'ZZ', 'dana', 'x'])}${int(0, 999)}`;
    const [nama, args] = pilih<[string, string[]]>([
      ['kas masuk --sumber', dengan(DASAR.kasMasuk, 'sumber', kode)],
      ['kas keluar --jenis', dengan(DASAR.kasKeluar, 'jenis', kode)],
      ['kas masuk --dana', dengan(DASAR.kasMasuk, 'dana', kode)],
      ['kas masuk --akun', dengan(DASAR.kasMasuk, 'akun', kode)],
      ['salur --layanan', dengan(DASAR.salur, 'layanan', kode)],
      ['natura masuk --sumber', dengan(DASAR.naturaMasuk, 'sumber', kode)],
      ['ppks --kategori', dengan(DASAR_BUKU[2]![1], 'kategori', kode)],
      ['psks --kategori', dengan(DASAR_BUKU[3]![1], 'kategori', kode)],
      ['inventaris --kondisi', dengan(DASAR_BUKU[7]![1], 'kondisi', kode)],
      ['anggota --jabatan', dengan(DASAR_BUKU[0]![1], 'jabatan', kode)],
    ]);
    tambah(`kode ${kode} di ${nama}`, args);
  }
  // zero and negative quantities
  for (let i = 0; i < 60; i++) {
    const q = pilih(['0', '0,000', '0.0', `-${int(1, 99)}`, `-${int(1, 9)},5`, 'nol', `${int(1, 9)}kg`]);
    const [nama, args] = pilih<[string, string[]]>([
      ['natura masuk --kuantitas', dengan(DASAR.naturaMasuk, 'kuantitas', q)],
      ['inventaris --jumlah', dengan(DASAR_BUKU[7]![1], 'jumlah', q)],
      ['kegiatan --peserta', dengan(DASAR_BUKU[8]![1], 'peserta', q.startsWith('0') ? `-${q}` : q)],
    ]);
    tambah(`kuantitas ${q} di ${nama}`, args);
  }
  // over-long values
  for (let i = 0; i < 40; i++) {
    const [nama, dasar, f] = pilih<[string, readonly string[], Field]>([
      ['donatur', DASAR_BUKU[1]![1], DONATUR.fields[0]!],
      ['ppks --rt', DASAR_BUKU[2]![1], PPKS.fields.find((f) => f.name === 'rt')!],
      ['kas masuk --uraian', DASAR.kasMasuk, KAS_FIELDS.uraian],
      ['natura --barang', DASAR.naturaMasuk, NATURA_FIELDS.barang],
      ['rapat --agenda', DASAR_BUKU[9]![1], RAPAT.fields.find((f) => f.name === 'agenda')!],
    ]);
    const maks = f.maxLength ?? (f.type === 'teks_panjang' ? 4000 : 200);
    tambah(`teks ${maks + int(1, 50)} huruf di ${nama}`, dengan(dasar, flagOf(f), 'a'.repeat(maks + int(1, 50))));
  }
  return k;
}

const KASUS = korpus();

describe('bad-input corpus', () => {
  let db: string;
  let sebelum: string;
  beforeAll(async () => {
    db = await unitBaru();
    await ok(db, [
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
      '--dasar',
      'tugas_publik',
    ]);
    await ok(db, ['donatur', 'tambah', '--nama', 'Toko Makmur', '--hp', '081233334444']);
    await ok(db, ['kas', 'masuk', '--jumlah', '2000000', '--sumber', 'donatur', '--tanggal', '2026-10-01']);
    await ok(db, ['kas', 'masuk', '--jumlah', '1500000', '--sumber', 'iuran_kematian', '--tanggal', '2026-10-01']);
    await ok(db, [
      'natura',
      'masuk',
      '--barang',
      'beras',
      '--kuantitas',
      '20',
      '--sumber',
      'jimpitan',
      '--tanggal',
      '2026-10-02',
    ]);
    await ok(db, ['kegiatan', 'catat', '--tanggal', '2026-10-03', '--nama', 'Posyandu', '--jenis', 'penanganan']);
    sebelum = snapshot(db);
  });

  it(`has at least 1,000 cases (${KASUS.length})`, () => {
    expect(KASUS.length).toBeGreaterThanOrEqual(1000);
  });

  it('refuses every case: exit 2, one Indonesian line, no stack trace or control char, file unchanged', async () => {
    const gagal: string[] = [];
    for (const [i, c] of KASUS.entries()) {
      const r = await wksbm(db, c.args);
      const baris = r.stderr.replace(/\n$/, '').split('\n');
      const salah = [
        r.code !== 2 && `exit ${r.code}`,
        baris.length !== 1 && `${baris.length} baris`,
        r.stdout !== '' && 'stdout tidak kosong',
        /\n\s+at |Error\b|constraint|SQLITE|undefined|NaN\b|\bnull\b|\[object/.test(r.stderr) && 'bahasa program',
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
        /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(r.stderr) && 'karakter kendali mentah',
      ].filter(Boolean);
      if (snapshot(db) !== sebelum) {
        salah.push('berkas berubah');
        sebelum = snapshot(db);
      }
      if (salah.length) gagal.push(`#${i} ${c.nama}: ${salah.join(', ')} — ${JSON.stringify(r.stderr)}`);
      if (gagal.length > 20) break;
    }
    expect(gagal).toEqual([]);
  }, 120_000);
});
