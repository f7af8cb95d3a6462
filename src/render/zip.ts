// A small zip reader and writer for the workbook's container (an .xlsx is a zip): node:zlib does the
// deflating, so one member can be written as a stream without holding it whole in memory. The one reader
// serves the workbook's splice and the import of .xlsx files alike.

import { once } from 'node:events';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { tulisKe } from './pribadi.js';

export interface AnggotaZip {
  nama: string;
  isi: Buffer;
}

const TANDA_AKHIR = 0x06054b50;
const TANDA_PUSAT = 0x02014b50;
const TANDA_LOKAL = 0x04034b50;
const TANDA_DESKRIPTOR = 0x08074b50;

/** A zip that does not read as one (cut short, or not a zip): its reader's callers name the file instead. */
export class ZipRusak extends Error {}

/**
 * The most one member may hold once inflated. A sheet of a thousand-unit recap or of a long quarter is a few tens of
 * MiB; a "zip bomb" of 1.5 MiB inflating to 1.5 GiB took 3.2 GiB of memory to refuse without it.
 */
export const BATAS_ANGGOTA = 256 * 1024 * 1024;

/** A member, or a whole zip, larger once inflated than the reader takes: `batas` bytes. */
export class ZipTerlaluBesar extends ZipRusak {
  constructor(readonly batas: number) {
    super(`lebih dari ${batas} byte setelah dibuka`);
  }
}

interface Letak {
  metode: number;
  /** its size in the zip */
  ukuran: number;
  /** its size inflated, as the central directory says */
  ukuranAsli: number;
  offset: number;
}

/** A zip's members, read from its central directory once, each inflated only when asked for. */
export interface Zip {
  /** the members' names, in the directory's order */
  nama: string[];
  baca(nama: string): Buffer | undefined;
}

/**
 * Opens a zip held in memory. Stored and deflated members; no zip64 (workbooks are small). `rekap` opens a
 * thousand workbooks and reads a few members of each: the sheets it does not need are never inflated.
 */
export function bukaZip(buf: Buffer): Zip {
  const letak = daftarLetak(buf);
  return { nama: [...letak.keys()], baca: (nama) => bacaLetak(buf, letak.get(nama)) };
}

/** Every member of a zip held in memory (the workbook exceljs wrote without its long rows), in order. */
export function bacaZip(buf: Buffer): AnggotaZip[] {
  const zip = bukaZip(buf);
  return zip.nama.map((nama) => ({ nama, isi: zip.baca(nama)! }));
}

/** The end-of-central-directory record sits in the last 64 KiB (a comment may follow it). */
function cariAkhir(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === TANDA_AKHIR) return i;
  throw new ZipRusak('tanpa direktori pusat');
}

function daftarLetak(buf: Buffer): Map<string, Letak> {
  const akhir = cariAkhir(buf);
  const jumlah = buf.readUInt16LE(akhir + 10);
  let p = buf.readUInt32LE(akhir + 16);
  const out = new Map<string, Letak>();
  for (let n = 0; n < jumlah; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== TANDA_PUSAT) throw new ZipRusak('direktori pusat rusak');
    const panjangNama = buf.readUInt16LE(p + 28);
    const panjangEkstra = buf.readUInt16LE(p + 30);
    const nama = buf.toString('utf8', p + 46, p + 46 + panjangNama);
    const letak = {
      metode: buf.readUInt16LE(p + 10),
      ukuranAsli: buf.readUInt32LE(p + 24),
      ukuran: buf.readUInt32LE(p + 20),
      offset: buf.readUInt32LE(p + 42),
    };
    out.set(nama, zip64(letak, buf.subarray(p + 46 + panjangNama, p + 46 + panjangNama + panjangEkstra)));
    p += 46 + panjangNama + panjangEkstra + buf.readUInt16LE(p + 32);
  }
  return out;
}

const PENANDA_ZIP64 = 0xffffffff;

/**
 * A member's sizes and offset where the directory gives 0xFFFFFFFF: the real ones are in its zip64 extra field (id 1),
 * eight bytes each, in this order, for those so marked. Some writers mark every member so, whatever its size.
 */
function zip64(a: Letak, ekstra: Buffer): Letak {
  const isian = (['ukuranAsli', 'ukuran', 'offset'] as const).filter((k) => a[k] === PENANDA_ZIP64);
  if (!isian.length) return a;
  for (let i = 0; i + 4 <= ekstra.length; i += 4 + ekstra.readUInt16LE(i + 2)) {
    if (ekstra.readUInt16LE(i) !== 1) continue;
    if (ekstra.readUInt16LE(i + 2) < 8 * isian.length) break;
    const hasil = { ...a };
    // beyond 2^53 no JavaScript number is exact, and no member of a workbook comes near: MAX_SAFE_INTEGER stands for it
    isian.forEach((k, j) => {
      hasil[k] = Math.min(Number(ekstra.readBigUInt64LE(i + 4 + 8 * j)), Number.MAX_SAFE_INTEGER);
    });
    return hasil;
  }
  throw new ZipRusak('ukuran zip64 tanpa isian ekstranya');
}

function bacaLetak(buf: Buffer, a: Letak | undefined): Buffer | undefined {
  if (!a) return undefined;
  if (a.offset + 30 > buf.length || buf.readUInt32LE(a.offset) !== TANDA_LOKAL) throw new ZipRusak('anggota rusak');
  const awal = a.offset + 30 + buf.readUInt16LE(a.offset + 26) + buf.readUInt16LE(a.offset + 28);
  const data = buf.subarray(awal, awal + a.ukuran);
  if (a.ukuranAsli > BATAS_ANGGOTA) throw new ZipTerlaluBesar(BATAS_ANGGOTA);
  if (a.metode === 0) return data;
  if (a.metode !== 8) throw new ZipRusak(`metode pemampatan ${a.metode}`);
  // never more than the directory says: a member that inflates past its stated size stops there
  let isi: Buffer;
  try {
    isi = zlib.inflateRawSync(data, { maxOutputLength: Math.max(a.ukuranAsli, 1) });
  } catch {
    throw new ZipRusak('anggota rusak atau lebih besar dari ukurannya');
  }
  if (isi.length !== a.ukuranAsli) throw new ZipRusak('ukuran anggota tidak sesuai');
  return isi;
}

/**
 * The most a workbook read whole by exceljs may hold inflated, all members together: exceljs keeps 10 to 15 times the
 * XML in memory (a sheet of 300,000 rows, 59 MiB of XML, took 860 MB to import).
 */
export const BATAS_EXCELJS = 96 * 1024 * 1024;

/**
 * Before a library that trusts the sizes (exceljs, through JSZip) reads the zip: its members' stated sizes together
 * at most `batasSemua`, then every member inflated once and let go. Throws ZipTerlaluBesar or ZipRusak as bukaZip's
 * reader would.
 */
export function periksaUkuranZip(buf: Buffer, batasSemua = Number.POSITIVE_INFINITY): void {
  const letak = [...daftarLetak(buf).values()];
  if (letak.reduce((n, a) => n + a.ukuranAsli, 0) > batasSemua) throw new ZipTerlaluBesar(batasSemua);
  for (const a of letak) bacaLetak(buf, a);
}

interface Catatan {
  nama: Buffer;
  crc: number;
  ukuran: number;
  mampat: number;
  offset: number;
  /** general purpose flags: UTF-8 names, and sizes in a data descriptor when streamed */
  bendera: number;
}

/** DOS time and date of now, as zip headers keep them. */
function waktuDos(d = new Date()): { waktu: number; tanggal: number } {
  return {
    waktu: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    tanggal: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * Writes a zip to a file member by member; a member is a buffer or a stream of text deflated as it comes
 * (sizes and CRC follow it in a data descriptor). No zip64: a workbook member stays far below 4 GiB.
 */
export class PenulisZip {
  private readonly fd: number;
  private posisi = 0;
  private readonly catatan: Catatan[] = [];
  private readonly dos = waktuDos();

  constructor(private readonly berkas: string) {
    this.fd = fs.openSync(berkas, 'w', 0o600);
  }

  private tulis(b: Buffer): void {
    tulisKe(this.fd, b, this.berkas);
    this.posisi += b.length;
  }

  private kepalaLokal(nama: Buffer, c: Catatan): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(TANDA_LOKAL, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(c.bendera, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt16LE(this.dos.waktu, 10);
    h.writeUInt16LE(this.dos.tanggal, 12);
    h.writeUInt32LE(c.crc ?? 0, 14);
    h.writeUInt32LE(c.mampat ?? 0, 18);
    h.writeUInt32LE(c.ukuran ?? 0, 22);
    h.writeUInt16LE(nama.length, 26);
    return Buffer.concat([h, nama]);
  }

  tambah(namaTeks: string, isi: Buffer): void {
    const nama = Buffer.from(namaTeks, 'utf8');
    const mampat = zlib.deflateRawSync(isi);
    const c = {
      nama,
      crc: zlib.crc32(isi),
      ukuran: isi.length,
      mampat: mampat.length,
      offset: this.posisi,
      bendera: 0x800,
    };
    this.tulis(this.kepalaLokal(nama, c));
    this.tulis(mampat);
    this.catatan.push(c);
  }

  async tambahAliran(namaTeks: string, potongan: AsyncIterable<string | Buffer>): Promise<void> {
    const nama = Buffer.from(namaTeks, 'utf8');
    const c: Catatan = { nama, crc: 0, ukuran: 0, mampat: 0, offset: this.posisi, bendera: 0x808 };
    this.tulis(this.kepalaLokal(nama, c));
    // the long member deflated fast: a little larger, several times less CPU than the default level
    const deflate = zlib.createDeflateRaw({ level: 1 });
    // a write that fails in the stream's handler (a full disk) ends the stream with that error, and this member
    // with it: thrown from here, never from an event, so the caller removes its file
    deflate.on('data', (b: Buffer) => {
      try {
        this.tulis(b);
        c.mampat += b.length;
      } catch (e) {
        deflate.destroy(e as Error);
      }
    });
    const selesai = once(deflate, 'end');
    selesai.catch(() => {}); // awaited below, or its error met by the wait for 'drain'
    for await (const teks of potongan) {
      const b = typeof teks === 'string' ? Buffer.from(teks, 'utf8') : teks;
      c.crc = zlib.crc32(b, c.crc);
      c.ukuran += b.length;
      if (!deflate.write(b)) await Promise.race([once(deflate, 'drain'), selesai]);
    }
    deflate.end();
    await selesai;
    const d = Buffer.alloc(16);
    d.writeUInt32LE(TANDA_DESKRIPTOR, 0);
    d.writeUInt32LE(c.crc, 4);
    d.writeUInt32LE(c.mampat, 8);
    d.writeUInt32LE(c.ukuran, 12);
    this.tulis(d);
    this.catatan.push(c);
  }

  /** The central directory, then the file is closed. */
  tutup(): void {
    const awal = this.posisi;
    for (const c of this.catatan) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(TANDA_PUSAT, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(c.bendera, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.dos.waktu, 12);
      h.writeUInt16LE(this.dos.tanggal, 14);
      h.writeUInt32LE(c.crc, 16);
      h.writeUInt32LE(c.mampat, 20);
      h.writeUInt32LE(c.ukuran, 24);
      h.writeUInt16LE(c.nama.length, 28);
      h.writeUInt32LE(c.offset, 42);
      this.tulis(Buffer.concat([h, c.nama]));
    }
    const e = Buffer.alloc(22);
    e.writeUInt32LE(TANDA_AKHIR, 0);
    e.writeUInt16LE(this.catatan.length, 8);
    e.writeUInt16LE(this.catatan.length, 10);
    e.writeUInt32LE(this.posisi - awal, 12);
    e.writeUInt32LE(awal, 16);
    this.tulis(e);
    fs.closeSync(this.fd);
  }

  /** Closes the file without finishing it (the caller removes it). */
  batal(): void {
    fs.closeSync(this.fd);
  }
}
