// Reading single members of a zip archive (an .xlsx is one): the central directory is read once
// and a member is inflated only when asked for, so `rekap` opens a thousand workbooks without
// parsing the sheets it does not need. Stored and deflated members; no zip64 (workbooks are small).
import fs from 'node:fs';
import zlib from 'node:zlib';

export class ZipRusak extends Error {}

interface Anggota {
  metode: number;
  ukuran: number;
  offset: number;
}

const TANDA_AKHIR = 0x06054b50;
const TANDA_PUSAT = 0x02014b50;
const TANDA_LOKAL = 0x04034b50;

export interface Zip {
  baca(nama: string): Buffer | undefined;
}

export function bukaZip(berkas: string): Zip {
  const buf = fs.readFileSync(berkas);
  const anggota = daftarAnggota(buf);
  return { baca: (nama) => bacaAnggota(buf, anggota.get(nama)) };
}

/** The end-of-central-directory record sits in the last 64 KiB (a comment may follow it). */
function cariAkhir(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === TANDA_AKHIR) return i;
  throw new ZipRusak('tanpa direktori pusat');
}

function daftarAnggota(buf: Buffer): Map<string, Anggota> {
  const akhir = cariAkhir(buf);
  const jumlah = buf.readUInt16LE(akhir + 10);
  let p = buf.readUInt32LE(akhir + 16);
  const out = new Map<string, Anggota>();
  for (let n = 0; n < jumlah; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== TANDA_PUSAT) throw new ZipRusak('direktori pusat rusak');
    const panjangNama = buf.readUInt16LE(p + 28);
    const nama = buf.toString('utf8', p + 46, p + 46 + panjangNama);
    out.set(nama, {
      metode: buf.readUInt16LE(p + 10),
      ukuran: buf.readUInt32LE(p + 20),
      offset: buf.readUInt32LE(p + 42),
    });
    p += 46 + panjangNama + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

function bacaAnggota(buf: Buffer, a: Anggota | undefined): Buffer | undefined {
  if (!a) return undefined;
  if (a.offset + 30 > buf.length || buf.readUInt32LE(a.offset) !== TANDA_LOKAL) throw new ZipRusak('anggota rusak');
  const awal = a.offset + 30 + buf.readUInt16LE(a.offset + 26) + buf.readUInt16LE(a.offset + 28);
  const data = buf.subarray(awal, awal + a.ukuran);
  if (a.metode === 0) return data;
  if (a.metode === 8) return zlib.inflateRawSync(data);
  throw new ZipRusak(`metode pemampatan ${a.metode}`);
}
