// The one zip reader and writer (src/render/zip.ts): what the writer writes, the reader reads back, stored or
// deflated, streamed or whole; a file cut short or not a zip is ZipRusak, never a wrong member.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import {
  BATAS_ANGGOTA,
  bacaZip,
  bukaZip,
  PenulisZip,
  periksaUkuranZip,
  ZipRusak,
  ZipTerlaluBesar,
} from '../../src/render/zip.js';
import { tmpDir, ukuranZipDiubah } from '../helpers.js';

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

/**
 * One deflated member, written by hand as some writers do: every size and the offset in the directory marked
 * 0xFFFFFFFF, the real ones (`asli` for the inflated size) in a zip64 extra field; no field when `tanpaEkstra`.
 */
function zip64(nama: string, isi: Buffer, o: { asli?: number; tanpaEkstra?: boolean } = {}): Buffer {
  const data = zlib.deflateRawSync(isi);
  const n = Buffer.from(nama);
  const lokal = Buffer.alloc(30);
  lokal.writeUInt32LE(0x04034b50, 0);
  lokal.writeUInt16LE(45, 4);
  lokal.writeUInt16LE(8, 8);
  lokal.writeUInt32LE(data.length, 18);
  lokal.writeUInt32LE(isi.length, 22);
  lokal.writeUInt16LE(n.length, 26);
  const ekstra = Buffer.alloc(o.tanpaEkstra ? 0 : 28);
  if (!o.tanpaEkstra) {
    ekstra.writeUInt16LE(1, 0);
    ekstra.writeUInt16LE(24, 2);
    ekstra.writeBigUInt64LE(BigInt(o.asli ?? isi.length), 4);
    ekstra.writeBigUInt64LE(BigInt(data.length), 12);
    ekstra.writeBigUInt64LE(0n, 20);
  }
  const pusat = Buffer.alloc(46);
  pusat.writeUInt32LE(0x02014b50, 0);
  pusat.writeUInt16LE(45, 4);
  pusat.writeUInt16LE(45, 6);
  pusat.writeUInt16LE(8, 10);
  for (const at of [20, 24, 42]) pusat.writeUInt32LE(0xffffffff, at);
  pusat.writeUInt16LE(n.length, 28);
  pusat.writeUInt16LE(ekstra.length, 30);
  const awalPusat = lokal.length + n.length + data.length;
  const akhir = Buffer.alloc(22);
  akhir.writeUInt32LE(0x06054b50, 0);
  akhir.writeUInt16LE(1, 8);
  akhir.writeUInt16LE(1, 10);
  akhir.writeUInt32LE(pusat.length + n.length + ekstra.length, 12);
  akhir.writeUInt32LE(awalPusat, 16);
  return Buffer.concat([lokal, n, data, pusat, n, ekstra, akhir]);
}

describe('zip', () => {
  it('reads sizes and offset from the zip64 extra field where the directory marks them, and still bounds them', () => {
    const isi = Buffer.from('<x>isi</x>'.repeat(100));
    expect(bukaZip(zip64('a.xml', isi)).baca('a.xml')).toEqual(isi);
    expect(() => bukaZip(zip64('a.xml', isi, { asli: BATAS_ANGGOTA + 1 })).baca('a.xml')).toThrow(ZipTerlaluBesar);
    expect(() => bukaZip(zip64('a.xml', isi, { asli: 10 })).baca('a.xml')).toThrow(ZipRusak);
    expect(() => bukaZip(zip64('a.xml', isi, { tanpaEkstra: true }))).toThrow(ZipRusak);
  });

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

  it('a member never inflates past what it states, nor past BATAS_ANGGOTA (a "zip bomb")', async () => {
    const buf = await tulisContoh();
    const xml = (n: string) => n === 'dir/b.xml';
    // states less than it holds: inflating stops at the stated size, and the member is refused as damaged
    const bohong = ukuranZipDiubah(buf, xml, 100);
    expect(() => bukaZip(bohong).baca('dir/b.xml')).toThrow(ZipRusak);
    expect(() => bukaZip(bohong).baca('dir/b.xml')).not.toThrow(ZipTerlaluBesar);
    expect(() => periksaUkuranZip(bohong)).toThrow(ZipRusak);
    // states more than the reader takes: refused before anything is inflated
    const besar = ukuranZipDiubah(buf, xml, BATAS_ANGGOTA + 1);
    const inflate = vi.spyOn(zlib, 'inflateRawSync');
    try {
      expect(() => bukaZip(besar).baca('dir/b.xml')).toThrow(ZipTerlaluBesar);
      expect(inflate).not.toHaveBeenCalled();
    } finally {
      inflate.mockRestore();
    }
    expect(() => periksaUkuranZip(besar)).toThrow(ZipTerlaluBesar);
    // the members together past what the caller takes (exceljs keeps it all): refused by their stated sizes alone
    const semua = vi.spyOn(zlib, 'inflateRawSync');
    try {
      const galat = (() => {
        try {
          periksaUkuranZip(buf, 10_000);
        } catch (e) {
          return e;
        }
      })();
      expect(galat).toBeInstanceOf(ZipTerlaluBesar);
      expect((galat as ZipTerlaluBesar).batas).toBe(10_000);
      expect(semua).not.toHaveBeenCalled();
    } finally {
      semua.mockRestore();
    }
    expect(() => periksaUkuranZip(buf, 10_011)).not.toThrow();
    // the sizes as written: every member reads
    expect(() => periksaUkuranZip(buf)).not.toThrow();
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
