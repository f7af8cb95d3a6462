// Reading the books for the quarterly report: everything the report model needs, nothing computed.
import { type Kysely, sql } from 'kysely';
import { getProfil, type Profil } from './profil-repo.js';
import { type Kas, listKas, saldoAkun, saldoDana } from './kas-repo.js';
import { loadReferensi, type Referensi } from './referensi-repo.js';
import type { Database } from './types.js';

export interface PenyaluranBaris {
  id: number;
  tanggal: string;
  layanan: string;
  bentuk: 'uang' | 'barang';
  uraian: string | null;
  asnaf: string | null;
  nomor: string | null;
  jumlah: number | null;
  dana: string | null;
  /** the reversal's (negative) amount when the payment was voided by the quarter's end */
  jumlah_batal: number | null;
  nomor_batal: string | null;
  kuantitas_mili: number | null;
  barang: string | null;
  satuan: string | null;
  ppks_id: number;
  nama: string;
  nik: string | null;
  alamat: string | null;
  rt: string | null;
  padukuhan: string | null;
  kategori: string;
}

export interface SantunanBaris {
  id: number;
  tanggal: string;
  nomor: string;
  jumlah: number;
  dana: string | null;
  jumlah_batal: number | null;
  nomor_batal: string | null;
  almarhum: string;
  tanggal_wafat: string;
  ahli_waris: string;
  hubungan: string;
  alamat: string | null;
}

export interface KegiatanBaris {
  id: number;
  tanggal: string;
  nama: string;
  jenis: string;
  layanan: string | null;
  tempat: string | null;
  sasaran: string | null;
  peserta: number | null;
  hasil: string | null;
  biaya: number;
}

export interface RapatBaris {
  id: number;
  tanggal: string;
  jenis: string;
  tempat: string | null;
  agenda: string;
  keputusan: string | null;
  hadir: number;
}

export interface NaturaGerak {
  tanggal: string;
  barang: string;
  satuan: string;
  arah: 'masuk' | 'keluar';
  kuantitas_mili: number;
}

export interface BahanLaporan {
  dari: string;
  sampai: string;
  profil: Omit<Profil, 'cap'>;
  cap: { buffer: Buffer; mime: string } | null;
  ref: Referensi;
  saldoAwalAkun: Map<string, number>;
  saldoAkhirDana: Map<string, number>;
  saldoAkhirAkun: Map<string, number>;
  kas: (Kas & { nomor_batal: string | null; dibatalkan_oleh: string | null })[];
  natura: NaturaGerak[];
  penyaluran: PenyaluranBaris[];
  santunan: SantunanBaris[];
  kegiatan: KegiatanBaris[];
  rapat: RapatBaris[];
  ppks: { id: number; jk: string | null; kategori: string; terdata: string }[];
  psks: { jenis: string; kategori: string; terdata: string }[];
  donatur: { jenis: string; terdata: string }[];
  sumbanganDonatur: number;
  jejaring: { nama: string; jenis: string; bidang: string | null; sejak: string | null; nomor_kerjasama: string | null; terdata: string }[];
  jumlahAnggota: number;
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Loads the books for the quarter [dari, sampai]; `sebelum` is the day before `dari`. */
export async function loadBahanLaporan(db: Kysely<Database>, dari: string, sampai: string, sebelum: string): Promise<BahanLaporan | undefined> {
  const profilPenuh = await getProfil(db);
  if (!profilPenuh) return undefined;
  const { cap, ...profil } = profilPenuh;
  const batal = (kolom: 'jumlah' | 'nomor') => sql`(SELECT ${sql.ref(`r.${kolom}`)} FROM kas r WHERE r.batal_dari = k.id AND r.tanggal <= ${sampai})`;
  const [ref, saldoAwalAkun, saldoAkhirDana, saldoAkhirAkun, kas] = await Promise.all([loadReferensi(db), saldoAkun(db, sebelum), saldoDana(db, sampai), saldoAkun(db, sampai), listKas(db, { dari, sampai })]);
  const natura = await sql<NaturaGerak>`SELECT tanggal, barang, satuan, arah, kuantitas_mili FROM natura WHERE tanggal <= ${sampai} ORDER BY barang, tanggal, id`.execute(db);
  const penyaluran = await sql<PenyaluranBaris>`
    SELECT p.id, p.tanggal, p.layanan, p.bentuk, p.uraian, p.asnaf, k.nomor, k.jumlah, k.dana,
           ${batal('jumlah')} AS jumlah_batal, ${batal('nomor')} AS nomor_batal,
           t.kuantitas_mili, t.barang, t.satuan,
           x.id AS ppks_id, x.nama, x.nik, x.alamat, x.rt, x.padukuhan, x.kategori
    FROM penyaluran p JOIN ppks x ON x.id = p.ppks_id
    LEFT JOIN kas k ON k.id = p.kas_id LEFT JOIN natura t ON t.id = p.natura_id
    WHERE p.tanggal BETWEEN ${dari} AND ${sampai} ORDER BY p.tanggal, p.id`.execute(db);
  const santunan = await sql<SantunanBaris>`
    SELECT s.id, k.tanggal, k.nomor, k.jumlah, k.dana, ${batal('jumlah')} AS jumlah_batal, ${batal('nomor')} AS nomor_batal,
           s.almarhum, s.tanggal_wafat, s.ahli_waris, s.hubungan, s.alamat
    FROM santunan s JOIN kas k ON k.id = s.kas_id
    WHERE k.tanggal BETWEEN ${dari} AND ${sampai} ORDER BY k.tanggal, k.id`.execute(db);
  const kegiatan = await sql<KegiatanBaris>`
    SELECT g.id, g.tanggal, g.nama, g.jenis, g.layanan, g.tempat, g.sasaran, g.peserta, g.hasil,
           coalesce((SELECT sum(k.jumlah) FROM kas k WHERE k.kegiatan_id = g.id AND k.arah = 'keluar' AND k.tanggal <= ${sampai}), 0) AS biaya
    FROM kegiatan g WHERE g.tanggal BETWEEN ${dari} AND ${sampai} ORDER BY g.tanggal, g.id`.execute(db);
  const rapat = await sql<RapatBaris>`
    SELECT r.id, r.tanggal, r.jenis, r.tempat, r.agenda, r.keputusan, (SELECT count(*) FROM rapat_hadir h WHERE h.rapat_id = r.id) AS hadir
    FROM rapat r WHERE r.tanggal BETWEEN ${dari} AND ${sampai} ORDER BY r.tanggal, r.id`.execute(db);
  // registered by the quarter's end / within it: the day the user gave (`terdaftar`), not when it was typed in
  const ppks = await sql<BahanLaporan['ppks'][number]>`SELECT id, jk, kategori, terdaftar AS terdata FROM ppks ORDER BY id`.execute(db);
  const psks = await sql<BahanLaporan['psks'][number]>`SELECT jenis, kategori, terdaftar AS terdata FROM psks`.execute(db);
  const donatur = await sql<BahanLaporan['donatur'][number]>`SELECT jenis, terdaftar AS terdata FROM donatur`.execute(db);
  const sumbangan = await sql<{ s: number }>`SELECT coalesce(sum(jumlah), 0) AS s FROM kas WHERE arah = 'masuk' AND donatur_id IS NOT NULL AND tanggal BETWEEN ${dari} AND ${sampai}`.execute(db);
  const jejaring = await sql<BahanLaporan['jejaring'][number]>`SELECT nama, jenis, bidang, sejak, nomor_kerjasama, terdaftar AS terdata FROM jejaring ORDER BY nama, id`.execute(db);
  const anggota = await sql<{ n: number }>`SELECT count(*) AS n FROM anggota WHERE aktif = 1`.execute(db);
  return {
    dari,
    sampai,
    profil,
    cap: cap ? { buffer: Buffer.from(cap), mime: profil.cap_mime ?? 'image/png' } : null,
    ref,
    saldoAwalAkun,
    saldoAkhirDana,
    saldoAkhirAkun,
    kas,
    natura: natura.rows.map((r) => ({ ...r, kuantitas_mili: Number(r.kuantitas_mili) })),
    penyaluran: penyaluran.rows.map((r) => ({ ...r, jumlah: n(r.jumlah), jumlah_batal: n(r.jumlah_batal), kuantitas_mili: n(r.kuantitas_mili) })),
    santunan: santunan.rows.map((r) => ({ ...r, jumlah: Number(r.jumlah), jumlah_batal: n(r.jumlah_batal) })),
    kegiatan: kegiatan.rows.map((r) => ({ ...r, biaya: Number(r.biaya), peserta: n(r.peserta) })),
    rapat: rapat.rows.map((r) => ({ ...r, hadir: Number(r.hadir) })),
    ppks: ppks.rows,
    psks: psks.rows,
    donatur: donatur.rows,
    sumbanganDonatur: Number(sumbangan.rows[0]?.s ?? 0),
    jejaring: jejaring.rows,
    jumlahAnggota: Number(anggota.rows[0]?.n ?? 0),
  };
}
