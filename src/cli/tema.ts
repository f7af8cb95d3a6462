// The prompt library's own words, in Indonesian: key hints, yes/no, its fallback error messages.
import { styleText } from 'node:util';

const TOMBOL: Record<string, string> = {
  navigate: 'pindah',
  select: 'pilih',
  submit: 'selesai',
  all: 'semua',
  invert: 'balik',
  space: 'spasi',
};

const kata = (s: string) => TOMBOL[s] ?? s;

/** `↑↓ pindah • ⏎ pilih`, whatever keys a prompt lists. */
export function petunjukTombol(keys: [string, string][]): string {
  return keys
    .map(([k, a]) => `${styleText('bold', kata(k))} ${styleText('dim', kata(a))}`)
    .join(styleText('dim', ' • '));
}

export const temaPilih = {
  style: { keysHelpTip: petunjukTombol },
  i18n: { disabledError: 'Pilihan ini tidak bisa dipilih.' },
};

export const temaCari = { style: { keysHelpTip: petunjukTombol } };

export const temaCentang = { style: { keysHelpTip: petunjukTombol } };

export const temaYaTidak = {
  keywords: {
    yes: 'Ya',
    no: 'Tidak',
    error: () => 'Jawab y (ya) atau t (tidak).',
  },
};
