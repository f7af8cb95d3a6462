// `periksa` over the journal: the chain must hold, and every row of every journalled book must be
// what its last journal entry says; a row with no entry was inserted outside the tool, an entry
// with no row names a row deleted outside it, and a differing row names its first changed field.
import type { Ledger } from '../db/connection.js';
import { type BarisJurnal, iterBaris, iterJurnal } from '../db/jurnal-repo.js';
import { BUKU_JURNAL, GENESIS_JURNAL, hashJurnal, isiJurnal, kolomBeda } from '../domain/jurnal.js';
import { pesan } from '../domain/pesan.js';

export interface TemuanJurnal {
  jenis: 'jurnal';
  pesan: string;
  id?: number;
}

/** The journal's last word on each row, by `buku/uid`: what its row must still hold. */
type Terakhir = Map<string, Pick<BarisJurnal, 'buku' | 'uid' | 'aksi' | 'isi'>>;

/**
 * Streams the journal (its chain checked on the way, only each row's last entry kept), then each
 * journalled book, row by row.
 */
export function periksaJurnal(ledger: Pick<Ledger, 'sqlite'>): TemuanJurnal[] {
  const terakhir: Terakhir = new Map();
  const temuan = periksaRantai(iterJurnal(ledger.sqlite), terakhir);
  for (const buku of BUKU_JURNAL) {
    for (const row of iterBaris(ledger.sqlite, buku)) {
      const id = Number(row.id);
      const kunci = `${buku}/${String(row.uid)}`;
      const e = terakhir.get(kunci);
      terakhir.delete(kunci);
      if (!e || e.aksi === 'hapus') temuan.push({ jenis: 'jurnal', id, pesan: pesan.jurnalBarisAsing(buku, id) });
      else if (isiJurnal(row) !== e.isi) {
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

/** The chain over the whole journal (its first break is the finding), noting each row's last entry. */
function periksaRantai(jurnal: Iterable<BarisJurnal>, terakhir: Terakhir): TemuanJurnal[] {
  let sebelum = GENESIS_JURNAL;
  let putus: TemuanJurnal[] = [];
  for (const e of jurnal) {
    terakhir.set(`${e.buku}/${e.uid}`, { buku: e.buku, uid: e.uid, aksi: e.aksi, isi: e.isi });
    if (putus.length) continue;
    if (e.hash_sebelum !== sebelum || hashJurnal(sebelum, e) !== e.hash)
      putus = [{ jenis: 'jurnal', id: e.id, pesan: pesan.jurnalPutus(e.id) }];
    sebelum = e.hash;
  }
  return putus;
}
