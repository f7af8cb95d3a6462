// The residents' notice (pengumuman) for the notice board: the quarter's figures in plain words,
// taken from the quarterly report's model (never counted a second way), and no one's name or NIK.
import { BULAN, formatTanggal, romawi } from '../domain/dates.js';
import { jumlahkan, NOL, type Rupiah } from '../domain/money.js';
import { alamatUnit } from './kwitansi.js';
import type { LaporanTriwulan } from './laporan-triwulan.js';

export interface BarisUang {
  nama: string;
  jumlah: Rupiah;
}

export interface BarisBantuan {
  nama: string;
  /** per service: how many aids (money or goods) were given; per PPKS category: how many people received */
  jumlah: number;
  /** money given, net of voids; goods have no rupiah value here */
  nilai: Rupiah;
}

export interface BulanKas {
  bulan: string;
  penerimaan: Rupiah;
  pengeluaran: Rupiah;
}

export interface Pengumuman {
  judul: string;
  unit: { nama: string; alamat: string };
  periode: string;
  saldo_awal: Rupiah;
  /** receipts by source and uses by kind, only the lines with money in them */
  penerimaan: BarisUang[];
  total_penerimaan: Rupiah;
  pengeluaran: BarisUang[];
  total_pengeluaran: Rupiah;
  saldo_akhir: Rupiah;
  per_dana: BarisUang[];
  bantuan_layanan: BarisBantuan[];
  bantuan_kategori: BarisBantuan[];
  per_bulan: BulanKas[];
  tanda_tangan: { tempat_tanggal: string; ketua: string | null; bendahara: string | null };
}

const adaUang = (b: BarisUang) => b.jumlah !== 0;

/** Aid rows grouped by their service, in order of first appearance (names and NIKs left behind). */
function bantuanPerLayanan(m: LaporanTriwulan): BarisBantuan[] {
  const per = new Map<string, BarisBantuan>();
  for (const p of m.penyaluran) {
    const b = per.get(p.layanan) ?? { nama: p.layanan, jumlah: 0, nilai: NOL };
    per.set(p.layanan, { ...b, jumlah: b.jumlah + 1, nilai: jumlahkan(b.nilai, p.nilai ?? NOL) });
  }
  return [...per.values()];
}

/**
 * The quarter's three months, each with the cash book's receipts and payments of that month; an opening
 * balance (saldo awal) is neither.
 */
function perBulan(m: LaporanTriwulan): BulanKas[] {
  if (!m.buku_kas) throw new Error('pengumuman: laporan tanpa buku kas (bahanLaporan dengan rinci)');
  const awal = Number(m.periode.dari.slice(5, 7));
  return [0, 1, 2].map((i) => {
    const bulan = String(awal + i).padStart(2, '0');
    const baris = m.buku_kas!.filter((b) => !b.saldo_awal && b.tanggal.slice(5, 7) === bulan);
    return {
      bulan: BULAN[awal + i - 1]!,
      penerimaan: baris.reduce((s, b) => jumlahkan(s, b.penerimaan), NOL),
      pengeluaran: baris.reduce((s, b) => jumlahkan(s, b.pengeluaran), NOL),
    };
  });
}

export function pengumuman(m: LaporanTriwulan): Pengumuman {
  const k = m.keuangan;
  const u = m.unit;
  const { triwulan, tahun, dari, sampai } = m.periode;
  return {
    judul: `PENGUMUMAN LAPORAN TRIWULAN ${romawi(triwulan)} TAHUN ${tahun}`,
    unit: { nama: `WKSBM ${u.nama ?? ''}`.trim(), alamat: alamatUnit(u as Parameters<typeof alamatUnit>[0]) },
    periode: `${formatTanggal(dari, true)} – ${formatTanggal(sampai, true)}`,
    saldo_awal: k.saldo_awal,
    penerimaan: k.penerimaan.map((p) => ({ nama: p.nama, jumlah: p.jumlah })).filter(adaUang),
    total_penerimaan: k.total_penerimaan,
    pengeluaran: k.pengeluaran.map((p) => ({ nama: p.nama, jumlah: p.jumlah })).filter(adaUang),
    total_pengeluaran: k.total_pengeluaran,
    saldo_akhir: k.saldo_akhir,
    per_dana: k.per_dana.map((d) => ({ nama: d.nama, jumlah: d.saldo })),
    bantuan_layanan: bantuanPerLayanan(m),
    bantuan_kategori: m.ppks
      .filter((p) => p.menerima > 0)
      .map((p) => ({ nama: p.nama, jumlah: p.menerima, nilai: p.nilai })),
    per_bulan: perBulan(m),
    tanda_tangan: {
      tempat_tanggal: `${u.kabupaten ?? ''}, ${formatTanggal(m.tanggal_laporan, true)}`.replace(/^, /, ''),
      ketua: u.ketua ?? null,
      bendahara: u.bendahara ?? null,
    },
  };
}
