import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { useTestDb } from '../../test/helpers/app.ts';
import { systemClock } from '../platform/clock.ts';
import { testConfig } from '../platform/config.ts';
import { getArea } from '../modules/areas/areas.service.ts';
import { importAreasCommand } from './import-areas.ts';

const WIJKEN = 'seed-data/cbs/cbs_wijken_2024_pilotgemeenten.geojson';

describe('samenhang import-areas', () => {
  const ctx = useTestDb();
  // The command closes its database when done; the test keeps it open for the next case.
  const run = (...args: string[]) =>
    importAreasCommand({
      config: testConfig(),
      database: { ...ctx.database, close: async () => undefined },
      clock: systemClock,
      args,
      parseArgs,
    });

  it('exits with 2 on bad input and an unknown tenant', async () => {
    assert.equal(await run(WIJKEN), 2, 'no tenant');
    assert.equal(await run(WIJKEN, '--tenant', 'GM54'), 2);
    assert.equal(await run(WIJKEN, '--tenant', 'GM0542', '--level', 'provincie'), 2);
    assert.equal(await run(WIJKEN, '--tenant', 'GM0542', '--year', 'vorig'), 2);
    assert.equal(await run('/does/not/exist.geojson', '--tenant', 'GM0542'), 2);
    assert.equal(await run(WIJKEN, '--tenant', 'GM0542', '--unknown-flag'), 2);
    assert.equal(await run(WIJKEN, '--tenant', 'GM0542'), 2, 'tenant does not exist');
    assert.equal(await run(WIJKEN, '--tenant', 'GM0542', '--create-tenant'), 2, 'no slug and name');
    assert.equal(await getArea(ctx.database.db, 'GM0542', 'WK054200'), null);
  });

  it('creates the tenant when asked and imports its wijken; other municipalities are rejected', async () => {
    const code = await run(
      WIJKEN,
      '--tenant',
      'GM0542',
      '--create-tenant',
      '--slug',
      'krimpen-aan-den-ijssel',
      '--name',
      'Krimpen aan den IJssel',
    );
    assert.equal(code, 0);
    const wijk = await getArea(ctx.database.db, 'GM0542', 'WK054200');
    assert.equal(wijk?.stats.inhabitants, 29625);
    assert.equal(await getArea(ctx.database.db, 'GM0542', 'WK001400'), null);
  });

  it('exits with 2 for a file that is not GeoJSON, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sh-import-'));
    const file = join(dir, 'bad.geojson');
    writeFileSync(file, '{"type":"FeatureCollection","features":[{"type":"Feature"');
    assert.equal(await run(file, '--tenant', 'GM0542'), 2);
    writeFileSync(file, '[1,2,3]');
    assert.equal(await run(file, '--tenant', 'GM0542'), 2);
  });
});
