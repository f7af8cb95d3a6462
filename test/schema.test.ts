import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('schema snapshot', () => {
  it('schema/schema.sql is the migrated schema (refresh with `npm run schema`)', async () => {
    // @ts-expect-error plain JS script
    const { migratedSchema } = await import('../scripts/schema.js');
    const committed = fs.readFileSync(path.join(ROOT, 'schema', 'schema.sql'), 'utf8');
    expect(committed, 'schema/schema.sql is stale: run `npm run schema`').toBe(await migratedSchema());
  });
});
