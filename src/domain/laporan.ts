// The books of one quarter as the quarterly report reads them: what the repository hands over,
// with every amount already Rupiah and every date an ISO string. Nothing here is computed.
import type { EntriKas, SaldoPerKode } from './kas.js';
import type { Rupiah } from './money.js';

/** The profile fields the report shows, in the order `unit` lists them in the report's JSON. */
export const KOLOM_UNIT = [
  'nama',
  'alamat',
  'telepon',
  'padukuhan',
  'kalurahan',
  'kapanewon',
  'kabupaten',
  'provinsi',
  'sk_nomor',
  'sk_tanggal',
  'tanggal_berdiri',
  'ketua',
  'hp_ketua',
  'sekretaris',
  'hp_sekretaris',
  'bendahara',
  'hp_bendahara',
  'lurah',
  'sebutan_padukuhan',
  'sebutan_kalurahan',
  'sebutan_kapanewon',
  'sebutan_kabupaten',
  'sebutan_lurah',
] as const;

export type KolomUnit = (typeof KOLOM_UNIT)[number];
export type ProfilUnit = Record<KolomUnit, string | null>;

export interface Kode {
  kode: string;
  nama: string;
}

/** The reference lists in their official order: every sumber, jenis and category gets its row. */
export interface ReferensiLaporan {
  dana: Kode[];
  akun: Kode[];
  sumber: Kode[];
  jenis: (Kode & { perlu_layanan: boolean })[];
  layanan: Kode[];
  ppks: (Kode & { nomor: number })[];
  psks: (Kode & { nomor: number })[];
}

export interface PenyaluranBaris {
  id: number;
  tanggal: string;
  layanan: string;
  bentuk: 'uang' | 'barang';
  uraian: string | null;
  asnaf: string | null;
  nomor: string | null;
  /** null for goods */
  jumlah: Rupiah | null;
  dana: string | null;
  /** the reversal's (negative) amount when the payment was voided by the quarter's end */
  jumlah_batal: Rupiah | null;
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
  jumlah: Rupiah;
  dana: string | null;
  jumlah_batal: Rupiah | null;
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
  /** paid out through the cash book for this activity by the quarter's end */
  biaya: Rupiah;
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
  /** thousandths of the item's unit; negative on a reversal */
  kuantitas_mili: number;
}

/**
 * Registered PPKS alike in everything the report counts (sex, category, the day registered, the day died): `n` of
 * them. The unit's file gives one line per such group, not per person: a register of 100,000 is a few thousand lines.
 * `terdata` (here and in the registers below): the day the user says the record was registered, not when it was
 * typed in.
 */
export interface PpksTerdata {
  jk: string | null;
  kategori: string;
  terdata: string;
  /** the day they died (santunan --ppks); a quarter ending on or after it no longer counts them */
  meninggal?: string | null;
  n: number;
}

/** Registered PSKS alike in kind, category, the day registered and area: `n` of them. */
export interface PsksTerdata {
  jenis: string;
  kategori: string;
  terdata: string;
  /** `dalam` or `luar` the unit's area */
  wilayah: string;
  n: number;
}

/** Donors of one kind registered on one day: `n` of them. */
export interface DonaturTerdata {
  jenis: string;
  terdata: string;
  n: number;
}

export interface JejaringTerdata {
  nama: string;
  jenis: string;
  bidang: string | null;
  sejak: string | null;
  nomor_kerjasama: string | null;
  terdata: string;
}

/**
 * The quarter's cash entries summed by what the report counts them under (arah, sumber, jenis,
 * layanan): a few dozen rows whatever the quarter's length, so the figures never need the entries.
 */
export interface PosKas {
  arah: EntriKas['arah'];
  sumber: string | null;
  jenis: string | null;
  layanan: string | null;
  jumlah: Rupiah;
  /** how many entries the sum covers */
  entri: number;
}

export interface BahanLaporan {
  dari: string;
  sampai: string;
  profil: ProfilUnit;
  cap: { buffer: Buffer; mime: string } | null;
  ref: ReferensiLaporan;
  saldoAwalAkun: SaldoPerKode;
  saldoAkhirDana: SaldoPerKode;
  saldoAkhirAkun: SaldoPerKode;
  /** the quarter's entries one by one: only for the workbook's cash book or `--json --rinci` */
  kas: EntriKas[] | null;
  /** the same entries read again as a stream each time it is called (a long quarter's workbook) */
  aliranKas?: () => Iterable<EntriKas>;
  kasPerPos: PosKas[];
  natura: NaturaGerak[];
  penyaluran: PenyaluranBaris[];
  santunan: SantunanBaris[];
  kegiatan: KegiatanBaris[];
  rapat: RapatBaris[];
  ppks: PpksTerdata[];
  psks: PsksTerdata[];
  donatur: DonaturTerdata[];
  /** money given by registered donors within the quarter */
  sumbanganDonatur: Rupiah;
  jejaring: JejaringTerdata[];
  jumlahAnggota: number;
}
