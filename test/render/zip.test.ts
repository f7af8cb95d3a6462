// The one zip reader and writer (src/render/zip.ts): what the writer writes, the reader reads back, stored or
// deflated, streamed or whole; a file cut short or not a zip is ZipRusak, never a wrong member.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { bacaZip, bukaZip, PenulisZip, ZipRusak } from '../../src/render/zip.js';
import { tmpDir } from '../helpers.js';

async function tulisContoh(): Promise<Buffer> {
  const berkas = path.join(tmpDir(), 'z.zip');
  const z = new PenulisZip(berkas);
  z.tambah('a.txt', Buffer.from('satu'));
  await z.tambahAliran(
    'dir/b.xml',
    (async function* () {
      yield '<x>';
      yield Buffer.from('é'.repeat(5000));
      yield '</x>';
    })(),
  );
  z.tambah('kosong', Buffer.alloc(0));
  z.tutup();
  return fs.readFileSync(berkas);
}

describe('zip', () => {
  it('reads back every member the writer wrote, in order, whole and streamed', async () => {
    const buf = await tulisContoh();
    expect(bacaZip(buf).map((a) => [a.nama, a.isi.toString('utf8')])).toEqual([
      ['a.txt', 'satu'],
      ['dir/b.xml', `<x>${'é'.repeat(5000)}</x>`],
      ['kosong', ''],
    ]);
    const zip = bukaZip(buf);
    expect(zip.nama).toEqual(['a.txt', 'dir/b.xml', 'kosong']);
    expect(zip.baca('a.txt')?.toString()).toBe('satu');
    expect(zip.baca('tidak-ada')).toBeUndefined();
  });

  it('reads a workbook another program wrote (exceljs), member by member', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').getCell('A1').value = 'halo';
    const zip = bukaZip(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(zip.nama).toContain('xl/worksheets/sheet1.xml');
    expect(zip.baca('xl/sharedStrings.xml')?.toString()).toContain('halo');
  });

  it('reads a stored (not deflated) member', () => {
    // one stored member, written by hand: local header, data, central directory, end record
    const nama = Buffer.from('s.txt');
    const isi = Buffer.from('apa adanya');
    const lokal = Buffer.alloc(30);
    lokal.writeUInt32LE(0x04034b50, 0);
    lokal.writeUInt32LE(zlib.crc32(isi), 14);
    lokal.writeUInt32LE(isi.length, 18);
    lokal.writeUInt32LE(isi.length, 22);
    lokal.writeUInt16LE(nama.length, 26);
    const pusat = Buffer.alloc(46);
    pusat.writeUInt32LE(0x02014b50, 0);
    pusat.writeUInt32LE(isi.length, 20);
    pusat.writeUInt32LE(isi.length, 24);
    pusat.writeUInt16LE(nama.length, 28);
    const awalPusat = 30 + nama.length + isi.length;
    const akhir = Buffer.alloc(22);
    akhir.writeUInt32LE(0x06054b50, 0);
    akhir.writeUInt16LE(1, 8);
    akhir.writeUInt16LE(1, 10);
    akhir.writeUInt32LE(46 + nama.length, 12);
    akhir.writeUInt32LE(awalPusat, 16);
    const buf = Buffer.concat([lokal, nama, isi, pusat, nama, akhir]);
    expect(bukaZip(buf).baca('s.txt')?.toString()).toBe('apa adanya');
  });

  it('a file cut short, or not a zip at all, is ZipRusak', async () => {
    const buf = await tulisContoh();
    expect(() => bukaZip(Buffer.from('bukan zip'))).toThrow(ZipRusak);
    // the end record kept, the central directory it points to cut away
    const akhir = buf.subarray(buf.length - 22);
    const tanpaPusat = Buffer.concat([buf.subarray(0, 40), akhir]);
    expect(() => bukaZip(tanpaPusat)).toThrow(ZipRusak);
    // the directory kept, a member's local header overwritten
    const rusak = Buffer.from(buf);
    rusak.fill(0, 0, 4);
    expect(() => bukaZip(rusak).baca('a.txt')).toThrow(ZipRusak);
    expect(() => bacaZip(rusak)).toThrow(ZipRusak);
  });

  it('a disk filling while a member streams: tambahAliran fails, naming the file; no event throws', async () => {
    const berkas = path.join(tmpDir(), 'penuh.zip');
    const z = new PenulisZip(berkas);
    const tulis = fs.writeSync;
    let n = 0;
    // the member's local header goes through; every write after it (the deflated text, in the stream's 'data'
    // handler) meets a full disk, as Node reports it for a descriptor: without a path
    const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, b: Buffer) => {
      if (++n > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return tulis(fd, b);
    }) as typeof fs.writeSync);
    const tidakTertangkap: unknown[] = [];
    const catat = (e: unknown) => tidakTertangkap.push(e);
    process.on('uncaughtException', catat);
    try {
      const banyak = async function* () {
        for (let i = 0; i < 200; i++) yield `<baris n="${i}">${'isi acak '.repeat(200)}${i * 7919}</baris>`;
      };
      await expect(z.tambahAliran('xl/worksheets/sheet1.xml', banyak())).rejects.toMatchObject({
        code: 'ENOSPC',
        path: berkas,
      });
    } finally {
      spy.mockRestore();
      process.off('uncaughtException', catat);
      z.batal();
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(tidakTertangkap).toEqual([]);
  });
});
