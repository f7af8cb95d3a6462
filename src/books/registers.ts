// The register books, declared once. Flags, prompts, validation, `daftar`/`tampil`/`ubah`,
// `--json`/`--csv`, import mapping and the printable sheet all derive from these.
import type { Buku } from './buku.js';
import type { Field } from './field.js';
import { isiDariNik } from './ppks.js';

/** DTSEN ranks households in ten deciles, 1 the poorest. */
const DESIL = Array.from({ length: 10 }, (_, i) => ({ kode: String(i + 1), nama: `desil ${i + 1}` }));

/**
 * The day a person or body was registered with the unit, as the user says (bawaan: hari ini, WIB).
 * The quarterly report counts "terdata" and "baru" from it, so records entered late still land in
 * the quarter they belong to. Never empty: `ubah` cannot clear it, imports default it to today.
 */
const TERDAFTAR: Field = {
  name: 'terdaftar',
  label: 'Tanggal terdata',
  type: 'tanggal',
  required: true,
  hariIni: true,
  help: 'dihitung di laporan triwulan sejak tanggal ini',
  sinonim: [
    'tanggal terdata',
    'tgl terdata',
    'terdata',
    'tanggal daftar',
    'tgl daftar',
    'tanggal terdaftar',
    'tgl terdaftar',
    'tanggal pendataan',
    'tgl pendataan',
    'tanggal didata',
  ],
};

/**
 * Whether a PSKS lives or works in the unit's own area or outside it (the seeds ask for both);
 * the quarterly report's PSKS sheet counts the two apart. Records from before it say `dalam`.
 */
const WILAYAH: Field = {
  name: 'wilayah',
  label: 'Wilayah',
  type: 'pilihan',
  required: true,
  nilaiBawaan: 'dalam',
  pilihan: {
    tetap: [
      { kode: 'dalam', nama: 'Di dalam wilayah' },
      { kode: 'luar', nama: 'Di luar wilayah' },
    ],
  },
  sinonim: ['wilayah psks', 'lokasi', 'domisili', 'dalam/luar wilayah', 'di dalam/luar wilayah', 'asal wilayah'],
};

const JK = {
  tetap: [
    { kode: 'L', nama: 'Laki-laki' },
    { kode: 'P', nama: 'Perempuan' },
  ],
};

export const ANGGOTA: Buku = {
  nama: 'anggota',
  tabel: 'anggota',
  judul: 'Daftar Anggota dan Pengurus',
  nomorBuku: 0,
  kataTambah: 'tambah',
  fields: [
    { name: 'nama', label: 'Nama', type: 'teks', required: true, sinonim: ['nama anggota', 'nama lengkap'] },
    {
      name: 'jabatan',
      label: 'Jabatan',
      type: 'pilihan',
      pilihan: {
        tetap: ['ketua', 'wakil_ketua', 'sekretaris', 'bendahara', 'seksi', 'anggota'].map((k) => ({
          kode: k,
          nama: k.replace('_', ' '),
        })),
      },
      sinonim: ['kedudukan'],
    },
    { name: 'jk', label: 'Jenis kelamin', type: 'pilihan', pilihan: JK, sinonim: ['l/p', 'kelamin'] },
    { name: 'hp', label: 'No. HP', type: 'hp', sinonim: ['no hp', 'telp', 'telepon', 'wa', 'whatsapp'] },
    { name: 'alamat', label: 'Alamat', type: 'teks', multiBaris: true },
    { name: 'tanggal_masuk', label: 'Tanggal masuk', type: 'tanggal' },
  ],
  turunan: [
    {
      name: 'aktif',
      label: 'Aktif',
      type: 'pilihan',
      pilihan: {
        tetap: [
          { kode: '1', nama: 'aktif' },
          { kode: '0', nama: 'keluar' },
        ],
      },
    },
  ],
  kolomDaftar: ['nama', 'jabatan', 'jk', 'hp', 'alamat', 'aktif'],
  cari: ['nama', 'alamat', 'hp'],
  saring: ['jabatan', 'aktif'],
  anonim: { sebutan: 'Anggota', kosongkan: ['hp', 'alamat'] },
};

export const DONATUR: Buku = {
  nama: 'donatur',
  tabel: 'donatur',
  judul: 'Data Donatur',
  nomorBuku: 11,
  kataTambah: 'tambah',
  fields: [
    {
      name: 'nama',
      label: 'Nama',
      type: 'teks',
      required: true,
      sinonim: ['nama donatur', 'nama lengkap', 'donatur', 'nama penyumbang'],
    },
    {
      name: 'jenis',
      label: 'Jenis',
      type: 'pilihan',
      pilihan: {
        tetap: [
          { kode: 'perorangan', nama: 'Perorangan' },
          { kode: 'lembaga', nama: 'Lembaga' },
          { kode: 'csr', nama: 'CSR' },
        ],
      },
      sinonim: ['jenis donatur', 'kategori'],
    },
    {
      name: 'hp',
      label: 'No. HP',
      type: 'hp',
      sinonim: ['no hp', 'nomor hp', 'hp', 'telp', 'telepon', 'no telp', 'wa', 'no wa', 'whatsapp'],
    },
    { name: 'alamat', label: 'Alamat', type: 'teks', multiBaris: true, sinonim: ['alamat rumah', 'rt', 'dusun'] },
    { name: 'email', label: 'Email', type: 'teks', sinonim: ['e-mail', 'surel'] },
    {
      name: 'janji',
      label: 'Janji sumbangan',
      type: 'jumlah',
      sinonim: ['janji', 'komitmen', 'sumbangan', 'nominal', 'jumlah', 'besar sumbangan', 'iuran'],
    },
    { name: 'keterangan', label: 'Keterangan', type: 'teks', multiBaris: true, sinonim: ['ket', 'catatan'] },
    TERDAFTAR,
  ],
  kolomDaftar: ['nama', 'jenis', 'hp', 'alamat', 'janji', 'terdaftar'],
  cari: ['nama', 'alamat', 'hp', 'email'],
  saring: ['jenis'],
  kunci: [['hp'], ['nama', 'alamat']],
  anonim: { sebutan: 'Donatur', kosongkan: ['hp', 'alamat', 'email', 'keterangan'] },
};

export const PPKS: Buku = {
  nama: 'ppks',
  tabel: 'ppks',
  judul: 'Data PPKS',
  nomorBuku: 9,
  kataTambah: 'tambah',
  tanggal: undefined,
  fields: [
    { name: 'nik', label: 'NIK', type: 'nik', sinonim: ['no nik', 'nomor nik', 'nik ktp', 'nomor induk kependudukan'] },
    { name: 'no_kk', label: 'No. KK', type: 'nik', flag: 'kk', sinonim: ['kk', 'nomor kk', 'no kk'] },
    {
      name: 'nama',
      label: 'Nama',
      type: 'teks',
      required: true,
      sinonim: ['nama lengkap', 'nama ppks', 'nama penerima'],
    },
    {
      name: 'jk',
      label: 'Jenis kelamin',
      type: 'pilihan',
      pilihan: JK,
      required: true,
      sinonim: ['l/p', 'kelamin', 'jenis kelamin'],
    },
    {
      name: 'tanggal_lahir',
      label: 'Tanggal lahir',
      type: 'tanggal',
      flag: 'lahir',
      rentang: 'lahir',
      sinonim: ['tgl lahir', 'lahir'],
    },
    { name: 'alamat', label: 'Alamat', type: 'teks', multiBaris: true },
    { name: 'rt', label: 'RT', type: 'teks', maxLength: 4 },
    { name: 'rw', label: 'RW', type: 'teks', maxLength: 4 },
    { name: 'padukuhan', label: 'Padukuhan', type: 'teks', sinonim: ['dusun', 'dukuh'] },
    {
      name: 'kategori',
      label: 'Kategori PPKS',
      type: 'pilihan',
      pilihan: { referensi: 'ppks' },
      required: true,
      sinonim: ['kategori', 'jenis ppks', 'kode ppks', 'ppks'],
    },
    {
      name: 'status',
      label: 'Status',
      type: 'pilihan',
      pilihan: { tetap: ['aktif', 'tertangani', 'pindah', 'meninggal'].map((k) => ({ kode: k, nama: k })) },
    },
    {
      name: 'dasar_pemrosesan',
      label: 'Dasar pemrosesan data',
      type: 'pilihan',
      flag: 'dasar',
      pilihan: {
        tetap: [
          { kode: 'persetujuan', nama: 'Persetujuan yang bersangkutan' },
          { kode: 'tugas_publik', nama: 'Pelaksanaan tugas publik' },
        ],
      },
    },
    { name: 'persetujuan_wali', label: 'Persetujuan wali (untuk anak)', type: 'teks', flag: 'wali' },
    { name: 'id_dtks', label: 'ID DTKS', type: 'teks', maxLength: 40, sinonim: ['id dtks', 'iddtks', 'id dtsen'] },
    {
      name: 'desil',
      label: 'Desil DTSEN',
      type: 'pilihan',
      pilihan: { tetap: DESIL },
      sinonim: ['desil', 'desil nasional', 'peringkat desil'],
    },
    { name: 'keterangan', label: 'Keterangan', type: 'teks', multiBaris: true, sinonim: ['ket', 'catatan'] },
    TERDAFTAR,
  ],
  isiDariLain: isiDariNik,
  isiDari: { jk: 'nik', tanggal_lahir: 'nik' },
  kolomDaftar: ['nik', 'nama', 'jk', 'tanggal_lahir', 'rt', 'padukuhan', 'kategori', 'status', 'terdaftar'],
  cari: ['nama', 'alamat', 'nik', 'padukuhan'],
  saring: ['kategori', 'status', 'jk', 'rt'],
  kunci: [['nik'], ['nama', 'alamat']],
  anonim: {
    sebutan: 'PPKS',
    kosongkan: [
      'nik',
      'no_kk',
      'tanggal_lahir',
      'alamat',
      'rt',
      'rw',
      'padukuhan',
      'persetujuan_wali',
      'id_dtks',
      'keterangan',
    ],
  },
};

export const PSKS: Buku = {
  nama: 'psks',
  tabel: 'psks',
  judul: 'Data PSKS',
  nomorBuku: 10,
  kataTambah: 'tambah',
  fields: [
    {
      name: 'nama',
      label: 'Nama',
      type: 'teks',
      required: true,
      sinonim: ['nama lengkap', 'nama lembaga', 'nama psks'],
    },
    {
      name: 'jenis',
      label: 'Jenis',
      type: 'pilihan',
      pilihan: {
        tetap: [
          { kode: 'perorangan', nama: 'Perorangan' },
          { kode: 'lembaga', nama: 'Lembaga' },
        ],
      },
    },
    {
      name: 'kategori',
      label: 'Kategori PSKS',
      type: 'pilihan',
      pilihan: { referensi: 'psks' },
      required: true,
      sinonim: ['kategori', 'jenis psks', 'kode psks', 'psks'],
    },
    WILAYAH,
    { name: 'hp', label: 'No. HP', type: 'hp', sinonim: ['no hp', 'telp', 'telepon', 'wa'] },
    { name: 'alamat', label: 'Alamat', type: 'teks', multiBaris: true },
    { name: 'keterangan', label: 'Keterangan', type: 'teks', multiBaris: true, sinonim: ['ket', 'catatan'] },
    TERDAFTAR,
  ],
  kolomDaftar: ['nama', 'jenis', 'kategori', 'wilayah', 'hp', 'alamat', 'terdaftar'],
  cari: ['nama', 'alamat', 'hp'],
  saring: ['kategori', 'jenis', 'wilayah'],
  kunci: [['nama', 'alamat']],
  anonim: { sebutan: 'PSKS', kosongkan: ['hp', 'alamat', 'keterangan'] },
};

export const JEJARING: Buku = {
  nama: 'jejaring',
  tabel: 'jejaring',
  judul: 'Data Jejaring Kerja',
  nomorBuku: 12,
  kataTambah: 'tambah',
  fields: [
    { name: 'nama', label: 'Nama', type: 'teks', required: true, sinonim: ['nama lembaga', 'mitra'] },
    {
      name: 'jenis',
      label: 'Jenis',
      type: 'pilihan',
      pilihan: {
        tetap: ['instansi', 'lembaga', 'usaha', 'organisasi', 'perorangan'].map((k) => ({ kode: k, nama: k })),
      },
    },
    { name: 'bidang', label: 'Bidang kerja sama', type: 'teks', sinonim: ['bidang'] },
    { name: 'kontak', label: 'Narahubung', type: 'teks', sinonim: ['kontak', 'contact person', 'cp'] },
    { name: 'hp', label: 'No. HP', type: 'hp', sinonim: ['no hp', 'telp', 'telepon', 'wa'] },
    { name: 'alamat', label: 'Alamat', type: 'teks', multiBaris: true },
    {
      name: 'nomor_kerjasama',
      label: 'Nomor perjanjian kerja sama',
      type: 'teks',
      flag: 'nomor-kerjasama',
      sinonim: ['no mou', 'nomor mou', 'no pks'],
    },
    { name: 'sejak', label: 'Sejak', type: 'tanggal' },
    { name: 'keterangan', label: 'Keterangan', type: 'teks', multiBaris: true },
    TERDAFTAR,
  ],
  kolomDaftar: ['nama', 'jenis', 'bidang', 'kontak', 'hp', 'sejak', 'terdaftar'],
  cari: ['nama', 'bidang', 'kontak'],
  saring: ['jenis'],
  kunci: [['nama']],
};

export const TAMU: Buku = {
  nama: 'tamu',
  tabel: 'tamu',
  judul: 'Buku Tamu',
  nomorBuku: 4,
  kataTambah: 'catat',
  tanggal: 'tanggal',
  fields: [
    { name: 'tanggal', label: 'Tanggal', type: 'tanggal', required: true, hariIni: true, rentang: 'entri' },
    { name: 'nama', label: 'Nama', type: 'teks', required: true },
    { name: 'asal', label: 'Asal/instansi', type: 'teks' },
    { name: 'keperluan', label: 'Keperluan', type: 'teks' },
    { name: 'bertemu', label: 'Bertemu dengan', type: 'teks' },
    { name: 'hp', label: 'No. HP', type: 'hp' },
  ],
  kolomDaftar: ['tanggal', 'nama', 'asal', 'keperluan', 'bertemu'],
  cari: ['nama', 'asal', 'keperluan'],
  saring: [],
  anonim: { sebutan: 'Tamu', kosongkan: ['asal', 'keperluan', 'hp'] },
};

export const SURAT: Buku = {
  nama: 'surat',
  tabel: 'surat',
  judul: 'Buku Agenda Surat Masuk dan Keluar',
  nomorBuku: 1,
  kataTambah: 'catat',
  tanggal: 'tanggal',
  fields: [
    { name: 'nomor', label: 'Nomor surat', type: 'teks', required: true },
    { name: 'tanggal', label: 'Tanggal surat', type: 'tanggal', required: true, rentang: 'entri' },
    { name: 'dari', label: 'Dari', type: 'teks' },
    { name: 'kepada', label: 'Kepada', type: 'teks' },
    { name: 'perihal', label: 'Perihal', type: 'teks', required: true },
    { name: 'lampiran', label: 'Lampiran', type: 'angka' },
    { name: 'disposisi', label: 'Disposisi', type: 'teks' },
    { name: 'keterangan', label: 'Keterangan', type: 'teks', multiBaris: true },
  ],
  turunan: [
    {
      name: 'arah',
      label: 'Arah',
      type: 'pilihan',
      pilihan: {
        tetap: [
          { kode: 'masuk', nama: 'Surat masuk' },
          { kode: 'keluar', nama: 'Surat keluar' },
        ],
      },
    },
    { name: 'tahun', label: 'Tahun agenda', type: 'angka' },
    { name: 'nomor_agenda', label: 'No. agenda', type: 'angka' },
    { name: 'tanggal_catat', label: 'Tanggal dicatat', type: 'tanggal' },
  ],
  kolomDaftar: ['arah', 'nomor_agenda', 'tanggal', 'nomor', 'dari', 'kepada', 'perihal'],
  cari: ['nomor', 'dari', 'kepada', 'perihal'],
  saring: ['arah'],
};

export const INVENTARIS: Buku = {
  nama: 'inventaris',
  tabel: 'inventaris',
  judul: 'Buku Inventaris Barang',
  nomorBuku: 5,
  kataTambah: 'tambah',
  tanggal: 'tanggal',
  fields: [
    { name: 'kode', label: 'Kode barang', type: 'teks', flag: 'kode-barang' },
    { name: 'nama', label: 'Nama barang', type: 'teks', required: true },
    { name: 'jumlah', label: 'Jumlah', type: 'angka', required: true, min: 1 },
    { name: 'satuan', label: 'Satuan', type: 'teks' },
    { name: 'tanggal', label: 'Tanggal perolehan', type: 'tanggal' },
    {
      name: 'asal',
      label: 'Asal',
      type: 'pilihan',
      pilihan: {
        tetap: [
          { kode: 'beli', nama: 'Beli' },
          { kode: 'hibah', nama: 'Hibah' },
          { kode: 'swadaya', nama: 'Swadaya' },
        ],
      },
    },
    { name: 'nilai', label: 'Nilai (Rp)', type: 'jumlah' },
    {
      name: 'kondisi',
      label: 'Kondisi',
      type: 'pilihan',
      pilihan: {
        tetap: [
          { kode: 'B', nama: 'Baik' },
          { kode: 'RR', nama: 'Rusak ringan' },
          { kode: 'RB', nama: 'Rusak berat' },
        ],
      },
    },
    { name: 'lokasi', label: 'Lokasi', type: 'teks' },
    { name: 'keterangan', label: 'Keterangan', type: 'teks', multiBaris: true },
  ],
  turunan: [
    { name: 'hapus_tanggal', label: 'Tanggal dihapus', type: 'tanggal' },
    {
      name: 'hapus_alasan',
      label: 'Alasan dihapus',
      type: 'pilihan',
      pilihan: {
        tetap: [
          { kode: 'rusak', nama: 'Rusak' },
          { kode: 'dijual', nama: 'Dijual' },
          { kode: 'disumbangkan', nama: 'Disumbangkan' },
        ],
      },
    },
  ],
  kolomDaftar: ['kode', 'nama', 'jumlah', 'satuan', 'asal', 'nilai', 'kondisi', 'hapus_alasan'],
  cari: ['nama', 'kode', 'lokasi'],
  saring: ['kondisi', 'asal'],
};

export const REGISTER: Buku[] = [ANGGOTA, DONATUR, PPKS, PSKS, JEJARING, TAMU, SURAT, INVENTARIS];

/** Book 8, activities: a register whose listing adds the activity's cost from the cash book. */
export const KEGIATAN: Buku = {
  nama: 'kegiatan',
  tabel: 'kegiatan',
  judul: 'Laporan Kegiatan',
  nomorBuku: 8,
  kataTambah: 'catat',
  tanggal: 'tanggal',
  fields: [
    { name: 'tanggal', label: 'Tanggal', type: 'tanggal', required: true, hariIni: true, rentang: 'entri' },
    { name: 'nama', label: 'Nama kegiatan', type: 'teks', required: true },
    {
      name: 'jenis',
      label: 'Jenis kegiatan',
      type: 'pilihan',
      required: true,
      pilihan: {
        tetap: ['pencegahan', 'penanganan', 'rujukan', 'penggalangan', 'lainnya'].map((k) => ({ kode: k, nama: k })),
      },
    },
    { name: 'layanan', label: 'Layanan', type: 'pilihan', pilihan: { referensi: 'layanan' } },
    { name: 'tempat', label: 'Tempat', type: 'teks' },
    { name: 'sasaran', label: 'Sasaran', type: 'teks' },
    { name: 'peserta', label: 'Jumlah peserta', type: 'angka' },
    { name: 'hasil', label: 'Hasil', type: 'teks_panjang' },
  ],
  hitung: [{ name: 'biaya', label: 'Biaya', type: 'jumlah' }],
  kolomDaftar: ['tanggal', 'nama', 'jenis', 'tempat', 'peserta', 'biaya'],
  cari: ['nama', 'tempat', 'sasaran', 'hasil'],
  saring: ['jenis', 'layanan'],
};

/** Books 6 and 7, meetings: the minutes; attendance (rapat_hadir) has its own rules in src/commands/rapat.ts. */
export const RAPAT: Buku = {
  nama: 'rapat',
  tabel: 'rapat',
  judul: 'Buku Notulensi Rapat dan Daftar Hadir',
  nomorBuku: 6,
  kataTambah: 'catat',
  tanggal: 'tanggal',
  fields: [
    { name: 'tanggal', label: 'Tanggal', type: 'tanggal', required: true, hariIni: true, rentang: 'entri' },
    { name: 'waktu', label: 'Waktu (jam)', type: 'waktu' },
    { name: 'tempat', label: 'Tempat', type: 'teks' },
    {
      name: 'jenis',
      label: 'Jenis rapat',
      type: 'pilihan',
      pilihan: {
        tetap: [
          { kode: 'rutin', nama: 'Rutin' },
          { kode: 'insidental', nama: 'Insidental' },
        ],
      },
    },
    { name: 'pimpinan', label: 'Pimpinan rapat', type: 'teks' },
    { name: 'notulis', label: 'Notulis', type: 'teks' },
    { name: 'agenda', label: 'Agenda', type: 'teks_panjang', required: true },
    { name: 'pembahasan', label: 'Pembahasan', type: 'teks_panjang' },
    { name: 'keputusan', label: 'Keputusan', type: 'teks_panjang' },
  ],
  hitung: [{ name: 'hadir', label: 'Hadir', type: 'angka' }],
  kolomDaftar: ['tanggal', 'waktu', 'jenis', 'tempat', 'agenda', 'hadir'],
  cari: ['agenda', 'pembahasan', 'keputusan', 'tempat'],
  saring: ['jenis'],
};
