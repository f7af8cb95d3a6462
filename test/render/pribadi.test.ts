// Files the tool writes (src/render/pribadi.ts): whole beside their name, then given it; never over a book; a pipe or
// a device written as it is.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { periksaKeluaran, tulisSementara } from '../../src/render/pribadi.js';
import { tmpDir } from '../helpers.js';

describe('tulisSementara', () => {
  it('writes beside the name, gives it only at pasang, removes it at buang; owner-only', async () => {
    const dir = tmpDir();
    const keluar = path.join(dir, 'x.csv');
    fs.writeFileSync(keluar, 'lama');
    const siap = await tulisSementara(keluar, (s) => fs.writeFileSync(s, 'baru'));
    expect(fs.readFileSync(keluar, 'utf8')).toBe('lama');
    siap.pasang();
    expect(fs.readFileSync(keluar, 'utf8')).toBe('baru');
    expect(fs.statSync(keluar).mode & 0o777).toBe(0o600);
    (await tulisSementara(keluar, (s) => fs.writeFileSync(s, 'lain'))).buang();
    expect(fs.readdirSync(dir)).toEqual(['x.csv']);
    expect(fs.readFileSync(keluar, 'utf8')).toBe('baru');
  });

  it('a pipe is written as it is, and never opened to be read (that would wait, or take the output)', async () => {
    const pipa = path.join(tmpDir(), 'pipa');
    execFileSync('mkfifo', [pipa]);
    // the reader opens first, in the thread pool; periksaKeluaran alone must not open the pipe at all
    const dibaca = fs.promises.readFile(pipa, 'utf8');
    periksaKeluaran(pipa);
    const siap = await tulisSementara(pipa, (s) => fs.writeFileSync(s, 'isi'));
    siap.pasang();
    expect(await dibaca).toBe('isi');
    expect(fs.statSync(pipa).isFIFO()).toBe(true);
  });

  it('through a link: the file it leads to is replaced beside itself, the link kept (-o /dev/stdout > x)', async () => {
    const dir = tmpDir();
    const sasaran = path.join(dir, 'sasaran.xlsx');
    fs.writeFileSync(sasaran, 'lama');
    const tautan = path.join(dir, 'tautan.xlsx');
    fs.symlinkSync(sasaran, tautan);
    (await tulisSementara(tautan, (s) => fs.writeFileSync(s, 'baru'))).pasang();
    expect(fs.lstatSync(tautan).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(sasaran, 'utf8')).toBe('baru');
    expect(fs.readdirSync(dir).sort()).toEqual(['sasaran.xlsx', 'tautan.xlsx']);
    // a link to a file not there yet: the file is made, owner-only, and the link kept
    const baru = path.join(dir, 'baru.xlsx');
    fs.symlinkSync('belum-ada.xlsx', baru);
    (await tulisSementara(baru, (s) => fs.writeFileSync(s, 'isi'))).pasang();
    expect(fs.lstatSync(baru).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'belum-ada.xlsx'), 'utf8')).toBe('isi');
    expect(fs.statSync(baru).mode & 0o777).toBe(0o600);
    // a link to a pipe is written as it is
    const pipa = path.join(dir, 'pipa');
    execFileSync('mkfifo', [pipa]);
    const kePipa = path.join(dir, 'ke-pipa');
    fs.symlinkSync(pipa, kePipa);
    const dibaca = fs.promises.readFile(pipa, 'utf8');
    (await tulisSementara(kePipa, (s) => fs.writeFileSync(s, 'isi'))).pasang();
    expect(await dibaca).toBe('isi');
    expect(fs.lstatSync(kePipa).isSymbolicLink()).toBe(true);
  });

  it('a book, the journal beside a book, and a file the command reads are refused before anything is written', () => {
    const dir = tmpDir();
    const buku = path.join(dir, 'unit.sqlite');
    fs.writeFileSync(buku, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(84)]));
    const masukan = path.join(dir, 'data.csv');
    fs.writeFileSync(masukan, 'a,b\n');
    for (const [keluar, baca] of [
      [buku, []],
      [`${buku}-wal`, []],
      [path.join(dir, '.', 'data.csv'), [masukan]],
    ] as [string, string[]][])
      expect(() => periksaKeluaran(keluar, baca), keluar).toThrow(UserError);
    // a file that only begins like one is not refused by its name: `unit.sqlite.csv` is a fine output
    expect(() => periksaKeluaran(`${buku}.csv`)).not.toThrow();
    expect(() => periksaKeluaran(path.join(dir, 'lain-wal'))).not.toThrow();
  });
});
