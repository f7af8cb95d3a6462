// The Dinas desk: the kabupaten's list of units against the workbooks that came in — who sent, who
// is missing, who sent twice or an edited workbook — and the figures added up per kapanewon and
// per kalurahan.

import { romawi } from '../domain/dates.js';
import { jumlahSemua, NOL, type Rupiah } from '../domain/money.js';
import { type Bermasalah, type IdentitasUnit, identitasLaporan, type UnitMasuk } from './rekap.js';

/** One row of the kabupaten's list. */
export interface UnitDaftar {
  baris: number;
  kode: string;
  nama: string;
  kapanewon: string;
  kalurahan: string;
  padukuhan: string;
}

export type StatusUnit = 'terkirim' | 'belum' | 'ganda' | 'diubah';

export interface BarisMeja {
  kode: string;
  nama: string;
  kapanewon: string;
  kalurahan: string;
  periode: string;
  status: StatusUnit;
  berkas: string[];
}

export interface TotalWilayah {
  kapanewon: string;
  kalurahan?: string;
  terdaftar: number;
  terkirim: number;
  belum: number;
  bermasalah: number;
  penerimaan: Rupiah;
  pengeluaran: Rupiah;
  saldo_akhir: Rupiah;
  nilai_bantuan: Rupiah;
  ppks: number;
}

export interface MejaDinas {
  unit: BarisMeja[];
  /** workbooks of units the list does not hold */
  luar_daftar: { berkas: string; nama: string; kalurahan: string; kapanewon: string; periode: string }[];
  per_kapanewon: TotalWilayah[];
  per_kalurahan: TotalWilayah[];
}

/** `WKSBM Ngudi Mulyo`, `ngudi-mulyo` and ` Ngudi  Mulyo ` are one name. */
export function normNama(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^wksbm /, '')
    .trim();
}

export const kunciUnit = (u: { nama: string; kalurahan: string; kapanewon: string }) =>
  [u.nama, u.kalurahan, u.kapanewon].map(normNama).join('|');

const labelPeriode = (u: IdentitasUnit) => `${romawi(u.triwulan)}/${u.tahun}`;

interface Kiriman {
  unit: IdentitasUnit;
  berkas: string;
  masuk?: UnitMasuk;
}

export function mejaDinas(daftar: UnitDaftar[], masuk: UnitMasuk[], bermasalah: Bermasalah[]): MejaDinas {
  const kiriman: Kiriman[] = [
    ...masuk.map((m) => ({ unit: identitasLaporan(m.laporan), berkas: m.berkas, masuk: m })),
    ...bermasalah.flatMap((b) => (b.unit ? [{ unit: b.unit, berkas: b.berkas }] : [])),
  ];
  const periode = [...new Set(kiriman.map((k) => labelPeriode(k.unit)))].sort(urutPeriode);
  const perKunci = new Map<string, Kiriman[]>();
  for (const k of kiriman) {
    const kunci = `${kunciUnit(k.unit)}#${labelPeriode(k.unit)}`;
    perKunci.set(kunci, [...(perKunci.get(kunci) ?? []), k]);
  }
  const terdaftar = new Set(daftar.map(kunciUnit));
  const unit = daftar.flatMap((d) =>
    (periode.length ? periode : ['']).map((p) => barisMeja(d, p, perKunci.get(`${kunciUnit(d)}#${p}`) ?? [])),
  );
  const luar_daftar = kiriman
    .filter((k) => !terdaftar.has(kunciUnit(k.unit)))
    .map((k) => ({ berkas: k.berkas, ...pick(k.unit), periode: labelPeriode(k.unit) }));
  const wilayahDari = (k: Kiriman) => daftar.find((d) => kunciUnit(d) === kunciUnit(k.unit)) ?? k.unit;
  return {
    unit,
    luar_daftar,
    per_kapanewon: totalWilayah(unit, kiriman, wilayahDari, false),
    per_kalurahan: totalWilayah(unit, kiriman, wilayahDari, true),
  };
}

const pick = (u: IdentitasUnit) => ({ nama: u.nama, kalurahan: u.kalurahan, kapanewon: u.kapanewon });

function urutPeriode(a: string, b: string): number {
  const [ra, ta] = a.split('/');
  const [rb, tb] = b.split('/');
  return Number(ta) - Number(tb) || ['I', 'II', 'III', 'IV'].indexOf(ra!) - ['I', 'II', 'III', 'IV'].indexOf(rb!);
}

function barisMeja(d: UnitDaftar, periode: string, k: Kiriman[]): BarisMeja {
  const status: StatusUnit = k.length === 0 ? 'belum' : k.length > 1 ? 'ganda' : k[0]!.masuk ? 'terkirim' : 'diubah';
  return {
    kode: d.kode,
    nama: d.nama,
    kapanewon: d.kapanewon,
    kalurahan: d.kalurahan,
    periode,
    status,
    berkas: k.map((x) => x.berkas),
  };
}

/** Counts from the list's rows (per unit and quarter), money and PPKS from the workbooks counted. */
function totalWilayah(
  unit: BarisMeja[],
  kiriman: Kiriman[],
  wilayahDari: (k: Kiriman) => { kapanewon: string; kalurahan: string },
  perKalurahan: boolean,
): TotalWilayah[] {
  const out = new Map<string, TotalWilayah & { uang: Record<string, Rupiah[]> }>();
  const ambil = (w: { kapanewon: string; kalurahan: string }) => {
    const kunci = perKalurahan ? `${w.kapanewon}|${w.kalurahan}` : w.kapanewon;
    let t = out.get(kunci);
    if (!t) {
      t = { kapanewon: w.kapanewon, ...(perKalurahan ? { kalurahan: w.kalurahan } : {}), ...nol(), uang: {} };
      out.set(kunci, t);
    }
    return t;
  };
  for (const u of unit) {
    const t = ambil(u);
    t.terdaftar++;
    if (u.status === 'terkirim') t.terkirim++;
    else if (u.status === 'belum') t.belum++;
    else t.bermasalah++;
  }
  for (const k of kiriman) {
    if (!k.masuk) continue;
    const t = ambil(wilayahDari(k));
    const l = k.masuk.laporan;
    const tambah = (nama: string, v: Rupiah) => {
      t.uang[nama] = [...(t.uang[nama] ?? []), v];
    };
    tambah('penerimaan', l.keuangan.total_penerimaan);
    tambah('pengeluaran', l.keuangan.total_pengeluaran);
    tambah('saldo_akhir', l.keuangan.saldo_akhir);
    tambah('nilai_bantuan', jumlahSemua(l.ppks.map((p) => p.nilai)));
    t.ppks += l.ppks.reduce((a, p) => a + p.jumlah, 0);
  }
  return [...out.values()]
    .map(({ uang, ...t }) => ({
      ...t,
      penerimaan: jumlahSemua(uang.penerimaan ?? []),
      pengeluaran: jumlahSemua(uang.pengeluaran ?? []),
      saldo_akhir: jumlahSemua(uang.saldo_akhir ?? []),
      nilai_bantuan: jumlahSemua(uang.nilai_bantuan ?? []),
    }))
    .sort((a, b) => a.kapanewon.localeCompare(b.kapanewon) || (a.kalurahan ?? '').localeCompare(b.kalurahan ?? ''));
}

function nol() {
  const uang = { penerimaan: NOL, pengeluaran: NOL, saldo_akhir: NOL, nilai_bantuan: NOL };
  return { terdaftar: 0, terkirim: 0, belum: 0, bermasalah: 0, ppks: 0, ...uang };
}
