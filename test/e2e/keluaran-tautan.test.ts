// Outputs named through a link or a stream, through the built binary as a shell runs it: `-o /dev/stdout > x.xlsx`
// replaces the file the shell opened (never /dev/stdout itself), a link to a file keeps the link, and a pipe gets the
// bytes as they are.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ok, tmpDir, unitBaru } from '../helpers.js';

let db: string;
beforeAll(async () => {
  db = await unitBaru();
  await ok(db, ['kas', 'masuk', '--jumlah', '10.000', '--sumber', 'jimpitan', '--tanggal', '2026-07-01']);
});

/** The binary with its stdout on `keluar` (a file descriptor, as `> x` gives it, or a pipe). */
function jalankan(args: string[], keluar: number | 'pipe') {
  return spawnSync(process.execPath, [BIN, '--db', db, ...args], {
    stdio: ['ignore', keluar, 'pipe'],
    env: { ...process.env, WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1' },
    timeout: 60_000,
  });
}

const LAPORAN = ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3'];

describe('an output through a link or a stream', () => {
  it('`-o /dev/stdout > x.xlsx`: x.xlsx holds the workbook, /dev/stdout stays a link; short and long quarter', () => {
    const stdoutSebelum = fs.readlinkSync('/dev/stdout');
    for (const alir of ['2000', '0']) {
      const x = path.join(tmpDir(), 'x.xlsx');
      const fd = fs.openSync(x, 'w');
      const r = spawnSync(process.execPath, [BIN, '--db', db, ...LAPORAN, '-o', '/dev/stdout'], {
        stdio: ['ignore', fd, 'pipe'],
        env: { ...process.env, WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1', WKSBM_BATAS_ALIR: alir },
      });
      fs.closeSync(fd);
      expect(r.status, String(r.stderr)).toBe(0);
      expect(fs.readFileSync(x).subarray(0, 2).toString()).toBe('PK');
      const periksa = spawnSync(process.execPath, [BIN, '--db', db, 'periksa', '--laporan', x], { encoding: 'utf8' });
      expect(periksa.status, periksa.stdout).toBe(0);
      expect(fs.readdirSync(path.dirname(x))).toEqual(['x.xlsx']);
    }
    expect(fs.lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync('/dev/stdout')).toBe(stdoutSebelum);
  });

  it('a link to a file: the file replaced, the link kept', () => {
    const dir = tmpDir();
    const sasaran = path.join(dir, 'laporan.xlsx');
    fs.writeFileSync(sasaran, 'lama');
    const tautan = path.join(dir, 'terbaru.xlsx');
    fs.symlinkSync(sasaran, tautan);
    const r = jalankan([...LAPORAN, '-o', tautan], 'pipe');
    expect(r.status, String(r.stderr)).toBe(0);
    expect(fs.lstatSync(tautan).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(sasaran).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readdirSync(dir).sort()).toEqual(['laporan.xlsx', 'terbaru.xlsx']);
  });

  it('`rekap … --csv /dev/stdout | …`: the CSV goes down a pipe; a socket is refused in one sentence', () => {
    const dir = tmpDir();
    const laporan = path.join(dir, 'laporan.xlsx');
    expect(jalankan([...LAPORAN, '-o', laporan], 'pipe').status).toBe(0);
    const rekap = ['rekap', laporan, '-o', path.join(dir, 'rekap.xlsx'), '--csv', '/dev/stdout'];
    // as a shell pipes it
    const sh = spawnSync('sh', ['-c', '"$@" | cat', 'sh', process.execPath, BIN, '--db', db, ...rekap], {
      encoding: 'utf8',
      env: { ...process.env, WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1' },
    });
    expect(sh.status, sh.stderr).toBe(0);
    expect(sh.stdout).toMatch(/^\ufeffkode_unit;kode_segel;berkas;/);
    // a program that gives it a socket for stdout (Node's own 'pipe'): /dev/stdout cannot be opened by name
    const soket = jalankan(rekap, 'pipe');
    expect(soket.status).toBe(2);
    expect(String(soket.stderr).trim()).toBe(
      '"/dev/stdout" tidak bisa dibuka untuk ditulis (soket atau perangkat yang tidak menerima berkas): ' +
        'tulis ke sebuah berkas, atau salurkan lewat pipa (|).',
    );
  });
});
