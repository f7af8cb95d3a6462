// The residents' notice on one A4 page: money on the left, aid and funds on the right, a bar
// picture of each month's receipts against payments, the officers' signatures. Amounts are text
// in Indonesian form ("Rp 1.250.000"): a notice is read on paper, never added up in a sheet.
import type ExcelJSNs from 'exceljs';
import { formatRupiah } from '../domain/money.js';
import type { BarisBantuan, BarisUang, Pengumuman } from '../reports/pengumuman.js';
import { gayaSel, opsiCetak } from './gaya.js';
import { simpanPribadi } from './simpan-xlsx.js';
import { loadExcelJS } from './templat.js';

/** A margin, B–C money (label, amount), D gap, E–G aid (label, count, amount), H margin. */
const LEBAR = [1, 30, 15, 2, 27, 8, 15, 1];
const TIPIS = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BAR_MAKS = 34;

type Gaya = { tebal?: boolean; ukuran?: number; rata?: 'left' | 'center' | 'right'; garis?: boolean; warna?: string };

function sel(ws: ExcelJSNs.Worksheet, alamat: string, nilai: string | number | null, g: Gaya = {}): void {
  const c = ws.getCell(alamat);
  c.value = nilai;
  const font = { bold: g.tebal, size: g.ukuran ?? 10, ...(g.warna ? { color: { argb: g.warna } } : {}) };
  c.style = {
    ...gayaSel(font),
    alignment: {
      horizontal: g.rata ?? 'left',
      vertical: 'middle',
      wrapText: true,
      indent: g.rata === 'center' ? 0 : 1,
    },
    ...(g.garis ? { border: { top: TIPIS, bottom: TIPIS, left: TIPIS, right: TIPIS } } : {}),
  };
}

/** Wrapped text does not grow a row when the file is opened: give the row the lines its text needs. */
function muat(ws: ExcelJSNs.Worksheet, r: number, teks: string, lebar: number): void {
  const baris = Math.ceil(teks.length / Math.max(4, lebar - 4));
  const row = ws.getRow(r);
  row.height = Math.max(row.height ?? 0, baris * 13 + 4, 16);
}

function gabung(ws: ExcelJSNs.Worksheet, alamat: string, sampai: string, nilai: string | null, g: Gaya = {}): void {
  sel(ws, alamat, nilai, g);
  ws.mergeCells(`${alamat}:${sampai}`);
}

function kepala(ws: ExcelJSNs.Worksheet, p: Pengumuman): number {
  gabung(ws, 'A1', 'H1', p.judul, { tebal: true, ukuran: 14, rata: 'center' });
  gabung(ws, 'A2', 'H2', p.unit.nama.toUpperCase(), { tebal: true, ukuran: 12, rata: 'center' });
  gabung(ws, 'A3', 'H3', p.unit.alamat, { ukuran: 9, rata: 'center' });
  gabung(ws, 'A4', 'H4', `Periode ${p.periode}`, { rata: 'center' });
  ws.getRow(1).height = 22;
  ws.getRow(3).height = 26;
  for (let c = 1; c <= LEBAR.length; c++) ws.getRow(4).getCell(c).border = { bottom: { style: 'medium' } };
  return 6;
}

/** Left column: the quarter's money, from the opening to the closing balance. */
function keuangan(ws: ExcelJSNs.Worksheet, p: Pengumuman, awal: number): number {
  let r = awal;
  const baris = (label: string, jumlah: number, g: Gaya = {}) => {
    sel(ws, `B${r}`, label, { ...g, garis: true });
    muat(ws, r, label, LEBAR[1]!);
    sel(ws, `C${r}`, formatRupiah(jumlah), { ...g, garis: true, rata: 'right' });
    r++;
  };
  const judul = (t: string) => {
    gabung(ws, `B${r}`, `C${r}`, t, { tebal: true });
    muat(ws, r, t, LEBAR[1]!);
    r++;
  };
  judul('A. Keuangan');
  baris('Saldo awal triwulan', p.saldo_awal, { tebal: true });
  judul('Penerimaan');
  for (const b of kosongBila(p.penerimaan)) baris(b.nama, b.jumlah);
  baris('Jumlah penerimaan', p.total_penerimaan, { tebal: true });
  judul('Penggunaan');
  for (const b of kosongBila(p.pengeluaran)) baris(b.nama, b.jumlah);
  baris('Jumlah penggunaan', p.total_pengeluaran, { tebal: true });
  baris('Saldo akhir triwulan', p.saldo_akhir, { tebal: true });
  return r;
}

const kosongBila = (xs: BarisUang[]): BarisUang[] => (xs.length ? xs : [{ nama: '–', jumlah: 0 } as BarisUang]);

/** Right column: balances per fund, aid by service and by PPKS category (counts and money only). */
function bantuan(ws: ExcelJSNs.Worksheet, p: Pengumuman, awal: number): number {
  let r = awal;
  const judul = (t: string, tengah: string, kanan: string) => {
    sel(ws, `E${r}`, t, { tebal: true, garis: true });
    sel(ws, `F${r}`, tengah, { tebal: true, garis: true, rata: 'center', ukuran: 9 });
    sel(ws, `G${r}`, kanan, { tebal: true, garis: true, rata: 'center', ukuran: 9 });
    r++;
  };
  const isi = (xs: BarisBantuan[]) => {
    if (!xs.length) xs = [{ nama: 'Tidak ada', jumlah: 0, nilai: 0 } as unknown as BarisBantuan];
    for (const b of xs) {
      sel(ws, `E${r}`, b.nama, { garis: true });
      muat(ws, r, b.nama, LEBAR[4]!);
      sel(ws, `F${r}`, b.jumlah, { garis: true, rata: 'center' });
      sel(ws, `G${r}`, formatRupiah(b.nilai), { garis: true, rata: 'right' });
      r++;
    }
  };
  gabung(ws, `E${r}`, `G${r}`, 'B. Saldo per dana', { tebal: true });
  r++;
  for (const d of p.per_dana) {
    gabung(ws, `E${r}`, `F${r}`, d.nama, { garis: true });
    muat(ws, r, d.nama, LEBAR[4]! + LEBAR[5]!);
    sel(ws, `G${r}`, formatRupiah(d.jumlah), { garis: true, rata: 'right' });
    r++;
  }
  r++;
  gabung(ws, `E${r}`, `G${r}`, 'C. Bantuan menurut layanan', { tebal: true });
  r++;
  judul('Layanan', 'Kali', 'Uang');
  isi(p.bantuan_layanan);
  r++;
  gabung(ws, `E${r}`, `G${r}`, 'D. Penerima bantuan menurut kategori PPKS', { tebal: true });
  r++;
  judul('Kategori', 'Orang', 'Uang');
  isi(p.bantuan_kategori);
  return r;
}

/** Each month: a green bar for receipts and an orange one for payments, scaled to the largest. */
function gambarBulanan(ws: ExcelJSNs.Worksheet, p: Pengumuman, awal: number): number {
  let r = awal;
  gabung(ws, `B${r}`, `G${r}`, 'E. Penerimaan dan penggunaan per bulan', { tebal: true });
  r++;
  const maks = Math.max(1, ...p.per_bulan.flatMap((b) => [b.penerimaan, b.pengeluaran]));
  const bar = (n: number) => '█'.repeat(n > 0 ? Math.max(1, Math.round((n / maks) * BAR_MAKS)) : 0);
  for (const b of p.per_bulan) {
    for (const [label, n, warna] of [
      [`${b.bulan}: penerimaan`, b.penerimaan, 'FF2E7D32'],
      [`${b.bulan}: penggunaan`, b.pengeluaran, 'FFE65100'],
    ] as const) {
      sel(ws, `B${r}`, label, { ukuran: 9 });
      gabung(ws, `C${r}`, `F${r}`, bar(n) || null, { warna, ukuran: 9 });
      sel(ws, `G${r}`, formatRupiah(n), { rata: 'right', ukuran: 9 });
      ws.getRow(r).height = 15;
      r++;
    }
  }
  return r;
}

function tandaTangan(ws: ExcelJSNs.Worksheet, p: Pengumuman, awal: number): void {
  const t = p.tanda_tangan;
  const kosong = '..............................';
  gabung(ws, `E${awal}`, `G${awal}`, t.tempat_tanggal, { rata: 'center' });
  gabung(ws, `B${awal + 1}`, `C${awal + 1}`, 'Ketua,', { rata: 'center' });
  gabung(ws, `E${awal + 1}`, `G${awal + 1}`, 'Bendahara,', { rata: 'center' });
  for (let i = 2; i <= 4; i++) ws.getRow(awal + i).height = 18;
  gabung(ws, `B${awal + 5}`, `C${awal + 5}`, `( ${t.ketua ?? kosong} )`, { rata: 'center', tebal: true });
  gabung(ws, `E${awal + 5}`, `G${awal + 5}`, `( ${t.bendahara ?? kosong} )`, { rata: 'center', tebal: true });
}

/** Writes the notice: one A4 portrait page, however many lines the quarter has. */
export async function tulisPengumuman(keluar: string, p: Pengumuman): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wksbm';
  const opsi = opsiCetak('portrait');
  const ws = wb.addWorksheet('Pengumuman', {
    ...opsi,
    pageSetup: { ...opsi.pageSetup, fitToHeight: 1 },
    headerFooter: {},
  });
  ws.columns = LEBAR.map((width) => ({ width }));
  const awal = kepala(ws, p);
  const bawah = Math.max(keuangan(ws, p, awal), bantuan(ws, p, awal)) + 1;
  const catatan = gambarBulanan(ws, p, bawah);
  gabung(ws, `B${catatan}`, `G${catatan}`, 'Nama dan NIK penerima bantuan tidak diumumkan.', { ukuran: 9 });
  const ttd = catatan + 2;
  tandaTangan(ws, p, ttd);
  await simpanPribadi(wb, keluar);
}
