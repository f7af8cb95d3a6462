// The first schema: the profile, reference lists, the cash book and the tables of all 13 books.
import { type Kysely, sql } from 'kysely';
import { REFERENSI } from './referensi-awal.js';

const TABEL = `
CREATE TABLE profil (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  nama TEXT NOT NULL,
  padukuhan TEXT NOT NULL,
  kalurahan TEXT NOT NULL,
  kapanewon TEXT NOT NULL,
  kabupaten TEXT NOT NULL DEFAULT 'Bantul',
  provinsi TEXT NOT NULL DEFAULT 'DI Yogyakarta',
  alamat TEXT,
  sk_nomor TEXT,
  sk_tanggal TEXT,
  tanggal_berdiri TEXT,
  ketua TEXT, hp_ketua TEXT,
  sekretaris TEXT, hp_sekretaris TEXT,
  bendahara TEXT, hp_bendahara TEXT,
  lurah TEXT,
  sebutan_padukuhan TEXT NOT NULL DEFAULT 'Padukuhan',
  sebutan_kalurahan TEXT NOT NULL DEFAULT 'Kalurahan',
  sebutan_kapanewon TEXT NOT NULL DEFAULT 'Kapanewon',
  sebutan_kabupaten TEXT NOT NULL DEFAULT 'Kabupaten',
  sebutan_lurah TEXT NOT NULL DEFAULT 'Lurah',
  cap BLOB,
  cap_mime TEXT,
  dibuat TEXT NOT NULL,
  diubah TEXT NOT NULL
);

CREATE TABLE dana (
  kode TEXT PRIMARY KEY,
  nama TEXT NOT NULL,
  terikat INTEGER NOT NULL DEFAULT 0 CHECK (terikat IN (0, 1)),
  hanya_jenis TEXT REFERENCES jenis_pengeluaran (kode),
  perlu_asnaf INTEGER NOT NULL DEFAULT 0 CHECK (perlu_asnaf IN (0, 1)),
  dibuat TEXT NOT NULL
);

CREATE TABLE akun (
  kode TEXT PRIMARY KEY,
  nama TEXT NOT NULL,
  dibuat TEXT NOT NULL
);

CREATE TABLE sumber (
  kode TEXT PRIMARY KEY,
  nama TEXT NOT NULL,
  dana TEXT REFERENCES dana (kode),
  dana_wajib INTEGER NOT NULL DEFAULT 0 CHECK (dana_wajib IN (0, 1)),
  urutan INTEGER NOT NULL
);

CREATE TABLE jenis_pengeluaran (
  kode TEXT PRIMARY KEY,
  nama TEXT NOT NULL,
  perlu_layanan INTEGER NOT NULL DEFAULT 0 CHECK (perlu_layanan IN (0, 1)),
  urutan INTEGER NOT NULL
);

CREATE TABLE layanan (
  kode TEXT PRIMARY KEY,
  nama TEXT NOT NULL,
  penanganan INTEGER NOT NULL DEFAULT 0 CHECK (penanganan IN (0, 1)),
  urutan INTEGER NOT NULL
);

CREATE TABLE asnaf (
  kode TEXT PRIMARY KEY,
  nama TEXT NOT NULL,
  urutan INTEGER NOT NULL
);

CREATE TABLE kategori_ppks (
  kode TEXT PRIMARY KEY,
  nomor INTEGER NOT NULL UNIQUE,
  nama TEXT NOT NULL,
  umur_min INTEGER,
  umur_maks INTEGER,
  jk TEXT CHECK (jk IN ('L', 'P')),
  data_spesifik INTEGER NOT NULL DEFAULT 0 CHECK (data_spesifik IN (0, 1))
);

CREATE TABLE kategori_psks (
  kode TEXT PRIMARY KEY,
  nomor INTEGER NOT NULL UNIQUE,
  nama TEXT NOT NULL
);

-- Books 2 and 3: the cash book. Posted rows are append-only (triggers below) and hash-chained.
CREATE TABLE kas (
  id INTEGER PRIMARY KEY,
  nomor TEXT NOT NULL UNIQUE,
  bukti TEXT NOT NULL CHECK (bukti IN ('BKM', 'BKK', 'PB')),
  tahun INTEGER NOT NULL,
  urut INTEGER NOT NULL,
  arah TEXT NOT NULL CHECK (arah IN ('masuk', 'keluar', 'pindah')),
  tanggal TEXT NOT NULL,
  jumlah INTEGER NOT NULL CHECK (jumlah <> 0),
  sumber TEXT REFERENCES sumber (kode),
  jenis TEXT REFERENCES jenis_pengeluaran (kode),
  layanan TEXT REFERENCES layanan (kode),
  asnaf TEXT REFERENCES asnaf (kode),
  dana TEXT REFERENCES dana (kode),
  akun TEXT NOT NULL REFERENCES akun (kode),
  akun_tujuan TEXT REFERENCES akun (kode),
  donatur_id INTEGER REFERENCES donatur (id),
  kegiatan_id INTEGER REFERENCES kegiatan (id),
  uraian TEXT,
  batal_dari INTEGER UNIQUE REFERENCES kas (id),
  alasan_batal TEXT,
  impor_id INTEGER,
  dibuat TEXT NOT NULL,
  hash_sebelum TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (bukti, tahun, urut),
  CHECK ((arah = 'masuk') = (sumber IS NOT NULL)),
  CHECK ((arah = 'keluar') = (jenis IS NOT NULL)),
  CHECK ((arah = 'pindah') = (akun_tujuan IS NOT NULL)),
  CHECK ((arah = 'pindah') = (dana IS NULL))
);
CREATE INDEX kas_tanggal ON kas (tanggal, arah, jumlah);

CREATE TRIGGER kas_tanpa_ubah BEFORE UPDATE ON kas
BEGIN SELECT RAISE(ABORT, 'entri kas yang sudah diposting tidak boleh diubah; batalkan dengan wksbm kas batal'); END;
CREATE TRIGGER kas_tanpa_hapus BEFORE DELETE ON kas
BEGIN SELECT RAISE(ABORT, 'entri kas yang sudah diposting tidak boleh dihapus; batalkan dengan wksbm kas batal'); END;

-- Closing a quarter is a log: the latest row for a quarter says whether it is closed.
CREATE TABLE tutup_buku (
  id INTEGER PRIMARY KEY,
  tahun INTEGER NOT NULL,
  triwulan INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
  aksi TEXT NOT NULL CHECK (aksi IN ('tutup', 'buka')),
  alasan TEXT,
  waktu TEXT NOT NULL
);
CREATE TRIGGER tutup_buku_tanpa_ubah BEFORE UPDATE ON tutup_buku
BEGIN SELECT RAISE(ABORT, 'riwayat tutup buku tidak boleh diubah'); END;
CREATE TRIGGER tutup_buku_tanpa_hapus BEFORE DELETE ON tutup_buku
BEGIN SELECT RAISE(ABORT, 'riwayat tutup buku tidak boleh dihapus'); END;

-- Book 2 (in kind): stock of natura, in thousandths of its unit, append-only and chained like kas.
CREATE TABLE natura (
  id INTEGER PRIMARY KEY,
  tanggal TEXT NOT NULL,
  barang TEXT NOT NULL,
  satuan TEXT NOT NULL,
  arah TEXT NOT NULL CHECK (arah IN ('masuk', 'keluar')),
  kuantitas_mili INTEGER NOT NULL CHECK (kuantitas_mili <> 0),
  sumber TEXT REFERENCES sumber (kode),
  tujuan TEXT CHECK (tujuan IN ('penyaluran', 'jual', 'lainnya')),
  kas_id INTEGER REFERENCES kas (id),
  donatur_id INTEGER REFERENCES donatur (id),
  uraian TEXT,
  batal_dari INTEGER UNIQUE REFERENCES natura (id),
  impor_id INTEGER,
  dibuat TEXT NOT NULL,
  hash_sebelum TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX natura_barang ON natura (barang, tanggal);
CREATE TRIGGER natura_tanpa_ubah BEFORE UPDATE ON natura
BEGIN SELECT RAISE(ABORT, 'entri natura yang sudah diposting tidak boleh diubah'); END;
CREATE TRIGGER natura_tanpa_hapus BEFORE DELETE ON natura
BEGIN SELECT RAISE(ABORT, 'entri natura yang sudah diposting tidak boleh dihapus'); END;

-- Members and officers: attendance lists and signatures draw on them.
CREATE TABLE anggota (
  id INTEGER PRIMARY KEY,
  nama TEXT NOT NULL,
  jabatan TEXT NOT NULL DEFAULT 'anggota',
  jk TEXT CHECK (jk IN ('L', 'P')),
  hp TEXT,
  alamat TEXT,
  tanggal_masuk TEXT,
  aktif INTEGER NOT NULL DEFAULT 1 CHECK (aktif IN (0, 1)),
  dibuat TEXT NOT NULL
);

-- Book 1
CREATE TABLE surat (
  id INTEGER PRIMARY KEY,
  arah TEXT NOT NULL CHECK (arah IN ('masuk', 'keluar')),
  tahun INTEGER NOT NULL,
  nomor_agenda INTEGER NOT NULL,
  tanggal TEXT NOT NULL,
  tanggal_catat TEXT NOT NULL,
  nomor TEXT NOT NULL,
  dari TEXT,
  kepada TEXT,
  perihal TEXT NOT NULL,
  lampiran INTEGER NOT NULL DEFAULT 0,
  disposisi TEXT,
  keterangan TEXT,
  dibuat TEXT NOT NULL,
  UNIQUE (arah, tahun, nomor_agenda)
);

-- Book 4
CREATE TABLE tamu (
  id INTEGER PRIMARY KEY,
  tanggal TEXT NOT NULL,
  nama TEXT NOT NULL,
  asal TEXT,
  keperluan TEXT,
  bertemu TEXT,
  hp TEXT,
  dibuat TEXT NOT NULL
);

-- Book 5
CREATE TABLE inventaris (
  id INTEGER PRIMARY KEY,
  kode TEXT,
  nama TEXT NOT NULL,
  jumlah INTEGER NOT NULL CHECK (jumlah > 0),
  satuan TEXT NOT NULL DEFAULT 'buah',
  tanggal TEXT,
  asal TEXT CHECK (asal IN ('beli', 'hibah', 'swadaya')),
  nilai INTEGER CHECK (nilai >= 0),
  kondisi TEXT NOT NULL DEFAULT 'B' CHECK (kondisi IN ('B', 'RR', 'RB')),
  lokasi TEXT,
  keterangan TEXT,
  hapus_tanggal TEXT,
  hapus_alasan TEXT CHECK (hapus_alasan IN ('rusak', 'dijual', 'disumbangkan')),
  dibuat TEXT NOT NULL
);

-- Books 6 and 7
CREATE TABLE rapat (
  id INTEGER PRIMARY KEY,
  tanggal TEXT NOT NULL,
  waktu TEXT,
  tempat TEXT,
  jenis TEXT NOT NULL DEFAULT 'rutin' CHECK (jenis IN ('rutin', 'insidental')),
  pimpinan TEXT,
  notulis TEXT,
  agenda TEXT NOT NULL,
  pembahasan TEXT,
  keputusan TEXT,
  dibuat TEXT NOT NULL
);
CREATE TABLE rapat_hadir (
  id INTEGER PRIMARY KEY,
  rapat_id INTEGER NOT NULL REFERENCES rapat (id),
  anggota_id INTEGER REFERENCES anggota (id),
  nama TEXT NOT NULL,
  peran TEXT,
  asal TEXT,
  tamu INTEGER NOT NULL DEFAULT 0 CHECK (tamu IN (0, 1))
);
CREATE INDEX rapat_hadir_rapat ON rapat_hadir (rapat_id);

-- Book 8: activities and aid
CREATE TABLE kegiatan (
  id INTEGER PRIMARY KEY,
  tanggal TEXT NOT NULL,
  nama TEXT NOT NULL,
  jenis TEXT NOT NULL CHECK (jenis IN ('pencegahan', 'penanganan', 'rujukan', 'penggalangan', 'lainnya')),
  layanan TEXT REFERENCES layanan (kode),
  tempat TEXT,
  sasaran TEXT,
  peserta INTEGER CHECK (peserta >= 0),
  hasil TEXT,
  dibuat TEXT NOT NULL
);
CREATE TABLE penyaluran (
  id INTEGER PRIMARY KEY,
  tanggal TEXT NOT NULL,
  ppks_id INTEGER NOT NULL REFERENCES ppks (id),
  layanan TEXT NOT NULL REFERENCES layanan (kode),
  bentuk TEXT NOT NULL CHECK (bentuk IN ('uang', 'barang')),
  kas_id INTEGER REFERENCES kas (id),
  natura_id INTEGER REFERENCES natura (id),
  asnaf TEXT REFERENCES asnaf (kode),
  kegiatan_id INTEGER REFERENCES kegiatan (id),
  uraian TEXT,
  dibuat TEXT NOT NULL,
  CHECK ((bentuk = 'uang') = (kas_id IS NOT NULL)),
  CHECK ((bentuk = 'barang') = (natura_id IS NOT NULL))
);
CREATE TABLE santunan (
  id INTEGER PRIMARY KEY,
  kas_id INTEGER NOT NULL UNIQUE REFERENCES kas (id),
  almarhum TEXT NOT NULL,
  tanggal_wafat TEXT NOT NULL,
  ahli_waris TEXT NOT NULL,
  hubungan TEXT NOT NULL,
  alamat TEXT,
  dibuat TEXT NOT NULL
);

-- Book 9
CREATE TABLE ppks (
  id INTEGER PRIMARY KEY,
  nik TEXT UNIQUE CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
  no_kk TEXT,
  nama TEXT NOT NULL,
  jk TEXT CHECK (jk IN ('L', 'P')),
  tanggal_lahir TEXT,
  alamat TEXT,
  rt TEXT,
  rw TEXT,
  padukuhan TEXT,
  kategori TEXT NOT NULL REFERENCES kategori_ppks (kode),
  status TEXT NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'tertangani', 'pindah', 'meninggal')),
  dasar_pemrosesan TEXT CHECK (dasar_pemrosesan IN ('persetujuan', 'tugas_publik')),
  persetujuan_wali TEXT,
  keterangan TEXT,
  dianonimkan TEXT,
  impor_id INTEGER,
  dibuat TEXT NOT NULL
);

-- Book 10
CREATE TABLE psks (
  id INTEGER PRIMARY KEY,
  nama TEXT NOT NULL,
  jenis TEXT NOT NULL DEFAULT 'perorangan' CHECK (jenis IN ('perorangan', 'lembaga')),
  kategori TEXT NOT NULL REFERENCES kategori_psks (kode),
  hp TEXT,
  alamat TEXT,
  keterangan TEXT,
  impor_id INTEGER,
  dibuat TEXT NOT NULL
);

-- Book 11
CREATE TABLE donatur (
  id INTEGER PRIMARY KEY,
  nama TEXT NOT NULL,
  jenis TEXT NOT NULL DEFAULT 'perorangan' CHECK (jenis IN ('perorangan', 'lembaga', 'csr')),
  hp TEXT,
  alamat TEXT,
  email TEXT,
  janji INTEGER CHECK (janji IS NULL OR janji > 0),
  keterangan TEXT,
  impor_id INTEGER,
  dibuat TEXT NOT NULL
);
CREATE INDEX donatur_hp ON donatur (hp);

-- Book 12
CREATE TABLE jejaring (
  id INTEGER PRIMARY KEY,
  nama TEXT NOT NULL,
  jenis TEXT NOT NULL DEFAULT 'lembaga' CHECK (jenis IN ('instansi', 'lembaga', 'usaha', 'organisasi', 'perorangan')),
  bidang TEXT,
  kontak TEXT,
  hp TEXT,
  alamat TEXT,
  nomor_kerjasama TEXT,
  sejak TEXT,
  keterangan TEXT,
  dibuat TEXT NOT NULL
);

-- Registers may be edited; every change is kept here.
CREATE TABLE perubahan (
  id INTEGER PRIMARY KEY,
  tabel TEXT NOT NULL,
  baris_id INTEGER NOT NULL,
  kolom TEXT NOT NULL,
  lama TEXT,
  baru TEXT,
  oleh TEXT NOT NULL,
  waktu TEXT NOT NULL
);
CREATE INDEX perubahan_baris ON perubahan (tabel, baris_id);
CREATE TRIGGER perubahan_tanpa_ubah BEFORE UPDATE ON perubahan
BEGIN SELECT RAISE(ABORT, 'jejak perubahan tidak boleh diubah'); END;
CREATE TRIGGER perubahan_tanpa_hapus BEFORE DELETE ON perubahan
BEGIN SELECT RAISE(ABORT, 'jejak perubahan tidak boleh dihapus'); END;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const stmt of splitStatements(TABEL)) await sql.raw(stmt).execute(db);
  const waktu = new Date().toISOString();
  const r = REFERENSI;
  for (const j of r.jenis)
    await sql`INSERT INTO jenis_pengeluaran (kode, nama, perlu_layanan, urutan)
      VALUES (${j.kode}, ${j.nama}, ${j.perlu_layanan}, ${j.urutan})`.execute(db);
  for (const d of r.dana)
    await sql`INSERT INTO dana (kode, nama, terikat, hanya_jenis, perlu_asnaf, dibuat)
      VALUES (${d.kode}, ${d.nama}, ${d.terikat}, ${d.hanya_jenis}, ${d.perlu_asnaf}, ${waktu})`.execute(db);
  for (const a of r.akun)
    await sql`INSERT INTO akun (kode, nama, dibuat) VALUES (${a.kode}, ${a.nama}, ${waktu})`.execute(db);
  for (const s of r.sumber)
    await sql`INSERT INTO sumber (kode, nama, dana, dana_wajib, urutan)
      VALUES (${s.kode}, ${s.nama}, ${s.dana}, ${s.dana_wajib}, ${s.urutan})`.execute(db);
  for (const l of r.layanan)
    await sql`INSERT INTO layanan (kode, nama, penanganan, urutan)
      VALUES (${l.kode}, ${l.nama}, ${l.penanganan}, ${l.urutan})`.execute(db);
  for (const a of r.asnaf)
    await sql`INSERT INTO asnaf (kode, nama, urutan) VALUES (${a.kode}, ${a.nama}, ${a.urutan})`.execute(db);
  for (const k of r.ppks)
    await sql`INSERT INTO kategori_ppks (kode, nomor, nama, umur_min, umur_maks, jk, data_spesifik)
      VALUES (${k.kode}, ${k.nomor}, ${k.nama}, ${k.umur_min}, ${k.umur_maks}, ${k.jk}, ${k.data_spesifik})`.execute(
      db,
    );
  for (const k of r.psks)
    await sql`INSERT INTO kategori_psks (kode, nomor, nama) VALUES (${k.kode}, ${k.nomor}, ${k.nama})`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrasi awal tidak bisa dibalik');
}

/** Splits DDL on `;` at line ends, keeping trigger bodies (which end in `END;`) whole. */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let buf = '';
  for (const line of text.split('\n')) {
    if (line.trim().startsWith('--') || line.trim() === '') continue;
    buf += line + '\n';
    const t = buf.trim();
    const inTrigger = /^CREATE TRIGGER/i.test(t) && !/END;$/i.test(t);
    if (t.endsWith(';') && !inTrigger) {
      out.push(t);
      buf = '';
    }
  }
  if (buf.trim()) out.push(buf.trim());
  return out;
}
