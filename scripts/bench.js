#!/usr/bin/env node
// Benchmarks: `npm run bench -- impor` times the real binary importing 100,000 donors and
// 1,000,000 cash entries into fresh units, and prints the figures (targets: ≤ 1.5 s; ≤ 10 s and ≤ 300 MiB).
// `npm run bench -- posting` times single postings (kas pindah dated today, kas keluar backdated a
// few days) on a 1,000,000-entry ledger against a 1,000-entry one: a posting must cost what it
// touches, not the ledger's age (target: at most 1.5× the small ledger's time).
// `npm run bench -- rekap` recaps 1,000 unit workbooks with the list of units and the flat CSV
// (target: ≤ 30 s; peak memory at 100 and at 1,000 workbooks printed side by side).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'wksbm.js');
const ENV = { ...process.env, WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1' };

function wksbm(db, args, bin = BIN) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env: ENV, maxBuffer: 1 << 30 });
  const detik = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`wksbm ${args.join(' ')} gagal (${r.status}): ${r.stderr}`);
  return { detik, out: r.stdout };
}

const hasil = [];
/** Records one measured figure against its target and prints LULUS (pass) or GAGAL (fail) with the margin. */
function nilai(nama, detik, target) {
  const lulus = detik <= target;
  hasil.push({ nama, detik, target, lulus });
  return (
    `${detik.toFixed(2)} s — target ≤ ${target} s: ${lulus ? 'LULUS' : 'GAGAL'} (${lulus ? 'sisa' : 'lebih'} ` +
    `${Math.abs(target - detik).toFixed(2)} s)`
  );
}

/** A fresh unit, made by the binary that will use it (`root`: this tree unless a comparison says otherwise). */
function unit(dir, root = ROOT) {
  const db = path.join(dir, 'unit.sqlite');
  const profil = ['--nama', 'Bench', '--padukuhan', 'Jetis', '--kalurahan', 'Sumberagung', '--kapanewon', 'Jetis'];
  wksbm(db, ['init', ...profil], path.join(root, 'bin', 'wksbm.js'));
  return db;
}

function donorCsv(file, n) {
  const baris = ['No;Nama Donatur;Alamat;No. HP;Jenis;Janji'];
  for (let i = 1; i <= n; i++)
    baris.push(
      `${i};Bpk. Donatur ${i};Jetis, RT ` +
        `${String(i % 20).padStart(2, '0')};0812${String(10_000_000 + i).padStart(8, '0')};` +
        `${i % 3 ? 'Perorangan' : 'Lembaga'};${(i % 50) * 1000 + 5000}`,
    );
  fs.writeFileSync(file, '\ufeff' + baris.join('\r\n') + '\r\n');
}

function kasCsv(file, n) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar\n');
  let buf = [];
  for (let i = 0; i < n; i++) {
    const hari = (i % 28) + 1;
    const bulan = (Math.floor(i / 28) % 12) + 1;
    // ten years ending before the fixed today: an entry is never dated after today
    const tahun = 2016 + Math.floor(i / (28 * 12 * 300));
    const tgl = `${String(hari).padStart(2, '0')}/${String(bulan).padStart(2, '0')}/${tahun}`;
    buf.push(
      i % 4 === 3
        ? `${tgl},Beli alat tulis ${i},operasional,umum,,"5.000"`
        : `${tgl},Jimpitan ${i},jimpitan,umum,"${(i % 7) * 1000 + 10000}",`,
    );
    if (buf.length === 10_000) {
      fs.writeSync(out, buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) fs.writeSync(out, buf.join('\n') + '\n');
  fs.closeSync(out);
}

/** n cash rows (3 receipts to 1 payment, never below zero) spread evenly over the `hari` days up to `akhir`. */
function kasCsvSampai(file, n, akhir, hari) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar\n');
  const akhirMs = Date.parse(`${akhir}T00:00:00Z`);
  let buf = [];
  for (let i = 0; i < n; i++) {
    const tgl = new Date(akhirMs - Math.floor(((n - 1 - i) * hari) / n) * 86_400_000).toISOString().slice(0, 10);
    buf.push(
      i % 4 === 3
        ? `${tgl},Beli alat tulis ${i},operasional,umum,,"5.000"`
        : `${tgl},Jimpitan ${i},jimpitan,umum,"${(i % 7) * 1000 + 10000}",`,
    );
    if (buf.length === 10_000) {
      fs.writeSync(out, buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) fs.writeSync(out, buf.join('\n') + '\n');
  fs.closeSync(out);
}

const beban = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function benchPosting() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-bench-'));
  const hariIni = ENV.WKSBM_HARI_INI;
  const mundur = new Date(Date.parse(`${hariIni}T00:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10);
  try {
    console.log(`mesin: ${os.cpus().length} inti, Node ${process.version}; hari ini ${hariIni}`);
    // each ledger's entries run up to yesterday: ten years of days for the big one, a thousand days for the small one
    const kemarin = new Date(Date.parse(`${hariIni}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const buku = [];
    for (const [nama, n, hari] of [
      ['kecil', 1_000, 1_000],
      ['besar', 1_000_000, 3_650],
    ]) {
      fs.mkdirSync(path.join(dir, nama));
      const db = unit(path.join(dir, nama));
      wksbm(db, ['akun', 'tambah', 'bri', '--nama', 'BRI']);
      const csv = path.join(dir, `${nama}.csv`);
      kasCsvSampai(csv, n, kemarin, hari);
      const r = wksbm(db, ['kas', 'impor', csv, '--json']);
      if (JSON.parse(r.out).ditambah !== n)
        throw new Error(`${nama}: ditambah ${JSON.parse(r.out).ditambah}, bukan ${n}`);
      console.log(
        `buku ${nama}: ${n.toLocaleString('id-ID')} entri selama ${hari} hari, diimpor dalam ${r.detik.toFixed(2)} s`,
      );
      buku.push({ nama, n, db });
    }
    const perintah = [
      ['kas pindah (hari ini)', ['kas', 'pindah', '--jumlah', '1000', '--dari', 'tunai', '--ke', 'bri']],
      [
        `kas keluar (mundur ke ${mundur})`,
        ['kas', 'keluar', '--jumlah', '5000', '--jenis', 'operasional', '--tanggal', mundur],
      ],
    ];
    const ULANG = 7;
    console.log(
      `beban mesin sebelum posting: ${beban()}; ${ULANG} kali per perintah per buku, bergantian, median dipakai`,
    );
    for (const [label, args] of perintah) {
      const waktu = { kecil: [], besar: [] };
      for (let i = 0; i < ULANG; i++) for (const b of buku) waktu[b.nama].push(wksbm(b.db, args).detik);
      const [kecil, besar] = [median(waktu.kecil), median(waktu.besar)];
      const rasio = besar / kecil;
      const lulus = rasio <= 1.5;
      hasil.push({ nama: label, lulus });
      console.log(
        `${label}: 1.000 entri ${kecil.toFixed(3)} s, 1.000.000 entri ${besar.toFixed(3)} s — rasio ` +
          `${rasio.toFixed(2)}×, target ≤ 1.5×: ${lulus ? 'LULUS' : 'GAGAL'}`,
      );
      console.log(
        `  semua (s): kecil ${waktu.kecil.map((x) => x.toFixed(2)).join(' ')} | besar ` +
          `${waktu.besar.map((x) => x.toFixed(2)).join(' ')}`,
      );
    }
    console.log(`  (beban mesin sesudah: ${beban()})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One import through the binary of `root` (this tree, or WKSBM_BANDING's), measured by /usr/bin/time where it
 * exists: wall seconds, CPU seconds (the steadier figure on a loaded machine) and peak memory.
 */
function imporDiukur(root, db, args) {
  const bin = path.join(root, 'bin', 'wksbm.js');
  const argv = [bin, '--db', db, ...args];
  const waktu = fs.existsSync('/usr/bin/time') ? path.join(path.dirname(db), 'time.txt') : null;
  const t0 = process.hrtime.bigint();
  const r = waktu
    ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', waktu, process.execPath, ...argv], {
        encoding: 'utf8',
        env: ENV,
        maxBuffer: 1 << 30,
      })
    : spawnSync(process.execPath, argv, { encoding: 'utf8', env: ENV, maxBuffer: 1 << 30 });
  const detik = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`wksbm ${args.join(' ')} gagal (${r.status}): ${r.stderr}`);
  const [user, sys, kb] = waktu ? fs.readFileSync(waktu, 'utf8').trim().split(/\s+/).slice(-3).map(Number) : [];
  return { detik, cpu: waktu ? user + sys : undefined, mib: waktu ? kb / 1024 : undefined, out: JSON.parse(r.stdout) };
}

const angka = (u) =>
  `${u.detik.toFixed(2)} s` + (u.cpu === undefined ? '' : `, CPU ${u.cpu.toFixed(2)} s, ${u.mib.toFixed(0)} MiB`);

/** Peak memory against its target, recorded like nilai(). */
function memori(nama, mib, target) {
  if (mib === undefined) return '(memori tidak diukur: /usr/bin/time tidak ada)';
  const lulus = mib <= target;
  hasil.push({ nama: `${nama} (memori)`, lulus });
  return `memori ${mib.toFixed(0)} MiB — target ≤ ${target} MiB: ${lulus ? 'LULUS' : 'GAGAL'}`;
}

/**
 * 100,000 donors and 1,000,000 cash rows, each into a fresh unit. WKSBM_BANDING=/path/to/other/tree (built) times
 * that tree's binary on the same files in the same run, alternating, for a before/after.
 */
function benchImpor() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-bench-'));
  const banding = process.env.WKSBM_BANDING;
  try {
    console.log(`mesin: ${os.cpus().length} inti, Node ${process.version}`);
    const fDon = path.join(dir, 'donatur.csv');
    donorCsv(fDon, 100_000);
    const pohon = banding ? [ROOT, banding] : [ROOT];
    for (const [i, root] of pohon.entries()) {
      fs.mkdirSync(path.join(dir, `a${i}`));
      const db = unit(path.join(dir, `a${i}`), root);
      console.log(`  (beban mesin: ${beban()})`);
      const a = imporDiukur(root, db, ['impor', 'donatur', fDon, '--json']);
      if (a.out.ditambah !== 100_000) throw new Error(`donatur: ditambah ${a.out.ditambah}, bukan 100000`);
      if (root !== ROOT) {
        console.log(`  pembanding ${root}: donatur 100.000 baris ${angka(a)}`);
        continue;
      }
      console.log(
        `donatur 100.000 baris (${(fs.statSync(fDon).size / 1e6).toFixed(1)} MB), ditambah ${a.out.ditambah}: ` +
          `${nilai('donatur 100.000', a.detik, 1.5)}; ${angka(a)}`,
      );
      const a2 = imporDiukur(root, db, ['impor', 'donatur', fDon, '--json']);
      console.log(`  impor ulang: ${angka(a2)}, sudah ada ${a2.out.sudah_ada}`);
    }

    const fKas = path.join(dir, 'kas.csv');
    kasCsv(fKas, 1_000_000);
    for (const [i, root] of pohon.entries()) {
      fs.mkdirSync(path.join(dir, `b${i}`));
      const db = unit(path.join(dir, `b${i}`), root);
      console.log(`  (beban mesin: ${beban()})`);
      const b = imporDiukur(root, db, ['kas', 'impor', fKas, '--json']);
      if (b.out.ditambah !== 1_000_000)
        throw new Error(`kas: ditambah ${b.out.ditambah}, ditolak ${b.out.ditolak}, bukan 1000000`);
      if (root !== ROOT) {
        console.log(`  pembanding ${root}: kas 1.000.000 baris ${angka(b)}`);
        continue;
      }
      console.log(
        `kas 1.000.000 baris (${(fs.statSync(fKas).size / 1e6).toFixed(1)} MB), ditambah ${b.out.ditambah}: ` +
          `${nilai('kas 1.000.000', b.detik, 10)}; ${angka(b)}; ${memori('kas 1.000.000', b.mib, 300)}`,
      );
    }
    console.log(`  (beban mesin sesudah: ${beban()})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

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
  const { kodeSegelLaporan } = await import(path.join(ROOT, 'dist', 'domain', 'segel.js'));
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

/** Runs the real binary under GNU time: seconds and peak RSS (MB), or null where time is missing. */
function wksbmDiukur(args) {
  const time = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const t0 = process.hrtime.bigint();
  const r = time
    ? spawnSync(time, ['-f', 'RSS_KB=%M', process.execPath, BIN, ...args], { encoding: 'utf8', env: ENV })
    : spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: ENV });
  const detik = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`wksbm ${args.join(' ')} gagal (${r.status}): ${r.stderr}`);
  const kb = /RSS_KB=(\d+)/.exec(r.stderr ?? '');
  return { detik, mb: kb ? Number(kb[1]) / 1024 : null, out: r.stdout };
}

/**
 * `npm run bench -- rekap`: the Dinas desk over 1,000 unit workbooks (and 100, to see that memory
 * does not grow with the count), with the list of units and the flat CSV. Target: ≤ 30 s.
 */
async function benchRekap() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-bench-'));
  try {
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
    [
      ...semua,
      ...Array.from({ length: 10 }, (_, i) => ({ nama: `Belum ${i}`, kalurahan: 'X', kapanewon: 'Y' })),
    ].forEach((u, i) => {
      baris.push(`U${i + 1};${u.nama};${u.kapanewon};${u.kalurahan}`);
    });
    fs.writeFileSync(daftar, baris.join('\n') + '\n');
    const berkas = fs
      .readdirSync(folder)
      .sort()
      .map((f) => path.join(folder, f));
    const ukur = (n) =>
      wksbmDiukur([
        '--db',
        db,
        '--json',
        'rekap',
        ...berkas.slice(0, n),
        '--unit',
        daftar,
        '--csv',
        path.join(dir, `rekap-${n}.csv`),
        '-o',
        path.join(dir, `rekap-${n}.xlsx`),
      ]);
    const seratus = ukur(100);
    const seribu = ukur(1000);
    const j = JSON.parse(seribu.out);
    if (j.unit !== 1000 || j.bermasalah.length)
      throw new Error(`rekap: ${j.unit} unit, ${j.bermasalah.length} bermasalah`);
    const belum = j.daftar.unit.filter((u) => u.status === 'belum').length;
    if (belum !== 10) throw new Error(`rekap: ${belum} unit belum mengirim, bukan 10`);
    const mb = (x) => (x.mb === null ? 'tidak terukur (tanpa /usr/bin/time)' : `${x.mb.toFixed(0)} MB`);
    console.log(`rekap 100 buku kerja: ${seratus.detik.toFixed(2)} s, RSS puncak ${mb(seratus)}`);
    console.log(`rekap 1.000 buku kerja: ${nilai('rekap 1.000', seribu.detik, 30)}, RSS puncak ${mb(seribu)}`);
    console.log(
      `  (beban mesin saat diukur: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')})`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const BENCH = { impor: benchImpor, posting: benchPosting, rekap: benchRekap };
console.log(
  `beban mesin sebelum: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (di atas ~1 berarti proses lain ikut memakai ${os.cpus().length} inti ini; angka jadi lebih lambat)`,
);
const dipilih = process.argv.slice(2).filter((a) => a !== '--');
for (const nama of dipilih.length ? dipilih : Object.keys(BENCH)) {
  const f = BENCH[nama];
  if (!f) {
    console.error(`bench tidak dikenal: ${nama} (ada: ${Object.keys(BENCH).join(', ')})`);
    process.exit(2);
  }
  await f();
}
const gagal = hasil.filter((h) => !h.lulus);
console.log(gagal.length ? `GAGAL: ${gagal.map((h) => h.nama).join(', ')}` : `LULUS: semua ${hasil.length} target`);
process.exitCode = gagal.length ? 1 : 0;
