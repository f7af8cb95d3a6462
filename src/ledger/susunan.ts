// The file's own rules, its tables, indexes and triggers, against what the migrations create (skema-harapan.ts): a
// rule dropped or rewritten outside the tool is found, not only the rows it then let in. Each must be there, word
// for word (spacing aside). A trigger the tool did not make is found too: it can change what is written. A table or
// index added beside the tool's loosens no rule and is left alone.
import { daftarSkema, type ObjekSkema } from '../db/check-repo.js';
import type { Ledger } from '../db/connection.js';
import { skemaHarapan } from '../db/skema-harapan.js';
import { pesan } from '../domain/pesan.js';

export interface TemuanSusunan {
  jenis: 'pemicu' | 'susunan';
  pesan: string;
}

const rapi = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function periksaSusunan(db: Ledger['db']): Promise<TemuanSusunan[]> {
  const ada = new Map((await daftarSkema(db)).map((o) => [`${o.type}:${o.name}`, o]));
  const temuan: TemuanSusunan[] = [];
  for (const h of await skemaHarapan()) {
    const o = ada.get(`${h.type}:${h.name}`);
    ada.delete(`${h.type}:${h.name}`);
    if (!o) temuan.push(hilang(h));
    else if (rapi(o.sql) !== rapi(h.sql)) temuan.push(diubah(h));
  }
  for (const o of ada.values())
    if (o.type === 'trigger') temuan.push({ jenis: 'pemicu', pesan: pesan.pemicuAsing(o.name, o.tbl_name) });
  return temuan;
}

function hilang(h: ObjekSkema): TemuanSusunan {
  if (h.type === 'trigger') return { jenis: 'pemicu', pesan: pesan.pemicuHilang(h.name, h.tbl_name) };
  return {
    jenis: 'susunan',
    pesan: h.type === 'table' ? pesan.tabelHilang(h.name) : pesan.indeksHilang(h.name, h.tbl_name),
  };
}

function diubah(h: ObjekSkema): TemuanSusunan {
  if (h.type === 'trigger') return { jenis: 'pemicu', pesan: pesan.pemicuDiubah(h.name, h.tbl_name) };
  return {
    jenis: 'susunan',
    pesan: h.type === 'table' ? pesan.tabelDiubah(h.name) : pesan.indeksDiubah(h.name, h.tbl_name),
  };
}
