import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RP_ID } from '../../src/render/gaya.js';
import { bacaWorkbook, barisDengan, HARAP, unitContoh } from '../fixtures/unit-contoh.js';
import { tmpDir, wksbm } from '../helpers.js';

let db: string;
let dir: string;

beforeAll(async () => {
  db = await unitContoh();
  dir = tmpDir();
});

async function cetak(...args: string[]) {
  const out = path.join(dir, `${args.join('-').replace(/[^\w-]/g, '_')}.xlsx`);
  const r = await wksbm(db, ['--json', 'cetak', ...args, '-o', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const wb = await bacaWorkbook(out);
  return { hasil: r.json(), ws: wb.worksheets[0]! };
}

describe('cetak', () => {
  it('prints every book', async () => {
    for (const buku of [
      'surat',
      'pemasukan',
      'pengeluaran',
      'kas',
      'natura',
      'tamu',
      'inventaris',
      'rapat',
      'hadir',
      'kegiatan',
      'penyaluran',
      'ppks',
      'psks',
      'donatur',
      'jejaring',
      'cap',
      'anggota',
    ]) {
      const r = await wksbm(db, ['cetak', buku, '-o', path.join(dir, `${buku}.xlsx`)]);
      expect(r.code, `${buku}: ${r.stderr}`).toBe(0);
    }
  });

  it('the cash book: heading, columns, dated rows with a running balance, signature, A4 landscape', async () => {
    const { hasil, ws } = await cetak('kas', '--dari', '2026-07-01', '--sampai', '2026-09-30');
    expect(hasil.baris).toBe(HARAP.barisBukuKas);
    expect(ws.getCell('A1').value).toBe('BUKU 2: BUKU KAS UMUM');
    expect(ws.getCell('A4').value).toBe('Periode 1 Juli 2026 – 30 September 2026');
    const h = barisDengan(ws, 'A', 'No');
    expect(ws.getRow(h).values).toEqual([
      undefined,
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
    expect(ws.getCell(`D${h + 1}`).value).toBe('Saldo awal');
    expect(ws.getCell(`A${h + 1}`).value).toBeNull();
    expect(ws.getCell(`J${h + 1}`).value).toBe(1_000_000);
    expect(ws.getCell(`A${h + 2}`).value).toBe(1);
    expect((ws.getCell(`B${h + 2}`).value as Date).toISOString().slice(0, 10)).toBe('2026-07-03');
    expect(ws.getCell(`B${h + 2}`).numFmt).toBe('[$-421]d mmmm yyyy');
    expect(ws.getCell(`J${h + 2}`).value).toBe(2_250_000);
    const akhir = h + 1 + HARAP.barisBukuKas;
    expect(ws.getCell(`J${akhir}`).value).toBe(HARAP.saldoAkhir);
    expect(ws.getCell(`J${akhir}`).numFmt).toBe(RP_ID);
    expect(barisDengan(ws, 'B', '( Sukardi )')).toBeGreaterThan(akhir);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe(`${h}:${h}`);
  });

  it('masks NIKs unless --lengkap', async () => {
    const samar = await cetak('ppks');
    const r = barisDengan(samar.ws, 'C', 'Mbah Sastro');
    expect(samar.ws.getCell(`B${r}`).value).toBe('3402••••••••0003');
    expect(samar.hasil.baris).toBe(3);
    const lengkap = await cetak('ppks', '--lengkap');
    expect(lengkap.ws.getCell(`B${r}`).value).toBe('3402014507500003');
    const aid = await cetak('penyaluran');
    expect(aid.ws.getCell(`E${barisDengan(aid.ws, 'D', 'Mbah Sastro')}`).value).toBe('3402••••••••0003');
  });

  it('registers take their columns from the book declaration; books by number too', async () => {
    const { ws } = await cetak('9');
    expect(ws.getCell('A1').value).toBe('BUKU 9: DATA PPKS');
    const h = barisDengan(ws, 'A', 'No');
    expect(ws.getRow(h).values).toEqual([
      undefined,
      'No',
      'NIK',
      'Nama',
      'Jenis kelamin',
      'Tanggal lahir',
      'Alamat',
      'Kategori PPKS',
      'Status',
      'Tanggal terdata',
    ]);
    const rapat = await cetak('hadir');
    expect(rapat.hasil.baris).toBe(3);
  });

  it('cetak ppks: one address column, category names, text kept off the borders', async () => {
    const { ws } = await cetak('ppks');
    const r = barisDengan(ws, 'C', 'Mbah Sastro');
    expect(ws.getCell(`F${r}`).value).toBe('RT 03, Jetis');
    expect(ws.getCell(`G${r}`).value).toBe('Lanjut Usia Terlantar');
    expect(ws.getCell(`G${barisDengan(ws, 'C', 'Pak Karyo')}`).value).toBe('Fakir Miskin');
    expect(ws.getCell(`C${r}`).alignment).toMatchObject({ horizontal: 'left', indent: 1 });
    expect(ws.getCell(`A${r}`).alignment).toMatchObject({ horizontal: 'right', indent: 1 });
    const psks = await cetak('psks');
    expect(psks.ws.getCell(`D${barisDengan(psks.ws, 'B', 'Bu Tini')}`).value).toBe('Pekerja Sosial Masyarakat');
  });

  it('cetak hadir: every row tall enough to sign in (about 1 cm)', async () => {
    const { ws } = await cetak('hadir');
    const h = barisDengan(ws, 'A', 'No');
    for (let r = h + 1; r <= h + 3; r++) expect(ws.getRow(r).height, `baris ${r}`).toBeGreaterThanOrEqual(38);
  });

  it('an unknown book is bad input', async () => {
    const r = await wksbm(db, ['cetak', 'buku-hantu']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('buku "buku-hantu" tidak dikenal');
  });
});
