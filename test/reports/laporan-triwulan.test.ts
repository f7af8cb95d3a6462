// The report model as a pure function: natura stock, voids netting out, aid and PPKS counting.
import { describe, expect, it } from 'vitest';
import { REFERENSI } from '../../src/db/migrations/referensi-awal.js';
import { LedgerError } from '../../src/domain/errors.js';
import type { EntriKas } from '../../src/domain/kas.js';
import type { BahanLaporan, PenyaluranBaris, ReferensiLaporan } from '../../src/domain/laporan.js';
import { type Rupiah, rupiah } from '../../src/domain/money.js';
import { konteksLaporan } from '../../src/render/laporan-xlsx.js';
import { laporanTriwulan, posDariEntri, ringkasanLaporan } from '../../src/reports/laporan-triwulan.js';

const kode = ({ kode, nama }: { kode: string; nama: string }) => ({ kode, nama });
const ref: ReferensiLaporan = {
  dana: REFERENSI.dana.map(kode),
  akun: REFERENSI.akun.map(kode),
  sumber: REFERENSI.sumber.map(kode),
  jenis: REFERENSI.jenis.map((j) => ({ ...kode(j), perlu_layanan: Boolean(j.perlu_layanan) })),
  layanan: REFERENSI.layanan.map(kode),
  ppks: REFERENSI.ppks.map((k) => ({ ...kode(k), nomor: k.nomor })),
  psks: REFERENSI.psks.map((k) => ({ ...kode(k), nomor: k.nomor })),
};

let id = 0;
type EntriUji = Partial<Omit<EntriKas, 'jumlah'>> & Pick<EntriKas, 'arah' | 'tanggal'> & { jumlah: number };

function entri(e: EntriUji): EntriKas {
  id++;
  return {
    id,
    nomor: `${String(id).padStart(3, '0')}/X/2026`,
    bukti: e.arah === 'masuk' ? 'BKM' : e.arah === 'keluar' ? 'BKK' : 'PB',
    sumber: null,
    jenis: null,
    layanan: null,
    asnaf: null,
    dana: 'umum',
    akun: 'tunai',
    akun_tujuan: null,
    donatur_id: null,
    kegiatan_id: null,
    uraian: null,
    batal_dari: null,
    nomor_batal: null,
    dibatalkan_oleh: null,
    ...e,
    jumlah: rupiah(e.jumlah),
  };
}

function bahan(over: Partial<BahanLaporan> = {}): BahanLaporan {
  return {
    dari: '2026-07-01',
    sampai: '2026-09-30',
    profil: { nama: 'Ngudi Mulyo' } as BahanLaporan['profil'],
    cap: null,
    ref,
    saldoAwalAkun: new Map([['tunai', rupiah(500_000)]]),
    saldoAkhirDana: new Map(),
    saldoAkhirAkun: new Map(),
    kas: [],
    natura: [],
    penyaluran: [],
    santunan: [],
    kegiatan: [],
    rapat: [],
    ppks: [],
    psks: [],
    donatur: [],
    sumbanganDonatur: rupiah(0),
    jejaring: [],
    jumlahAnggota: 0,
    ...over,
    // the database sums the entries per post; here each entry is a post of its own
    kasPerPos: over.kasPerPos ?? posDariEntri(over.kas ?? []),
  };
}

const T3 = { tahun: 2026, triwulan: 3 as const };

describe('laporanTriwulan', () => {
  it('nets a void against its original and keeps every sumber and layanan row', () => {
    const m = laporanTriwulan(
      bahan({
        kas: [
          entri({ arah: 'masuk', tanggal: '2026-07-03', jumlah: 150_000, sumber: 'usaha' }),
          entri({ arah: 'masuk', tanggal: '2026-07-04', jumlah: -150_000, sumber: 'usaha', batal_dari: 1 }),
          entri({
            arah: 'keluar',
            tanggal: '2026-07-05',
            jumlah: 80_000,
            jenis: 'penyaluran',
            layanan: 'rehabilitasi',
          }),
          entri({ arah: 'pindah', tanggal: '2026-07-06', jumlah: 100_000, dana: null, akun_tujuan: 'bri' }),
        ],
      }),
      T3,
      '2026-10-01',
    );
    expect(m.keuangan.penerimaan).toHaveLength(10);
    expect(m.keuangan.penerimaan.find((p) => p.kode === 'usaha')!.jumlah).toBe(0);
    expect(m.keuangan.pengeluaran.map((p) => p.kode)).toEqual([
      'penyaluran.pencegahan',
      'penyaluran.rehabilitasi',
      'penyaluran.perlindungan',
      'penyaluran.pemberdayaan',
      'penyaluran.jaminan',
      'penyaluran.rujukan',
      'santunan_kematian',
      'kegiatan',
      'operasional',
      'usaha',
      'lainnya',
    ]);
    expect(m.keuangan.pengeluaran[1]!.jumlah).toBe(80_000);
    expect(m.keuangan.saldo_akhir).toBe(500_000 - 80_000);
    expect(m.buku_kas!.map((b) => b.saldo)).toEqual([650_000, 500_000, 420_000, 420_000]);
  });

  it('counts natura stock: opening from before the quarter, in, out (reversals negative), closing', () => {
    const g = (tanggal: string, arah: 'masuk' | 'keluar', kg: number, barang = 'beras') => ({
      tanggal,
      barang,
      satuan: 'kg',
      arah,
      kuantitas_mili: kg * 1000,
    });
    const m = laporanTriwulan(
      bahan({
        natura: [
          g('2026-06-01', 'masuk', 30),
          g('2026-06-20', 'keluar', 5),
          g('2026-07-02', 'masuk', 12.5),
          g('2026-08-01', 'keluar', 20),
          g('2026-08-02', 'keluar', -2),
          g('2026-07-09', 'masuk', 3, 'gula'),
        ],
      }),
      T3,
      '2026-10-01',
    );
    expect(m.natura).toEqual([
      { barang: 'beras', satuan: 'kg', awal: 25, masuk: 12.5, keluar: 18, akhir: 19.5 },
      { barang: 'gula', satuan: 'kg', awal: 0, masuk: 3, keluar: 0, akhir: 3 },
    ]);
  });

  it('aid voided by the quarter end is worth nothing; PPKS counted by registration day', () => {
    const p = (o: Partial<PenyaluranBaris>): PenyaluranBaris => ({
      id: 1,
      tanggal: '2026-08-01',
      layanan: 'jaminan',
      bentuk: 'uang' as const,
      uraian: null,
      asnaf: null,
      nomor: '001/BKK/VIII/2026',
      jumlah: rupiah(100_000),
      dana: 'umum',
      jumlah_batal: null,
      nomor_batal: null,
      kuantitas_mili: null,
      barang: null,
      satuan: null,
      ppks_id: 1,
      nama: 'A',
      nik: '3402014507500003',
      alamat: null,
      rt: '1',
      padukuhan: null,
      kategori: 'LUT',
      ...o,
    });
    const m = laporanTriwulan(
      bahan({
        penyaluran: [
          p({}),
          p({
            id: 2,
            ppks_id: 2,
            nama: 'B',
            nik: null,
            jumlah_batal: rupiah(-100_000),
            nomor_batal: '002/BKK/VIII/2026',
          }),
        ],
        ppks: [
          { jk: 'P', kategori: 'LUT', terdata: '2026-03-01', n: 1 },
          { jk: 'L', kategori: 'LUT', terdata: '2026-09-30', n: 1 },
          { jk: 'L', kategori: 'LUT', terdata: '2026-10-01', n: 1 },
        ],
      }),
      T3,
      '2026-10-01',
    );
    expect(m.penyaluran.map((x) => [x.nama, x.nilai, x.nik])).toEqual([
      ['A', 100_000, '3402••••••••0003'],
      ['B', 0, ''],
    ]);
    expect(m.penyaluran[1]!.uraian).toContain('dibatalkan 002/BKK/VIII/2026');
    expect(m.total_penyaluran).toBe(100_000);
    const lut = m.ppks.find((k) => k.kode === 'LUT')!;
    expect(lut).toMatchObject({ l: 1, p: 1, jumlah: 2, baru: 1, menerima: 1, nilai: 100_000 });
    expect(m.ppks).toHaveLength(26);
    expect(JSON.stringify(ringkasanLaporan(m))).not.toContain('3402');
  });
});

/** Every number in the model with its path, except stock quantities (kg may be fractional). */
function angkaDi(v: unknown, jalur = ''): [string, number][] {
  if (typeof v === 'number') return [[jalur, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => angkaDi(x, `${jalur}[${i}]`));
  if (v && typeof v === 'object') {
    return Object.entries(v)
      .filter(([k]) => !['natura', 'kuantitas'].includes(k))
      .flatMap(([k, x]) => angkaDi(x, jalur ? `${jalur}.${k}` : k));
  }
  return [];
}

describe('laporanTriwulan: money', () => {
  const ramai = () =>
    bahan({
      saldoAwalAkun: new Map([
        ['tunai', rupiah(1_000_000)],
        ['bri', rupiah(2_500_000)],
      ]),
      saldoAkhirDana: new Map([
        ['umum', rupiah(3_000_000)],
        ['kematian', rupiah(450_000)],
      ]),
      saldoAkhirAkun: new Map([
        ['tunai', rupiah(1_950_000)],
        ['bri', rupiah(1_500_000)],
      ]),
      kas: [
        entri({ arah: 'masuk', tanggal: '2026-07-03', jumlah: 1_250_000, sumber: 'jimpitan' }),
        entri({ arah: 'masuk', tanggal: '2026-07-10', jumlah: 1_200_000, sumber: 'iuran_kematian', dana: 'kematian' }),
        entri({ arah: 'keluar', tanggal: '2026-07-28', jumlah: 750_000, jenis: 'santunan_kematian', dana: 'kematian' }),
        entri({ arah: 'keluar', tanggal: '2026-08-05', jumlah: 300_000, jenis: 'penyaluran', layanan: 'jaminan' }),
        entri({
          arah: 'keluar',
          tanggal: '2026-08-06',
          jumlah: -300_000,
          jenis: 'penyaluran',
          layanan: 'jaminan',
          batal_dari: 4,
        }),
        entri({ arah: 'pindah', tanggal: '2026-08-07', jumlah: 1_000_000, dana: null, akun_tujuan: 'bri' }),
      ],
      santunan: [
        {
          id: 1,
          tanggal: '2026-07-28',
          nomor: '003/X/2026',
          jumlah: rupiah(750_000),
          dana: 'kematian',
          jumlah_batal: null,
          nomor_batal: null,
          almarhum: 'Bpk. Wiryo',
          tanggal_wafat: '2026-07-27',
          ahli_waris: 'Ibu Wiryo',
          hubungan: 'istri',
          alamat: null,
        },
      ],
      kegiatan: [
        {
          id: 1,
          tanggal: '2026-08-10',
          nama: 'Posyandu',
          jenis: 'penanganan',
          layanan: null,
          tempat: null,
          sasaran: null,
          peserta: 25,
          hasil: null,
          biaya: rupiah(200_000),
        },
      ],
      sumbanganDonatur: rupiah(500_000),
    });

  it('carries every amount as whole rupiah, and the figures add up', () => {
    const m = laporanTriwulan(ramai(), T3, '2026-10-01');
    expect(m.jumlah_entri_kas).toBe(m.buku_kas!.length);
    const angka = angkaDi(m);
    expect(angka.length).toBeGreaterThan(100);
    expect(angka.filter(([, v]) => !Number.isSafeInteger(v))).toEqual([]);
    const uang: Rupiah[] = [
      m.keuangan.saldo_awal,
      m.keuangan.total_penerimaan,
      m.keuangan.total_pengeluaran,
      m.keuangan.saldo_akhir,
      m.total_penyaluran,
      m.donatur.sumbangan,
      ...m.buku_kas!.flatMap((b) => [b.penerimaan, b.pengeluaran, b.saldo]),
    ];
    expect(uang.every((v) => Number.isSafeInteger(v))).toBe(true);
    expect(m.keuangan.saldo_awal).toBe(3_500_000);
    expect(m.keuangan.total_penerimaan).toBe(2_450_000);
    expect(m.keuangan.total_pengeluaran).toBe(750_000);
    expect(m.keuangan.saldo_akhir).toBe(3_500_000 + 2_450_000 - 750_000);
    expect(m.buku_kas!.at(-1)!.saldo).toBe(m.keuangan.saldo_akhir);
    expect(m.total_penyaluran).toBe(750_000);
    expect(ringkasanLaporan(m).biaya_kegiatan).toBe(200_000);
  });

  it('refuses a sum past the largest amount counted exactly instead of rounding it', () => {
    const besar = 600_000_000_000_000; // each entry is whole rupiah; their sum is not countable exactly
    const b = bahan({
      kas: [
        entri({ arah: 'masuk', tanggal: '2026-07-03', jumlah: besar, sumber: 'jimpitan' }),
        entri({ arah: 'masuk', tanggal: '2026-07-04', jumlah: besar, sumber: 'jimpitan' }),
      ],
    });
    expect(() => laporanTriwulan(b, T3, '2026-10-01')).toThrow(LedgerError);
    expect(() => laporanTriwulan(b, T3, '2026-10-01')).toThrow('Jumlah 1200000000000000 melampaui batas rupiah');
  });
});

describe('the quarterly workbook rows in words', () => {
  it('a voided entry keeps a uraian, aid names its fund and asnaf, a PPKS who died is not counted', () => {
    const salur: PenyaluranBaris = {
      id: 1,
      tanggal: '2026-08-01',
      layanan: 'jaminan',
      bentuk: 'uang',
      uraian: 'Sembako',
      asnaf: 'ibnu_sabil',
      nomor: '001/BKK/VIII/2026',
      jumlah: rupiah(100_000),
      dana: 'zakat',
      jumlah_batal: null,
      nomor_batal: null,
      kuantitas_mili: null,
      barang: null,
      satuan: null,
      ppks_id: 1,
      nama: 'A',
      nik: null,
      alamat: null,
      rt: '1',
      padukuhan: 'Jetis',
      kategori: 'FM',
    };
    const m = laporanTriwulan(
      bahan({
        kas: [
          entri({ arah: 'masuk', tanggal: '2026-07-02', jumlah: 50_000, sumber: 'iuran_kematian' }),
          entri({ arah: 'masuk', tanggal: '2026-07-03', jumlah: 20_000, sumber: 'usaha', dibatalkan_oleh: '9/X' }),
        ],
        penyaluran: [salur],
        ppks: [
          { jk: 'P', kategori: 'FM', terdata: '2026-03-01', meninggal: '2026-09-30', n: 1 },
          { jk: 'L', kategori: 'FM', terdata: '2026-03-01', meninggal: '2026-10-01', n: 1 },
        ],
      }),
      T3,
      '2026-10-01',
    );
    const k = konteksLaporan(m, null);
    const kas = k.daftar.kas!.baris;
    expect([kas[0]!.uraian, kas[0]!.sumber_jenis]).toEqual(['Iuran dana kematian', 'Iuran dana kematian']);
    expect(kas[1]!.uraian).toBe('Usaha WKSBM (sewa tenda, warung, katering) (dibatalkan 9/X)');
    const p = k.daftar.penyaluran!.baris[0]!;
    expect([p.penerima, p.kategori, p.bentuk_uraian, p.nilai_jumlah, p.dana_asnaf]).toEqual([
      'A\nRT 1, Jetis',
      'Fakir Miskin',
      'Uang: Sembako',
      100_000,
      'Zakat maal; asnaf ibnu sabil',
    ]);
    // dead on the quarter's last day: no longer counted; dead after it: still counted
    expect(m.ppks.find((x) => x.kode === 'FM')).toMatchObject({ l: 1, p: 0, jumlah: 1, menerima: 1 });
  });
});
