// Reading and matching, without the binary: encodings, delimiters, header words, names and addresses.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DONATUR } from '../../src/books/registers.js';
import { adaBarisDalamKutip, barisKutipTerbuka, bukaTabel, decode, detectDelimiter } from '../../src/import/baca.js';
import { cariKepala, petakan } from '../../src/import/kolom.js';
import { bersihkanNama, normAlamat } from '../../src/import/kunci.js';
import { tmpDir } from '../helpers.js';

describe('decode', () => {
  it('detects, never assumes, the encoding', () => {
    expect(decode(Buffer.from('\ufeffNama;Déwi', 'utf8'))).toEqual({ teks: 'Nama;Déwi', encoding: 'utf-8', bom: true });
    expect(decode(Buffer.from('Nama;Déwi', 'utf8'))).toMatchObject({
      teks: 'Nama;Déwi',
      encoding: 'utf-8',
      bom: false,
    });
    expect(decode(Buffer.from('Nama;Déwi – “Bu”', 'latin1'))).toMatchObject({ encoding: 'windows-1252' });
    expect(decode(Buffer.from([0x44, 0xe9, 0x77, 0x69, 0x20, 0x93, 0x42, 0x75, 0x94])).teks).toBe('Déwi “Bu”');
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Nama\tDéwi', 'utf16le')]))).toEqual({
      teks: 'Nama\tDéwi',
      encoding: 'utf-16le',
      bom: true,
    });
    expect(decode(Buffer.from('Nama;Dewi', 'utf16le'))).toMatchObject({
      teks: 'Nama;Dewi',
      encoding: 'utf-16le',
      bom: false,
    });
  });

  it('finds the delimiter even below title lines', () => {
    expect(detectDelimiter('DAFTAR DONATUR, RT 03\nNama;Alamat;HP\na;b;c\nd;e;f\n')).toBe(';');
    expect(detectDelimiter('Nama,Alamat\n"Jetis; RT 1",x\n')).toBe(',');
    expect(detectDelimiter('Nama\tAlamat\tHP\na\tb, c\tx\n')).toBe('\t');
  });

  it('knows when a quoted field spans lines (then line numbers come from the parser)', () => {
    expect(adaBarisDalamKutip('a,b\n"1",2\n3,"x ""y"""\n', ',')).toBe(false);
    expect(adaBarisDalamKutip('a;b\nJl. "Mawar";2\n', ';')).toBe(false);
    expect(adaBarisDalamKutip('a;b\n1;"x\r\ny"\n', ';')).toBe(true);
    expect(adaBarisDalamKutip('a;b\n"1;2\n', ';')).toBe(true);
  });

  it('names the line where a quote was opened and never closed', () => {
    expect(barisKutipTerbuka('a;b\n1;"x\ny"\n"z;2\n3;4\n', ';')).toBe(4);
  });
});

describe('header mapping', () => {
  it('maps declared words, any case and punctuation, and short headers containing a word', () => {
    const peta = petakan(['NO', 'NAMA DONATUR', 'ALAMAT', 'TELP.', 'SUMBANGAN PER BULAN (Rp)'], DONATUR.fields, {});
    expect(Object.fromEntries(peta)).toEqual({ nama: 1, alamat: 2, hp: 3, janji: 4 });
    expect(Object.fromEntries(petakan(['Nama Lengkap', 'WA', 'e-mail'], DONATUR.fields, {}))).toEqual({
      nama: 0,
      hp: 1,
      email: 2,
    });
  });

  it('prefers the real header over a title that mentions the book', () => {
    const k = cariKepala(
      [['DAFTAR DONATUR TP PKK PADUKUHAN JETIS'], ['Data Donatur'], ['Nama', 'No HP']],
      DONATUR.fields,
      {},
      [['nama']],
    );
    expect(k.indeks).toBe(2);
  });
});

describe('matching people', () => {
  it('cleans titles for matching only', () => {
    expect(bersihkanNama('Bpk. H. Sukardi, S.Pd.')).toBe('sukardi');
    expect(bersihkanNama('Hj. Siti Aminah')).toBe('siti aminah');
    expect(bersihkanNama('Ibu Budi Santoso')).toBe('budi santoso');
    expect(bersihkanNama('Sdr. Déwi')).toBe('dewi');
    expect(bersihkanNama('Bu')).toBe('bu');
    expect(normAlamat('Jetis, RT 02')).toBe(normAlamat('jetis rt 2'));
  });
});

describe('reading a large file in pieces', () => {
  const semua = async (f: string) => {
    const t = await bukaTabel(f);
    const out: { baris: number; sel: unknown[] }[] = [];
    for await (const lot of t.rows) out.push(...lot);
    return { t, out };
  };
  // about 2.4 MB: several pieces, cut inside no character and no line
  const baris = (i: number) => [`${i}`, `Déwi “${i}” ✓ 🙂`, `Jl. "Mawar" ${i}`, `${i * 1000}`];

  it('UTF-8 with BOM and CRLF, Windows-1252: every row as the whole text gives it', async () => {
    const dir = tmpDir();
    const n = 30_000;
    const rows = Array.from({ length: n }, (_, i) => baris(i + 1));
    const f8 = path.join(dir, 'u8.csv');
    fs.writeFileSync(f8, `\ufeffNo;Nama;Alamat;Janji\r\n${rows.map((r) => r.join(';')).join('\r\n')}\r\n`);
    const a = await semua(f8);
    expect(a.t).toMatchObject({ encoding: 'utf-8', bom: true, pemisah: ';', total: n + 2 });
    expect(a.out.length).toBe(n + 1);
    expect(a.out[n]).toEqual({ baris: n + 1, sel: rows[n - 1] });
    expect(a.out.slice(1).every((r, i) => JSON.stringify(r.sel) === JSON.stringify(rows[i]))).toBe(true);

    const cp = rows.map((r) => [r[0], `Déwi “${r[0]}”`, r[2], r[3]]);
    const f1252 = path.join(dir, 'cp.csv');
    const teks = `No;Nama;Alamat;Janji\n${cp.map((r) => r.join(';')).join('\n')}`;
    fs.writeFileSync(
      f1252,
      Buffer.from(
        teks.replace(/[“”]/g, (c) => (c === '“' ? '\x93' : '\x94')),
        'latin1',
      ),
    );
    const b = await semua(f1252);
    expect(b.t.encoding).toBe('windows-1252');
    expect(b.out.slice(1).every((r, i) => JSON.stringify(r.sel) === JSON.stringify(cp[i]))).toBe(true);
  });

  it('a line the fast path cannot judge, past the first piece, goes to csv-parse with its line number', async () => {
    const dir = tmpDir();
    const n = 40_000;
    const rows = Array.from({ length: n }, (_, i) => baris(i + 1).join(','));
    rows[n - 10] = '39991,"tutup"lalu,x,1';
    const f = path.join(dir, 'campur.csv');
    fs.writeFileSync(f, `No,Nama,Alamat,Janji\n${rows.join('\n')}\n`);
    const { out } = await semua(f);
    expect(out.length).toBe(n + 1);
    expect(out[n - 9]).toEqual({ baris: n - 8, sel: ['39991', '"tutup"lalu', 'x', '1'] });
    expect(out[n]).toEqual({ baris: n + 1, sel: baris(n) });
  });
});
