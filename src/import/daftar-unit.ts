// The kabupaten's list of units for `rekap --unit`: a CSV (`;` or `,`, any common encoding) or an
// XLSX whose header names the unit, its kalurahan and kapanewon in any of the usual words.
import type { Field } from '../books/field.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { kunciUnit, type UnitDaftar } from '../reports/meja-dinas.js';
import { type BarisMentah, bukaTabel, type Sel } from './baca.js';
import { BATAS_JUDUL, type Peta, petakan } from './kolom.js';

const KOLOM: Field[] = [
  {
    name: 'kode',
    label: 'Kode unit',
    type: 'teks',
    sinonim: ['kode wksbm', 'kode lembaga', 'id unit', 'id wksbm', 'nomor unit', 'no unit', 'no register'],
  },
  {
    name: 'nama',
    label: 'Nama unit',
    type: 'teks',
    sinonim: ['nama wksbm', 'nama lembaga', 'wksbm', 'unit', 'lembaga', 'nama'],
  },
  { name: 'kapanewon', label: 'Kapanewon', type: 'teks', sinonim: ['kecamatan', 'kemantren', 'distrik'] },
  { name: 'kalurahan', label: 'Kalurahan', type: 'teks', sinonim: ['desa', 'kelurahan'] },
  { name: 'padukuhan', label: 'Padukuhan', type: 'teks', sinonim: ['dusun', 'dukuh', 'pedukuhan'] },
];
const WAJIB = ['nama', 'kalurahan', 'kapanewon'];

const kosong = (sel: Sel[]) => sel.every((s) => String(s).trim() === '');

export async function bacaDaftarUnit(berkas: string): Promise<UnitDaftar[]> {
  const tabel = await bukaTabel(berkas);
  const baris: BarisMentah[] = [];
  for await (const kumpulan of tabel.rows) for (const b of kumpulan) if (!kosong(b.sel)) baris.push(b);
  const i = baris.slice(0, BATAS_JUDUL).findIndex((b) => WAJIB.every((n) => petakan(b.sel, KOLOM, {}).has(n)));
  if (i < 0) throw new UserError(pesan.daftarUnitTanpaKolom(berkas), 'unit');
  const peta = petakan(baris[i]!.sel, KOLOM, {});
  const out = baris.slice(i + 1).map((b) => unitDari(b, peta));
  const dilihat = new Map<string, number>();
  for (const u of out) {
    const sudah = dilihat.get(kunciUnit(u));
    if (sudah) throw new UserError(pesan.daftarUnitGanda(u.nama, sudah, u.baris), 'unit');
    dilihat.set(kunciUnit(u), u.baris);
  }
  return out;
}

function unitDari(b: BarisMentah, peta: Peta): UnitDaftar {
  const isi = (n: string) => {
    const k = peta.get(n);
    return k === undefined ? '' : String(b.sel[k] ?? '').trim();
  };
  for (const n of WAJIB)
    if (!isi(n))
      throw new UserError(pesan.daftarUnitIsianKosong(b.baris, KOLOM.find((f) => f.name === n)!.label), 'unit');
  return {
    baris: b.baris,
    kode: isi('kode'),
    nama: isi('nama'),
    kapanewon: isi('kapanewon'),
    kalurahan: isi('kalurahan'),
    padukuhan: isi('padukuhan'),
  };
}
