// Row types of the ledger file, as Kysely sees them. Only src/db and src/ledger use these.
import type { Generated } from 'kysely';
import type { Rupiah } from '../domain/money.js';

export interface ProfilRow {
  id: number;
  nama: string;
  padukuhan: string;
  kalurahan: string;
  kapanewon: string;
  kabupaten: string;
  provinsi: string;
  alamat: string | null;
  telepon: string | null;
  sk_nomor: string | null;
  sk_tanggal: string | null;
  tanggal_berdiri: string | null;
  ketua: string | null;
  hp_ketua: string | null;
  sekretaris: string | null;
  hp_sekretaris: string | null;
  bendahara: string | null;
  hp_bendahara: string | null;
  lurah: string | null;
  sebutan_padukuhan: string;
  sebutan_kalurahan: string;
  sebutan_kapanewon: string;
  sebutan_kabupaten: string;
  sebutan_lurah: string;
  cap: Buffer | null;
  cap_mime: string | null;
  dibuat: string;
  diubah: string;
}

export interface DanaRow {
  kode: string;
  nama: string;
  terikat: number;
  hanya_jenis: string | null;
  perlu_asnaf: number;
  dibuat: string;
}
export interface AkunRow {
  kode: string;
  nama: string;
  dibuat: string;
}
export interface DanaSumberRow {
  dana: string;
  sumber: string;
}
export interface SumberRow {
  kode: string;
  nama: string;
  dana: string | null;
  dana_wajib: number;
  urutan: number;
}
export interface JenisRow {
  kode: string;
  nama: string;
  perlu_layanan: number;
  urutan: number;
}
export interface LayananRow {
  kode: string;
  nama: string;
  penanganan: number;
  urutan: number;
}
export interface AsnafRow {
  kode: string;
  nama: string;
  urutan: number;
}
export interface KategoriPpksRow {
  kode: string;
  nomor: number;
  nama: string;
  umur_min: number | null;
  umur_maks: number | null;
  jk: string | null;
  data_spesifik: number;
}
export interface KategoriPsksRow {
  kode: string;
  nomor: number;
  nama: string;
}

export type Arah = 'masuk' | 'keluar' | 'pindah';
/** SA: saldo awal, the opening balance of a unit that starts mid-year (a receipt without a source) */
export type Bukti = 'BKM' | 'BKK' | 'PB' | 'SA';

export interface KasRow {
  id: Generated<number>;
  nomor: string;
  bukti: Bukti;
  tahun: number;
  urut: number;
  arah: Arah;
  tanggal: string;
  jumlah: Rupiah;
  sumber: string | null;
  jenis: string | null;
  layanan: string | null;
  asnaf: string | null;
  dana: string | null;
  akun: string;
  akun_tujuan: string | null;
  donatur_id: number | null;
  kegiatan_id: number | null;
  uraian: string | null;
  batal_dari: number | null;
  alasan_batal: string | null;
  impor_id: number | null;
  dibuat: string;
  hash_sebelum: string;
  hash: string;
}

export interface TutupBukuRow {
  id: Generated<number>;
  tahun: number;
  triwulan: number;
  aksi: 'tutup' | 'buka';
  alasan: string | null;
  waktu: string;
  segel: string | null;
  uid?: string | null;
}

export interface NaturaRow {
  id: Generated<number>;
  tanggal: string;
  barang: string;
  satuan: string;
  arah: 'masuk' | 'keluar';
  kuantitas_mili: number;
  sumber: string | null;
  tujuan: string | null;
  kas_id: number | null;
  donatur_id: number | null;
  uraian: string | null;
  batal_dari: number | null;
  impor_id: number | null;
  dibuat: string;
  hash_sebelum: string;
  hash: string;
}

/** Day totals per account, fund and stock item, kept by the write path (migration 0004). */
export interface SaldoHarianRow {
  buku: 'akun' | 'dana' | 'stok';
  kode: string;
  tanggal: string;
  gerak: number;
  saldo: number;
}

export interface ImporRow {
  id: Generated<number>;
  buku: 'donatur' | 'ppks' | 'psks' | 'kas';
  berkas: string;
  sha256: string;
  dibaca: number;
  ditambah: number;
  sudah_ada: number;
  mungkin_ganda: number;
  ditolak: number;
  oleh: string;
  waktu: string;
  dibatalkan: string | null;
  dibatalkan_oleh: string | null;
  uid?: string | null;
}

export interface PerubahanRow {
  id: Generated<number>;
  tabel: string;
  baris_id: number;
  kolom: string;
  lama: string | null;
  baru: string | null;
  oleh: string;
  waktu: string;
}

/** The journal of every register change (src/domain/jurnal.ts); append-only. */
export interface JurnalRow {
  id: Generated<number>;
  waktu: string;
  salinan: string;
  buku: string;
  uid: string;
  aksi: string;
  isi: string;
  hash_sebelum: string;
  hash: string;
}

/** Register books are declared in src/books; their rows are plain records keyed by column. */
export type RegisterRow = { id: Generated<number> } & Record<string, unknown>;

export interface Database {
  profil: ProfilRow;
  dana: DanaRow;
  akun: AkunRow;
  sumber: SumberRow;
  dana_sumber: DanaSumberRow;
  jenis_pengeluaran: JenisRow;
  layanan: LayananRow;
  asnaf: AsnafRow;
  kategori_ppks: KategoriPpksRow;
  kategori_psks: KategoriPsksRow;
  kas: KasRow;
  tutup_buku: TutupBukuRow;
  natura: NaturaRow;
  saldo_harian: SaldoHarianRow;
  perubahan: PerubahanRow;
  jurnal: JurnalRow;
  impor: ImporRow;
  anggota: RegisterRow;
  surat: RegisterRow;
  tamu: RegisterRow;
  inventaris: RegisterRow;
  rapat: RegisterRow;
  rapat_hadir: RegisterRow;
  kegiatan: RegisterRow;
  penyaluran: RegisterRow;
  santunan: RegisterRow;
  ppks: RegisterRow;
  psks: RegisterRow;
  donatur: RegisterRow;
  jejaring: RegisterRow;
}
