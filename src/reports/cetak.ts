// What each of the 13 books prints: its columns and how a stored row becomes a printed row.
// Registers take their columns from their declaration (src/books/registers.ts).
import { type Buku, maskNik } from '../books/buku.js';
import { type Field, optionsOf } from '../books/field.js';
import { REGISTER } from '../books/registers.js';
import type { Referensi } from '../db/referensi-repo.js';
import type { BarisRegister, CatatanNatura, HadirRapat, NilaiTersimpan, PenyaluranCetak } from '../domain/cetak.js';
import type { EntriKas } from '../domain/kas.js';
import { miliKeAngka, NOL, type Rupiah, rupiahTersimpan } from '../domain/money.js';
import type { JenisKolom, KolomCetak, NilaiCetak } from '../render/cetak-xlsx.js';
import { gerak, saldoSetelah } from './buku-kas.js';

export type Sumber =
  | { jenis: 'register'; buku: Buku }
  | { jenis: 'kas'; arah?: 'masuk' | 'keluar' }
  | { jenis: 'natura' }
  | { jenis: 'rapat' }
  | { jenis: 'hadir' }
  | { jenis: 'kegiatan' }
  | { jenis: 'penyaluran' }
  | { jenis: 'profil' };

export interface BukuCetak {
  kode: string;
  nomorBuku: number;
  judul: string;
  orientasi: 'portrait' | 'landscape';
  /** the officer who signs beside the ketua */
  penandatangan: 'sekretaris' | 'bendahara';
  sumber: Sumber;
  /** books with dates can be bounded by --dari/--sampai */
  bertanggal: boolean;
}

const reg = (nama: string) => REGISTER.find((b) => b.nama === nama)!;
const register = (nama: string): BukuCetak => {
  const b = reg(nama);
  return {
    kode: b.nama,
    nomorBuku: b.nomorBuku,
    judul: b.judul,
    orientasi: b.kolomDaftar.length > 5 ? 'landscape' : 'portrait',
    penandatangan: 'sekretaris',
    sumber: { jenis: 'register', buku: b },
    bertanggal: Boolean(b.tanggal),
  };
};

export const BUKU_CETAK: BukuCetak[] = [
  register('surat'),
  {
    kode: 'pemasukan',
    nomorBuku: 2,
    judul: 'Buku Catatan Pemasukan Dana',
    orientasi: 'landscape',
    penandatangan: 'bendahara',
    sumber: { jenis: 'kas', arah: 'masuk' },
    bertanggal: true,
  },
  {
    kode: 'pengeluaran',
    nomorBuku: 3,
    judul: 'Buku Catatan Pengeluaran',
    orientasi: 'landscape',
    penandatangan: 'bendahara',
    sumber: { jenis: 'kas', arah: 'keluar' },
    bertanggal: true,
  },
  {
    kode: 'kas',
    nomorBuku: 2,
    judul: 'Buku Kas Umum',
    orientasi: 'landscape',
    penandatangan: 'bendahara',
    sumber: { jenis: 'kas' },
    bertanggal: true,
  },
  {
    kode: 'natura',
    nomorBuku: 2,
    judul: 'Buku Persediaan Natura',
    orientasi: 'landscape',
    penandatangan: 'bendahara',
    sumber: { jenis: 'natura' },
    bertanggal: true,
  },
  register('tamu'),
  register('inventaris'),
  {
    kode: 'rapat',
    nomorBuku: 6,
    judul: 'Buku Notulensi Rapat',
    orientasi: 'landscape',
    penandatangan: 'sekretaris',
    sumber: { jenis: 'rapat' },
    bertanggal: true,
  },
  {
    kode: 'hadir',
    nomorBuku: 7,
    judul: 'Daftar Hadir Rapat',
    orientasi: 'portrait',
    penandatangan: 'sekretaris',
    sumber: { jenis: 'hadir' },
    bertanggal: true,
  },
  {
    kode: 'kegiatan',
    nomorBuku: 8,
    judul: 'Laporan Kegiatan',
    orientasi: 'landscape',
    penandatangan: 'sekretaris',
    sumber: { jenis: 'kegiatan' },
    bertanggal: true,
  },
  {
    kode: 'penyaluran',
    nomorBuku: 8,
    judul: 'Laporan Penyantunan dan Penyaluran',
    orientasi: 'landscape',
    penandatangan: 'bendahara',
    sumber: { jenis: 'penyaluran' },
    bertanggal: true,
  },
  register('ppks'),
  register('psks'),
  register('donatur'),
  register('jejaring'),
  {
    kode: 'cap',
    nomorBuku: 13,
    judul: 'Profil dan Cap/Stempel WKSBM',
    orientasi: 'portrait',
    penandatangan: 'sekretaris',
    sumber: { jenis: 'profil' },
    bertanggal: false,
  },
  register('anggota'),
];

/** A book by its code, an alias, or its number in the Dinas list (2 → the cash book). */
export function cariBukuCetak(nama: string): BukuCetak | undefined {
  const s = nama.trim().toLowerCase();
  const alias: Record<string, string> = {
    profil: 'cap',
    stempel: 'cap',
    notulen: 'rapat',
    daftar_hadir: 'hadir',
    santunan: 'penyaluran',
    agenda: 'surat',
    '2': 'kas',
    '3': 'pengeluaran',
    '8': 'kegiatan',
  };
  const kode = alias[s] ?? s;
  return BUKU_CETAK.find((b) => b.kode === kode) ?? BUKU_CETAK.find((b) => String(b.nomorBuku) === kode);
}

const LABEL_LAIN: Record<string, string> = {
  arah: 'Masuk/Keluar',
  nomor_agenda: 'No. Agenda',
  hapus_alasan: 'Dihapus karena',
};

function jenisField(f: Field | undefined): JenisKolom {
  if (!f) return 'teks';
  if (f.type === 'tanggal') return 'tanggal';
  if (f.type === 'jumlah') return 'rupiah';
  if (f.type === 'angka') return 'angka';
  if (f.type === 'kuantitas') return 'kuantitas';
  return 'teks';
}

const LEBAR: Record<JenisKolom, number> = { teks: 20, tanggal: 17, rupiah: 17, angka: 10, kuantitas: 11 };

export interface TataCetak {
  kolom: KolomCetak[];
  /** one printed row from a row of the stream commands/cetak.ts opens for this book's source */
  baris: (row: object) => NilaiCetak[];
  pembuka?: NilaiCetak[];
}

interface Tata<R> {
  kolom: KolomCetak[];
  baris: (row: R) => NilaiCetak[];
  pembuka?: NilaiCetak[];
}

/** The command pairs each source with its own repository stream: this is where its row type is taken back. */
function untukSumber<R extends object>(tata: Tata<R>): TataCetak {
  return { ...tata, baris: (row) => tata.baris(row as R) };
}

const t = (v: unknown): NilaiCetak => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
const kol = (judul: string, lebar: number, jenis: JenisKolom = 'teks'): KolomCetak => ({ judul, lebar, jenis });
type Nik = (v: NilaiTersimpan | undefined) => NilaiCetak;

/**
 * Columns and row mapping of a book; NIKs masked unless `lengkap`; `saldoAwal` opens a cash book printed from `dari`.
 */
export function tataCetak(
  b: BukuCetak,
  lengkap: boolean,
  saldoAwal: Rupiah = NOL,
  dari?: string,
  ref?: Referensi,
): TataCetak {
  const nik: Nik = (v) => (lengkap ? t(v) : maskNik(typeof v === 'string' ? v : null));
  const s = b.sumber;
  switch (s.jenis) {
    case 'register':
      return untukSumber(tataRegister(s.buku, nik, ref));
    case 'kas':
      return untukSumber(s.arah ? tataKasSatuArah(s.arah) : tataBukuKasUmum(saldoAwal, dari));
    case 'natura':
      return untukSumber(tataNatura());
    case 'rapat':
      return untukSumber(tataKolom(RAPAT));
    case 'hadir':
      return untukSumber(tataHadir());
    case 'kegiatan':
      return untukSumber(tataKolom(KEGIATAN));
    case 'penyaluran':
      return untukSumber(tataPenyaluran(nik));
    case 'profil':
      return { kolom: [], baris: () => [] };
  }
}

/**
 * What a register prints where it differs from its list on screen: the PPKS book shows one address column
 * (a printed list is read by people who visit) instead of RT and padukuhan apart.
 */
const KOLOM_CETAK: Record<string, string[]> = {
  ppks: ['nik', 'nama', 'jk', 'tanggal_lahir', 'alamat', 'kategori', 'status', 'terdaftar'],
};

/** Street, RT/RW and padukuhan in one line, as a visitor needs them. */
function alamatLengkap(row: BarisRegister): NilaiCetak {
  const rtRw = [row.rt ? `RT ${row.rt}` : null, row.rw ? `RW ${row.rw}` : null].filter(Boolean).join('/');
  const isi = [row.alamat, rtRw, row.padukuhan].filter((v) => v !== null && v !== undefined && v !== '');
  return isi.length ? isi.join(', ') : null;
}

/** A choice from an official list (a PPKS or PSKS category) prints by its name, not its code. */
function namaPilihan(f: Field | undefined, ref: Referensi | undefined): Map<string, string> | null {
  if (!f?.pilihan || !('referensi' in f.pilihan) || !ref) return null;
  return new Map(optionsOf(f, ref).map((o) => [o.kode, o.nama]));
}

/** A register prints the columns of its declaration; money columns are read back as Rupiah. */
function tataRegister(buku: Buku, nik: Nik, ref?: Referensi): Tata<BarisRegister> {
  const gabungAlamat = KOLOM_CETAK[buku.nama]?.includes('alamat') ?? false;
  const fields = (KOLOM_CETAK[buku.nama] ?? buku.kolomDaftar).map((k) => {
    const f = buku.fields.find((x) => x.name === k);
    return { k, f, nama: namaPilihan(f, ref) };
  });
  const kolom = fields.map(({ k, f }) => {
    const jenis = jenisField(f);
    return kol(f?.label ?? LABEL_LAIN[k] ?? k, k === 'nama' || k === 'alamat' ? 28 : LEBAR[jenis], jenis);
  });
  const sel = (row: BarisRegister, k: string, f: Field | undefined, nama: Map<string, string> | null): NilaiCetak => {
    const v = row[k];
    if (k === 'alamat' && gabungAlamat) return alamatLengkap(row);
    if (nama && typeof v === 'string') return nama.get(v) ?? v;
    if (f?.type === 'nik') return nik(v);
    if (f?.type === 'kuantitas' && typeof v === 'number') return miliKeAngka(v);
    if (f?.type === 'jumlah' && v !== null && v !== undefined)
      return rupiahTersimpan(v, `${buku.judul} ID ${String(row.id)}`);
    return t(v);
  };
  return { kolom, baris: (row) => fields.map(({ k, f, nama }) => sel(row, k, f, nama)) };
}

const dibatalkan = (e: EntriKas) => (e.dibatalkan_oleh ? `(dibatalkan ${e.dibatalkan_oleh})` : null);

/** Book 2 or 3 alone: receipts or spending, one amount per entry. */
function tataKasSatuArah(arah: 'masuk' | 'keluar'): Tata<EntriKas> {
  const masuk = arah === 'masuk';
  return {
    kolom: [
      kol('Tanggal', 17, 'tanggal'),
      kol('No. Bukti', 19),
      kol('Uraian', 40),
      kol(masuk ? 'Sumber' : 'Jenis', 18),
      kol(masuk ? 'Donatur (ID)' : 'Layanan', 14),
      kol('Dana', 11),
      kol('Akun', 11),
      kol('Jumlah (Rp)', 17, 'rupiah'),
    ],
    baris: (e) => {
      const uraian = [e.uraian, dibatalkan(e)].filter(Boolean).join(' ');
      return [
        e.tanggal,
        e.nomor,
        uraian,
        masuk ? e.sumber : e.jenis,
        masuk ? t(e.donatur_id) : e.layanan,
        e.dana,
        e.akun,
        e.jumlah,
      ];
    },
  };
}

/** The Buku Kas Umum: both sides and a running balance, from the balance before `dari` when printing from a date. */
function tataBukuKasUmum(saldoAwal: Rupiah, dari: string | undefined): Tata<EntriKas> {
  let saldo = saldoAwal;
  return {
    pembuka: dari ? [dari, null, 'Saldo awal', null, null, null, null, null, saldoAwal] : undefined,
    kolom: [
      kol('Tanggal', 17, 'tanggal'),
      kol('No. Bukti', 19),
      kol('Uraian', 40),
      kol('Sumber/Jenis', 18),
      kol('Dana', 11),
      kol('Akun', 13),
      kol('Penerimaan (Rp)', 17, 'rupiah'),
      kol('Pengeluaran (Rp)', 17, 'rupiah'),
      kol('Saldo (Rp)', 17, 'rupiah'),
    ],
    baris: (e) => {
      const g = gerak(e, {});
      saldo = saldoSetelah(saldo, g);
      const pindah = e.arah === 'pindah' ? `Pindah ${e.akun} → ${e.akun_tujuan}` : null;
      const uraian = [e.uraian ?? pindah, dibatalkan(e)].filter(Boolean).join(' ');
      const akun = e.akun_tujuan ? `${e.akun}→${e.akun_tujuan}` : e.akun;
      return [
        e.tanggal,
        e.nomor,
        uraian,
        e.sumber ?? e.jenis ?? (e.bukti === 'SA' ? 'saldo awal' : 'pindah'),
        e.dana,
        akun,
        g.penerimaan,
        g.pengeluaran,
        saldo,
      ];
    },
  };
}

function tataNatura(): Tata<CatatanNatura> {
  return {
    kolom: [
      kol('Tanggal', 17, 'tanggal'),
      kol('Barang', 20),
      kol('Masuk', 11, 'kuantitas'),
      kol('Keluar', 11, 'kuantitas'),
      kol('Satuan', 9),
      kol('Sumber/Tujuan', 16),
      kol('Uraian', 40),
    ],
    baris: (r) => {
      const q = miliKeAngka(r.kuantitas_mili);
      return [
        t(r.tanggal),
        t(r.barang),
        r.arah === 'masuk' ? q : null,
        r.arah === 'keluar' ? q : null,
        t(r.satuan),
        t(r.sumber ?? r.tujuan),
        t(r.uraian),
      ];
    },
  };
}

/** Books printed column for column from their stored rows. */
interface KolomTetap {
  kolom: KolomCetak[];
  kunci: string[];
}

const RAPAT: KolomTetap = {
  kolom: [
    kol('Tanggal', 17, 'tanggal'),
    kol('Waktu', 8),
    kol('Tempat', 18),
    kol('Jenis', 11),
    kol('Pimpinan', 18),
    kol('Notulis', 18),
    kol('Agenda', 30),
    kol('Pembahasan', 40),
    kol('Keputusan', 36),
  ],
  kunci: ['tanggal', 'waktu', 'tempat', 'jenis', 'pimpinan', 'notulis', 'agenda', 'pembahasan', 'keputusan'],
};

const KEGIATAN: KolomTetap = {
  kolom: [
    kol('Tanggal', 17, 'tanggal'),
    kol('Nama kegiatan', 30),
    kol('Jenis', 14),
    kol('Layanan', 14),
    kol('Tempat', 18),
    kol('Sasaran', 18),
    kol('Peserta', 10, 'angka'),
    kol('Hasil', 36),
  ],
  kunci: ['tanggal', 'nama', 'jenis', 'layanan', 'tempat', 'sasaran', 'peserta', 'hasil'],
};

function tataKolom(k: KolomTetap): Tata<BarisRegister> {
  return { kolom: k.kolom, baris: (r) => k.kunci.map((x) => t(r[x])) };
}

function tataHadir(): Tata<HadirRapat> {
  return {
    kolom: [
      kol('Tanggal rapat', 15, 'tanggal'),
      kol('Agenda', 20),
      kol('Nama', 24),
      kol('Peran', 12),
      kol('Asal', 12),
      // room to sign: about 1 cm a row once the sheet is fitted to the page's width
      { ...kol('Tanda tangan', 22), tinggiMin: 38 },
    ],
    baris: (r) => [t(r.tanggal), t(r.agenda), t(r.nama), t(r.peran ?? (r.tamu ? 'tamu' : 'anggota')), t(r.asal), null],
  };
}

function tataPenyaluran(nik: Nik): Tata<PenyaluranCetak> {
  return {
    kolom: [
      kol('Tanggal', 17, 'tanggal'),
      kol('No. Bukti', 19),
      kol('Nama penerima', 24),
      kol('NIK', 20),
      kol('Kategori PPKS', 12),
      kol('Layanan', 14),
      kol('Bentuk', 9),
      kol('Nilai (Rp)', 17, 'rupiah'),
      kol('Kuantitas', 10, 'kuantitas'),
      kol('Barang', 12),
      kol('Dana', 10),
      kol('Asnaf', 10),
      kol('Uraian', 30),
    ],
    baris: (r) => {
      const kuantitas =
        r.kuantitas_mili === null || r.kuantitas_mili === undefined ? null : miliKeAngka(r.kuantitas_mili);
      const barang = t(r.barang ? `${r.barang} (${r.satuan})` : null);
      return [
        t(r.tanggal),
        t(r.nomor),
        t(r.nama),
        nik(r.nik),
        t(r.kategori),
        t(r.layanan),
        t(r.bentuk),
        r.jumlah,
        kuantitas,
        barang,
        t(r.dana),
        t(r.asnaf),
        t(r.uraian),
      ];
    },
  };
}
