// What each of the 13 books prints: its columns and how a stored row becomes a printed row.
// Registers take their columns from their declaration (src/books/registers.ts).
import { type Buku, maskNik } from '../books/buku.js';
import { REGISTER } from '../books/registers.js';
import type { Field } from '../books/field.js';
import type { Kas } from '../db/kas-repo.js';
import { miliKeAngka } from '../domain/money.js';
import type { JenisKolom, KolomCetak, NilaiCetak } from '../render/cetak-xlsx.js';
import { gerak } from './buku-kas.js';

export type Sumber = { jenis: 'register'; buku: Buku } | { jenis: 'kas'; arah?: 'masuk' | 'keluar' } | { jenis: 'natura' } | { jenis: 'rapat' } | { jenis: 'hadir' } | { jenis: 'kegiatan' } | { jenis: 'penyaluran' } | { jenis: 'profil' };

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
  return { kode: b.nama, nomorBuku: b.nomorBuku, judul: b.judul, orientasi: b.kolomDaftar.length > 5 ? 'landscape' : 'portrait', penandatangan: 'sekretaris', sumber: { jenis: 'register', buku: b }, bertanggal: Boolean(b.tanggal) };
};

export const BUKU_CETAK: BukuCetak[] = [
  register('surat'),
  { kode: 'pemasukan', nomorBuku: 2, judul: 'Buku Catatan Pemasukan Dana', orientasi: 'landscape', penandatangan: 'bendahara', sumber: { jenis: 'kas', arah: 'masuk' }, bertanggal: true },
  { kode: 'pengeluaran', nomorBuku: 3, judul: 'Buku Catatan Pengeluaran', orientasi: 'landscape', penandatangan: 'bendahara', sumber: { jenis: 'kas', arah: 'keluar' }, bertanggal: true },
  { kode: 'kas', nomorBuku: 2, judul: 'Buku Kas Umum', orientasi: 'landscape', penandatangan: 'bendahara', sumber: { jenis: 'kas' }, bertanggal: true },
  { kode: 'natura', nomorBuku: 2, judul: 'Buku Persediaan Natura', orientasi: 'landscape', penandatangan: 'bendahara', sumber: { jenis: 'natura' }, bertanggal: true },
  register('tamu'),
  register('inventaris'),
  { kode: 'rapat', nomorBuku: 6, judul: 'Buku Notulensi Rapat', orientasi: 'landscape', penandatangan: 'sekretaris', sumber: { jenis: 'rapat' }, bertanggal: true },
  { kode: 'hadir', nomorBuku: 7, judul: 'Daftar Hadir Rapat', orientasi: 'portrait', penandatangan: 'sekretaris', sumber: { jenis: 'hadir' }, bertanggal: true },
  { kode: 'kegiatan', nomorBuku: 8, judul: 'Laporan Kegiatan', orientasi: 'landscape', penandatangan: 'sekretaris', sumber: { jenis: 'kegiatan' }, bertanggal: true },
  { kode: 'penyaluran', nomorBuku: 8, judul: 'Laporan Penyantunan dan Penyaluran', orientasi: 'landscape', penandatangan: 'bendahara', sumber: { jenis: 'penyaluran' }, bertanggal: true },
  register('ppks'),
  register('psks'),
  register('donatur'),
  register('jejaring'),
  { kode: 'cap', nomorBuku: 13, judul: 'Profil dan Cap/Stempel WKSBM', orientasi: 'portrait', penandatangan: 'sekretaris', sumber: { jenis: 'profil' }, bertanggal: false },
  register('anggota'),
];

/** A book by its code, an alias, or its number in the Dinas list (2 → the cash book). */
export function cariBukuCetak(nama: string): BukuCetak | undefined {
  const s = nama.trim().toLowerCase();
  const alias: Record<string, string> = { profil: 'cap', stempel: 'cap', notulen: 'rapat', daftar_hadir: 'hadir', santunan: 'penyaluran', agenda: 'surat', '2': 'kas', '3': 'pengeluaran', '8': 'kegiatan' };
  const kode = alias[s] ?? s;
  return BUKU_CETAK.find((b) => b.kode === kode) ?? BUKU_CETAK.find((b) => String(b.nomorBuku) === kode);
}

const LABEL_LAIN: Record<string, string> = { arah: 'Masuk/Keluar', nomor_agenda: 'No. Agenda', hapus_alasan: 'Dihapus karena' };

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
  baris: (row: Record<string, unknown>) => NilaiCetak[];
  pembuka?: NilaiCetak[];
}

const t = (v: unknown): NilaiCetak => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));

/** Columns and row mapping of a book; NIKs masked unless `lengkap`. */
export function tataCetak(b: BukuCetak, lengkap: boolean, saldoAwal = 0, dari?: string): TataCetak {
  const nik = (v: unknown) => (lengkap ? t(v) : maskNik(v as string | null));
  const s = b.sumber;
  switch (s.jenis) {
    case 'register': {
      const kolom = s.buku.kolomDaftar.map((k) => {
        const f = s.buku.fields.find((x) => x.name === k);
        const jenis = jenisField(f);
        return { judul: f?.label ?? LABEL_LAIN[k] ?? k, lebar: k === 'nama' ? 28 : LEBAR[jenis], jenis };
      });
      return {
        kolom,
        baris: (row) => s.buku.kolomDaftar.map((k) => {
          const f = s.buku.fields.find((x) => x.name === k);
          if (f?.type === 'nik') return nik(row[k]);
          if (f?.type === 'kuantitas' && typeof row[k] === 'number') return miliKeAngka(row[k] as number);
          return t(row[k]);
        }),
      };
    }
    case 'kas': {
      if (s.arah) {
        const kolom: KolomCetak[] = [
          { judul: 'Tanggal', lebar: 17, jenis: 'tanggal' }, { judul: 'No. Bukti', lebar: 19, jenis: 'teks' }, { judul: 'Uraian', lebar: 40, jenis: 'teks' },
          { judul: s.arah === 'masuk' ? 'Sumber' : 'Jenis', lebar: 18, jenis: 'teks' }, { judul: s.arah === 'masuk' ? 'Donatur (ID)' : 'Layanan', lebar: 14, jenis: 'teks' },
          { judul: 'Dana', lebar: 11, jenis: 'teks' }, { judul: 'Akun', lebar: 11, jenis: 'teks' }, { judul: 'Jumlah (Rp)', lebar: 17, jenis: 'rupiah' },
        ];
        return {
          kolom,
          baris: (row) => {
            const e = row as unknown as Kas & { dibatalkan_oleh: string | null };
            const uraian = [e.uraian, e.dibatalkan_oleh ? `(dibatalkan ${e.dibatalkan_oleh})` : null].filter(Boolean).join(' ');
            return [e.tanggal, e.nomor, uraian, s.arah === 'masuk' ? e.sumber : e.jenis, s.arah === 'masuk' ? t(e.donatur_id) : e.layanan, e.dana, e.akun, e.jumlah];
          },
        };
      }
      let saldo = saldoAwal;
      return {
        pembuka: dari ? [dari, null, 'Saldo awal', null, null, null, null, null, saldoAwal] : undefined,
        kolom: [
          { judul: 'Tanggal', lebar: 17, jenis: 'tanggal' }, { judul: 'No. Bukti', lebar: 19, jenis: 'teks' }, { judul: 'Uraian', lebar: 40, jenis: 'teks' },
          { judul: 'Sumber/Jenis', lebar: 18, jenis: 'teks' }, { judul: 'Dana', lebar: 11, jenis: 'teks' }, { judul: 'Akun', lebar: 13, jenis: 'teks' },
          { judul: 'Penerimaan (Rp)', lebar: 17, jenis: 'rupiah' }, { judul: 'Pengeluaran (Rp)', lebar: 17, jenis: 'rupiah' }, { judul: 'Saldo (Rp)', lebar: 17, jenis: 'rupiah' },
        ],
        baris: (row) => {
          const e = row as unknown as Kas & { dibatalkan_oleh: string | null };
          const g = gerak(e, {});
          saldo += g.penerimaan - g.pengeluaran;
          const uraian = [e.uraian ?? (e.arah === 'pindah' ? `Pindah ${e.akun} → ${e.akun_tujuan}` : null), e.dibatalkan_oleh ? `(dibatalkan ${e.dibatalkan_oleh})` : null].filter(Boolean).join(' ');
          return [e.tanggal, e.nomor, uraian, e.sumber ?? e.jenis ?? 'pindah', e.dana, e.akun_tujuan ? `${e.akun}→${e.akun_tujuan}` : e.akun, g.penerimaan, g.pengeluaran, saldo];
        },
      };
    }
    case 'natura':
      return {
        kolom: [
          { judul: 'Tanggal', lebar: 17, jenis: 'tanggal' }, { judul: 'Barang', lebar: 20, jenis: 'teks' }, { judul: 'Masuk', lebar: 11, jenis: 'kuantitas' },
          { judul: 'Keluar', lebar: 11, jenis: 'kuantitas' }, { judul: 'Satuan', lebar: 9, jenis: 'teks' }, { judul: 'Sumber/Tujuan', lebar: 16, jenis: 'teks' }, { judul: 'Uraian', lebar: 40, jenis: 'teks' },
        ],
        baris: (r) => {
          const q = miliKeAngka(Number(r.kuantitas_mili));
          return [t(r.tanggal), t(r.barang), r.arah === 'masuk' ? q : null, r.arah === 'keluar' ? q : null, t(r.satuan), t(r.sumber ?? r.tujuan), t(r.uraian)];
        },
      };
    case 'rapat':
      return {
        kolom: [
          { judul: 'Tanggal', lebar: 17, jenis: 'tanggal' }, { judul: 'Waktu', lebar: 8, jenis: 'teks' }, { judul: 'Tempat', lebar: 18, jenis: 'teks' }, { judul: 'Jenis', lebar: 11, jenis: 'teks' },
          { judul: 'Pimpinan', lebar: 18, jenis: 'teks' }, { judul: 'Notulis', lebar: 18, jenis: 'teks' }, { judul: 'Agenda', lebar: 30, jenis: 'teks' }, { judul: 'Pembahasan', lebar: 40, jenis: 'teks' }, { judul: 'Keputusan', lebar: 36, jenis: 'teks' },
        ],
        baris: (r) => ['tanggal', 'waktu', 'tempat', 'jenis', 'pimpinan', 'notulis', 'agenda', 'pembahasan', 'keputusan'].map((k) => t(r[k])),
      };
    case 'hadir':
      return {
        kolom: [{ judul: 'Tanggal rapat', lebar: 17, jenis: 'tanggal' }, { judul: 'Agenda', lebar: 28, jenis: 'teks' }, { judul: 'Nama', lebar: 26, jenis: 'teks' }, { judul: 'Peran', lebar: 14, jenis: 'teks' }, { judul: 'Asal', lebar: 18, jenis: 'teks' }, { judul: 'Tanda tangan', lebar: 16, jenis: 'teks' }],
        baris: (r) => [t(r.tanggal), t(r.agenda), t(r.nama), t(r.peran ?? (r.tamu ? 'tamu' : 'anggota')), t(r.asal), null],
      };
    case 'kegiatan':
      return {
        kolom: [
          { judul: 'Tanggal', lebar: 17, jenis: 'tanggal' }, { judul: 'Nama kegiatan', lebar: 30, jenis: 'teks' }, { judul: 'Jenis', lebar: 14, jenis: 'teks' }, { judul: 'Layanan', lebar: 14, jenis: 'teks' },
          { judul: 'Tempat', lebar: 18, jenis: 'teks' }, { judul: 'Sasaran', lebar: 18, jenis: 'teks' }, { judul: 'Peserta', lebar: 10, jenis: 'angka' }, { judul: 'Hasil', lebar: 36, jenis: 'teks' },
        ],
        baris: (r) => ['tanggal', 'nama', 'jenis', 'layanan', 'tempat', 'sasaran', 'peserta', 'hasil'].map((k) => t(r[k])),
      };
    case 'penyaluran':
      return {
        kolom: [
          { judul: 'Tanggal', lebar: 17, jenis: 'tanggal' }, { judul: 'No. Bukti', lebar: 19, jenis: 'teks' }, { judul: 'Nama penerima', lebar: 24, jenis: 'teks' }, { judul: 'NIK', lebar: 20, jenis: 'teks' },
          { judul: 'Kategori PPKS', lebar: 12, jenis: 'teks' }, { judul: 'Layanan', lebar: 14, jenis: 'teks' }, { judul: 'Bentuk', lebar: 9, jenis: 'teks' }, { judul: 'Nilai (Rp)', lebar: 17, jenis: 'rupiah' },
          { judul: 'Kuantitas', lebar: 10, jenis: 'kuantitas' }, { judul: 'Barang', lebar: 12, jenis: 'teks' }, { judul: 'Dana', lebar: 10, jenis: 'teks' }, { judul: 'Asnaf', lebar: 10, jenis: 'teks' }, { judul: 'Uraian', lebar: 30, jenis: 'teks' },
        ],
        baris: (r) => [t(r.tanggal), t(r.nomor), t(r.nama), nik(r.nik), t(r.kategori), t(r.layanan), t(r.bentuk), t(r.jumlah), r.kuantitas_mili === null || r.kuantitas_mili === undefined ? null : miliKeAngka(Number(r.kuantitas_mili)), t(r.barang ? `${r.barang} (${r.satuan})` : null), t(r.dana), t(r.asnaf), t(r.uraian)],
      };
    case 'profil':
      return { kolom: [], baris: () => [] };
  }
}
