// `rekap`: the Dinas desk over 1,000 unit workbooks (and 100, to see that memory does not grow with the
// count), with the list of units and the flat CSV. Target: ≤ 30 s; peak memory at 100 and at 1,000
// workbooks printed side by side. The workbooks are one real export copied with another unit's identity in
// _data (hash and kode segel made anew, only sharedStrings.xml rewritten), so making them costs seconds.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { angka, beban, cpuMib, ROOT, target, unit, wksbm } from './alat.js';

/** The members of a zip as stored (compressed bytes, crc, method): enough to copy them unchanged. */
function bacaZipMentah(buf) {
  let akhir = buf.length - 22;
  while (buf.readUInt32LE(akhir) !== 0x06054b50) akhir--;
  const out = [];
  let p = buf.readUInt32LE(akhir + 16);
  for (let n = buf.readUInt16LE(akhir + 10); n > 0; n--) {
    const panjangNama = buf.readUInt16LE(p + 28);
    const lokal = buf.readUInt32LE(p + 42);
    const ukuran = buf.readUInt32LE(p + 20);
    const awal = lokal + 30 + buf.readUInt16LE(lokal + 26) + buf.readUInt16LE(lokal + 28);
    out.push({
      nama: buf.toString('utf8', p + 46, p + 46 + panjangNama),
      metode: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      asli: buf.readUInt32LE(p + 24),
      data: buf.subarray(awal, awal + ukuran),
    });
    p += 46 + panjangNama + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

function tulisZip(file, anggota) {
  const bagian = [];
  const pusat = [];
  let posisi = 0;
  for (const a of anggota) {
    const nama = Buffer.from(a.nama, 'utf8');
    const lokal = Buffer.alloc(30);
    lokal.writeUInt32LE(0x04034b50, 0);
    lokal.writeUInt16LE(20, 4);
    lokal.writeUInt16LE(0x0800, 6);
    lokal.writeUInt16LE(a.metode, 8);
    lokal.writeUInt32LE(a.crc, 14);
    lokal.writeUInt32LE(a.data.length, 18);
    lokal.writeUInt32LE(a.asli, 22);
    lokal.writeUInt16LE(nama.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(a.metode, 10);
    c.writeUInt32LE(a.crc, 16);
    c.writeUInt32LE(a.data.length, 20);
    c.writeUInt32LE(a.asli, 24);
    c.writeUInt16LE(nama.length, 28);
    c.writeUInt32LE(posisi, 42);
    pusat.push(c, nama);
    bagian.push(lokal, nama, a.data);
    posisi += 30 + nama.length + a.data.length;
  }
  const ukuranPusat = pusat.reduce((n, b) => n + b.length, 0);
  const akhir = Buffer.alloc(22);
  akhir.writeUInt32LE(0x06054b50, 0);
  akhir.writeUInt16LE(anggota.length, 8);
  akhir.writeUInt16LE(anggota.length, 10);
  akhir.writeUInt32LE(ukuranPusat, 12);
  akhir.writeUInt32LE(posisi, 16);
  fs.writeFileSync(file, Buffer.concat([...bagian, ...pusat, akhir]));
}

const xmlTeks = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const teksXml = (s) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]);

/**
 * n copies of one workbook the real writer made, each another unit (name, kalurahan, kapanewon) with
 * its _data, hash and kode segel made anew: only sharedStrings.xml is rewritten, the rest copied.
 */
async function salinLaporan(asal, dir, n) {
  const { kodeSegelLaporan } = await import(pathToFileURL(path.join(ROOT, 'dist', 'domain', 'segel.js')).href);
  const anggota = bacaZipMentah(fs.readFileSync(asal));
  const ss = anggota.find((a) => a.nama === 'xl/sharedStrings.xml');
  const xml = zlib.inflateRawSync(ss.data).toString('utf8');
  const si = [...xml.matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)];
  const json = si.find((m) => m[1].startsWith('{&quot;format') || m[1].startsWith('{"format'));
  const isi = JSON.parse(teksXml(json[1]));
  const hashLama = createHash('sha256').update(teksXml(json[1]), 'utf8').digest('hex');
  const unit = [];
  for (let i = 1; i <= n; i++) {
    const u = {
      nama: `Bench ${String(i).padStart(4, '0')}`,
      kalurahan: `Kalurahan ${i % 40}`,
      kapanewon: `Kapanewon ${i % 8}`,
    };
    unit.push(u);
    isi.laporan.unit = { ...isi.laporan.unit, ...u };
    isi.segel.kode = kodeSegelLaporan(isi.segel.rantai, isi);
    const baru = JSON.stringify(isi);
    const hash = createHash('sha256').update(baru, 'utf8').digest('hex');
    const teks = Buffer.from(
      xml.replace(json[0], `<si><t>${xmlTeks(baru)}</t></si>`).replace(`<t>${hashLama}</t>`, `<t>${hash}</t>`),
      'utf8',
    );
    const ganti = { ...ss, crc: zlib.crc32(teks), asli: teks.length, data: zlib.deflateRawSync(teks), metode: 8 };
    tulisZip(
      path.join(dir, `unit-${String(i).padStart(4, '0')}.xlsx`),
      anggota.map((a) => (a === ss ? ganti : a)),
    );
  }
  return unit;
}

export default async function rekap({ dir }) {
  const db = unit(dir);
  for (const [tgl, jml] of [
    ['2026-07-03', '1500000'],
    ['2026-08-10', '250000'],
  ])
    wksbm(db, ['kas', 'masuk', '--jumlah', jml, '--sumber', 'donatur', '--tanggal', tgl]);
  wksbm(db, ['kas', 'keluar', '--jumlah', '100000', '--jenis', 'operasional', '--tanggal', '2026-08-11']);
  const asal = path.join(dir, 'asal.xlsx');
  wksbm(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', asal]);
  const folder = path.join(dir, 'masuk');
  fs.mkdirSync(folder);
  const t0 = Date.now();
  const semua = await salinLaporan(asal, folder, 1000);
  console.log(`1.000 buku kerja disiapkan dalam ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const daftar = path.join(dir, 'daftar.csv');
  const baris = ['Kode;Nama WKSBM;Kapanewon;Kalurahan'];
  // the list holds ten units more than sent: they show as missing
  [...semua, ...Array.from({ length: 10 }, (_, i) => ({ nama: `Belum ${i}`, kalurahan: 'X', kapanewon: 'Y' }))].forEach(
    (u, i) => {
      baris.push(`U${i + 1};${u.nama};${u.kapanewon};${u.kalurahan}`);
    },
  );
  fs.writeFileSync(daftar, baris.join('\n') + '\n');
  const berkas = fs
    .readdirSync(folder)
    .sort()
    .map((f) => path.join(folder, f));
  const ukur = (n) => {
    console.log(`  (beban mesin: ${beban()})`);
    const csv = path.join(dir, `rekap-${n}.csv`);
    const xlsx = path.join(dir, `rekap-${n}.xlsx`);
    return wksbm(db, ['--json', 'rekap', ...berkas.slice(0, n), '--unit', daftar, '--csv', csv, '-o', xlsx]);
  };
  const seratus = ukur(100);
  console.log(`rekap 100 buku kerja: ${angka(seratus)}`);
  const seribu = ukur(1000);
  const j = JSON.parse(seribu.out);
  if (j.unit !== 1000 || j.bermasalah.length)
    throw new Error(`rekap: ${j.unit} unit, ${j.bermasalah.length} bermasalah`);
  const belum = j.daftar.unit.filter((u) => u.status === 'belum').length;
  if (belum !== 10) throw new Error(`rekap: ${belum} unit belum mengirim, bukan 10`);
  // peak memory must not follow the count: 1,000 workbooks should take about what 100 take
  const rss = (x) => (x.mib === null ? 'tidak terukur (tanpa /usr/bin/time)' : `${x.mib.toFixed(0)} MiB`);
  target('rekap 1.000 buku kerja (dinding)', seribu.detik, 30, 's', cpuMib(seribu));
  console.log(`  RSS puncak: 100 buku kerja ${rss(seratus)}, 1.000 buku kerja ${rss(seribu)}`);
  console.log(`  (beban mesin sesudah: ${beban()})`);
}
