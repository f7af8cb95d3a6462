// The quarterly report as a model: every figure of the quarter, computed from the books. The
// workbook, `laporan triwulan --json` and the hidden `_data` sheet are all written from this.
import { maskNik } from '../books/buku.js';
import { formatTanggal, romawi, type Triwulan } from '../domain/dates.js';
import type { EntriKas } from '../domain/kas.js';
import {
  type BahanLaporan,
  type KegiatanBaris,
  KOLOM_UNIT,
  type PenyaluranBaris,
  type PosKas,
  type PsksTerdata,
  type RapatBaris,
  type ReferensiLaporan,
  type SantunanBaris,
} from '../domain/laporan.js';
import {
  jumlahkan,
  jumlahSemua,
  kurangkan,
  miliKeAngka,
  NOL,
  parseRupiahBerkas,
  type Rupiah,
} from '../domain/money.js';
import { alirBukuKas, type BarisBukuKas, bukuKas } from './buku-kas.js';

export const VERSI_FORMAT = 1;

export interface BarisPenyaluran {
  no: number;
  tanggal: string;
  nomor: string;
  nama: string;
  nik: string;
  alamat: string;
  kategori: string;
  layanan: string;
  bentuk: 'uang' | 'barang';
  uraian: string;
  /** rupiah net of a void posted by the quarter's end; null for goods */
  nilai: Rupiah | null;
  kuantitas: number | null;
  satuan: string | null;
  sumber_dana: string;
  /** the zakat asnaf the aid was given under, when one was named */
  asnaf: string | null;
  santunan: boolean;
}

/** Code → the name a reader sees, for every code the report's rows carry. */
export interface NamaKode {
  sumber: Record<string, string>;
  jenis: Record<string, string>;
  layanan: Record<string, string>;
  dana: Record<string, string>;
  akun: Record<string, string>;
  ppks: Record<string, string>;
}

export interface Keuangan {
  saldo_awal: Rupiah;
  penerimaan: { kode: string; nama: string; jumlah: Rupiah }[];
  total_penerimaan: Rupiah;
  pengeluaran: { kode: string; jenis: string; layanan: string | null; nama: string; jumlah: Rupiah }[];
  total_pengeluaran: Rupiah;
  saldo_akhir: Rupiah;
  per_dana: { kode: string; nama: string; saldo: Rupiah }[];
  per_akun: { kode: string; nama: string; saldo: Rupiah }[];
}

/** Stock of one item, in the item's unit (kg, not thousandths). */
export interface StokNatura {
  barang: string;
  satuan: string;
  awal: number;
  masuk: number;
  keluar: number;
  akhir: number;
}

export interface BarisKegiatan {
  no: number;
  tanggal: string;
  nama: string;
  jenis: string;
  tempat: string | null;
  sasaran: string | null;
  peserta: number | null;
  biaya: Rupiah;
  hasil: string | null;
}

export interface BarisRapat {
  no: number;
  tanggal: string;
  jenis: string;
  tempat: string | null;
  agenda: string;
  hadir: number;
  keputusan: string | null;
}

export interface BarisPpks {
  nomor: number;
  kode: string;
  nama: string;
  l: number;
  p: number;
  jumlah: number;
  baru: number;
  menerima: number;
  nilai: Rupiah;
}

export interface BarisPsks {
  nomor: number;
  kode: string;
  nama: string;
  perorangan: number;
  lembaga: number;
  jumlah: number;
}

export interface RingkasanDonatur {
  perorangan: number;
  lembaga: number;
  csr: number;
  jumlah: number;
  baru: number;
  sumbangan: Rupiah;
}

export interface LaporanTriwulan {
  versi: number;
  periode: { tahun: number; triwulan: number; romawi: string; dari: string; sampai: string };
  tanggal_laporan: string;
  unit: Record<string, string | null>;
  nama_kode: NamaKode;
  keuangan: Keuangan;
  natura: StokNatura[];
  /** every entry of the quarter with its running balance: present only when the entries were loaded */
  buku_kas?: BarisBukuKas[];
  /** the same rows as a stream, read anew at each call: when the entries were not loaded but can be read */
  aliran_kas?: () => Iterable<BarisBukuKas>;
  jumlah_entri_kas: number;
  penyaluran: BarisPenyaluran[];
  total_penyaluran: Rupiah;
  kegiatan: BarisKegiatan[];
  rapat: BarisRapat[];
  ppks: BarisPpks[];
  psks: BarisPsks[];
  /** the same counts for PSKS in the unit's own area and outside it (the PSKS sheet's two groups) */
  psks_wilayah: { dalam: BarisPsks[]; luar: BarisPsks[] };
  jejaring: {
    nama: string;
    jenis: string;
    bidang: string | null;
    sejak: string | null;
    nomor_kerjasama: string | null;
  }[];
  donatur: RingkasanDonatur;
  jumlah_anggota: number;
}

export function laporanTriwulan(b: BahanLaporan, t: Triwulan, tanggalLaporan: string): LaporanTriwulan {
  const { dari, sampai } = b;
  const keuangan = susunKeuangan(b);
  const penyaluran = susunPenyaluran(b);
  return {
    versi: VERSI_FORMAT,
    periode: { tahun: t.tahun, triwulan: t.triwulan, romawi: romawi(t.triwulan), dari, sampai },
    tanggal_laporan: tanggalLaporan,
    unit: Object.fromEntries(KOLOM_UNIT.map((k) => [k, b.profil[k] ?? null])),
    nama_kode: namaKode(b.ref),
    keuangan,
    natura: stokNatura(b),
    // the running balance starts before the quarter: an opening balance (SA) inside it is one of its lines
    ...(b.kas ? { buku_kas: bukuKas(jumlahSemua(b.saldoAwalAkun.values()), b.kas, {}).baris } : {}),
    ...(b.aliranKas ? { aliran_kas: aliranBukuKas(b, b.aliranKas) } : {}),
    jumlah_entri_kas: b.kasPerPos.reduce((n, p) => n + p.entri, 0),
    penyaluran,
    total_penyaluran: jumlahSemua(penyaluran.map((p) => p.nilai ?? NOL)),
    kegiatan: b.kegiatan.map(barisKegiatan),
    rapat: b.rapat.map(barisRapat),
    ppks: ppksPerKategori(b),
    psks: psksPerKategori(b, b.psks),
    psks_wilayah: {
      dalam: psksPerKategori(
        b,
        b.psks.filter((p) => p.wilayah !== 'luar'),
      ),
      luar: psksPerKategori(
        b,
        b.psks.filter((p) => p.wilayah === 'luar'),
      ),
    },
    jejaring: b.jejaring.filter((j) => j.terdata <= sampai).map(({ terdata: _t, ...j }) => j),
    donatur: ringkasDonatur(b),
    jumlah_anggota: b.jumlahAnggota,
  };
}

function namaKode(ref: ReferensiLaporan): NamaKode {
  const peta = (xs: { kode: string; nama: string }[]) => Object.fromEntries(xs.map((x) => [x.kode, x.nama]));
  return {
    sumber: peta(ref.sumber),
    jenis: peta(ref.jenis),
    layanan: peta(ref.layanan),
    dana: peta(ref.dana),
    akun: peta(ref.akun),
    ppks: peta(ref.ppks),
  };
}

function barisKegiatan(g: KegiatanBaris, i: number): BarisKegiatan {
  const { tanggal, nama, jenis, tempat, sasaran, peserta, biaya, hasil } = g;
  return { no: i + 1, tanggal, nama, jenis, tempat, sasaran, peserta, biaya, hasil };
}

function barisRapat(r: RapatBaris, i: number): BarisRapat {
  const { tanggal, jenis, tempat, agenda, hadir, keputusan } = r;
  return { no: i + 1, tanggal, jenis, tempat, agenda, hadir, keputusan };
}

const jumlahPos = (ps: PosKas[]) => jumlahSemua(ps.map((p) => p.jumlah));

/** Entries one by one as posts of their own (the model sums them as it sums the database's posts). */
export function posDariEntri(es: readonly EntriKas[]): PosKas[] {
  return es.map(({ arah, sumber, jenis, layanan, jumlah }) => ({ arah, sumber, jenis, layanan, jumlah, entri: 1 }));
}

/** Receipts by sumber and spending by jenis (penyaluran split by layanan): zero rows kept, same shape every quarter. */
function susunKeuangan(b: BahanLaporan): Keuangan {
  // opening = every entry before the quarter (what `kas saldo --tanggal <day before>` says), and an opening
  // balance (SA) recorded within it, which is neither penerimaan nor pengeluaran: the only receipt without a
  // sumber (the kas table's CHECK says so), voids of it included
  const dicatatAwal = b.kasPerPos.filter((e) => e.arah === 'masuk' && e.sumber === null);
  const saldoAwal = jumlahkan(jumlahSemua(b.saldoAwalAkun.values()), jumlahPos(dicatatAwal));
  const masuk = b.kasPerPos.filter((e) => e.arah === 'masuk' && e.sumber !== null);
  const penerimaan = b.ref.sumber.map((s) => ({
    kode: s.kode,
    nama: s.nama,
    jumlah: jumlahPos(masuk.filter((e) => e.sumber === s.kode)),
  }));
  const pengeluaran = pengeluaranPerJenis(
    b.ref,
    b.kasPerPos.filter((e) => e.arah === 'keluar'),
  );
  const totalPenerimaan = jumlahSemua(penerimaan.map((p) => p.jumlah));
  const totalPengeluaran = jumlahSemua(pengeluaran.map((p) => p.jumlah));
  return {
    saldo_awal: saldoAwal,
    penerimaan,
    total_penerimaan: totalPenerimaan,
    pengeluaran,
    total_pengeluaran: totalPengeluaran,
    saldo_akhir: kurangkan(jumlahkan(saldoAwal, totalPenerimaan), totalPengeluaran),
    per_dana: b.ref.dana.map((d) => ({ kode: d.kode, nama: d.nama, saldo: b.saldoAkhirDana.get(d.kode) ?? NOL })),
    per_akun: b.ref.akun.map((a) => ({ kode: a.kode, nama: a.nama, saldo: b.saldoAkhirAkun.get(a.kode) ?? NOL })),
  };
}

function pengeluaranPerJenis(ref: ReferensiLaporan, keluar: PosKas[]): Keuangan['pengeluaran'] {
  const baris: Keuangan['pengeluaran'] = [];
  for (const j of ref.jenis) {
    const dariJenis = keluar.filter((e) => e.jenis === j.kode);
    if (!j.perlu_layanan) {
      baris.push({ kode: j.kode, jenis: j.kode, layanan: null, nama: j.nama, jumlah: jumlahPos(dariJenis) });
      continue;
    }
    for (const l of ref.layanan) {
      const jumlah = jumlahPos(dariJenis.filter((e) => e.layanan === l.kode));
      baris.push({ kode: `${j.kode}.${l.kode}`, jenis: j.kode, layanan: l.kode, nama: `${j.nama}: ${l.nama}`, jumlah });
    }
    const tanpa = dariJenis.filter((e) => !ref.layanan.some((l) => l.kode === e.layanan));
    if (tanpa.length)
      baris.push({
        kode: j.kode,
        jenis: j.kode,
        layanan: null,
        nama: `${j.nama}: tanpa layanan`,
        jumlah: jumlahPos(tanpa),
      });
  }
  return baris;
}

/** Stock per item (quantities in the item's unit; reversals carry negative quantities). */
function stokNatura(b: BahanLaporan): StokNatura[] {
  const mili = new Map<string, StokNatura>();
  for (const g of b.natura) {
    const key = `${g.barang}\u0000${g.satuan}`;
    const r = mili.get(key) ?? { barang: g.barang, satuan: g.satuan, awal: 0, masuk: 0, keluar: 0, akhir: 0 };
    const q = g.kuantitas_mili;
    if (g.tanggal < b.dari) r.awal += g.arah === 'masuk' ? q : -q;
    else if (g.arah === 'masuk') r.masuk += q;
    else r.keluar += q;
    mili.set(key, r);
  }
  return [...mili.values()].map((r) => ({
    barang: r.barang,
    satuan: r.satuan,
    awal: miliKeAngka(r.awal),
    masuk: miliKeAngka(r.masuk),
    keluar: miliKeAngka(r.keluar),
    akhir: miliKeAngka(r.awal + r.masuk - r.keluar),
  }));
}

/** Money aid net of a void posted by the quarter's end; goods have no rupiah value here. */
function nilaiBantuan(p: PenyaluranBaris): Rupiah | null {
  return p.bentuk === 'uang' ? jumlahkan(p.jumlah ?? NOL, p.jumlah_batal ?? NOL) : null;
}

/** Every penyaluran of the quarter, and each santunan kematian naming the deceased and heir, by date. */
function susunPenyaluran(b: BahanLaporan): BarisPenyaluran[] {
  const namaLayanan = new Map(b.ref.layanan.map((l) => [l.kode, l.nama]));
  const bantuan = [...b.penyaluran.map((p) => barisBantuan(p, namaLayanan)), ...b.santunan.map(barisSantunan)];
  bantuan.sort((x, y) => x.tanggal.localeCompare(y.tanggal) || x.nomor.localeCompare(y.nomor));
  return bantuan.map((p, i) => ({ no: i + 1, ...p }));
}

function barisBantuan(p: PenyaluranBaris, namaLayanan: Map<string, string>): Omit<BarisPenyaluran, 'no'> {
  const barang = p.bentuk === 'barang' ? `${p.barang ?? ''}`.trim() : null;
  const uraian = [barang, p.uraian, p.nomor_batal ? `dibatalkan ${p.nomor_batal}` : null].filter(Boolean).join('; ');
  const alamat = [p.alamat, p.rt ? `RT ${p.rt}` : null, p.padukuhan].filter(Boolean).join(', ');
  return {
    tanggal: p.tanggal,
    nomor: p.nomor ?? '',
    nama: p.nama,
    nik: maskNik(p.nik),
    alamat,
    kategori: p.kategori,
    layanan: namaLayanan.get(p.layanan) ?? p.layanan,
    bentuk: p.bentuk,
    uraian,
    nilai: nilaiBantuan(p),
    kuantitas: p.kuantitas_mili === null ? null : miliKeAngka(p.kuantitas_mili),
    satuan: p.satuan,
    sumber_dana: p.bentuk === 'uang' ? (p.dana ?? '') : 'natura',
    asnaf: p.asnaf,
    santunan: false,
  };
}

function barisSantunan(s: SantunanBaris): Omit<BarisPenyaluran, 'no'> {
  const wafat = `Santunan kematian alm. ${s.almarhum} (wafat ${formatTanggal(s.tanggal_wafat, true)})`;
  const uraian = [
    `${wafat}; ahli waris ${s.ahli_waris} (${s.hubungan})`,
    s.nomor_batal ? `dibatalkan ${s.nomor_batal}` : null,
  ];
  return {
    tanggal: s.tanggal,
    nomor: s.nomor,
    nama: s.ahli_waris,
    nik: '',
    alamat: s.alamat ?? '',
    kategori: '',
    layanan: 'Santunan kematian',
    bentuk: 'uang',
    uraian: uraian.filter(Boolean).join('; '),
    nilai: jumlahkan(s.jumlah, s.jumlah_batal ?? NOL),
    kuantitas: null,
    satuan: null,
    sumber_dana: s.dana ?? '',
    asnaf: null,
    santunan: true,
  };
}

/** How many a list of alike rows stands for (each carries its number, `n`). */
const banyak = (rows: readonly { n: number }[]): number => rows.reduce((s, r) => s + r.n, 0);

/**
 * PPKS per category: registered and alive at the quarter's end, new this quarter, and aid this quarter.
 * Someone who died is no longer counted from the day of death on (aid given before it still counts).
 */
function ppksPerKategori(b: BahanLaporan): BarisPpks[] {
  const terdata = b.ppks.filter((p) => p.terdata <= b.sampai && !(p.meninggal && p.meninggal <= b.sampai));
  return b.ref.ppks.map((k) => {
    const di = terdata.filter((p) => p.kategori === k.kode);
    const aid = b.penyaluran.filter((p) => p.kategori === k.kode);
    const nilaiAid = aid.map((p) => nilaiBantuan(p) ?? NOL);
    const menerima = new Set(aid.filter((p, i) => p.bentuk === 'barang' || nilaiAid[i]! > 0).map((p) => p.ppks_id));
    return {
      nomor: k.nomor,
      kode: k.kode,
      nama: k.nama,
      l: banyak(di.filter((p) => p.jk === 'L')),
      p: banyak(di.filter((p) => p.jk === 'P')),
      jumlah: banyak(di),
      baru: banyak(di.filter((p) => p.terdata >= b.dari)),
      menerima: menerima.size,
      nilai: jumlahSemua(nilaiAid),
    };
  });
}

function psksPerKategori(b: BahanLaporan, psks: PsksTerdata[]): BarisPsks[] {
  const terdata = psks.filter((p) => p.terdata <= b.sampai);
  return b.ref.psks.map((k) => {
    const di = terdata.filter((p) => p.kategori === k.kode);
    const jenis = (j: string) => banyak(di.filter((p) => p.jenis === j));
    return {
      nomor: k.nomor,
      kode: k.kode,
      nama: k.nama,
      perorangan: jenis('perorangan'),
      lembaga: jenis('lembaga'),
      jumlah: banyak(di),
    };
  });
}

function ringkasDonatur(b: BahanLaporan): RingkasanDonatur {
  const terdata = b.donatur.filter((d) => d.terdata <= b.sampai);
  const hitung = (jenis: string) => banyak(terdata.filter((d) => d.jenis === jenis));
  return {
    perorangan: hitung('perorangan'),
    lembaga: hitung('lembaga'),
    csr: hitung('csr'),
    jumlah: banyak(terdata),
    baru: banyak(terdata.filter((d) => d.terdata >= b.dari)),
    sumbangan: b.sumbanganDonatur,
  };
}

/** The cash book's rows streamed from the entries, with the same running balance as `buku_kas`. */
function aliranBukuKas(b: BahanLaporan, entri: () => Iterable<EntriKas>): () => Iterable<BarisBukuKas> {
  return () => alirBukuKas(jumlahSemua(b.saldoAwalAkun.values()), entri(), {});
}

/** What the hidden `_data` sheet carries: the figures without the row lists (and so without names). */
export function ringkasanLaporan(m: LaporanTriwulan) {
  return {
    versi: m.versi,
    periode: m.periode,
    tanggal_laporan: m.tanggal_laporan,
    unit: m.unit,
    keuangan: m.keuangan,
    natura: m.natura,
    jumlah_entri_kas: m.jumlah_entri_kas,
    jumlah_penyaluran: m.penyaluran.length,
    total_penyaluran: m.total_penyaluran,
    jumlah_kegiatan: m.kegiatan.length,
    biaya_kegiatan: jumlahSemua(m.kegiatan.map((k) => k.biaya)),
    jumlah_rapat: m.rapat.length,
    ppks: m.ppks,
    psks: m.psks,
    psks_wilayah: m.psks_wilayah,
    jumlah_jejaring: m.jejaring.length,
    donatur: m.donatur,
    jumlah_anggota: m.jumlah_anggota,
  };
}

export type RingkasanLaporan = ReturnType<typeof ringkasanLaporan>;

/** A type as JSON gives it back: where it holds Rupiah, JSON holds a plain number. */
export type TanpaRupiah<T> = T extends Rupiah
  ? number
  : T extends (infer U)[]
    ? TanpaRupiah<U>[]
    : T extends object
      ? { [K in keyof T]: TanpaRupiah<T[K]> }
      : T;

/**
 * The figures of a unit's `_data` read back (`rekap`): every amount parsed into Rupiah, the first
 * that is not whole rupiah refused with a UserError naming it.
 */
export function bacaRingkasan(l: TanpaRupiah<RingkasanLaporan>): RingkasanLaporan {
  const k = l.keuangan;
  const uang = parseRupiahBerkas;
  return {
    ...l,
    keuangan: {
      saldo_awal: uang(k.saldo_awal, 'keuangan.saldo_awal'),
      penerimaan: k.penerimaan.map((p) => ({ ...p, jumlah: uang(p.jumlah, `keuangan.penerimaan[${p.kode}].jumlah`) })),
      total_penerimaan: uang(k.total_penerimaan, 'keuangan.total_penerimaan'),
      pengeluaran: k.pengeluaran.map((p) => ({
        ...p,
        jumlah: uang(p.jumlah, `keuangan.pengeluaran[${p.kode}].jumlah`),
      })),
      total_pengeluaran: uang(k.total_pengeluaran, 'keuangan.total_pengeluaran'),
      saldo_akhir: uang(k.saldo_akhir, 'keuangan.saldo_akhir'),
      per_dana: k.per_dana.map((d) => ({ ...d, saldo: uang(d.saldo, `keuangan.per_dana[${d.kode}].saldo`) })),
      per_akun: k.per_akun.map((a) => ({ ...a, saldo: uang(a.saldo, `keuangan.per_akun[${a.kode}].saldo`) })),
    },
    total_penyaluran: uang(l.total_penyaluran, 'total_penyaluran'),
    biaya_kegiatan: uang(l.biaya_kegiatan, 'biaya_kegiatan'),
    ppks: l.ppks.map((p) => ({ ...p, nilai: uang(p.nilai, `ppks[${p.kode}].nilai`) })),
    donatur: { ...l.donatur, sumbangan: uang(l.donatur.sumbangan, 'donatur.sumbangan') },
  };
}
