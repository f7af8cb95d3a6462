// The unit profile (and book 13, the stamp, stored with it).
import type { Field } from './field.js';

export const PROFIL: Field[] = [
  { name: 'nama', label: 'nama unit WKSBM', type: 'teks', required: true },
  { name: 'padukuhan', label: 'padukuhan', type: 'teks', required: true },
  { name: 'kalurahan', label: 'kalurahan', type: 'teks', required: true },
  { name: 'kapanewon', label: 'kapanewon', type: 'teks', required: true },
  { name: 'kabupaten', label: 'kabupaten', type: 'teks' },
  { name: 'provinsi', label: 'provinsi', type: 'teks' },
  { name: 'alamat', label: 'alamat sekretariat', type: 'teks' },
  { name: 'sk_nomor', label: 'nomor SK pengukuhan', type: 'teks', flag: 'sk' },
  { name: 'sk_tanggal', label: 'tanggal SK', type: 'tanggal', flag: 'tanggal-sk' },
  { name: 'tanggal_berdiri', label: 'tanggal berdiri', type: 'tanggal' },
  { name: 'ketua', label: 'ketua', type: 'teks' },
  { name: 'hp_ketua', label: 'HP ketua', type: 'hp' },
  { name: 'sekretaris', label: 'sekretaris', type: 'teks' },
  { name: 'hp_sekretaris', label: 'HP sekretaris', type: 'hp' },
  { name: 'bendahara', label: 'bendahara', type: 'teks' },
  { name: 'hp_bendahara', label: 'HP bendahara', type: 'hp' },
  { name: 'lurah', label: 'nama Lurah', type: 'teks' },
  { name: 'sebutan_padukuhan', label: 'sebutan padukuhan (mis. Dusun)', type: 'teks' },
  { name: 'sebutan_kalurahan', label: 'sebutan kalurahan (mis. Desa)', type: 'teks' },
  { name: 'sebutan_kapanewon', label: 'sebutan kapanewon (mis. Kecamatan)', type: 'teks' },
  { name: 'sebutan_kabupaten', label: 'sebutan kabupaten (mis. Kota)', type: 'teks' },
  { name: 'sebutan_lurah', label: 'sebutan lurah (mis. Kepala Desa)', type: 'teks' },
];

/** Fields asked by `init` at a terminal; the rest keep their defaults and are set with `profil ubah`. */
export const PROFIL_INIT = ['nama', 'padukuhan', 'kalurahan', 'kapanewon', 'kabupaten', 'provinsi', 'sk_nomor', 'sk_tanggal', 'ketua', 'sekretaris', 'bendahara', 'lurah'];

export const BAWAAN_PROFIL: Record<string, string> = {
  kabupaten: 'Bantul',
  provinsi: 'DI Yogyakarta',
  sebutan_padukuhan: 'Padukuhan',
  sebutan_kalurahan: 'Kalurahan',
  sebutan_kapanewon: 'Kapanewon',
  sebutan_kabupaten: 'Kabupaten',
  sebutan_lurah: 'Lurah',
};
