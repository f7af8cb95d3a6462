// Amounts in words, as a receipt (kwitansi) spells them: "satu juta lima ratus ribu rupiah".

const SATUAN = [
  '',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
];

/** 1–999 in words: "sebelas", "seratus", "dua belas", "sembilan ratus sembilan puluh sembilan". */
function ratusan(n: number): string {
  if (n < 12) return SATUAN[n]!;
  if (n < 20) return `${SATUAN[n - 10]} belas`;
  if (n < 100) return `${SATUAN[Math.floor(n / 10)]} puluh ${ratusan(n % 10)}`.trim();
  if (n < 200) return `seratus ${ratusan(n - 100)}`.trim();
  return `${SATUAN[Math.floor(n / 100)]} ratus ${ratusan(n % 100)}`.trim();
}

const KELOMPOK: [number, string][] = [
  [1e12, 'triliun'],
  [1e9, 'miliar'],
  [1e6, 'juta'],
  [1e3, 'ribu'],
];

/** Whole rupiah in words: 1250000 → "satu juta dua ratus lima puluh ribu rupiah"; 1000 → "seribu rupiah". */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`bukan rupiah bulat: ${n}`);
  if (n === 0) return 'nol rupiah';
  let sisa = Math.abs(n);
  const kata: string[] = [];
  for (const [nilai, nama] of KELOMPOK) {
    const q = Math.floor(sisa / nilai);
    if (q > 0) {
      // only the thousands take the "se-" form: seribu, but satu juta, satu miliar
      kata.push(nilai === 1e3 && q === 1 ? 'seribu' : `${ratusan(q)} ${nama}`);
      sisa -= q * nilai;
    }
  }
  if (sisa > 0) kata.push(ratusan(sisa));
  return `${n < 0 ? 'minus ' : ''}${kata.join(' ')} rupiah`;
}

/** The words with a capital first letter, as written on the "Terbilang" line. */
export function terbilangKalimat(n: number): string {
  const t = terbilang(n);
  return t.charAt(0).toUpperCase() + t.slice(1);
}
