// The recap as a pure function over units' _data figures, read back through bacaRingkasan.
import { describe, expect, it } from 'vitest';
import { LedgerError, UserError } from '../../src/domain/errors.js';
import { rupiah } from '../../src/domain/money.js';
import { bacaRingkasan, type RingkasanLaporan } from '../../src/reports/laporan-triwulan.js';
import { ANGKA_REKAP, rekapLaporan } from '../../src/reports/rekap.js';

function ringkasan(nama: string, saldoAkhir: number, sumbangan = 0): unknown {
  const uang = (kode: string, jumlah: number) => ({ kode, nama: kode, jumlah });
  return {
    versi: 1,
    periode: { tahun: 2026, triwulan: 3, romawi: 'III', dari: '2026-07-01', sampai: '2026-09-30' },
    tanggal_laporan: '2026-10-01',
    unit: { nama, padukuhan: 'Jetis', kalurahan: 'Sumberagung', kapanewon: 'Jetis', kabupaten: 'Bantul' },
    keuangan: {
      saldo_awal: 0,
      penerimaan: [uang('jimpitan', saldoAkhir)],
      total_penerimaan: saldoAkhir,
      pengeluaran: [{ ...uang('operasional', 0), jenis: 'operasional', layanan: null }],
      total_pengeluaran: 0,
      saldo_akhir: saldoAkhir,
      per_dana: [{ kode: 'umum', nama: 'Umum', saldo: saldoAkhir }],
      per_akun: [{ kode: 'tunai', nama: 'Tunai', saldo: saldoAkhir }],
    },
    natura: [],
    jumlah_entri_kas: 1,
    jumlah_penyaluran: 0,
    total_penyaluran: 0,
    jumlah_kegiatan: 0,
    biaya_kegiatan: 0,
    jumlah_rapat: 0,
    ppks: [
      {
        nomor: 1,
        kode: 'LUT',
        nama: 'Lanjut Usia Terlantar',
        l: 1,
        p: 0,
        jumlah: 1,
        baru: 1,
        menerima: 1,
        nilai: 100_000,
      },
    ],
    psks: [],
    jumlah_jejaring: 0,
    donatur: { perorangan: 1, lembaga: 0, csr: 0, jumlah: 1, baru: 0, sumbangan },
    jumlah_anggota: 3,
  };
}

const baca = (x: unknown): RingkasanLaporan => bacaRingkasan(JSON.parse(JSON.stringify(x)));

describe('bacaRingkasan', () => {
  it('takes whole rupiah back as they were written', () => {
    const l = baca(ringkasan('Ngudi Mulyo', 2_950_000, 500_000));
    expect(l).toEqual(ringkasan('Ngudi Mulyo', 2_950_000, 500_000));
  });

  // edits to the JSON text, as another program would make them (and then recompute the hash)
  it.each([
    ['keuangan.saldo_akhir', '"saldo_akhir":2950000', '"saldo_akhir":2950000.5', '2950000.5'],
    [
      'keuangan.penerimaan[jimpitan].jumlah',
      '"nama":"jimpitan","jumlah":2950000',
      '"nama":"jimpitan","jumlah":"2950000"',
      '2950000',
    ],
    [
      'keuangan.per_akun[tunai].saldo',
      '"nama":"Tunai","saldo":2950000',
      '"nama":"Tunai","saldo":1e20',
      '100000000000000000000',
    ],
    ['ppks[LUT].nilai', '"nilai":100000', '"nilai":null', 'null'],
    ['donatur.sumbangan', ',"sumbangan":0', '', 'undefined'],
  ])('refuses %s when it is not whole rupiah, naming it', (isian, dari, jadi, nilai) => {
    const json = JSON.stringify(ringkasan('Ngudi Mulyo', 2_950_000));
    expect(json).toContain(dari);
    const diubah = JSON.parse(json.replace(dari, jadi));
    expect(() => bacaRingkasan(diubah)).toThrow(UserError);
    expect(() => bacaRingkasan(diubah)).toThrow(
      `isian ${isian} di sheet _data bernilai "${nilai}", bukan rupiah bulat`,
    );
  });
});

describe('rekapLaporan', () => {
  it('adds money as Rupiah and counts as counts, keys in column order', () => {
    const r = rekapLaporan(
      [
        { berkas: 'a.xlsx', laporan: baca(ringkasan('Ngudi Mulyo', 2_950_000, 500_000)), kode_segel: 'A1B2' },
        { berkas: 'b.xlsx', laporan: baca(ringkasan('Sido Rukun', 400_000)), kode_segel: 'C3D4' },
      ],
      [],
    );
    expect(Object.keys(r.total)).toEqual([...ANGKA_REKAP]);
    expect(r.total).toMatchObject({
      saldo_akhir: 3_350_000,
      sumbangan_donatur: 500_000,
      nilai_bantuan: 200_000,
      ppks: 2,
    });
    expect(r.unit.map((u) => [u.no, u.nama, u.saldo_akhir, u.kode_segel])).toEqual([
      [1, 'Ngudi Mulyo', 2_950_000, 'A1B2'],
      [2, 'Sido Rukun', 400_000, 'C3D4'],
    ]);
    expect(r.ppks).toEqual([{ nomor: 1, kode: 'LUT', nama: 'Lanjut Usia Terlantar', per_unit: [1, 1], jumlah: 2 }]);
  });

  it('refuses a total past the largest amount counted exactly', () => {
    const besar = 600_000_000_000_000;
    const masuk = ['a', 'b'].map((n) => ({ berkas: `${n}.xlsx`, laporan: baca(ringkasan(n, besar)), kode_segel: n }));
    expect(rupiah(besar)).toBe(besar);
    expect(() => rekapLaporan(masuk, [])).toThrow(LedgerError);
  });
});
