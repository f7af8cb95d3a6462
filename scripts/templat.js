#!/usr/bin/env node
// Builds the default quarterly template, templates/laporan-triwulan.xlsx (`npm run templat`).
// The committed file is what users and Dinas officers edit; test/render/templat-bawaan.test.ts
// checks that it still matches this script (values, formats, merges), so change both together.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { opsiCetak, RP_ID, TGL_FMT } from '../dist/render/gaya.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BERKAS_TEMPLAT = path.join(root, 'templates', 'laporan-triwulan.xlsx');

// the formats and the A4 print setup are the program's own (src/render/gaya.ts), shared with cetak and rekap;
// rupiah use the locale-proof code (literal dots), kg arrive as text with a decimal comma
export const RP = RP_ID;
export const TGL = TGL_FMT;
const FONT = { name: 'Arial', size: 10 };
const TIPIS = { style: 'thin', color: { argb: 'FF000000' } };
const KOTAK = { top: TIPIS, left: TIPIS, bottom: TIPIS, right: TIPIS };

/**
 * A sheet fitted to one A4 page wide. Its columns add up to at most about 158 units landscape
 * (about 100 portrait), so the fitted page keeps 10 pt text at 8.4 pt or more.
 */
function sheet(wb, nama, lebar, orientation, barisJudulKolom) {
  const ws = wb.addWorksheet(nama, {
    ...opsiCetak(orientation, barisJudulKolom),
    // the template's footer also names the unit and the quarter
    // pages are numbered on across the sheets (the filler drops a fixed first page number); the footer
    // keeps the body's 10 pt, since fitting a sheet to the page width scales the footer with it
    headerFooter: { oddFooter: '&L{{nama}} · Triwulan {{triwulan_romawi}}/{{tahun}} · &A&RHalaman &P dari &N' },
  });
  for (const [i, w] of lebar.entries()) ws.getColumn(i + 1).width = w;
  kepala(ws, lebar.length);
  return ws;
}

function tulis(ws, alamat, value, gaya = {}) {
  const c = ws.getCell(alamat);
  c.value = value;
  c.style = {
    font: { ...FONT, ...(gaya.font ?? {}) },
    alignment: { vertical: 'middle', ...(gaya.alignment ?? {}) },
    ...(gaya.numFmt ? { numFmt: gaya.numFmt } : {}),
    ...(gaya.border ? { border: gaya.border } : {}),
  };
  return c;
}

const huruf = (n) => String.fromCharCode(64 + n);

/** The heading block every sheet starts with (rows 1–4). */
function kepala(ws, kolom) {
  const akhir = huruf(kolom);
  const baris = [
    ['LAPORAN TRIWULAN {{triwulan_romawi}} TAHUN {{tahun}}', { bold: true, size: 12 }],
    ['WAHANA KESEJAHTERAAN SOSIAL BERBASIS MASYARAKAT (WKSBM) {{nama}}', { bold: true, size: 11 }],
    [
      '{{sebutan_padukuhan}} {{padukuhan}} · {{sebutan_kalurahan}} {{kalurahan}} · {{sebutan_kapanewon}} ' +
        '{{kapanewon}} · {{sebutan_kabupaten}} {{kabupaten}}',
      {},
    ],
    ['Periode {{periode}}', {}],
  ];
  baris.forEach(([teks, font], i) => {
    tulis(ws, `A${i + 1}`, teks, { font, alignment: { horizontal: 'center' } });
    ws.mergeCells(`A${i + 1}:${akhir}${i + 1}`);
  });
}

function judulBagian(ws, baris, teks) {
  tulis(ws, `A${baris}`, teks, { font: { bold: true } });
}

function judulKolom(ws, baris, judul) {
  for (const [i, t] of judul.entries()) {
    tulis(ws, `${huruf(i + 1)}${baris}`, t, {
      font: { bold: true },
      alignment: { horizontal: 'center', wrapText: true },
      border: KOTAK,
    });
  }
  ws.getRow(baris).height = 30;
}

/** A bordered data row: each cell is [value, numFmt?, horizontal?]. */
function barisData(ws, baris, sel, tebal = false) {
  sel.forEach((s, i) => {
    const [v, numFmt, horizontal] = Array.isArray(s) ? s : [s];
    tulis(ws, `${huruf(i + 1)}${baris}`, v, {
      font: tebal ? { bold: true } : {},
      numFmt,
      border: KOTAK,
      alignment: { horizontal, wrapText: typeof v === 'string' && !v.startsWith('{{=') },
    });
  });
}

/**
 * Signatures the Indonesian way: place and date above the treasurer; Ketua on the left (the stamp
 * anchored on his signature space, overlapping it as a wet stamp does), Bendahara on the right;
 * "Mengetahui, Lurah …" centred below both. `kiri`, `kanan` and `penuh` are column ranges ('B:C').
 * Returns the last row used.
 */
function tandaTangan(ws, baris, kiri, kanan, penuh, jaga = 14) {
  const teks = (rentang, r, v, bold = false) => {
    const [a, b] = rentang.split(':');
    tulis(ws, `${a}${r}`, v, { font: { bold }, alignment: { horizontal: 'center' } });
    if (b && b !== a) ws.mergeCells(`${a}${r}:${b}${r}`);
  };
  // the block prints whole, and never alone on a page: the filler breaks the page before it when it would not fit,
  // taking along the section above it (or its last rows) when they fit with it
  tulis(ws, `A${baris}`, `{{jaga:${jaga}:bersama}}`);
  teks(kanan, baris, '{{kabupaten}}, {{tanggal_laporan}}');
  teks(kiri, baris + 1, 'Ketua WKSBM {{nama}}');
  teks(kanan, baris + 1, 'Bendahara');
  tulis(ws, `${kiri.split(':')[0]}${baris + 2}`, '{{gambar:cap}}');
  teks(kiri, baris + 6, '( {{ketua}} )', true);
  teks(kanan, baris + 6, '( {{bendahara}} )', true);
  teks(penuh, baris + 8, 'Mengetahui,');
  teks(penuh, baris + 9, '{{sebutan_lurah}} {{kalurahan}}');
  teks(penuh, baris + 13, '( {{lurah}} )', true);
  return baris + 13;
}

/** A quantity as text, right-aligned like a number. */
const KANAN = [undefined, 'right'];

export function buatWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wksbm';
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;

  // 1. Identitas
  {
    const ws = sheet(wb, 'Identitas', [5, 34, 52], 'portrait');
    judulBagian(ws, 6, 'IDENTITAS WKSBM');
    const isi = [
      ['Nama WKSBM', '{{nama}}'],
      ['Alamat sekretariat', '{{alamat}}'],
      ['Telepon sekretariat', '{{telepon}}'],
      ['{{sebutan_padukuhan}}', '{{padukuhan}}'],
      ['{{sebutan_kalurahan}}', '{{kalurahan}}'],
      ['{{sebutan_kapanewon}}', '{{kapanewon}}'],
      ['{{sebutan_kabupaten}}', '{{kabupaten}}'],
      ['Provinsi', '{{provinsi}}'],
      ['Nomor SK pengukuhan', '{{sk_nomor}}'],
      ['Tanggal SK', ['{{sk_tanggal}}', TGL, 'left']],
      ['SK ditetapkan oleh', '{{sebutan_lurah}} {{kalurahan}}'],
      ['Tanggal berdiri', ['{{tanggal_berdiri}}', TGL, 'left']],
      ['Ketua', '{{ketua}}'],
      ['No. HP ketua', '{{hp_ketua}}'],
      ['Sekretaris', '{{sekretaris}}'],
      ['No. HP sekretaris', '{{hp_sekretaris}}'],
      ['Bendahara', '{{bendahara}}'],
      ['No. HP bendahara', '{{hp_bendahara}}'],
      ['Jumlah anggota dan pengurus', ['{{jumlah_anggota}}', '#,##0', 'left']],
      ['Jumlah mitra jejaring kerja', ['{{jumlah_jejaring}}', '#,##0', 'left']],
      ['Periode laporan', '{{periode}}'],
      ['Tanggal laporan', ['{{tanggal_laporan}}', TGL, 'left']],
    ];
    for (const [i, [label, nilai]] of isi.entries()) barisData(ws, 7 + i, [[i + 1, undefined, 'center'], label, nilai]);
  }

  // 2. Keuangan
  {
    // no repeated header row: the sheet's tables each have their own (as Identitas and PSKS & Jejaring)
    const ws = sheet(wb, 'Keuangan', [5, 40, 13, 13, 13, 19], 'portrait');
    judulBagian(ws, 6, 'A. REKAPITULASI KEUANGAN');
    judulKolom(ws, 7, ['No', 'Uraian', '', '', '', 'Jumlah (Rp)']);
    ws.mergeCells('B7:E7');
    const baris = (r, no, uraian, nilai, tebal = false) => {
      barisData(ws, r, [[no, undefined, 'center'], uraian, '', '', '', [nilai, RP]], tebal);
      ws.mergeCells(`B${r}:E${r}`);
    };
    baris(8, 1, 'Saldo awal triwulan', '{{saldo_awal}}', true);
    baris(9, 2, 'Penerimaan', null, true);
    baris(10, null, '{{#penerimaan}}{{.nama}}', '{{.jumlah}}');
    baris(11, null, 'Jumlah penerimaan', '{{=SUM(penerimaan.jumlah)}}', true);
    baris(12, 3, 'Pengeluaran', null, true);
    baris(13, null, '{{#pengeluaran}}{{.nama}}', '{{.jumlah}}');
    baris(14, null, 'Jumlah pengeluaran', '{{=SUM(pengeluaran.jumlah)}}', true);
    baris(15, 4, 'Saldo akhir triwulan (1 + 2 − 3)', { formula: 'F8+F11-F14' }, true);

    // a section's heading never ends a page without its table
    judulBagian(ws, 17, 'B. SALDO PER DANA DAN PER AKUN PADA {{tanggal_akhir}}');
    tulis(ws, 'F17', '{{jaga:3}}');
    judulKolom(ws, 18, ['No', 'Dana', '', '', '', 'Saldo (Rp)']);
    ws.mergeCells('B18:E18');
    baris(19, '{{#dana}}{{.no}}', '{{.nama}}', '{{.saldo}}');
    baris(20, null, 'Jumlah', '{{=SUM(dana.saldo)}}', true);
    judulKolom(ws, 21, ['No', 'Akun kas', '', '', '', 'Saldo (Rp)']);
    ws.mergeCells('B21:E21');
    baris(22, '{{#akun}}{{.no}}', '{{.nama}}', '{{.saldo}}');
    baris(23, null, 'Jumlah', '{{=SUM(akun.saldo)}}', true);

    judulBagian(ws, 25, 'C. PERSEDIAAN NATURA (BARANG)');
    tulis(ws, 'F25', '{{jaga:3}}');
    judulKolom(ws, 26, ['No', 'Barang (satuan)', 'Awal', 'Masuk', 'Keluar', 'Akhir']);
    barisData(ws, 27, [
      ['{{#natura}}{{.no}}', undefined, 'center'],
      '{{.barang}} ({{.satuan}})',
      ['{{.awal}}', ...KANAN],
      ['{{.masuk}}', ...KANAN],
      ['{{.keluar}}', ...KANAN],
      ['{{.akhir}}', ...KANAN],
    ]);
    // the seal's line below the signatures stays on their page
    const akhir = tandaTangan(ws, 30, 'B', 'D:F', 'A:F', 16);
    // the seal of the books as this report left them; `wksbm periksa --laporan` checks it
    tulis(ws, `B${akhir + 2}`, 'Kode segel buku: {{kode_segel}}', { font: { bold: true } });
  }

  // 3. Buku Kas
  {
    const ws = sheet(wb, 'Buku Kas', [5, 17, 18, 28, 19, 12, 14, 15, 15, 15], 'landscape', '7:7');
    judulBagian(ws, 6, 'BUKU KAS UMUM');
    // the running balance is a formula copied down the repeated row (J8+H9-I9, J9+H10-I10, …)
    judulKolom(ws, 7, [
      'No',
      'Tanggal',
      'No. Bukti',
      'Uraian',
      'Sumber/Jenis',
      'Dana',
      'Akun',
      'Penerimaan (Rp)',
      'Pengeluaran (Rp)',
      'Saldo (Rp)',
    ]);
    barisData(ws, 8, ['', '', '', 'Saldo awal', '', '', '', '', '', ['{{saldo_awal}}', RP]]);
    barisData(ws, 9, [
      ['{{#kas}}{{.no}}', undefined, 'center'],
      ['{{.tanggal}}', TGL, 'center'],
      ['{{.nomor}}', undefined, 'center'],
      '{{.uraian}}',
      '{{.sumber_jenis}}',
      '{{.dana}}',
      '{{.akun}}',
      ['{{.penerimaan}}', RP],
      ['{{.pengeluaran}}', RP],
      [{ formula: 'J8+H9-I9' }, RP],
    ]);
    barisData(
      ws,
      10,
      [
        '',
        '',
        '',
        'JUMLAH',
        '',
        '',
        '',
        ['{{=SUM(kas.penerimaan)}}', RP],
        ['{{=SUM(kas.pengeluaran)}}', RP],
        [{ formula: 'J8+H10-I10' }, RP],
      ],
      true,
    );
    tandaTangan(ws, 12, 'B:D', 'H:J', 'A:J');
  }

  // 4. Penyaluran: one cell per question an officer asks (who, which aid, what form, how much, from which fund)
  {
    const ws = sheet(wb, 'Penyaluran', [5, 17, 18, 28, 18, 15, 26, 15, 16], 'landscape', '7:7');
    judulBagian(ws, 6, 'PENYALURAN BANTUAN DAN SANTUNAN');
    judulKolom(ws, 7, [
      'No',
      'Tanggal',
      'No. Bukti',
      'Penerima (NIK, alamat)',
      'Kategori PPKS',
      'Layanan',
      'Bentuk dan uraian',
      'Nilai (Rp) / jumlah',
      'Dana / asnaf',
    ]);
    barisData(ws, 8, [
      ['{{#penyaluran}}{{.no}}', undefined, 'center'],
      ['{{.tanggal}}', TGL, 'center'],
      ['{{.nomor}}', undefined, 'center'],
      '{{.penerima}}',
      '{{.kategori}}',
      '{{.layanan}}',
      '{{.bentuk_uraian}}',
      ['{{.nilai_jumlah}}', RP, 'right'],
      '{{.dana_asnaf}}',
    ]);
    barisData(ws, 9, ['', '', '', 'JUMLAH', '', '', '', ['{{=SUM(penyaluran.nilai_jumlah)}}', RP], ''], true);
    tandaTangan(ws, 11, 'B:D', 'G:I', 'A:I');
  }

  // 5. Kegiatan
  {
    const ws = sheet(wb, 'Kegiatan', [5, 17, 26, 13, 17, 17, 10, 15, 29], 'landscape', '7:7');
    judulBagian(ws, 6, 'KEGIATAN');
    judulKolom(ws, 7, [
      'No',
      'Tanggal',
      'Nama kegiatan',
      'Jenis',
      'Tempat',
      'Sasaran',
      'Jumlah peserta',
      'Biaya (Rp)',
      'Hasil',
    ]);
    barisData(ws, 8, [
      ['{{#kegiatan}}{{.no}}', undefined, 'center'],
      ['{{.tanggal}}', TGL],
      '{{.nama}}',
      '{{.jenis}}',
      '{{.tempat}}',
      '{{.sasaran}}',
      ['{{.peserta}}', '#,##0'],
      ['{{.biaya}}', RP],
      '{{.hasil}}',
    ]);
    barisData(
      ws,
      9,
      ['', '', 'JUMLAH', '', '', '', ['{{=SUM(kegiatan.peserta)}}', '#,##0'], ['{{=SUM(kegiatan.biaya)}}', RP], ''],
      true,
    );
    tandaTangan(ws, 11, 'B:C', 'G:I', 'A:I');
  }

  // 6. Rapat
  {
    const ws = sheet(wb, 'Rapat', [5, 17, 12, 22, 36, 11, 40], 'landscape', '7:7');
    judulBagian(ws, 6, 'RAPAT');
    judulKolom(ws, 7, ['No', 'Tanggal', 'Jenis', 'Tempat', 'Agenda', 'Jumlah hadir', 'Keputusan']);
    barisData(ws, 8, [
      ['{{#rapat}}{{.no}}', undefined, 'center'],
      ['{{.tanggal}}', TGL],
      '{{.jenis}}',
      '{{.tempat}}',
      '{{.agenda}}',
      ['{{.hadir}}', '#,##0'],
      '{{.keputusan}}',
    ]);
    tandaTangan(ws, 10, 'B:C', 'F:G', 'A:G');
  }

  // 7. PPKS (the category's number and name; its code stays in the data, not on paper)
  {
    const ws = sheet(wb, 'PPKS', [5, 52, 10, 10, 12, 12, 14, 17], 'landscape', '7:7');
    judulBagian(ws, 6, 'PEMERLU PELAYANAN KESEJAHTERAAN SOSIAL (PPKS) PADA {{tanggal_akhir}}');
    judulKolom(ws, 7, [
      'No',
      'Kategori PPKS',
      'L',
      'P',
      'Jumlah terdata',
      'Baru triwulan ini',
      'Menerima bantuan',
      'Nilai bantuan (Rp)',
    ]);
    barisData(ws, 8, [
      ['{{#ppks}}{{.no}}', undefined, 'center'],
      '{{.nama}}',
      ['{{.l}}', '#,##0'],
      ['{{.p}}', '#,##0'],
      ['{{.jumlah}}', '#,##0'],
      ['{{.baru}}', '#,##0'],
      ['{{.menerima}}', '#,##0'],
      ['{{.nilai}}', RP],
    ]);
    barisData(
      ws,
      9,
      [
        '',
        'JUMLAH',
        ['{{=SUM(ppks.l)}}', '#,##0'],
        ['{{=SUM(ppks.p)}}', '#,##0'],
        ['{{=SUM(ppks.jumlah)}}', '#,##0'],
        ['{{=SUM(ppks.baru)}}', '#,##0'],
        ['{{=SUM(ppks.menerima)}}', '#,##0'],
        ['{{=SUM(ppks.nilai)}}', RP],
      ],
      true,
    );
    tandaTangan(ws, 11, 'B', 'F:H', 'A:H');
  }

  // 8. PSKS & Jejaring
  {
    // no repeated column headings: the PSKS table fits one page, and they would head the partners' table
    const ws = sheet(wb, 'PSKS & Jejaring', [5, 44, 16, 30, 17, 17], 'landscape');
    judulBagian(ws, 6, 'A. POTENSI DAN SUMBER KESEJAHTERAAN SOSIAL (PSKS)');
    judulKolom(ws, 7, ['No', 'Kategori PSKS', '', 'Perorangan', 'Lembaga', 'Jumlah']);
    ws.mergeCells('B7:C7');
    // the seeds ask for PSKS in the unit's own area and outside it: two groups, each with its sum
    const jumlahPsks = [];
    for (const [i, [daftar, judul]] of [
      ['psks_dalam', 'a. PSKS di dalam wilayah'],
      ['psks_luar', 'b. PSKS di luar wilayah'],
    ].entries()) {
      const r = 8 + i * 3;
      barisData(ws, r, [judul, '', '', '', '', ''], true);
      ws.mergeCells(`A${r}:F${r}`);
      barisData(ws, r + 1, [
        [`{{#${daftar}}}{{.no}}`, undefined, 'center'],
        '{{.nama}}',
        '',
        ['{{.perorangan}}', '#,##0'],
        ['{{.lembaga}}', '#,##0'],
        ['{{.jumlah}}', '#,##0'],
      ]);
      const kata = i === 0 ? 'Jumlah di dalam wilayah' : 'Jumlah di luar wilayah';
      const sum = (k) => [`{{=SUM(${daftar}.${k})}}`, '#,##0'];
      barisData(ws, r + 2, ['', kata, '', sum('perorangan'), sum('lembaga'), sum('jumlah')], true);
      for (const b of [r + 1, r + 2]) ws.mergeCells(`B${b}:C${b}`);
      jumlahPsks.push(r + 2);
    }
    const total = (k) => [{ formula: jumlahPsks.map((r) => `${k}${r}`).join('+') }, '#,##0'];
    barisData(ws, 14, ['', 'JUMLAH PSKS', '', total('D'), total('E'), total('F')], true);
    ws.mergeCells('B14:C14');

    // a section's heading never ends a page without its table
    judulBagian(ws, 16, 'B. JEJARING KERJA');
    tulis(ws, 'F16', '{{jaga:3}}');
    judulKolom(ws, 17, ['No', 'Nama mitra', 'Jenis', 'Bidang kerja sama', 'Sejak', 'Nomor kerja sama']);
    barisData(ws, 18, [
      ['{{#jejaring}}{{.no}}', undefined, 'center'],
      '{{.nama}}',
      '{{.jenis}}',
      '{{.bidang}}',
      ['{{.sejak}}', TGL],
      '{{.nomor_kerjasama}}',
    ]);

    judulBagian(ws, 20, 'C. DONATUR');
    tulis(ws, 'F20', '{{jaga:8}}');
    judulKolom(ws, 21, ['No', 'Uraian', '', '', '', 'Jumlah']);
    ws.mergeCells('B21:E21');
    const d = [
      ['Donatur perorangan', '{{donatur_perorangan}}', '#,##0'],
      ['Donatur lembaga', '{{donatur_lembaga}}', '#,##0'],
      ['Donatur CSR', '{{donatur_csr}}', '#,##0'],
      ['Jumlah donatur', { formula: 'F22+F23+F24' }, '#,##0'],
      ['Donatur baru triwulan ini', '{{donatur_baru}}', '#,##0'],
      ['Sumbangan donatur triwulan ini (Rp)', '{{donatur_sumbangan}}', RP],
    ];
    d.forEach(([u, v, f], i) => {
      barisData(ws, 22 + i, [[i + 1, undefined, 'center'], u, '', '', '', [v, f]], i === 3);
      ws.mergeCells(`B${22 + i}:E${22 + i}`);
    });
    tandaTangan(ws, 29, 'B', 'D:F', 'A:F');
  }
  return wb;
}

export async function buatTemplat(berkas = BERKAS_TEMPLAT) {
  fs.mkdirSync(path.dirname(berkas), { recursive: true });
  await buatWorkbook().xlsx.writeFile(berkas);
  return berkas;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`Templat ditulis ke ${await buatTemplat(process.argv[2])}`);
}
