#!/usr/bin/env node
// The README's picture of the quarterly workbook (`npm run gambar`): the demo unit's workbook, as
// LibreOffice prints it under an English locale, first page → docs/laporan-hal1.png.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const laporan = path.join(root, 'demo', 'laporan-triwulan-III-2026-ngudi-mulyo.xlsx');
const keluar = path.join(root, 'docs', 'laporan-hal1.png');

function jalankan(perintah, args) {
  const r = spawnSync(perintah, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) {
    console.error(`${perintah} gagal (${r.error?.message ?? `kode ${r.status}`})`);
    process.exit(1);
  }
}

if (!fs.existsSync(laporan)) jalankan(process.execPath, [path.join(root, 'scripts', 'demo.js')]);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-gambar-'));
try {
  const profil = path.join(tmp, 'profil');
  fs.mkdirSync(path.join(profil, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profil, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry">\n' +
      '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">' +
      '<value>en-US</value></prop></item>\n</oor:items>\n',
  );
  jalankan('soffice', [
    `-env:UserInstallation=file://${profil}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    tmp,
    laporan,
  ]);
  const pdf = path.join(tmp, `${path.basename(laporan, '.xlsx')}.pdf`);
  fs.mkdirSync(path.dirname(keluar), { recursive: true });
  // grey levels keep the picture small; 70 dpi still reads on a screen
  jalankan('pdftoppm', [
    '-f',
    '1',
    '-l',
    '1',
    '-r',
    '70',
    '-gray',
    '-png',
    '-singlefile',
    pdf,
    keluar.replace(/\.png$/, ''),
  ]);
  console.log(`Gambar ditulis ke ${path.relative(root, keluar)} (${Math.round(fs.statSync(keluar).size / 1024)} KB)`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
