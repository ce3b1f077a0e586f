import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { useTestDb } from '../../test/helpers/app.ts';
import { fixedClock } from '../platform/clock.ts';
import { testConfig } from '../platform/config.ts';
import { translator } from '../platform/i18n/index.ts';
import { systemPrincipal } from '../platform/principal.ts';
import { listMeasurements } from '../modules/monitor/core/core.store.ts';
import { importMonitorFile, listMonitorImports } from '../modules/monitor/import/import.service.ts';
import { importSummaryText } from '../modules/monitor/import/import.presenter.ts';
import { BUURT_1, KRIMPEN, setupMonitorImport, TEST_NOW, WIJK } from '../modules/monitor/import/import.test-support.ts';
import { commands } from './commands.ts';
import { importMonitorCommand } from './import-monitor.ts';

const BAD = `PERIOD;GEOLEVEL;GEOITEM;wm09_active;wm07_cohesion\n2024;wijk;${WIJK};21,5;6,4\n2024;buurt;${BUURT_1};19;12\n2024-Q7;buurt;${BUURT_1};19;6\n`;
const GOOD = `PERIOD;GEOLEVEL;GEOITEM;wm09_active;wm07_cohesion\n2024;wijk;${WIJK};21,5;6,4\n2024;buurt;${BUURT_1};19;6,0\n`;

describe('samenhang import-monitor', () => {
  const ctx = useTestDb();
  const dir = mkdtempSync(join(tmpdir(), 'sh-monitor-'));
  // The command closes its database when done; the test keeps it open for the next case.
  const run = (...args: string[]) =>
    importMonitorCommand({
      config: testConfig(),
      database: { ...ctx.database, close: async () => undefined },
      clock: fixedClock(TEST_NOW.toISOString()),
      args,
      parseArgs,
    });
  before(async () => {
    await setupMonitorImport(ctx.database.db);
    writeFileSync(join(dir, 'slecht.csv'), BAD);
    writeFileSync(join(dir, 'goed.csv'), GOOD);
  });

  it('is a command of the command line (loaded when it runs): without a file it prints the usage and exits 2', async () => {
    const code = await commands['import-monitor']!({
      config: testConfig(),
      database: { ...ctx.database, close: async () => undefined },
      clock: fixedClock(TEST_NOW.toISOString()),
      args: [],
      parseArgs,
    });
    assert.equal(code, 2);
  });

  it('exits with 1 for a file with bad rows, writing nothing; the summary names each row and reason', async () => {
    assert.equal(await run(join(dir, 'slecht.csv'), '--tenant', KRIMPEN.slug), 1);
    assert.deepEqual(await listMeasurements(ctx.database.db, KRIMPEN.id), []);
    const log = await listMonitorImports(ctx.database.db, systemPrincipal(KRIMPEN.id, TEST_NOW), KRIMPEN.id);
    assert.equal(log[0]?.outcome, 'rejected');
    assert.equal(log[0]?.fileName, 'slecht.csv', 'the name only, not the folder');
    // (stdout is the test runner's channel: the output is checked through the summary function.)
    const report = await importMonitorFile(ctx.database.db, systemPrincipal(KRIMPEN.id, TEST_NOW), {
      tenantId: KRIMPEN.id,
      fileName: 'slecht.csv',
      bytes: Buffer.from(BAD),
      now: TEST_NOW,
    });
    const text = importSummaryText(translator('nl'), report);
    assert.match(
      text,
      /^Niets is opgeslagen\. Aantal regels die niet kloppen: 2\. Zie de lijst hieronder\.\nNieuw: 0\nBijgewerkt: 0\nAfgewezen: 2\n/,
    );
    assert.match(text, /regel 3: wm07_cohesion: 12 is geen rapportcijfer \(0 tot en met 10\)\./);
    assert.match(text, /regel 4: Onbekende periode "2024-Q7": schrijf 2024, 2024-Q3 of 2024-11\./);
  });

  it('exits with 0 for a good file, by slug or by code, with --format', async () => {
    assert.equal(await run(join(dir, 'goed.csv'), '--tenant', KRIMPEN.id, '--format', 'csv'), 0);
    const rows = await listMeasurements(ctx.database.db, KRIMPEN.id, { indicatorCodes: ['wm07_cohesion'] });
    assert.deepEqual(
      rows.map((r) => [r.areaCode, r.value]),
      [
        [BUURT_1, 6],
        [WIJK, 6.4],
      ],
    );
    const report = await importMonitorFile(ctx.database.db, systemPrincipal(KRIMPEN.id, TEST_NOW), {
      tenantId: KRIMPEN.id,
      fileName: 'goed.csv',
      bytes: Buffer.from(GOOD),
      now: TEST_NOW,
    });
    assert.match(importSummaryText(translator('nl'), report), /^De cijfers zijn opgeslagen\.\nNieuw: 0\nBijgewerkt: 4\nAfgewezen: 0\n$/);
  });

  it('exits with 2 on bad use', async () => {
    const good = join(dir, 'goed.csv');
    assert.equal(await run(good), 2, 'no tenant');
    assert.equal(await run(good, '--tenant', 'bestaat-niet'), 2);
    assert.equal(await run('/does/not/exist.csv', '--tenant', KRIMPEN.slug), 2);
    assert.equal(await run(good, good, '--tenant', KRIMPEN.slug), 2, 'two files');
    assert.equal(await run(good, '--tenant', KRIMPEN.slug, '--format', 'ods'), 2);
    assert.equal(await run(good, '--tenant', KRIMPEN.slug, '--period', 'vorig'), 2);
    assert.equal(await run(good, '--tenant', KRIMPEN.slug, '--unknown-flag'), 2);
  });
});
