// Aid, death benefits, activities' costs and the rice stock, through the CLI.
import { describe, expect, it } from 'vitest';
import { ok, snapshot, sqlite, unitBaru, wksbm } from '../helpers.js';

const NIK = '3402084107650003';

async function unitSiap(): Promise<string> {
  const db = await unitBaru();
  await ok(db, [
    'ppks',
    'tambah',
    '--nik',
    NIK,
    '--nama',
    'Tukiyem',
    '--jk',
    'P',
    '--kategori',
    'LUT',
    '--rt',
    '03',
    '--dasar',
    'tugas_publik',
  ]);
  await ok(db, ['kas', 'masuk', '--jumlah', '2000000', '--sumber', 'donatur', '--tanggal', '2026-10-01']);
  await ok(db, ['kas', 'masuk', '--jumlah', '1000000', '--sumber', 'zakat', '--tanggal', '2026-10-01']);
  await ok(db, ['kas', 'masuk', '--jumlah', '1500000', '--sumber', 'iuran_kematian', '--tanggal', '2026-10-01']);
  return db;
}

function rows(db: string, q: string): any[] {
  const s = sqlite(db);
  try {
    return s.prepare(q).all();
  } finally {
    s.close();
  }
}

describe('salur', () => {
  it('pays money aid to a PPKS found by NIK: a BKK of kind penyaluran and the aid record, linked', async () => {
    const db = await unitSiap();
    const r = await wksbm(db, [
      '--json',
      'salur',
      '--ppks',
      NIK,
      '--layanan',
      'jaminan',
      '--jumlah',
      '300.000',
      '--uraian',
      'Bantuan lansia',
      '--tanggal',
      '2026-10-05',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const s = r.json();
    expect(s).toMatchObject({
      id: 1,
      nomor: '001/BKK/X/2026',
      jumlah: 300000,
      dana: 'umum',
      ppks_id: 1,
      layanan: 'jaminan',
      bentuk: 'uang',
    });
    expect(rows(db, "SELECT jenis, layanan, jumlah, dana, uraian FROM kas WHERE arah = 'keluar'")).toEqual([
      { jenis: 'penyaluran', layanan: 'jaminan', jumlah: 300000, dana: 'umum', uraian: 'Bantuan lansia' },
    ]);
    expect(rows(db, 'SELECT ppks_id, layanan, bentuk, kas_id, natura_id FROM penyaluran')).toEqual([
      { ppks_id: 1, layanan: 'jaminan', bentuk: 'uang', kas_id: s.kas_id, natura_id: null },
    ]);
    expect(
      (
        await wksbm(db, [
          '--json',
          'salur',
          '--ppks',
          '1',
          '--layanan',
          'rehabilitasi',
          '--jumlah',
          '100000',
          '--dana',
          'zakat',
          '--asnaf',
          'miskin',
        ])
      ).json(),
    ).toMatchObject({ nomor: '002/BKK/XI/2026', dana: 'zakat', asnaf: 'miskin' });
    expect((await wksbm(db, ['periksa'])).code).toBe(0);
  });

  it('warns that a meterai is due above Rp5.000.000', async () => {
    const db = await unitSiap();
    await wksbm(db, ['kas', 'masuk', '--jumlah', '10jt', '--sumber', 'kerjasama', '--tanggal', '2026-10-01']);
    const r = await wksbm(db, ['salur', '--ppks', '1', '--layanan', 'jaminan', '--jumlah', '5.000.001']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/meterai/);
    expect((await wksbm(db, ['salur', '--ppks', '1', '--layanan', 'jaminan', '--jumlah', '5.000.000'])).stderr).toBe(
      '',
    );
  });

  it('names the recipient as people write the name: titles and accents aside', async () => {
    const db = await unitSiap();
    await ok(db, ['ppks', 'tambah', '--nama', 'Mbah Sastrô', '--jk', 'L', '--kategori', 'LUT']);
    const salur = (ppks: string) => wksbm(db, ['salur', '--ppks', ppks, '--layanan', 'jaminan', '--jumlah', '10.000']);
    expect((await salur('sastro')).code).toBe(0);
    expect((await salur('Bu Tukiyem')).code).toBe(0);
    const r = await salur('Mbah Sastri');
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/PPKS "Mbah Sastri" tidak ditemukan/)]);
    expect(rows(db, 'SELECT ppks_id FROM penyaluran ORDER BY id')).toEqual([{ ppks_id: 2 }, { ppks_id: 1 }]);
  });

  it('hands out rice as a stock-out with the aid record; no cash moves', async () => {
    const db = await unitSiap();
    await wksbm(db, ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '12,5', '--sumber', 'jimpitan']);
    const r = await wksbm(db, [
      '--json',
      'salur',
      '--ppks',
      '1',
      '--layanan',
      'jaminan',
      '--barang',
      'beras',
      '--kuantitas',
      '10',
      '--dana',
      'umum',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ bentuk: 'barang', barang: 'beras', kuantitas: 10, satuan: 'kg' });
    expect(rows(db, "SELECT count(*) AS n FROM kas WHERE arah = 'keluar'")).toEqual([{ n: 0 }]);
    expect(rows(db, 'SELECT bentuk, kas_id, natura_id FROM penyaluran')).toEqual([
      { bentuk: 'barang', kas_id: null, natura_id: 2 },
    ]);
    expect((await wksbm(db, ['natura', 'saldo', '--json'])).json()).toEqual({
      beras: { kuantitas: 2.5, satuan: 'kg' },
    });
    const batal = await wksbm(db, ['natura', 'batal', '2', '--alasan', 'x']);
    expect(batal.code).toBe(2);
    expect(batal.stderr).toMatch(/penyaluran ke PPKS/);
  });

  it.each([
    [
      'zakat aid without asnaf',
      ['--ppks', NIK, '--layanan', 'jaminan', '--jumlah', '300000', '--dana', 'zakat'],
      /wajib menyebut asnaf/,
    ],
    [
      'an unknown PPKS',
      ['--ppks', '3402084107650099', '--layanan', 'jaminan', '--jumlah', '300000'],
      /PPKS .* tidak ditemukan/,
    ],
    [
      'an unknown layanan',
      ['--ppks', '1', '--layanan', 'sembako', '--jumlah', '300000'],
      /layanan "sembako" tidak dikenal/,
    ],
    ['aid without amount or goods', ['--ppks', '1', '--layanan', 'jaminan'], /--jumlah .* --barang/],
    [
      'both money and goods',
      ['--ppks', '1', '--layanan', 'jaminan', '--jumlah', '1000', '--barang', 'beras', '--kuantitas', '1'],
      /tidak keduanya/,
    ],
    [
      'rice beyond the stock',
      ['--ppks', '1', '--layanan', 'jaminan', '--barang', 'beras', '--kuantitas', '1'],
      /Stok beras tidak boleh di bawah nol/,
    ],
    [
      'more than the fund holds (zakat)',
      ['--ppks', '1', '--layanan', 'jaminan', '--jumlah', '1000001', '--dana', 'zakat', '--asnaf', 'fakir'],
      /Dana terikat "zakat"/,
    ],
    [
      'the death fund for aid',
      ['--ppks', '1', '--layanan', 'jaminan', '--jumlah', '1000', '--dana', 'kematian'],
      /hanya boleh dipakai untuk santunan_kematian/,
    ],
    [
      'an unknown activity',
      ['--ppks', '1', '--layanan', 'jaminan', '--jumlah', '1000', '--kegiatan', '9'],
      /kegiatan "9" tidak ada/,
    ],
  ])('refuses %s (exit 2, nothing written)', async (_, args, pesan) => {
    const db = await unitSiap();
    const sebelum = snapshot(db);
    const r = await wksbm(db, ['salur', ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pesan as RegExp);
    expect(snapshot(db)).toBe(sebelum);
  });
});

describe('santunan', () => {
  it('pays the heir from the death fund and records the deceased, date of death, heir and relation', async () => {
    const db = await unitSiap();
    const r = await wksbm(db, [
      '--json',
      'santunan',
      '--almarhum',
      'Wiryo',
      '--tanggal-wafat',
      '27/07/2026',
      '--ahli-waris',
      'Sumarni',
      '--hubungan',
      'istri',
      '--jumlah',
      '750000',
      '--tanggal',
      '2026-10-02',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ id: 1, nomor: '001/BKK/X/2026', jumlah: 750000, dana: 'kematian' });
    expect(
      rows(
        db,
        'SELECT s.almarhum, s.tanggal_wafat, s.ahli_waris, s.hubungan, k.jenis, k.dana FROM santunan s JOIN kas k ON ' +
          'k.id = s.kas_id',
      ),
    ).toEqual([
      {
        almarhum: 'Wiryo',
        tanggal_wafat: '2026-07-27',
        ahli_waris: 'Sumarni',
        hubungan: 'istri',
        jenis: 'santunan_kematian',
        dana: 'kematian',
      },
    ]);
  });

  it('refuses more than the death fund holds, and a date of death after the payment', async () => {
    const db = await unitSiap();
    const sebelum = snapshot(db);
    const a = await wksbm(db, [
      'santunan',
      '--almarhum',
      'Wiryo',
      '--tanggal-wafat',
      '2026-07-27',
      '--ahli-waris',
      'Sumarni',
      '--hubungan',
      'istri',
      '--jumlah',
      '1.500.001',
    ]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/Dana terikat "kematian"/);
    const b = await wksbm(db, [
      'santunan',
      '--almarhum',
      'Wiryo',
      '--tanggal-wafat',
      '2026-11-23',
      '--ahli-waris',
      'Sumarni',
      '--hubungan',
      'istri',
      '--jumlah',
      '1000',
    ]);
    expect(b.code).toBe(2);
    expect(snapshot(db)).toBe(sebelum);
  });
});

describe('kegiatan', () => {
  it('shows the net cost of an activity from its linked payments, voids deducted', async () => {
    const db = await unitSiap();
    expect(
      (
        await wksbm(db, [
          'kegiatan',
          'catat',
          '--tanggal',
          '2026-10-10',
          '--nama',
          'Penyuluhan bahaya NAPZA',
          '--jenis',
          'pencegahan',
          '--peserta',
          '40',
        ])
      ).code,
    ).toBe(0);
    expect((await wksbm(db, ['--json', 'kegiatan', 'tampil', '1'])).json().biaya).toBe(0);
    await wksbm(db, [
      'kas',
      'keluar',
      '--jumlah',
      '150000',
      '--jenis',
      'kegiatan',
      '--kegiatan',
      '1',
      '--tanggal',
      '2026-10-10',
    ]);
    await wksbm(db, [
      'kas',
      'keluar',
      '--jumlah',
      '99000',
      '--jenis',
      'kegiatan',
      '--kegiatan',
      '1',
      '--tanggal',
      '2026-10-10',
    ]);
    await wksbm(db, [
      'salur',
      '--ppks',
      '1',
      '--layanan',
      'pencegahan',
      '--jumlah',
      '50000',
      '--kegiatan',
      '1',
      '--tanggal',
      '2026-10-10',
    ]);
    expect(
      (await wksbm(db, ['kas', 'batal', '002/BKK/X/2026', '--alasan', 'salah catat', '--tanggal', '2026-10-11'])).code,
    ).toBe(0);
    expect((await wksbm(db, ['kegiatan', 'daftar', '--json'])).json()).toEqual([
      expect.objectContaining({ id: 1, nama: 'Penyuluhan bahaya NAPZA', peserta: 40, biaya: 200000 }),
    ]);
    expect((await wksbm(db, ['--json', 'kegiatan', 'tampil', '1'])).json().biaya).toBe(200000);
    expect((await wksbm(db, ['kegiatan', 'tampil', '1'])).stdout).toContain('Rp 200.000');
    expect((await wksbm(db, ['kegiatan', 'daftar', '--json', '--jenis', 'rujukan'])).json()).toEqual([]);
  });
});

describe('natura', () => {
  it('counts rice in, out and sold; a sale posts a BKM in the same transaction', async () => {
    const db = await unitBaru();
    expect(
      (
        await wksbm(db, [
          'natura',
          'masuk',
          '--barang',
          'beras',
          '--kuantitas',
          '12.5',
          '--sumber',
          'jimpitan',
          '--tanggal',
          '2026-10-01',
        ])
      ).code,
    ).toBe(0);
    expect(
      (await wksbm(db, ['natura', 'masuk', '--barang', 'Beras', '--kuantitas', '10,25', '--tanggal', '2026-10-02']))
        .code,
    ).toBe(0);
    expect((await wksbm(db, ['natura', 'masuk', '--barang', 'gula', '--kuantitas', '3'])).code).toBe(0);
    const jual = await wksbm(db, [
      '--json',
      'natura',
      'jual',
      '--barang',
      'beras',
      '--kuantitas',
      '20',
      '--jumlah',
      '240000',
      '--tanggal',
      '2026-10-03',
    ]);
    expect(jual.code, jual.stderr).toBe(0);
    expect(jual.json()).toMatchObject({
      nomor: '001/BKM/X/2026',
      jumlah: 240000,
      barang: 'beras',
      kuantitas: 20,
      arah: 'keluar',
      tujuan: 'jual',
    });
    expect(rows(db, 'SELECT sumber, dana, jumlah FROM kas')).toEqual([
      { sumber: 'jimpitan', dana: 'umum', jumlah: 240000 },
    ]);
    expect(rows(db, "SELECT kas_id FROM natura WHERE tujuan = 'jual'")).toEqual([{ kas_id: 1 }]);
    expect(
      (await wksbm(db, ['natura', 'keluar', '--barang', 'beras', '--kuantitas', '0.75', '--uraian', 'berkutu'])).code,
    ).toBe(0);
    expect((await wksbm(db, ['natura', 'saldo', '--json'])).json()).toEqual({
      beras: { kuantitas: 2, satuan: 'kg' },
      gula: { kuantitas: 3, satuan: 'kg' },
    });
    expect((await wksbm(db, ['natura', 'saldo'])).stdout).toMatch(/beras\s*│\s*2 kg/);
    expect((await wksbm(db, ['natura', 'daftar', '--json', '--barang', 'beras'])).json()).toHaveLength(4);
    expect((await wksbm(db, ['periksa'])).code).toBe(0);
    expect(rows(db, 'SELECT kuantitas_mili FROM natura ORDER BY id').map((r) => r.kuantitas_mili)).toEqual([
      12500, 10250, 3000, 20000, 750,
    ]);
  });

  it.each([
    [
      'stock below zero',
      ['natura', 'keluar', '--barang', 'beras', '--kuantitas', '5,001'],
      /Stok beras tidak boleh di bawah nol: stoknya akan menjadi -0,001 kg/,
    ],
    [
      'a sale beyond the stock (no BKM either)',
      ['natura', 'jual', '--barang', 'beras', '--kuantitas', '6', '--jumlah', '72000'],
      /Stok beras tidak boleh di bawah nol/,
    ],
    [
      'a back-dated stock-out before the rice came in',
      ['natura', 'keluar', '--barang', 'beras', '--kuantitas', '1', '--tanggal', '2026-09-30'],
      /di bawah nol/,
    ],
    ['an item never counted', ['natura', 'keluar', '--barang', 'jagung', '--kuantitas', '1'], /Stok jagung/],
    [
      'another unit for the same item',
      ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '1', '--satuan', 'liter'],
      /beras dihitung dalam kg/,
    ],
    ['a zero quantity', ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '0'], /kuantitas "0" tidak sah/],
    [
      'an entry in a closed quarter',
      ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '1', '--tanggal', '2026-09-30'],
      /sudah ditutup/,
    ],
  ])('refuses %s (exit 2, nothing written)', async (nama, args, pesan) => {
    const db = await unitBaru();
    await wksbm(db, ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '5', '--tanggal', '2026-10-01']);
    if (String(nama).includes('closed')) expect((await wksbm(db, ['kas', 'tutup', '2026-3'])).code).toBe(0);
    const sebelum = snapshot(db);
    const r = await wksbm(db, args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pesan as RegExp);
    expect(snapshot(db)).toBe(sebelum);
  });

  it('corrects a mistaken movement by a reversing row; reversing a sale voids its BKM too', async () => {
    const db = await unitBaru();
    // meant 12,5
    await wksbm(db, ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '125', '--tanggal', '2026-10-01']);
    await wksbm(db, ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '12,5', '--tanggal', '2026-10-01']);
    const a = await wksbm(db, ['--json', 'natura', 'batal', '1', '--alasan', 'salah ketik']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.json()).toMatchObject({ id: 3, batal_dari: 1, kuantitas: -125, arah: 'masuk', nomor_batal: null });
    expect((await wksbm(db, ['natura', 'saldo', '--json'])).json()).toEqual({
      beras: { kuantitas: 12.5, satuan: 'kg' },
    });

    await wksbm(db, [
      'natura',
      'jual',
      '--barang',
      'beras',
      '--kuantitas',
      '10',
      '--jumlah',
      '120000',
      '--tanggal',
      '2026-10-05',
    ]);
    const b = await wksbm(db, ['--json', 'natura', 'batal', '4', '--alasan', 'pembeli batal']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.json()).toMatchObject({ batal_dari: 4, nomor_batal: '002/BKM/XI/2026' });
    expect((await wksbm(db, ['natura', 'saldo', '--json'])).json()).toEqual({
      beras: { kuantitas: 12.5, satuan: 'kg' },
    });
    expect((await wksbm(db, ['kas', 'saldo', '--json'])).json().total).toBe(0);
    expect((await wksbm(db, ['periksa'])).code).toBe(0);

    let sebelum = snapshot(db);
    for (const [id, pesan] of [
      ['1', /sudah dibatalkan/],
      ['3', /pembatalan tidak bisa dibatalkan/],
      ['99', /tidak ada/],
    ] as const) {
      const r = await wksbm(db, ['natura', 'batal', id, '--alasan', 'x']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pesan);
    }
    expect(snapshot(db)).toBe(sebelum);
    expect((await wksbm(db, ['natura', 'keluar', '--barang', 'beras', '--kuantitas', '12,5'])).code).toBe(0);
    sebelum = snapshot(db);
    // reversing this receipt would leave the stock below zero
    const c = await wksbm(db, ['natura', 'batal', '2', '--alasan', 'x']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/di bawah nol/);
    expect(snapshot(db)).toBe(sebelum);
  });

  it('periksa finds a sale whose BKM was voided in the cash book, its rice not, until natura batal', async () => {
    const db = await unitBaru();
    await wksbm(db, ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '10', '--tanggal', '2026-10-01']);
    await wksbm(db, [
      'natura',
      'jual',
      '--barang',
      'beras',
      '--kuantitas',
      '10',
      '--jumlah',
      '120000',
      '--tanggal',
      '2026-10-02',
    ]);
    expect((await wksbm(db, ['kas', 'batal', '001/BKM/X/2026', '--alasan', 'batal jual'])).code).toBe(0);
    const r = await wksbm(db, ['--json', 'periksa']);
    expect(r.code).not.toBe(0);
    expect(r.json().temuan).toEqual([
      expect.objectContaining({ jenis: 'stok', id: 2, pesan: expect.stringContaining('natura batal 2') }),
    ]);
    const b = await wksbm(db, ['--json', 'natura', 'batal', '2', '--alasan', 'batal jual']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.json().nomor_batal).toBeNull();
    expect((await wksbm(db, ['periksa'])).code).toBe(0);
    expect((await wksbm(db, ['natura', 'saldo', '--json'])).json()).toEqual({ beras: { kuantitas: 10, satuan: 'kg' } });
  });

  it('records rice given by a donor, found by phone', async () => {
    const db = await unitBaru();
    await wksbm(db, ['donatur', 'tambah', '--nama', 'Toko Makmur', '--hp', '0813-2222-3333']);
    const r = await wksbm(db, [
      '--json',
      'natura',
      'masuk',
      '--barang',
      'beras',
      '--kuantitas',
      '25',
      '--sumber',
      'donatur',
      '--donatur',
      '+62 813 2222 3333',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ arah: 'masuk', sumber: 'donatur', donatur_id: 1, kuantitas: 25 });
    expect(
      (await wksbm(db, ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '1', '--donatur', 'Tidak Ada'])).code,
    ).toBe(2);
  });

  it('keeps the stock book chained: periksa finds a row changed outside the tool and negative stock', async () => {
    const db = await unitBaru();
    await wksbm(db, ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '5']);
    await wksbm(db, ['natura', 'keluar', '--barang', 'beras', '--kuantitas', '4']);
    const s = sqlite(db);
    s.exec('DROP TRIGGER natura_tanpa_ubah');
    s.exec('UPDATE natura SET kuantitas_mili = 6000 WHERE id = 2');
    s.close();
    const r = await wksbm(db, ['--json', 'periksa']);
    expect(r.code).not.toBe(0);
    const temuan = r.json().temuan.map((t: { jenis: string }) => t.jenis);
    expect(temuan).toContain('rantai_hash');
    expect(temuan).toContain('stok');
  });
});
