// The quarterly workbook: the report model as template values, the filled template, and the
// hidden `_data` sheet (the figures as JSON with their SHA-256) that `wksbm rekap` reads back.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTanggal } from '../domain/dates.js';
import { kodeSegel, type RantaiSegel, type Segel } from '../domain/segel.js';
import type { BarisBukuKas } from '../reports/buku-kas.js';
import {
  type LaporanTriwulan,
  type RingkasanLaporan,
  ringkasanLaporan,
  type TanpaRupiah,
} from '../reports/laporan-triwulan.js';
import { siapkanBerkasPribadi } from './pribadi.js';
import { type Gambar, isiTemplat, type Konteks, type NilaiSel } from './templat.js';

/** The shipped template: the nearest templates/ above this module (dist/render/ or a bundle's chunk). */
export const TEMPLAT_BAWAAN = cariTemplat(path.dirname(fileURLToPath(import.meta.url)));

function cariTemplat(dari: string): string {
  for (let d = dari; ; d = path.dirname(d)) {
    const f = path.join(d, 'templates', 'laporan-triwulan.xlsx');
    if (fs.existsSync(f)) return f;
    if (path.dirname(d) === d) return path.resolve(dari, '..', '..', 'templates', 'laporan-triwulan.xlsx');
  }
}
export const SHEET_DATA = '_data';
export const FORMAT_DATA = 'wksbm-laporan-triwulan';

/** ISO date → a real spreadsheet date (midnight UTC, which exceljs writes as the whole day). */
export function tanggalSel(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

const kolomDari = (baris: Record<string, NilaiSel>[], contoh: string[]) => ({ kolom: contoh, baris });

export function konteksLaporan(m: LaporanTriwulan, cap: Gambar | null, kode = ''): Konteks {
  return { nilai: { ...nilaiLaporan(m), kode_segel: kode }, daftar: daftarLaporan(m), gambar: { cap } };
}

/** The scalar markers: the unit, the period, dates as real dates, amounts as numbers the template formats. */
function nilaiLaporan(m: LaporanTriwulan): Record<string, NilaiSel> {
  const u = m.unit;
  return {
    ...u,
    sk_tanggal: tanggalSel(u.sk_tanggal),
    tanggal_berdiri: tanggalSel(u.tanggal_berdiri),
    tahun: m.periode.tahun,
    triwulan: m.periode.triwulan,
    triwulan_romawi: m.periode.romawi,
    tanggal_awal: tanggalSel(m.periode.dari),
    tanggal_akhir: tanggalSel(m.periode.sampai),
    periode: `${formatTanggal(m.periode.dari, true)} – ${formatTanggal(m.periode.sampai, true)}`,
    tanggal_laporan: tanggalSel(m.tanggal_laporan),
    saldo_awal: m.keuangan.saldo_awal,
    total_penerimaan: m.keuangan.total_penerimaan,
    total_pengeluaran: m.keuangan.total_pengeluaran,
    saldo_akhir: m.keuangan.saldo_akhir,
    total_penyaluran: m.total_penyaluran,
    jumlah_anggota: m.jumlah_anggota,
    jumlah_jejaring: m.jejaring.length,
    donatur_perorangan: m.donatur.perorangan,
    donatur_lembaga: m.donatur.lembaga,
    donatur_csr: m.donatur.csr,
    donatur_jumlah: m.donatur.jumlah,
    donatur_baru: m.donatur.baru,
    donatur_sumbangan: m.donatur.sumbangan,
  };
}

const KOLOM_KAS = [
  'no',
  'tanggal',
  'nomor',
  'uraian',
  'sumber_jenis',
  'dana',
  'akun',
  'penerimaan',
  'pengeluaran',
  'saldo',
];
const KOLOM_PENYALURAN = [
  'no',
  'tanggal',
  'nomor',
  'nama',
  'nik',
  'alamat',
  'kategori',
  'layanan',
  'bentuk',
  'uraian',
  'nilai',
  'kuantitas',
  'satuan',
  'sumber_dana',
  'santunan',
];

/** The repeating rows `{{#list}}`, each with the fields its row may name. */
function daftarLaporan(m: LaporanTriwulan): Konteks['daftar'] {
  const bernomor = <T extends object>(xs: T[]) => xs.map((x, i) => ({ no: i + 1, ...x }) as Record<string, NilaiSel>);
  const k = m.keuangan;
  return {
    penerimaan: kolomDari(bernomor(k.penerimaan), ['no', 'kode', 'nama', 'jumlah']),
    pengeluaran: kolomDari(bernomor(k.pengeluaran), ['no', 'kode', 'jenis', 'layanan', 'nama', 'jumlah']),
    dana: kolomDari(bernomor(k.per_dana), ['no', 'kode', 'nama', 'saldo']),
    akun: kolomDari(bernomor(k.per_akun), ['no', 'kode', 'nama', 'saldo']),
    natura: kolomDari(bernomor(m.natura), ['no', 'barang', 'satuan', 'awal', 'masuk', 'keluar', 'akhir']),
    kas: kolomDari((m.buku_kas ?? []).map(barisKas), KOLOM_KAS),
    penyaluran: kolomDari(
      m.penyaluran.map((p) => ({ ...p, tanggal: tanggalSel(p.tanggal), santunan: p.santunan ? 'ya' : '' })),
      KOLOM_PENYALURAN,
    ),
    kegiatan: kolomDari(
      m.kegiatan.map((g) => ({ ...g, tanggal: tanggalSel(g.tanggal) })),
      ['no', 'tanggal', 'nama', 'jenis', 'tempat', 'sasaran', 'peserta', 'biaya', 'hasil'],
    ),
    rapat: kolomDari(
      m.rapat.map((r) => ({ ...r, tanggal: tanggalSel(r.tanggal) })),
      ['no', 'tanggal', 'jenis', 'tempat', 'agenda', 'hadir', 'keputusan'],
    ),
    ppks: kolomDari(
      m.ppks.map((p) => ({ no: p.nomor, ...p })),
      ['no', 'nomor', 'kode', 'nama', 'l', 'p', 'jumlah', 'baru', 'menerima', 'nilai'],
    ),
    psks: kolomDari(
      m.psks.map((p) => ({ no: p.nomor, ...p })),
      ['no', 'nomor', 'kode', 'nama', 'perorangan', 'lembaga', 'jumlah'],
    ),
    jejaring: kolomDari(bernomor(m.jejaring.map((j) => ({ ...j, sejak: tanggalSel(j.sejak) }))), [
      'no',
      'nama',
      'jenis',
      'bidang',
      'sejak',
      'nomor_kerjasama',
    ]),
  };
}

function barisKas(b: BarisBukuKas): Record<string, NilaiSel> {
  return {
    no: b.no,
    tanggal: tanggalSel(b.tanggal),
    nomor: b.nomor,
    uraian: [b.uraian, b.dibatalkan_oleh ? `(dibatalkan ${b.dibatalkan_oleh})` : ''].filter(Boolean).join(' '),
    sumber_jenis: b.sumber ?? (b.jenis ? (b.layanan ? `${b.jenis} (${b.layanan})` : b.jenis) : 'pindah'),
    dana: b.dana ?? (b.akun_tujuan ? `${b.akun}→${b.akun_tujuan}` : ''),
    akun: b.akun,
    // a cash book leaves the other side blank rather than printing Rp0
    penerimaan: b.penerimaan === 0 ? null : b.penerimaan,
    pengeluaran: b.pengeluaran === 0 ? null : b.pengeluaran,
    saldo: b.saldo,
  };
}

export interface IsiData {
  format: string;
  versi: number;
  /** the report's figures; read back from a file they are plain numbers until `bacaRingkasan` */
  laporan: TanpaRupiah<RingkasanLaporan>;
  /** numbers the markers put in visible cells, by `Sheet!A1` */
  sel: Record<string, number>;
  /** where the cash and stock chains stood when the workbook was written, and the printed code */
  segel?: Segel;
}

export const BATAS_SEL = 32_000;

export function potongJson(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += BATAS_SEL) out.push(json.slice(i, i + BATAS_SEL));
  return out.length ? out : [''];
}

export function hashData(json: string): string {
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

/** Fills the template and writes the workbook (through a temporary file, so a failure leaves nothing half-written). */
export async function tulisLaporan(
  m: LaporanTriwulan,
  cap: Gambar | null,
  opsi: { templat?: string; keluar: string; rantai: RantaiSegel },
): Promise<void> {
  const laporan = ringkasanLaporan(m);
  const segel: Segel = { rantai: opsi.rantai, kode: kodeSegel(opsi.rantai, laporan) };
  const konteks = konteksLaporan(m, cap, segel.kode);
  const { workbook, angka } = await isiTemplat(opsi.templat ?? TEMPLAT_BAWAAN, konteks, { lewati: [SHEET_DATA] });
  const isi: IsiData = { format: FORMAT_DATA, versi: m.versi, laporan, sel: angka, segel };
  const json = JSON.stringify(isi);
  const ws = workbook.addWorksheet(SHEET_DATA, { state: 'hidden' });
  // A cell holds at most 32 767 characters; a longer JSON continues in B1, C1, … (rekap joins row 1).
  for (const [i, bagian] of potongJson(json).entries()) ws.getCell(1, i + 1).value = bagian;
  ws.getCell('A2').value = hashData(json);
  ws.getCell('A3').value = `${FORMAT_DATA}/${m.versi}`;
  const sementara = `${opsi.keluar}.${process.pid}.tmp`;
  try {
    siapkanBerkasPribadi(sementara);
    await workbook.xlsx.writeFile(sementara);
    fs.renameSync(sementara, opsi.keluar);
  } finally {
    fs.rmSync(sementara, { force: true });
  }
}
