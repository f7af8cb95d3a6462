// A spreadsheet cell as the text a field parses: what Excel did to numbers is undone or said.
import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/books/field.js';
import { selSebagaiTeks } from '../../src/import/kolom.js';

const NIK: Field = { name: 'nik', label: 'NIK', type: 'nik' };
const KK: Field = { name: 'no_kk', label: 'No. KK', type: 'nik' };
const HP: Field = { name: 'hp', label: 'No. HP', type: 'hp' };

describe('selSebagaiTeks', () => {
  it('refuses a NIK or KK stored as a number of 16 digits, naming Excel and the Text format', () => {
    expect(() => selSebagaiTeks(NIK, 3402084107650010)).toThrow(
      /NIK "3402084107650010" tersimpan sebagai angka di Excel.*Teks/,
    );
    expect(() => selSebagaiTeks(KK, 1e15)).toThrow(/No\. KK "1000000000000000" tersimpan sebagai angka/);
  });
  it('gives a phone stored as a number its leading 0 back', () => {
    expect(selSebagaiTeks(HP, 81277778888)).toBe('081277778888');
    expect(selSebagaiTeks(HP, 6281277778888)).toBe('6281277778888');
  });
  it('leaves text and other numbers as they were', () => {
    expect(selSebagaiTeks(NIK, '3402084107650003')).toBe('3402084107650003');
    expect(selSebagaiTeks({ name: 'janji', label: 'Janji', type: 'jumlah' }, 1250000)).toBe('1250000');
    expect(selSebagaiTeks(NIK, undefined)).toBe('');
  });
});
