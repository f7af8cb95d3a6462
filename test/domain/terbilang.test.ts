import { describe, expect, it } from 'vitest';
import { terbilang, terbilangKalimat } from '../../src/domain/terbilang.js';

describe('terbilang', () => {
  it.each([
    [0, 'nol rupiah'],
    [1, 'satu rupiah'],
    [9, 'sembilan rupiah'],
    [10, 'sepuluh rupiah'],
    [11, 'sebelas rupiah'],
    [12, 'dua belas rupiah'],
    [19, 'sembilan belas rupiah'],
    [20, 'dua puluh rupiah'],
    [21, 'dua puluh satu rupiah'],
    [99, 'sembilan puluh sembilan rupiah'],
    [100, 'seratus rupiah'],
    [101, 'seratus satu rupiah'],
    [110, 'seratus sepuluh rupiah'],
    [111, 'seratus sebelas rupiah'],
    [200, 'dua ratus rupiah'],
    [999, 'sembilan ratus sembilan puluh sembilan rupiah'],
    [1_000, 'seribu rupiah'],
    [1_001, 'seribu satu rupiah'],
    [1_100, 'seribu seratus rupiah'],
    [1_111, 'seribu seratus sebelas rupiah'],
    [2_000, 'dua ribu rupiah'],
    [11_000, 'sebelas ribu rupiah'],
    [100_000, 'seratus ribu rupiah'],
    [111_011, 'seratus sebelas ribu sebelas rupiah'],
    [1_000_000, 'satu juta rupiah'],
    [1_001_000, 'satu juta seribu rupiah'],
    [1_500_000, 'satu juta lima ratus ribu rupiah'],
    [1_250_000, 'satu juta dua ratus lima puluh ribu rupiah'],
    [11_000_000, 'sebelas juta rupiah'],
    [100_000_000, 'seratus juta rupiah'],
    [1_000_000_000, 'satu miliar rupiah'],
    [2_000_000_000, 'dua miliar rupiah'],
    [1_000_001_000, 'satu miliar seribu rupiah'],
    [1_000_000_000_000, 'satu triliun rupiah'],
    [
      999_999_999_999_999,
      `${'sembilan ratus sembilan puluh sembilan '.repeat(1)}triliun ${['miliar', 'juta', 'ribu']
        .map((k) => `sembilan ratus sembilan puluh sembilan ${k}`)
        .join(' ')} sembilan ratus sembilan puluh sembilan rupiah`,
    ],
    [-45_000, 'minus empat puluh lima ribu rupiah'],
  ])('%i → %s', (n, kata) => {
    expect(terbilang(n)).toBe(kata);
  });

  it('never writes "satu ratus", "satu ribu", "satu belas" or doubled spaces', () => {
    for (let n = 0; n <= 200_000; n += 37) {
      const t = terbilang(n);
      expect(t, String(n)).not.toMatch(/\bsatu (ratus|belas|puluh)|(^|juta |miliar )satu ribu|\s{2}|^ | $/);
    }
  });

  it('refuses what is not whole rupiah', () => {
    expect(() => terbilang(1.5)).toThrow();
  });

  it('capitalises the sentence form', () => {
    expect(terbilangKalimat(1_500_000)).toBe('Satu juta lima ratus ribu rupiah');
  });
});
