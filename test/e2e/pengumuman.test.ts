import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bacaWorkbook, HARAP, unitContoh } from '../fixtures/unit-contoh.js';
import { refused, tmpDir, wksbm } from '../helpers.js';

let db: string;
let dir: string;

beforeAll(async () => {
  db = await unitContoh();
  dir = tmpDir();
});

/** Names and NIKs of the fixture's residents, heirs and donors: none may reach the notice board. */
const PRIBADI = [
  'Mbah Sastro',
  'Mbah Darmo',
  'Pak Karyo',
  'Wiryo',
  'Bu Rini',
  'PT Maju Jaya',
  '3402014507500003',
  '3402',
];

describe('cetak pengumuman', () => {
  it("the quarterly report's figures, per month, per fund, aid counted; no names or NIKs", async () => {
    const out = path.join(dir, 'pengumuman.xlsx');
    const r = await wksbm(db, ['--json', 'cetak', 'pengumuman', '--triwulan', '2026-3', '-o', out]);
    expect(r.stderr).toBe('');
    const p = r.json().pengumuman;
    const laporan = (await wksbm(db, ['--json', 'laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3'])).json();
    expect(p.judul).toBe('PENGUMUMAN LAPORAN TRIWULAN III TAHUN 2026');
    expect(p.saldo_awal).toBe(HARAP.saldoAwal);
    expect(p.total_penerimaan).toBe(HARAP.totalPenerimaan);
    expect(p.total_pengeluaran).toBe(HARAP.totalPengeluaran);
    expect(p.saldo_akhir).toBe(HARAP.saldoAkhir);
    // the lines with money in them, exactly as the quarterly report has them
    const adaUang = (xs: { nama: string; jumlah: number }[]) => xs.filter((x) => x.jumlah !== 0);
    expect(p.penerimaan).toEqual(
      adaUang(laporan.keuangan.penerimaan.map(({ nama, jumlah }: any) => ({ nama, jumlah }))),
    );
    expect(p.pengeluaran).toHaveLength(4);
    expect(p.per_dana.map((d: { jumlah: number }) => d.jumlah).sort()).toEqual(Object.values(HARAP.perDana).sort());
    expect(p.per_bulan).toEqual([
      { bulan: 'Juli', penerimaan: 2_950_000, pengeluaran: 795_000 },
      { bulan: 'Agustus', penerimaan: 295_000, pengeluaran: 500_000 },
      { bulan: 'September', penerimaan: 0, pengeluaran: 0 },
    ]);
    expect(p.bantuan_layanan).toEqual([
      { nama: 'Santunan kematian', jumlah: 1, nilai: 750_000 },
      { nama: 'Jaminan sosial', jumlah: 2, nilai: 300_000 },
    ]);
    expect(p.bantuan_kategori).toEqual([{ nama: 'Lanjut Usia Terlantar', jumlah: 2, nilai: 300_000 }]);
    expect(p.tanda_tangan).toEqual({
      tempat_tanggal: 'Bantul, 22 November 2026',
      ketua: 'Sukardi',
      bendahara: 'Siti Aminah',
    });

    const ws = (await bacaWorkbook(out)).worksheets[0]!;
    const semua: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (c.master === c && semua.push(String(c.value ?? '')))));
    const teks = [r.stdout, ...semua].join('\n');
    for (const nama of PRIBADI) expect(teks, nama).not.toContain(nama);
    expect(semua).toContain('Rp 3.245.000');
    expect(semua).toContain('( Sukardi )');
    expect(semua.filter((t) => /^█+$/.test(t))).toHaveLength(4);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 1 });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  it('default file name, and --triwulan is required and checked', async () => {
    const cwd = tmpDir();
    const r = await wksbm(db, ['cetak', 'pengumuman', '--triwulan', '2026-3'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('pengumuman-III-2026.xlsx');
    expect(fs.existsSync(path.join(cwd, 'pengumuman-III-2026.xlsx'))).toBe(true);
    await refused(db, ['cetak', 'pengumuman'], /Pengumuman perlu --triwulan/);
    await refused(db, ['cetak', 'pengumuman', '--triwulan', 'tiga'], /triwulan "tiga" tidak sah/);
  });
});
