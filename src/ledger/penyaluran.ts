// Aid to a PPKS and death benefits: the voucher (or the stock-out) and the book-8 record are written
// together in the caller's transaction, so one never exists without the other.

import type { Kas } from '../db/kas-repo.js';
import type { Natura } from '../db/natura-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import { getBaris, insertBaris, updateDenganJejak } from '../db/register-repo.js';
import type { Tx } from '../db/transaction.js';
import { UserError } from '../domain/errors.js';
import { NOL, type Rupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { postNatura } from './natura.js';
import { postEntry } from './posting.js';

export interface PenyaluranBaru {
  ppks_id: number;
  /** for the default description */
  ppks_nama: string;
  layanan: string;
  tanggal: string;
  bentuk: 'uang' | 'barang';
  jumlah?: Rupiah | null;
  dana?: string | null;
  akun?: string | null;
  asnaf?: string | null;
  barang?: string | null;
  satuan?: string | null;
  kuantitas_mili?: number | null;
  kegiatan_id?: number | null;
  uraian?: string | null;
}

export async function salurkan(
  tx: Tx,
  p: PenyaluranBaru,
  ref: Referensi,
  waktu: string,
): Promise<{ id: number; kas?: Kas; natura?: Natura }> {
  if (!ref.layanan.some((l) => l.kode === p.layanan))
    throw new UserError(
      pesan.pilihanTidakDikenal(
        'layanan',
        p.layanan,
        ref.layanan.map((l) => l.kode),
      ),
    );
  const uraian = p.uraian ?? pesan.uraianPenyaluran(p.layanan, p.ppks_nama);
  let kas: Kas | undefined;
  let natura: Natura | undefined;
  if (p.bentuk === 'uang') {
    kas = await postEntry(
      tx,
      {
        arah: 'keluar',
        jenis: 'penyaluran',
        layanan: p.layanan,
        asnaf: p.asnaf ?? null,
        jumlah: p.jumlah ?? NOL,
        dana: p.dana ?? 'umum',
        akun: p.akun ?? 'tunai',
        tanggal: p.tanggal,
        kegiatan_id: p.kegiatan_id ?? null,
        uraian,
      },
      ref,
      waktu,
    );
  } else {
    natura = await postNatura(
      tx,
      {
        arah: 'keluar',
        tujuan: 'penyaluran',
        barang: String(p.barang),
        satuan: p.satuan ?? null,
        kuantitas_mili: Number(p.kuantitas_mili),
        tanggal: p.tanggal,
        uraian,
      },
      ref,
      waktu,
    );
  }
  const id = await insertBaris(tx, 'penyaluran', {
    tanggal: p.tanggal,
    ppks_id: p.ppks_id,
    layanan: p.layanan,
    bentuk: p.bentuk,
    kas_id: kas?.id ?? null,
    natura_id: natura?.id ?? null,
    asnaf: p.asnaf ?? null,
    kegiatan_id: p.kegiatan_id ?? null,
    uraian,
    dibuat: waktu,
  });
  return { id, kas, natura };
}

export interface SantunanBaru {
  almarhum: string;
  tanggal_wafat: string;
  ahli_waris: string;
  hubungan: string;
  alamat?: string | null;
  jumlah: Rupiah;
  dana: string;
  akun: string;
  tanggal: string;
  uraian?: string | null;
  ppks_id?: number | null;
}

/**
 * A death benefit: a BKK of kind santunan_kematian (from the death fund by default) and its record. For a
 * registered PPKS the same transaction marks them meninggal from the day of death, kept in the audit trail.
 */
export async function bayarSantunan(
  tx: Tx,
  s: SantunanBaru,
  ref: Referensi,
  waktu: string,
  oleh = 'wksbm',
): Promise<{ id: number; kas: Kas }> {
  const uraian = s.uraian ?? pesan.uraianSantunan(s.almarhum, s.ahli_waris);
  const kas = await postEntry(
    tx,
    {
      arah: 'keluar',
      jenis: 'santunan_kematian',
      jumlah: s.jumlah,
      dana: s.dana,
      akun: s.akun,
      tanggal: s.tanggal,
      uraian,
    },
    ref,
    waktu,
  );
  const ppks_id = s.ppks_id ?? null;
  const id = await insertBaris(tx, 'santunan', {
    kas_id: kas.id,
    almarhum: s.almarhum,
    tanggal_wafat: s.tanggal_wafat,
    ahli_waris: s.ahli_waris,
    hubungan: s.hubungan,
    alamat: s.alamat ?? null,
    ppks_id,
    dibuat: waktu,
  });
  if (ppks_id !== null) await tandaiMeninggal(tx, ppks_id, s.tanggal_wafat, oleh, waktu);
  return { id, kas };
}

async function tandaiMeninggal(tx: Tx, id: number, tanggal: string, oleh: string, waktu: string): Promise<void> {
  const lama = await getBaris(tx, 'ppks', id);
  if (!lama) throw new UserError(pesan.ppksTidakAda(String(id)));
  const ubahan = [
    { kolom: 'status', lama: lama.status, baru: 'meninggal' },
    { kolom: 'tanggal_meninggal', lama: lama.tanggal_meninggal, baru: tanggal },
  ].filter((u) => (u.lama ?? null) !== u.baru);
  await updateDenganJejak(tx, 'ppks', id, ubahan, oleh, waktu);
}
