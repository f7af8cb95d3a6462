// laporan triwulan at a terminal offers the quarter that ended last; a script still names it.
import { describe, expect, it } from 'vitest';
import { scriptedPrompter } from '../../src/cli/prompter.js';
import { unitBaru, wksbm } from '../helpers.js';

async function periodeBawaan(hariIni: string): Promise<unknown> {
  const db = await unitBaru();
  const log: string[] = [];
  const prompter = scriptedPrompter([undefined /* tahun */, undefined /* triwulan */], log);
  const r = await wksbm(db, ['--json', 'laporan', 'triwulan'], { prompter, env: { WKSBM_HARI_INI: hariIni } });
  expect(r.code, r.stderr).toBe(0);
  expect(log).toHaveLength(2);
  const { tahun, triwulan } = r.json().periode;
  return { tahun, triwulan };
}

describe('laporan triwulan: the default quarter', () => {
  it('on 5 October offers triwulan III of the same year', async () => {
    expect(await periodeBawaan('2026-10-05')).toEqual({ tahun: 2026, triwulan: 3 });
  });

  it('on 15 January offers triwulan IV of last year', async () => {
    expect(await periodeBawaan('2027-01-15')).toEqual({ tahun: 2026, triwulan: 4 });
  });

  it('in a script the quarter is still required', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, ['--json', 'laporan', 'triwulan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/triwulan/);
  });
});
