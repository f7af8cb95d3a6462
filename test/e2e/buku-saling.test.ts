// Books that know each other (#10 item 7): restricted funds take only their own sources, in a single
// posting and in the bulk import alike.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshot, tmpDir, unitBaru, wksbm } from '../helpers.js';

async function refused(db: string, args: string[], message: RegExp) {
  const before = snapshot(db);
  const r = await wksbm(db, args);
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(snapshot(db)).toBe(before);
  return r;
}

describe('a restricted fund names the sources it accepts', () => {
  it('refuses business income into zakat or the death fund, writing nothing', async () => {
    const db = await unitBaru();
    await refused(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'usaha', '--dana', 'zakat'], /Dana "zakat" hanya menerima pemasukan dari sumber "zakat", bukan "usaha"\./);
    await refused(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'usaha', '--dana', 'kematian'], /Dana "kematian" hanya menerima .*"iuran_kematian".*bukan "usaha"/);
  });

  it('accepts the listed sources, and any source into the general fund', async () => {
    const db = await unitBaru();
    for (const [sumber, dana] of [['zakat', 'zakat'], ['iuran_kematian', 'kematian'], ['donatur', 'kematian'], ['usaha', 'umum']]) {
      const r = await wksbm(db, ['--json', 'kas', 'masuk', '--jumlah', '100000', '--sumber', sumber!, '--dana', dana!]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.json()).toMatchObject({ sumber, dana });
    }
  });

  it('the bulk import refuses the same row', async () => {
    const db = await unitBaru();
    const csv = path.join(tmpDir(), 'kas.csv');
    fs.writeFileSync(csv, 'Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar\n01/07/2026,Sewa tenda,usaha,zakat,"150000",\n02/07/2026,Sewa tenda,usaha,umum,"150000",\n');
    const r = await wksbm(db, ['kas', 'impor', csv, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ dibaca: 2, ditambah: 1, ditolak: 1 });
    const ditolak = r.json().baris.find((b: { keputusan: string }) => b.keputusan === 'ditolak');
    expect(ditolak.alasan).toMatch(/hanya menerima pemasukan dari sumber "zakat"/);
  });
});
