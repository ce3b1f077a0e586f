import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { useTestDb } from '../../test/helpers/app.ts';
import { systemClock } from '../platform/clock.ts';
import { testConfig } from '../platform/config.ts';
import { getService } from '../modules/socialmap/records/services.service.ts';
import { setupSocialmapTenants, GRONINGEN } from '../modules/socialmap/socialmap.test-support.ts';
import { HSDS_DIR } from '../modules/socialmap/hsds/validate.test-support.ts';
import { importHsdsCommand } from './import-hsds.ts';

const EXAMPLE = join(HSDS_DIR, 'examples', 'service_full.json');

describe('samenhang import-hsds', () => {
  const ctx = useTestDb();
  const run = (...args: string[]) =>
    importHsdsCommand({
      config: testConfig(),
      database: { ...ctx.database, close: async () => undefined },
      clock: systemClock,
      args,
      parseArgs,
    });
  before(async () => setupSocialmapTenants(ctx.database.db));

  it('exits with 2 on bad usage, an unknown tenant or a file that is not JSON', async () => {
    assert.equal(await run(EXAMPLE), 2, 'no tenant');
    assert.equal(await run('--tenant', 'groningen'), 2, 'no file');
    assert.equal(await run(EXAMPLE, '--tenant', 'atlantis'), 2);
    assert.equal(await run('/does/not/exist.json', '--tenant', 'groningen'), 2);
    const dir = mkdtempSync(join(tmpdir(), 'sh-hsds-'));
    writeFileSync(join(dir, 'bad.json'), '{"id": ');
    assert.equal(await run(join(dir, 'bad.json'), '--tenant', 'groningen'), 2);
  });

  it('rejects the example without --allow-outside (its location is not in the municipality) and imports it with it', async () => {
    assert.equal(await run(EXAMPLE, '--tenant', 'groningen'), 1);
    assert.equal(await getService(ctx.database.db, GRONINGEN.id, 'ac148810-d857-441c-9679-408f346de14b'), null, 'nothing written');
    assert.equal(await run(EXAMPLE, '--tenant', 'GM0014', '--allow-outside'), 0);
    assert.equal((await getService(ctx.database.db, GRONINGEN.id, 'ac148810-d857-441c-9679-408f346de14b'))?.name, 'Community Counselling');
  });
});
