// One flat row per unit and quarter for a provincial data system: every figure of a workbook's
// `_data` as its own column (`keuangan.penerimaan.donatur.jumlah`, `ppks.LUT.baru`, …), the
// columns the union over all units in the order first met.
import type { RingkasanLaporan } from './laporan-triwulan.js';
import type { UnitMasuk } from './rekap.js';

/** The unit's identity columns; officers' names and phone numbers stay out of a data system. */
const IDENTITAS = ['nama', 'padukuhan', 'kalurahan', 'kapanewon', 'kabupaten', 'provinsi', 'sk_nomor'];
/** In a list, these name an item; the item's key (kode, barang) is in the column name already. */
const LABEL = new Set(['nomor', 'kode', 'nama', 'jenis', 'layanan', 'barang', 'satuan']);

export interface TabelDatar {
  kolom: string[];
  baris: Record<string, string | number | null>[];
}

export function rekapDatar(masuk: UnitMasuk[], kodeUnit: (m: UnitMasuk) => string): TabelDatar {
  const kolom = new Set<string>(['kode_unit', 'kode_segel', 'berkas']);
  const baris = masuk.map((m) => {
    const r: Record<string, string | number | null> = {
      kode_unit: kodeUnit(m),
      kode_segel: m.kode_segel,
      berkas: m.berkas,
    };
    for (const [k, v] of datar(m.laporan)) {
      kolom.add(k);
      r[k] = v;
    }
    return r;
  });
  return { kolom: [...kolom], baris };
}

function datar(l: RingkasanLaporan): [string, string | number | null][] {
  const out: [string, string | number | null][] = [];
  const unit = l.unit as Record<string, unknown>;
  for (const k of IDENTITAS) out.push([`unit.${k}`, teks(unit[k])]);
  const { tahun, triwulan, dari, sampai } = l.periode;
  out.push(
    ['periode.tahun', tahun],
    ['periode.triwulan', triwulan],
    ['periode.dari', dari],
    ['periode.sampai', sampai],
  );
  out.push(['tanggal_laporan', l.tanggal_laporan]);
  for (const [k, v] of Object.entries(l))
    if (!['versi', 'periode', 'tanggal_laporan', 'unit'].includes(k)) jalan(k, v, out);
  return out;
}

const teks = (v: unknown) => (v === null || v === undefined ? null : String(v));

function jalan(nama: string, v: unknown, out: [string, string | number | null][]): void {
  if (typeof v === 'number') out.push([nama, v]);
  else if (Array.isArray(v))
    v.forEach((x: Record<string, unknown>, i) => {
      const kunci = String(x.kode ?? x.barang ?? i + 1);
      for (const [k, w] of Object.entries(x)) if (!LABEL.has(k)) jalan(`${nama}.${kunci}.${k}`, w, out);
    });
  else if (v && typeof v === 'object') for (const [k, w] of Object.entries(v)) jalan(`${nama}.${k}`, w, out);
}
