// Reading a unit's quarterly workbook back (`rekap`, `periksa --laporan`): the `_data` JSON checked
// against its hash and its kode segel, then every number the export put in a visible cell checked
// against the cell as it is now. Formulas whose cached result a program dropped are recomputed.
import { UserError } from '../domain/errors.js';
import { formatRupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { kodeSegelLaporan } from '../domain/segel.js';
import { angkaKeKolom, parseAlamat } from '../render/a1.js';
import { FORMAT_DATA, hashData, type IsiData, SHEET_DATA } from '../render/laporan-xlsx.js';
import { hitungRumus, type Pembaca } from '../render/rumus.js';
import { ZipRusak, ZipTerlaluBesar } from '../render/zip.js';
import { bacaRingkasan, type RingkasanLaporan, VERSI_FORMAT } from '../reports/laporan-triwulan.js';
import { type Bermasalah, type IdentitasUnit, identitasLaporan, type UnitMasuk } from '../reports/rekap.js';
import { type BukuXlsx, bukaXlsx, type IsiSheet, type SelXlsx } from './xlsx-sel.js';

function buka(berkas: string): BukuXlsx | string {
  try {
    return bukaXlsx(berkas);
  } catch (e) {
    return masalahZip(e);
  }
}

/** What a workbook that does not open says in the recap: too large inflated, or not readable at all. */
function masalahZip(e: unknown): string {
  return e instanceof ZipTerlaluBesar ? pesan.rekapTerlaluBesar(e.batas / 2 ** 20) : pesan.rekapTidakTerbaca();
}

/**
 * `baca` over a workbook whose sheets are inflated as they are asked for: a damaged or oversized sheet found then is
 * the workbook's problem, told in the recap, never the end of the recap.
 */
function tanpaZipRusak<T>(baca: () => T): T | string {
  try {
    return baca();
  } catch (e) {
    if (e instanceof ZipRusak) return masalahZip(e);
    throw e;
  }
}

/** Reads one unit's workbook; a problem is returned, never thrown, so the recap goes on. */
export function bacaLaporanUnit(berkas: string): UnitMasuk | Bermasalah {
  const buku = buka(berkas);
  if (typeof buku === 'string') return { berkas, masalah: buku };
  const hasil = tanpaZipRusak(() => bacaUnit(berkas, buku));
  return typeof hasil === 'string' ? { berkas, masalah: hasil } : hasil;
}

function bacaUnit(berkas: string, buku: BukuXlsx): UnitMasuk | Bermasalah {
  const isi = bacaIsiData(buku);
  if (typeof isi === 'string') return { berkas, masalah: isi, unit: identitasLonggar(buku) };
  const unit = identitasLaporan(isi.laporan);
  let laporan: RingkasanLaporan;
  try {
    laporan = bacaRingkasan(isi.laporan);
  } catch (e) {
    if (e instanceof UserError) return { berkas, masalah: e.message, unit };
    throw e;
  }
  const selBeda = periksaSel(buku, isi.sel ?? {});
  if (selBeda) return { berkas, masalah: selBeda, unit };
  return { berkas, laporan, kode_segel: isi.segel!.kode };
}

/** The `_data` of a workbook this program wrote, for `periksa --laporan`; or what is wrong with it. */
export function bacaDataLaporan(berkas: string): IsiData | string {
  const buku = buka(berkas);
  return typeof buku === 'string' ? buku : tanpaZipRusak(() => bacaIsiData(buku));
}

function teksData(buku: BukuXlsx): { json: string; hash: unknown } | null {
  const ws = buku.sheet(SHEET_DATA);
  const a1 = ws?.get('A1')?.nilai;
  if (!ws || typeof a1 !== 'string') return null;
  // a JSON longer than a cell holds continues in B1, C1, …
  let json = a1;
  for (let k = 2; ; k++) {
    const lanjut = ws.get(`${angkaKeKolom(k)}1`)?.nilai;
    if (typeof lanjut !== 'string') break;
    json += lanjut;
  }
  return { json, hash: ws.get('A2')?.nilai };
}

/** The JSON of the hidden `_data` sheet, checked against its hash, format and kode segel; or what is wrong. */
function bacaIsiData(buku: BukuXlsx): IsiData | string {
  const data = teksData(buku);
  if (!data) return pesan.rekapTanpaData();
  if (hashData(data.json) !== data.hash) return pesan.rekapHashBeda();
  let isi: IsiData;
  try {
    isi = JSON.parse(data.json) as IsiData;
  } catch {
    return pesan.rekapHashBeda();
  }
  if (isi.format !== FORMAT_DATA || isi.versi !== VERSI_FORMAT) return pesan.rekapVersi(`${isi.format}/${isi.versi}`);
  if (!isi.segel) return pesan.rekapTanpaSegel();
  if (kodeSegelLaporan(isi.segel.rantai, isi) !== isi.segel.kode) return pesan.rekapKodeBeda(isi.segel.kode);
  return isi;
}

/** Which unit an edited workbook says it is from, when its `_data` still reads as JSON. */
function identitasLonggar(buku: BukuXlsx): IdentitasUnit | undefined {
  try {
    const json = teksData(buku)?.json;
    return json ? identitasLaporan((JSON.parse(json) as IsiData).laporan) : undefined;
  } catch {
    return undefined;
  }
}

interface Harapan {
  sheet: string;
  ref: string;
  baris: number;
  kolom: number;
  asli: number;
}

/** The exported numbers by sheet (in the workbook's order), each sheet's by row and column. */
function harapanPerSheet(buku: BukuXlsx, sel: Record<string, number>): Map<string, Harapan[]> {
  const out = new Map<string, Harapan[]>(buku.nama.map((n) => [n, []]));
  for (const [alamat, asli] of Object.entries(sel)) {
    const i = alamat.lastIndexOf('!');
    const sheet = alamat.slice(0, i);
    const ref = alamat.slice(i + 1);
    const { baris, kolom } = parseAlamat(ref);
    if (!out.has(sheet)) out.set(sheet, []);
    out.get(sheet)!.push({ sheet, ref, baris, kolom, asli });
  }
  for (const xs of out.values()) xs.sort((a, b) => a.baris - b.baris || a.kolom - b.kolom);
  return out;
}

/**
 * Every visible number a marker wrote must still read as exported. Value cells come first (the
 * figure someone typed over), then formulas, their dropped results recomputed from the cells.
 */
function periksaSel(buku: BukuXlsx, sel: Record<string, number>): string | null {
  const rumus: { h: Harapan; isi: IsiSheet | undefined }[] = [];
  for (const [sheet, harapan] of harapanPerSheet(buku, sel)) {
    if (harapan.length === 0) continue;
    const isi = buku.sheet(sheet);
    for (const h of harapan) {
      const c = isi?.get(h.ref);
      if (c?.rumus !== undefined) rumus.push({ h, isi });
      else if (!sama(c?.nilai, h.asli)) return bedaSel(h, isi, c, c?.nilai);
    }
  }
  for (const { h, isi } of rumus) {
    const v = nilaiRumus(isi!, h.ref);
    if (!sama(v, h.asli)) return bedaSel(h, isi, isi!.get(h.ref), v);
  }
  return null;
}

const sama = (v: unknown, asli: number) => typeof v === 'number' && Math.abs(v - asli) <= 1e-6;

/** A formula's cached result, or (dropped by the program that saved the file) its value from the cells. */
function nilaiRumus(isi: IsiSheet, ref: string): number | string | undefined {
  const dihitung = new Map<string, number | string | undefined>();
  const sedang = new Set<string>();
  const baca: Pembaca = (baris, kolom) => {
    const key = `${angkaKeKolom(kolom)}${baris}`;
    const c = isi.get(key);
    if (!c) return undefined;
    if (c.rumus === undefined || c.nilai !== null)
      return typeof c.nilai === 'boolean' ? undefined : (c.nilai ?? undefined);
    if (!dihitung.has(key)) {
      if (sedang.has(key)) return undefined;
      sedang.add(key);
      dihitung.set(key, hitungRumus(c.rumus, baca));
      sedang.delete(key);
    }
    return dihitung.get(key);
  };
  const { baris, kolom } = parseAlamat(ref);
  return baca(baris, kolom);
}

function bedaSel(h: Harapan, isi: IsiSheet | undefined, c: SelXlsx | undefined, sekarang: unknown): string {
  const rupiah = c?.rupiah ?? false;
  const label = labelBaris(isi, h.baris, h.kolom);
  return pesan.rekapSelBeda(
    `${h.sheet}!${h.ref}${label ? ` ${label}` : ''}`,
    teksNilai(sekarang, rupiah),
    teksNilai(h.asli, rupiah),
  );
}

/** What names a row: its longest text left of the cell ("Donatur dan proposal", a voucher's uraian). */
function labelBaris(isi: IsiSheet | undefined, baris: number, kolom: number): string {
  let label = '';
  for (let k = 1; k < kolom; k++) {
    const v = isi?.get(`${angkaKeKolom(k)}${baris}`)?.nilai;
    if (typeof v === 'string' && v.trim().length > label.length) label = v.trim();
  }
  return label.length > 60 ? `${label.slice(0, 59)}…` : label;
}

const angkaId = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 3 });

function teksNilai(v: unknown, rupiah: boolean): string {
  if (v === null || v === undefined || v === '') return 'kosong';
  if (typeof v === 'number') return rupiah && Number.isInteger(v) ? formatRupiah(v) : angkaId.format(v);
  return `"${String(v)}"`;
}
