// A generated unit ledger for the benches: years of cash entries written straight into SQLite (fast
// enough for a million rows), chained with the program's own hash function and with `saldo_harian`
// rebuilt from the books, so `periksa` finds nothing and every command reads a real-looking unit.
// Donors come in through `impor donatur`, so the register journal is the program's own too.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { HARI_INI, unit, wksbm } from './alat.js';

const { hashRow, KOLOM_RANTAI } = await import('../../dist/ledger/hash.js');
const { formatNomor } = await import('../../dist/ledger/posting.js');

const SUMBER = [
  ['usaha', 'umum'],
  ['donatur', 'umum'],
  ['kerjasama', 'umum'],
  ['zakat', 'zakat'],
  ['barang_bekas', 'umum'],
  ['jimpitan', 'umum'],
  ['iuran_kematian', 'kematian'],
  ['arisan', 'umum'],
  ['iuran', 'umum'],
  ['lainnya', 'umum'],
];
const JENIS_UMUM = ['operasional', 'kegiatan', 'usaha', 'lainnya', 'penyaluran'];
const LAYANAN = ['pencegahan', 'rehabilitasi', 'perlindungan', 'pemberdayaan', 'jaminan', 'rujukan'];
// the chained columns as the program hashes them, then the link and the hash
const KOLOM = [...KOLOM_RANTAI.kas, 'hash_sebelum', 'hash'];

const hari = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const iso = (d) => new Date(d * 86_400_000).toISOString().slice(0, 10);

/** Entry `i` of a year: five receipts (every source), four payments (every kind), one transfer to the bank. */
function entri(i, nDonatur) {
  const k = i % 10;
  if (k < 5) {
    const [sumber, dana] = SUMBER[((i / 10) % SUMBER.length) | 0];
    const donatur = sumber === 'donatur' && nDonatur ? (i % nDonatur) + 1 : null;
    return { arah: 'masuk', bukti: 'BKM', jumlah: 50_000 + (i % 11) * 5_000, sumber, dana, donatur_id: donatur };
  }
  // the year's first receipts fill the restricted funds before anything is paid from them
  if (i < 100 && (k === 7 || k === 8)) {
    const [sumber, dana] = k === 7 ? ['zakat', 'zakat'] : ['iuran_kematian', 'kematian'];
    return { arah: 'masuk', bukti: 'BKM', jumlah: 100_000, sumber, dana };
  }
  if (k === 9) return { arah: 'pindah', bukti: 'PB', jumlah: 20_000, akun_tujuan: 'bri' };
  const base = { arah: 'keluar', bukti: 'BKK', jumlah: 10_000 + (i % 7) * 2_500 };
  if (k === 7) return { ...base, jenis: 'penyaluran', dana: 'zakat', layanan: LAYANAN[i % 6], asnaf: 'fakir' };
  if (k === 8) return { ...base, jenis: 'santunan_kematian', dana: 'kematian' };
  const jenis = JENIS_UMUM[((i / 10) % JENIS_UMUM.length) | 0];
  return { ...base, jenis, dana: 'umum', layanan: jenis === 'penyaluran' ? LAYANAN[i % 6] : null };
}

/**
 * A unit under `dir/nama` with `perTahun` cash entries in each of `tahun` years ending today's year
 * (the last one up to yesterday), and `donatur` donors imported first.
 */
export function bukuBench(dir, nama, { tahun, perTahun, donatur = 0 }) {
  const db = unit(dir, nama);
  if (donatur) {
    const csv = path.join(dir, `${nama}-donatur.csv`);
    donaturCsv(csv, donatur);
    wksbm(db, ['impor', 'donatur', csv, '--json']);
  }
  const sqlite = new BetterSqlite3(db);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  // the voucher-number indexes take rows out of order: keep them in memory while they grow
  sqlite.pragma('cache_size = -400000');
  const tambah = sqlite.prepare(`INSERT INTO kas (${KOLOM.join(', ')}) VALUES (${KOLOM.map(() => '?').join(', ')})`);
  const akhir = Number(HARI_INI.slice(0, 4));
  const ujung = { id: 0, hash: '0'.repeat(64) };
  sqlite.transaction(() => {
    for (let y = akhir - tahun + 1; y <= akhir; y++) {
      const awal = hari(`${y}-01-01`);
      const sampai = y === akhir ? hari(HARI_INI) - 1 : hari(`${y}-12-31`);
      const urut = { BKM: 0, BKK: 0, PB: 0 };
      for (let i = 0; i < perTahun; i++) {
        const tanggal = iso(awal + Math.floor((i * (sampai - awal + 1)) / perTahun));
        const e = entri(i, donatur);
        const u = ++urut[e.bukti];
        const row = {
          id: ujung.id + 1,
          nomor: formatNomor(u, e.bukti, tanggal),
          tahun: y,
          urut: u,
          tanggal,
          uraian: `${e.arah === 'masuk' ? 'Terima' : e.arah === 'keluar' ? 'Bayar' : 'Setor'} ${i}`,
          akun: 'tunai',
          dibuat: `${tanggal}T10:00:00.000Z`,
          ...e,
        };
        row.hash_sebelum = ujung.hash;
        row.hash = hashRow('kas', ujung.hash, row);
        ujung.id = row.id;
        ujung.hash = row.hash;
        tambah.run(KOLOM.map((c) => row[c] ?? null));
      }
    }
    sqlite.exec(`DELETE FROM saldo_harian;
      INSERT INTO saldo_harian (buku, kode, tanggal, gerak, saldo)
        SELECT buku, kode, tanggal, gerak, sum(gerak) OVER (PARTITION BY buku, kode ORDER BY tanggal)
        FROM (SELECT buku, kode, tanggal, sum(gerak) AS gerak FROM gerak_saldo GROUP BY buku, kode, tanggal);`);
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return { db, n: tahun * perTahun };
}

function donaturCsv(file, n) {
  const baris = ['No;Nama Donatur;Alamat;No. HP;Jenis;Janji'];
  for (let i = 1; i <= n; i++)
    baris.push(`${i};Bpk. Donatur ${i};Jetis;0812${String(10_000_000 + i)};${i % 3 ? 'Perorangan' : 'Lembaga'};5000`);
  fs.writeFileSync(file, `${baris.join('\r\n')}\r\n`);
}
