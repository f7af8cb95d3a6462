// A streamed list (templat-alir.ts, sambung-xlsx.ts) on small templates built in the test: the same
// cells and numbers as the held list, the fallback where a row cannot be streamed, and a stream
// longer or shorter than announced refused.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../src/domain/errors.js';
import { tulisSambung } from '../../src/render/sambung-xlsx.js';
import { isiTemplat, type Konteks, type NilaiSel } from '../../src/render/templat.js';
import { caraAlir, penggantiSementara } from '../../src/render/templat-alir.js';
import { tmpDir } from '../helpers.js';

async function templat(gabung = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('C1').value = 10;
  ws.getCell('A2').value = '{{#item}}{{.nama}}';
  ws.getCell('B2').value = '{{.nilai}}';
  ws.getCell('B2').numFmt = '[>=1000000]"Rp "#"."###"."###;[>=1000]"Rp "#"."###;"Rp "0';
  ws.getCell('C2').value = { formula: '$C$1+C1+B2', date1904: false };
  ws.getCell('D2').value = 'ke-{{.nama}} {{tahun}}';
  ws.getCell('B3').value = '{{=SUM(item.nilai)}}';
  ws.getCell('A5').value = 'Ketua';
  if (gabung) ws.mergeCells('D2:E2');
  const file = path.join(tmpDir(), 't.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

// the last name holds the scratch file's stand-ins (and the old private-use ones) as text: dropped like every
// control character, never read as a style
const BARIS = [
  ...Array.from({ length: 40 }, (_, i) => ({ nama: `n${i} & <${i}>`, nilai: i % 7 === 3 ? -i : i * 1000 })),
  { nama: 'a"\x022\x03/> <row r="9"\x01 \uE0011\uE002 b', nilai: 5 },
];

function konteks(aliran: boolean): Konteks {
  function* baris(): Iterable<Record<string, NilaiSel>> {
    yield* BARIS;
  }
  const item = aliran ? { kolom: ['nama', 'nilai'], baris: [], aliran: { jumlah: BARIS.length, baris } } : null;
  return {
    nilai: { tahun: 2026 },
    daftar: { item: item ?? { kolom: ['nama', 'nilai'], baris: BARIS } },
    gambar: {},
  };
}

async function tulis(f: string, k: Konteks): Promise<{ file: string; angka: unknown; dialirkan: number }> {
  const dir = tmpDir();
  const { workbook, angka, sambungan } = await isiTemplat(f, k, { alir: caraAlir(0, path.join(dir, 's')) });
  const file = path.join(dir, 'o.xlsx');
  if (sambungan.length)
    await tulisSambung(Buffer.from(await workbook.xlsx.writeBuffer()), sambungan, file, { dari: '\u2063-', ke: '' });
  else await workbook.xlsx.writeFile(file);
  for (const s of sambungan) s.buang();
  // the rows' scratch file is gone, written or not
  expect(fs.readdirSync(dir)).toEqual(['o.xlsx']);
  return { file, angka: angka.objek(), dialirkan: sambungan.length };
}

async function sel(file: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[] = [];
  wb.getWorksheet('S')!.eachRow({ includeEmpty: true }, (row, r) => {
    out.push([r, row.height]);
    row.eachCell({ includeEmpty: true }, (c) => out.push([c.address, c.value, c.style]));
  });
  return out;
}

describe('a streamed list', () => {
  it('writes the cells, styles and numbers of the held list', async () => {
    const f = await templat();
    const [tahan, alir] = [await tulis(f, konteks(false)), await tulis(f, konteks(true))];
    expect([tahan.dialirkan, alir.dialirkan]).toEqual([0, 1]);
    expect(alir.angka).toEqual(tahan.angka);
    expect(Object.keys(alir.angka as object)).toEqual(Object.keys(tahan.angka as object));
    expect(await sel(alir.file)).toEqual(await sel(tahan.file));
  });

  it('is read whole where its row has a merge, with the same result', async () => {
    const f = await templat(true);
    const [tahan, alir] = [await tulis(f, konteks(false)), await tulis(f, konteks(true))];
    expect(alir.dialirkan).toBe(0);
    expect(await sel(alir.file)).toEqual(await sel(tahan.file));
  });

  it('refuses a stream longer or shorter than announced, leaving no scratch file', async () => {
    const f = await templat();
    for (const beda of [1, -1]) {
      const dir = tmpDir();
      const k = konteks(true);
      k.daftar.item!.aliran!.jumlah = BARIS.length + beda;
      const isi = isiTemplat(f, k, { alir: caraAlir(0, path.join(dir, 's')) });
      await expect(isi).rejects.toThrow(LedgerError);
      await expect(isi).rejects.toThrow(/berubah selama laporan ditulis/);
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  });
});

describe('penggantiSementara (the stand-ins of the scratch file, replaced as bytes)', () => {
  // what the stand-ins mean, as the text replacement before it read them
  const acuan = (xml: string, atribut: string, ids: string[]) =>
    xml
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the stand-ins are control characters
      .replace(/<row r="(\d+)"\x01/g, (_m, r: string) => `<row r="${r}"${atribut}`)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the stand-ins are control characters
      .replace(/<c r="([A-Z]+\d+)"\x02(\d+)\x03(\/>)?/g, (_m, r: string, n: string, tutup?: string) => {
        const s = ids[Number(n)]!;
        if (s === '0') return tutup ? '' : `<c r="${r}"`;
        return `<c r="${r}" s="${s}"${tutup ?? ''}`;
      });

  it('gives the rows exceljs would have written, in any mix of styles, empty cells and text', () => {
    const ids = ['0', '7', '0', '123', '5', '0', '0', '0', '0', '0', '0', '42'];
    const atribut = ' spans="1:3" x14ac:dyDescent="0.25">';
    const sel = [
      '<c r="A9"\x020\x03/>',
      '<c r="B9"\x021\x03><v>5</v></c>',
      '<c r="C9"\x022\x03 t="inlineStr"><is><t>BRI → Tunai &amp; "x"</t></is></c>',
      '<c r="D9"\x023\x03/>',
      '<c r="E9"\x0211\x03><f>E8+1</f><v>3</v></c>',
      '<c r="F9"\x025\x03 t="inlineStr"><is><t>é</t></is></c>',
    ];
    const xml = [9, 10, 11].map((r) => `<row r="${r}"\x01${sel.join('').replaceAll('9"', `${r}"`)}</row>`).join('');
    const gaya = ids.map((s) => (s === '0' ? undefined : Buffer.from(` s="${s}"`)));
    const ganti = penggantiSementara(Buffer.from(atribut), gaya);
    const hasil = ganti(Buffer.from(xml));
    expect(hasil.toString('utf8')).toBe(acuan(xml, atribut, ids));
    expect([...hasil].filter((b) => b >= 1 && b <= 3)).toEqual([]);
    // the next piece is built in the same working buffer: a piece already handed on stays as it was
    const lagi = ganti(Buffer.from(xml.replaceAll('r="1', 'r="2')));
    expect(hasil.toString('utf8')).toBe(acuan(xml, atribut, ids));
    expect(lagi.toString('utf8')).toBe(acuan(xml.replaceAll('r="1', 'r="2'), atribut, ids));
    expect(penggantiSementara(Buffer.from('>'), [])(Buffer.from('<row r="1"\x01</row>')).toString()).toBe(
      '<row r="1"></row>',
    );
  });
});
