// The quarterly workbook: the report model as template values, the filled template, and the
// hidden `_data` sheet (the figures as JSON with their SHA-256) that `wksbm rekap` reads back.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type ExcelJSNs from 'exceljs';
import { formatTanggal } from '../domain/dates.js';
import { createHash } from '../domain/kripto.js';
import { kodeSegelLaporanTeks, objekJson, type RantaiSegel, type Segel } from '../domain/segel.js';
import type { BarisBukuKas } from '../reports/buku-kas.js';
import {
  type BarisPenyaluran,
  type LaporanTriwulan,
  type NamaKode,
  type RingkasanLaporan,
  ringkasanLaporan,
  type TanpaRupiah,
} from '../reports/laporan-triwulan.js';
import { teksKuantitas } from './gaya.js';
import { namaSementara, periksaKeluaran, tulisSementara } from './pribadi.js';
import { sambunganTeks, tulisSambung } from './sambung-xlsx.js';
import { type Gambar, isiTemplat, type Konteks, type NilaiSel } from './templat.js';
import { caraAlir } from './templat-alir.js';

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

/** The days met so far and their Date: a long quarter's or year's rows share a few hundred days. */
const hariSel = new Map<string, Date>();

/**
 * ISO date → a real spreadsheet date (midnight UTC, which exceljs writes as the whole day). The same Date for the
 * same day, shared by every cell of that day: writers only read it, never change it.
 */
export function tanggalSel(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  let hari = hariSel.get(iso);
  if (hari === undefined) {
    const [y, m, d] = iso.split('-').map(Number);
    if (hariSel.size >= 100_000) hariSel.clear();
    hariSel.set(iso, (hari = new Date(Date.UTC(y!, m! - 1, d!))));
  }
  return hari;
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
  'penerima',
  'kategori',
  'layanan',
  'bentuk',
  'uraian',
  'nilai',
  'kuantitas',
  'satuan',
  'jumlah_barang',
  'bentuk_uraian',
  'nilai_jumlah',
  'sumber_dana',
  'dana_asnaf',
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
    natura: kolomDari(bernomor(m.natura.map(barisNatura)), [
      'no',
      'barang',
      'satuan',
      'awal',
      'masuk',
      'keluar',
      'akhir',
    ]),
    kas: daftarKas(m),
    penyaluran: kolomDari(
      m.penyaluran.map((p) => barisPenyaluran(p, m.nama_kode)),
      KOLOM_PENYALURAN,
    ),
    kegiatan: kolomDari(
      m.kegiatan.map((g) => ({ ...g, tanggal: tanggalSel(g.tanggal), jenis: kataDariKode(g.jenis) })),
      ['no', 'tanggal', 'nama', 'jenis', 'tempat', 'sasaran', 'peserta', 'biaya', 'hasil'],
    ),
    rapat: kolomDari(
      m.rapat.map((r) => ({ ...r, tanggal: tanggalSel(r.tanggal), jenis: kataDariKode(r.jenis) })),
      ['no', 'tanggal', 'jenis', 'tempat', 'agenda', 'hadir', 'keputusan'],
    ),
    ppks: kolomDari(
      m.ppks.map((p) => ({ no: p.nomor, ...p })),
      ['no', 'nomor', 'kode', 'nama', 'l', 'p', 'jumlah', 'baru', 'menerima', 'nilai'],
    ),
    psks: barisPsks(m.psks),
    psks_dalam: barisPsks(m.psks_wilayah.dalam),
    psks_luar: barisPsks(m.psks_wilayah.luar),
    jejaring: kolomDari(
      bernomor(m.jejaring.map((j) => ({ ...j, jenis: kataDariKode(j.jenis), sejak: tanggalSel(j.sejak) }))),
      ['no', 'nama', 'jenis', 'bidang', 'sejak', 'nomor_kerjasama'],
    ),
  };
}

/** The cash book's rows: held when the model holds them, else streamed from the books (read once, as written). */
function daftarKas(m: LaporanTriwulan): Konteks['daftar'][string] {
  const d = kolomDari(
    (m.buku_kas ?? []).map((b) => barisKas(b, m.nama_kode)),
    KOLOM_KAS,
  );
  const aliran = m.aliran_kas;
  if (m.buku_kas || !aliran) return d;
  return {
    ...d,
    aliran: {
      jumlah: m.jumlah_entri_kas,
      baris: function* () {
        for (const b of aliran()) yield barisKas(b, m.nama_kode);
      },
    },
  };
}

function barisPsks(psks: LaporanTriwulan['psks']): Konteks['daftar'][string] {
  return kolomDari(
    psks.map((p) => ({ no: p.nomor, ...p })),
    ['no', 'nomor', 'kode', 'nama', 'perorangan', 'lembaga', 'jumlah'],
  );
}

/** A code as words when no name is registered for it: `iuran_kematian` → "Iuran kematian". */
export function kataDariKode(kode: string): string {
  const kata = kode.replace(/[_-]+/g, ' ').trim();
  return kata.charAt(0).toUpperCase() + kata.slice(1);
}

const namaDari = (peta: Record<string, string>, kode: string | null): string =>
  kode ? (peta[kode] ?? kataDariKode(kode)) : '';

/** Stock in kg with a decimal comma, as text: a number format's decimal separator is the viewer's own. */
function barisNatura(n: LaporanTriwulan['natura'][number]): Record<string, NilaiSel> {
  const q = (v: number) => teksKuantitas(v);
  return { ...n, awal: q(n.awal), masuk: q(n.masuk), keluar: q(n.keluar), akhir: q(n.akhir) };
}

/** One line of the cash book in words: sources, kinds, funds and accounts by name, never by code. */
function barisKas(b: BarisBukuKas, nama: NamaKode): Record<string, NilaiSel> {
  const akun = (k: string | null) => namaDari(nama.akun, k);
  const jenis = b.jenis
    ? [namaDari(nama.jenis, b.jenis), b.layanan ? namaDari(nama.layanan, b.layanan) : ''].filter(Boolean).join(': ')
    : null;
  const lain = b.saldo_awal ? 'Saldo awal' : 'Pemindahan antarakun';
  const sumberJenis = b.sumber ? namaDari(nama.sumber, b.sumber) : (jenis ?? lain);
  // an entry recorded without uraian reads as its source or kind, so a voided one is never just "(dibatalkan …)"
  const uraian = b.uraian?.trim() || sumberJenis;
  return {
    no: b.no,
    tanggal: tanggalSel(b.tanggal),
    nomor: b.nomor,
    uraian: b.dibatalkan_oleh ? `${uraian} (dibatalkan ${b.dibatalkan_oleh})` : uraian,
    sumber_jenis: sumberJenis,
    dana: namaDari(nama.dana, b.dana),
    akun: b.akun_tujuan ? `${akun(b.akun)} → ${akun(b.akun_tujuan)}` : akun(b.akun),
    // a cash book leaves the other side blank rather than printing Rp0
    penerimaan: b.penerimaan === 0 ? null : b.penerimaan,
    pengeluaran: b.pengeluaran === 0 ? null : b.pengeluaran,
    saldo: b.saldo,
  };
}

/** One aid in words: the recipient on one cell, the amount or the quantity with its unit, fund and asnaf. */
function barisPenyaluran(p: BarisPenyaluran, nama: NamaKode): Record<string, NilaiSel> {
  const penerima = [p.nama, p.nik ? `NIK ${p.nik}` : '', p.alamat].filter(Boolean).join('\n');
  const dana = p.bentuk === 'barang' ? 'Natura (barang)' : namaDari(nama.dana, p.sumber_dana);
  return {
    ...p,
    tanggal: tanggalSel(p.tanggal),
    penerima,
    kategori: p.kategori ? namaDari(nama.ppks, p.kategori) : '',
    bentuk: p.bentuk === 'uang' ? 'Uang' : 'Barang',
    jumlah_barang: teksKuantitas(p.kuantitas, p.satuan),
    bentuk_uraian: [p.bentuk === 'uang' ? 'Uang' : 'Barang', p.uraian].filter(Boolean).join(': '),
    // the amount in rupiah, or for goods the quantity with its unit (text, so SUM counts only money)
    nilai_jumlah: p.nilai ?? teksKuantitas(p.kuantitas, p.satuan),
    dana_asnaf: p.asnaf ? `${dana}; asnaf ${kataDariKode(p.asnaf).toLowerCase()}` : dana,
    santunan: p.santunan ? 'ya' : '',
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

const PENGGANTI_KODE = '\u2063kode-segel\u2063';

/**
 * From how many cash entries the cash book is streamed into the workbook instead of held (the same
 * workbook either way); WKSBM_BATAS_ALIR sets another bound (tests compare both ways).
 */
function batasAlir(): number {
  const n = Number(process.env.WKSBM_BATAS_ALIR);
  return process.env.WKSBM_BATAS_ALIR && Number.isFinite(n) ? n : 2000;
}

/** Replaces a stand-in in every text cell (the kode segel, computed after the template is filled). */
function gantiTeks(wb: ExcelJSNs.Workbook, dari: string, ke: string): void {
  for (const ws of wb.worksheets) {
    const hf = ws.headerFooter as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(hf ?? {}))
      if (typeof v === 'string' && v.includes(dari)) hf[k] = v.split(dari).join(ke);
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'string' && c.value.includes(dari)) c.value = c.value.split(dari).join(ke);
      }),
    );
  }
}

/** Fills the template and writes the workbook (through a temporary file, so a failure leaves nothing half-written). */
export async function tulisLaporan(
  m: LaporanTriwulan,
  cap: Gambar | null,
  opsi: { templat?: string; keluar: string; rantai: RantaiSegel },
): Promise<void> {
  const laporan = ringkasanLaporan(m);
  // the code covers the visible cells' numbers, known once the template is filled: the signed page
  // gets a stand-in, replaced by the code afterwards
  const konteks = konteksLaporan(m, cap, PENGGANTI_KODE);
  periksaKeluaran(opsi.keluar, [opsi.templat ?? TEMPLAT_BAWAAN]);
  const sementara = namaSementara(opsi.keluar);
  try {
    await tulis(m, konteks, laporan, { ...opsi, sementara });
  } finally {
    fs.rmSync(sementara, { force: true });
  }
}

async function tulis(
  m: LaporanTriwulan,
  konteks: Konteks,
  laporan: RingkasanLaporan,
  opsi: { templat?: string; keluar: string; rantai: RantaiSegel; sementara: string },
): Promise<void> {
  const { sementara } = opsi;
  const { workbook, angka, sambungan } = await isiTemplat(opsi.templat ?? TEMPLAT_BAWAAN, konteks, {
    lewati: [SHEET_DATA],
    alir: caraAlir(batasAlir(), sementara),
  });
  // the numbers by cell written as JSON once, from the runs a streamed list keeps them in (never as an object)
  const [teksLaporan, sel] = [JSON.stringify(laporan), angka.json()];
  const segel: Segel = { rantai: opsi.rantai, kode: kodeSegelLaporanTeks(opsi.rantai, teksLaporan, sel) };
  gantiTeks(workbook, PENGGANTI_KODE, segel.kode);
  // the text JSON.stringify gives an IsiData (its keys checked against the type)
  const json = objekJson<keyof IsiData>([
    ['format', JSON.stringify(FORMAT_DATA)],
    ['versi', JSON.stringify(m.versi)],
    ['laporan', teksLaporan],
    ['sel', sel],
    ['segel', JSON.stringify(segel)],
  ]);
  const ws = workbook.addWorksheet(SHEET_DATA, { state: 'hidden' });
  // A cell holds at most 32 767 characters; a longer JSON continues in B1, C1, … (rekap joins row 1).
  const bagian = potongJson(json);
  if (!sambungan.length) for (const [i, teks] of bagian.entries()) ws.getCell(1, i + 1).value = teks;
  else {
    // with a streamed cash book the JSON is as long: it goes in as the rows do (exceljs would copy it
    // many times over); row 1 holds stand-ins as wide as the text until then
    for (const i of new Set([1, bagian.length])) ws.getCell(1, i).value = 0;
    sambungan.push(sambunganTeks(SHEET_DATA, bagian));
  }
  ws.getCell('A2').value = hashData(json);
  ws.getCell('A3').value = `${FORMAT_DATA}/${m.versi}`;
  try {
    const siap = await tulisSementara(opsi.keluar, async (berkas) => {
      if (!sambungan.length) return workbook.xlsx.writeFile(berkas);
      // exceljs's own zip uncompressed (its deflate is JavaScript): ours deflates every member again
      const zip = { zip: { compression: 'STORE' } } as unknown as Partial<ExcelJSNs.XlsxWriteOptions>;
      const buf = await workbook.xlsx.writeBuffer(zip);
      const ganti = { dari: PENGGANTI_KODE, ke: segel.kode };
      await tulisSambung(Buffer.isBuffer(buf) ? buf : Buffer.from(buf), sambungan, berkas, ganti);
    });
    siap.pasang();
  } finally {
    for (const s of sambungan) s.buang();
  }
}
