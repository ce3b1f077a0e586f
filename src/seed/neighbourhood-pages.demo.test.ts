/**
 * Acceptance of issue 13: the neighbourhood page of every wijk and buurt of the three demo
 * municipalities shows all four functions of cohesion, each with figures or an honest "no data yet"
 * that says what would fill it — after the demo seed, the monitor's recompute job and the
 * area-summaries job have run, as on a fresh `npm start`.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../test/helpers/app.ts';
import { refreshAreaSummaries } from '../../test/helpers/summaries.ts';
import { testConfig } from '../platform/config.ts';
import { allJobHandlers } from '../platform/jobs/handlers.ts';
import { COHESION_FUNCTIONS } from '../platform/module.ts';
import { listTenants } from '../platform/tenants/tenants.service.ts';
import { listAreas } from '../modules/areas/areas.service.ts';
import { MODULES } from '../modules/index.ts';

describe('the demo neighbourhood pages (issue 13 acceptance)', () => {
  // The demo data, seeded once per run into a template (test/helpers/db.ts).
  const ctx = useTestApp({}, { demo: true });
  before(async () => {
    const db = ctx.database.db;
    const now = ctx.clock.now();
    await allJobHandlers(MODULES)['monitor.recompute']!({ db, config: testConfig(), payload: {}, tenantId: null, now });
    for (const t of await listTenants(db)) await refreshAreaSummaries(ctx.app, t.id);
  });

  it('every wijk and buurt shows the four functions, each with figures or "no data yet" and what would fill it', async () => {
    let pages = 0;
    const withFigures = new Map<string, number>(COHESION_FUNCTIONS.map((fn) => [fn, 0]));
    for (const t of await listTenants(ctx.database.db)) {
      for (const area of await listAreas(ctx.database.db, t.id)) {
        if (area.level === 'municipality') continue;
        const res = await ctx.app.inject({ method: 'GET', url: `/${t.slug}/wijken/${area.code}` });
        assert.equal(res.statusCode, 200, `${t.slug} ${area.code}`);
        for (const fn of COHESION_FUNCTIONS) {
          const start = res.body.indexOf(`area-block--${fn}"`);
          assert.ok(start > 0, `${area.code}: the ${fn} block`);
          const next = COHESION_FUNCTIONS.map((f) => res.body.indexOf(`area-block--${f}"`, start + 1)).filter((i) => i > start);
          const block = res.body.slice(start, next.length ? Math.min(...next) : res.body.indexOf('</main>'));
          if (block.includes('area-block__empty')) {
            assert.match(block, /Nog geen gegevens\.<\/strong> Dit vul(t|len) /, `${area.code} ${fn}: says what would fill it`);
          } else {
            assert.match(block, /\d/, `${area.code} ${fn}: a block with content shows figures`);
            withFigures.set(fn, withFigures.get(fn)! + 1);
          }
        }
        pages += 1;
      }
    }
    assert.ok(pages > 100, `all wijken and buurten of the three municipalities (${pages})`);
    // The demo fills every function somewhere: meeting (social map), knowing (the demo survey and
    // Heerhugowaard's Wijkmonitor), helping (help and signals), doing together (the Wijkmonitor).
    for (const fn of COHESION_FUNCTIONS) assert.ok(withFigures.get(fn)! > 0, `${fn} has figures somewhere`);
  });
});
