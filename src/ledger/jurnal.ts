// `periksa` over the journal: the chain must hold, and every row of every journalled book must be
// what its last journal entry says; a row with no entry was inserted outside the tool, an entry
// with no row names a row deleted outside it, and a differing row names its first changed field.
import type { Kysely } from 'kysely';
import { type BarisJurnal, isiAktaAnonim, semuaBaris, semuaJurnal } from '../db/jurnal-repo.js';
import type { Database } from '../db/types.js';
import { hashTercatat, type IsiAnonim, type PetaGanti, petaGanti } from '../domain/anonim.js';
import { BUKU_JURNAL, GENESIS_JURNAL, hashJurnal, hashLot, kolomBeda } from '../domain/jurnal.js';
import { pesan } from '../domain/pesan.js';

export interface TemuanJurnal {
  jenis: 'jurnal';
  pesan: string;
  id?: number;
}

/** The rows the erasure acts rewrote, for every checker that recomputes a hash. */
export async function petaGantiJurnal(db: Kysely<Database>): Promise<PetaGanti> {
  return petaGanti((await isiAktaAnonim(db)).map((isi) => JSON.parse(isi) as IsiAnonim));
}

export async function periksaJurnal(db: Kysely<Database>, peta?: PetaGanti): Promise<TemuanJurnal[]> {
  const jurnal = await semuaJurnal(db);
  const temuan = periksaRantai(jurnal, peta ?? (await petaGantiJurnal(db)));
  // an erasure act describes a rewrite, not a row: the row's state is the entry after it
  const terakhir = new Map(jurnal.filter((e) => e.aksi !== 'anonimkan').map((e) => [`${e.buku}/${e.uid}`, e]));
  for (const buku of BUKU_JURNAL) {
    for (const row of await semuaBaris(db, buku)) {
      const id = Number(row.id);
      const kunci = `${buku}/${String(row.uid)}`;
      const e = terakhir.get(kunci);
      terakhir.delete(kunci);
      if (!e || e.aksi === 'hapus') temuan.push({ jenis: 'jurnal', id, pesan: pesan.jurnalBarisAsing(buku, id) });
      else {
        const kolom = kolomBeda(row, e.isi);
        if (kolom.length) temuan.push({ jenis: 'jurnal', id, pesan: pesan.jurnalKolomBeda(buku, id, kolom) });
      }
    }
  }
  for (const e of terakhir.values()) {
    if (e.aksi === 'hapus') continue;
    const id = (JSON.parse(e.isi) as { id?: number }).id;
    temuan.push({ jenis: 'jurnal', pesan: pesan.jurnalBarisHilang(e.buku, String(id ?? e.uid)) });
  }
  return temuan;
}

/**
 * Each entry must follow the hash before it: alone, by its own hash; in a lot written by a bulk import, the lot's
 * entries carry an empty hash and the last one holds the digest of them all (hashLot).
 */
function periksaRantai(jurnal: BarisJurnal[], peta: PetaGanti): TemuanJurnal[] {
  let sebelum = GENESIS_JURNAL;
  let lot: BarisJurnal[] = [];
  const putus = (e: BarisJurnal) => [{ jenis: 'jurnal' as const, id: e.id, pesan: pesan.jurnalPutus(e.id) }];
  for (const e of jurnal) {
    if (e.hash_sebelum !== sebelum) return putus(lot[0] ?? e);
    if (e.hash === '') {
      lot.push(e);
      continue;
    }
    const hash = lot.length ? hashLot(sebelum, [...lot, e]) : hashJurnal(sebelum, e);
    if (hashTercatat(peta, 'jurnal', e.id, hash) !== e.hash) return putus(lot[0] ?? e);
    sebelum = e.hash;
    lot = [];
  }
  return lot.length ? putus(lot[0]!) : [];
}
