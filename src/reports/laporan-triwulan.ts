// The quarterly report as a model: every figure of the quarter, computed from the books. The
// workbook, `laporan triwulan --json` and the hidden `_data` sheet are all written from this.
import { maskNik } from '../books/buku.js';
import type { BahanLaporan } from '../db/laporan-repo.js';
import { formatTanggal, romawi, type Triwulan } from '../domain/dates.js';
import { miliKeAngka } from '../domain/money.js';
import { type BarisBukuKas, bukuKas } from './buku-kas.js';

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
  nilai: number | null;
  kuantitas: number | null;
  satuan: string | null;
  sumber_dana: string;
  santunan: boolean;
}

export interface LaporanTriwulan {
  versi: number;
  periode: { tahun: number; triwulan: number; romawi: string; dari: string; sampai: string };
  tanggal_laporan: string;
  unit: Record<string, string | null>;
  keuangan: {
    saldo_awal: number;
    penerimaan: { kode: string; nama: string; jumlah: number }[];
    total_penerimaan: number;
    pengeluaran: { kode: string; jenis: string; layanan: string | null; nama: string; jumlah: number }[];
    total_pengeluaran: number;
    saldo_akhir: number;
    per_dana: { kode: string; nama: string; saldo: number }[];
    per_akun: { kode: string; nama: string; saldo: number }[];
  };
  natura: { barang: string; satuan: string; awal: number; masuk: number; keluar: number; akhir: number }[];
  buku_kas: BarisBukuKas[];
  penyaluran: BarisPenyaluran[];
  total_penyaluran: number;
  kegiatan: { no: number; tanggal: string; nama: string; jenis: string; tempat: string | null; sasaran: string | null; peserta: number | null; biaya: number; hasil: string | null }[];
  rapat: { no: number; tanggal: string; jenis: string; tempat: string | null; agenda: string; hadir: number; keputusan: string | null }[];
  ppks: { nomor: number; kode: string; nama: string; l: number; p: number; jumlah: number; baru: number; menerima: number; nilai: number }[];
  psks: { nomor: number; kode: string; nama: string; perorangan: number; lembaga: number; jumlah: number }[];
  jejaring: { nama: string; jenis: string; bidang: string | null; sejak: string | null; nomor_kerjasama: string | null }[];
  donatur: { perorangan: number; lembaga: number; csr: number; jumlah: number; baru: number; sumbangan: number };
  jumlah_anggota: number;
}

const UNIT = ['nama', 'alamat', 'padukuhan', 'kalurahan', 'kapanewon', 'kabupaten', 'provinsi', 'sk_nomor', 'sk_tanggal', 'tanggal_berdiri', 'ketua', 'hp_ketua', 'sekretaris', 'hp_sekretaris', 'bendahara', 'hp_bendahara', 'lurah', 'sebutan_padukuhan', 'sebutan_kalurahan', 'sebutan_kapanewon', 'sebutan_kabupaten', 'sebutan_lurah'] as const;

const jumlahkan = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function laporanTriwulan(b: BahanLaporan, t: Triwulan, tanggalLaporan: string): LaporanTriwulan {
  const { dari, sampai, ref } = b;
  const dalam = (tanggal: string) => tanggal >= dari && tanggal <= sampai;
  const unit = Object.fromEntries(UNIT.map((k) => [k, (b.profil[k] as string | null) ?? null]));

  // Cash: opening = every entry before the quarter (what `kas saldo --tanggal <day before>` says).
  const saldoAwal = jumlahkan([...b.saldoAwalAkun.values()]);
  const masuk = b.kas.filter((e) => e.arah === 'masuk');
  const keluar = b.kas.filter((e) => e.arah === 'keluar');
  const penerimaan = ref.sumber.map((s) => ({ kode: s.kode, nama: s.nama, jumlah: jumlahkan(masuk.filter((e) => e.sumber === s.kode).map((e) => e.jumlah)) }));
  const pengeluaran: LaporanTriwulan['keuangan']['pengeluaran'] = [];
  for (const j of ref.jenis) {
    const dariJenis = keluar.filter((e) => e.jenis === j.kode);
    if (!j.perlu_layanan) {
      pengeluaran.push({ kode: j.kode, jenis: j.kode, layanan: null, nama: j.nama, jumlah: jumlahkan(dariJenis.map((e) => e.jumlah)) });
      continue;
    }
    for (const l of ref.layanan) pengeluaran.push({ kode: `${j.kode}.${l.kode}`, jenis: j.kode, layanan: l.kode, nama: `${j.nama}: ${l.nama}`, jumlah: jumlahkan(dariJenis.filter((e) => e.layanan === l.kode).map((e) => e.jumlah)) });
    const tanpa = dariJenis.filter((e) => !ref.layanan.some((l) => l.kode === e.layanan));
    if (tanpa.length) pengeluaran.push({ kode: j.kode, jenis: j.kode, layanan: null, nama: `${j.nama}: tanpa layanan`, jumlah: jumlahkan(tanpa.map((e) => e.jumlah)) });
  }
  const totalPenerimaan = jumlahkan(penerimaan.map((p) => p.jumlah));
  const totalPengeluaran = jumlahkan(pengeluaran.map((p) => p.jumlah));
  const buku = bukuKas(saldoAwal, b.kas, {});

  // Natura: stock per item (quantities in the item's unit; reversals carry negative quantities).
  const natura = new Map<string, LaporanTriwulan['natura'][number]>();
  for (const g of b.natura) {
    const key = `${g.barang}\u0000${g.satuan}`;
    const r = natura.get(key) ?? { barang: g.barang, satuan: g.satuan, awal: 0, masuk: 0, keluar: 0, akhir: 0 };
    const q = g.kuantitas_mili;
    if (g.tanggal < dari) r.awal += g.arah === 'masuk' ? q : -q;
    else if (g.arah === 'masuk') r.masuk += q;
    else r.keluar += q;
    natura.set(key, r);
  }
  const stok = [...natura.values()].map((r) => ({ ...r, akhir: miliKeAngka(r.awal + r.masuk - r.keluar), awal: miliKeAngka(r.awal), masuk: miliKeAngka(r.masuk), keluar: miliKeAngka(r.keluar) }));

  // Aid: every penyaluran of the quarter, and each santunan kematian naming the deceased and heir.
  const namaLayanan = new Map(ref.layanan.map((l) => [l.kode, l.nama]));
  const alamat = (a: string | null, rt: string | null, padukuhan: string | null) => [a, rt ? `RT ${rt}` : null, padukuhan].filter(Boolean).join(', ');
  const bantuan: Omit<BarisPenyaluran, 'no'>[] = [
    ...b.penyaluran.map((p) => {
      const nilai = p.bentuk === 'uang' ? (p.jumlah ?? 0) + (p.jumlah_batal ?? 0) : null;
      const uraian = [p.bentuk === 'barang' ? `${p.barang ?? ''}`.trim() : null, p.uraian, p.nomor_batal ? `dibatalkan ${p.nomor_batal}` : null].filter(Boolean).join('; ');
      return {
        tanggal: p.tanggal, nomor: p.nomor ?? '', nama: p.nama, nik: maskNik(p.nik), alamat: alamat(p.alamat, p.rt, p.padukuhan), kategori: p.kategori,
        layanan: namaLayanan.get(p.layanan) ?? p.layanan, bentuk: p.bentuk, uraian, nilai,
        kuantitas: p.kuantitas_mili === null ? null : miliKeAngka(p.kuantitas_mili), satuan: p.satuan, sumber_dana: p.bentuk === 'uang' ? (p.dana ?? '') : 'natura', santunan: false,
      };
    }),
    ...b.santunan.map((s) => ({
      tanggal: s.tanggal, nomor: s.nomor, nama: s.ahli_waris, nik: '', alamat: s.alamat ?? '', kategori: '', layanan: 'Santunan kematian', bentuk: 'uang' as const,
      uraian: [`Santunan kematian alm. ${s.almarhum} (wafat ${formatTanggal(s.tanggal_wafat, true)}); ahli waris ${s.ahli_waris} (${s.hubungan})`, s.nomor_batal ? `dibatalkan ${s.nomor_batal}` : null].filter(Boolean).join('; '),
      nilai: s.jumlah + (s.jumlah_batal ?? 0), kuantitas: null, satuan: null, sumber_dana: s.dana ?? '', santunan: true,
    })),
  ];
  bantuan.sort((x, y) => x.tanggal.localeCompare(y.tanggal) || x.nomor.localeCompare(y.nomor));
  const penyaluran = bantuan.map((p, i) => ({ no: i + 1, ...p }));

  // PPKS per category: registered by the quarter's end, new this quarter, and aid this quarter.
  const terdata = b.ppks.filter((p) => p.terdata <= sampai);
  const ppks = ref.ppks.map((k) => {
    const di = terdata.filter((p) => p.kategori === k.kode);
    const aid = b.penyaluran.filter((p) => p.kategori === k.kode);
    const nilaiAid = aid.map((p) => (p.bentuk === 'uang' ? (p.jumlah ?? 0) + (p.jumlah_batal ?? 0) : 0));
    const menerima = new Set(aid.filter((p, i) => p.bentuk === 'barang' || nilaiAid[i]! > 0).map((p) => p.ppks_id));
    return {
      nomor: k.nomor, kode: k.kode, nama: k.nama,
      l: di.filter((p) => p.jk === 'L').length, p: di.filter((p) => p.jk === 'P').length, jumlah: di.length,
      baru: di.filter((p) => dalam(p.terdata)).length, menerima: menerima.size, nilai: jumlahkan(nilaiAid),
    };
  });
  const psksTerdata = b.psks.filter((p) => p.terdata <= sampai);
  const psks = ref.psks.map((k) => {
    const di = psksTerdata.filter((p) => p.kategori === k.kode);
    return { nomor: k.nomor, kode: k.kode, nama: k.nama, perorangan: di.filter((p) => p.jenis === 'perorangan').length, lembaga: di.filter((p) => p.jenis === 'lembaga').length, jumlah: di.length };
  });
  const donaturTerdata = b.donatur.filter((d) => d.terdata <= sampai);
  const hitung = (jenis: string) => donaturTerdata.filter((d) => d.jenis === jenis).length;

  return {
    versi: VERSI_FORMAT,
    periode: { tahun: t.tahun, triwulan: t.triwulan, romawi: romawi(t.triwulan), dari, sampai },
    tanggal_laporan: tanggalLaporan,
    unit,
    keuangan: {
      saldo_awal: saldoAwal,
      penerimaan,
      total_penerimaan: totalPenerimaan,
      pengeluaran,
      total_pengeluaran: totalPengeluaran,
      saldo_akhir: saldoAwal + totalPenerimaan - totalPengeluaran,
      per_dana: ref.dana.map((d) => ({ kode: d.kode, nama: d.nama, saldo: b.saldoAkhirDana.get(d.kode) ?? 0 })),
      per_akun: ref.akun.map((a) => ({ kode: a.kode, nama: a.nama, saldo: b.saldoAkhirAkun.get(a.kode) ?? 0 })),
    },
    natura: stok,
    buku_kas: buku.baris,
    penyaluran,
    total_penyaluran: jumlahkan(penyaluran.map((p) => p.nilai ?? 0)),
    kegiatan: b.kegiatan.map((g, i) => ({ no: i + 1, tanggal: g.tanggal, nama: g.nama, jenis: g.jenis, tempat: g.tempat, sasaran: g.sasaran, peserta: g.peserta, biaya: g.biaya, hasil: g.hasil })),
    rapat: b.rapat.map((r, i) => ({ no: i + 1, tanggal: r.tanggal, jenis: r.jenis, tempat: r.tempat, agenda: r.agenda, hadir: r.hadir, keputusan: r.keputusan })),
    ppks,
    psks,
    jejaring: b.jejaring.filter((j) => j.terdata <= sampai).map(({ terdata: _t, ...j }) => j),
    donatur: { perorangan: hitung('perorangan'), lembaga: hitung('lembaga'), csr: hitung('csr'), jumlah: donaturTerdata.length, baru: donaturTerdata.filter((d) => dalam(d.terdata)).length, sumbangan: b.sumbanganDonatur },
    jumlah_anggota: b.jumlahAnggota,
  };
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
    jumlah_entri_kas: m.buku_kas.length,
    jumlah_penyaluran: m.penyaluran.length,
    total_penyaluran: m.total_penyaluran,
    jumlah_kegiatan: m.kegiatan.length,
    biaya_kegiatan: jumlahkan(m.kegiatan.map((k) => k.biaya)),
    jumlah_rapat: m.rapat.length,
    ppks: m.ppks,
    psks: m.psks,
    jumlah_jejaring: m.jejaring.length,
    donatur: m.donatur,
    jumlah_anggota: m.jumlah_anggota,
  };
}

export type RingkasanLaporan = ReturnType<typeof ringkasanLaporan>;
