// Peers: the same ledger as a plain-text journal that hledger and ledger both read, and their
// balance commands timed where the programs are installed (Debian: `hledger`, `ledger`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { jalankan } from './alat.js';

/** Writes every cash entry as a two-posting transaction: the account against the source or the kind. */
export function tulisJurnal(db, file) {
  const sqlite = new BetterSqlite3(db, { readonly: true });
  const out = fs.openSync(file, 'w');
  let buf = [];
  const q = sqlite.prepare(
    'SELECT tanggal, nomor, arah, jumlah, sumber, jenis, akun, akun_tujuan FROM kas ORDER BY id',
  );
  for (const r of q.iterate()) {
    const [ke, dari] =
      r.arah === 'masuk'
        ? [`aset:${r.akun}`, `penerimaan:${r.sumber}`]
        : r.arah === 'keluar'
          ? [`pengeluaran:${r.jenis}`, `aset:${r.akun}`]
          : [`aset:${r.akun_tujuan}`, `aset:${r.akun}`];
    buf.push(`${r.tanggal} ${r.nomor}\n    ${ke}  ${r.jumlah}\n    ${dari}\n`);
    if (buf.length === 10_000) {
      fs.writeSync(out, buf.join('\n'));
      buf = [];
    }
  }
  fs.writeSync(out, buf.join('\n'));
  fs.closeSync(out);
  sqlite.close();
}

const ada = (prog) => spawnSync(prog, ['--version'], { encoding: 'utf8' }).status === 0;

/** The peers' commands for the same questions, each skipped (null) when its program is absent. */
export function rekan(jurnal, dari, sampai) {
  const periode = ['-b', dari, '-e', sampai];
  return {
    'ledger bal (semua)': ada('ledger') ? () => jalankan('ledger', ['-f', jurnal, 'bal']) : null,
    'ledger bal -b … -e …': ada('ledger') ? () => jalankan('ledger', ['-f', jurnal, 'bal', ...periode]) : null,
    'hledger bal (semua)': ada('hledger') ? () => jalankan('hledger', ['-f', jurnal, 'bal']) : null,
    'hledger bal -b … -e …': ada('hledger') ? () => jalankan('hledger', ['-f', jurnal, 'bal', ...periode]) : null,
  };
}
