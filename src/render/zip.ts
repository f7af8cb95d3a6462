// A small zip reader and writer for the workbook's container (an .xlsx is a zip): node:zlib does the
// deflating, so one member can be written as a stream without holding it whole in memory.

import { once } from 'node:events';
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface AnggotaZip {
  nama: string;
  isi: Buffer;
}

const TANDA_AKHIR = 0x06054b50;
const TANDA_PUSAT = 0x02014b50;
const TANDA_LOKAL = 0x04034b50;
const TANDA_DESKRIPTOR = 0x08074b50;

/** Every member of a zip held in memory (the workbook exceljs wrote without its long rows), in order. */
export function bacaZip(buf: Buffer): AnggotaZip[] {
  let akhir = buf.length - 22;
  while (akhir >= 0 && buf.readUInt32LE(akhir) !== TANDA_AKHIR) akhir--;
  if (akhir < 0) throw new Error('zip: direktori pusat tidak ditemukan');
  const jumlah = buf.readUInt16LE(akhir + 10);
  let p = buf.readUInt32LE(akhir + 16);
  const out: AnggotaZip[] = [];
  for (let i = 0; i < jumlah; i++) {
    if (buf.readUInt32LE(p) !== TANDA_PUSAT) throw new Error('zip: direktori pusat rusak');
    const metode = buf.readUInt16LE(p + 10);
    const ukuran = buf.readUInt32LE(p + 20);
    const [panjangNama, panjangEkstra, panjangKomentar] = [28, 30, 32].map((o) => buf.readUInt16LE(p + o));
    const lokal = buf.readUInt32LE(p + 42);
    const nama = buf.toString('utf8', p + 46, p + 46 + panjangNama!);
    const data = lokal + 30 + buf.readUInt16LE(lokal + 26) + buf.readUInt16LE(lokal + 28);
    const mentah = buf.subarray(data, data + ukuran);
    out.push({ nama, isi: metode === 8 ? zlib.inflateRawSync(mentah) : mentah });
    p += 46 + panjangNama! + panjangEkstra! + panjangKomentar!;
  }
  return out;
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

  constructor(berkas: string) {
    this.fd = fs.openSync(berkas, 'w', 0o600);
  }

  private tulis(b: Buffer): void {
    fs.writeSync(this.fd, b);
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
    deflate.on('data', (b: Buffer) => {
      c.mampat += b.length;
      this.tulis(b);
    });
    const selesai = once(deflate, 'end');
    for await (const teks of potongan) {
      const b = typeof teks === 'string' ? Buffer.from(teks, 'utf8') : teks;
      c.crc = zlib.crc32(b, c.crc);
      c.ukuran += b.length;
      if (!deflate.write(b)) await once(deflate, 'drain');
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
