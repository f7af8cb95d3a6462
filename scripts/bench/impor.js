// `impor`: the real binary importing 100,000 donors and 1,000,000 cash entries into fresh units.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { target, unit, wksbm } from './alat.js';

function donorCsv(file, n) {
  const baris = ['No;Nama Donatur;Alamat;No. HP;Jenis;Janji'];
  for (let i = 1; i <= n; i++)
    baris.push(
      `${i};Bpk. Donatur ${i};Jetis, RT ` +
        `${String(i % 20).padStart(2, '0')};0812${String(10_000_000 + i).padStart(8, '0')};${i % 3 ? 'Perorangan' : 'Lembaga'};${(i % 50) * 1000 + 5000}`,
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

export default function impor({ dir }) {
  {
    console.log(`mesin: ${os.cpus().length} inti, Node ${process.version}`);
    const dDon = unit(dir, 'a');
    const fDon = path.join(dir, 'donatur.csv');
    donorCsv(fDon, 100_000);
    const a = wksbm(dDon, ['impor', 'donatur', fDon, '--json']);
    const ra = JSON.parse(a.out);
    if (ra.ditambah !== 100_000) throw new Error(`donatur: ditambah ${ra.ditambah}, bukan 100000`);
    const mbDon = (fs.statSync(fDon).size / 1e6).toFixed(1);
    target('impor donatur 100.000 baris', a.detik, 2, 's', `${mbDon} MB, ditambah ${ra.ditambah}`);
    const a2 = wksbm(dDon, ['impor', 'donatur', fDon, '--json']);
    console.log(`  impor ulang: ${a2.detik.toFixed(2)} s, sudah ada ${JSON.parse(a2.out).sudah_ada}`);

    const dKas = unit(dir, 'b');
    const fKas = path.join(dir, 'kas.csv');
    kasCsv(fKas, 1_000_000);
    const b = wksbm(dKas, ['kas', 'impor', fKas, '--json']);
    const rb = JSON.parse(b.out);
    if (rb.ditambah !== 1_000_000)
      throw new Error(`kas: ditambah ${rb.ditambah}, ditolak ${rb.ditolak}, bukan 1000000`);
    const mbKas = (fs.statSync(fKas).size / 1e6).toFixed(1);
    target('kas impor 1.000.000 baris', b.detik, 15, 's', `${mbKas} MB, ditambah ${rb.ditambah}`);
  }
}
