/**
 * The full neighbourhood page through the real app: monitor figures written through the core
 * store, the summaries job run (test/helpers/summaries.ts), then the page of a Heerhugowaard wijk
 * shows them in their function's block, with the demo label and "Bijgewerkt op"; the functions
 * without figures say "Nog geen gegevens" and what would fill them.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { refreshAreaSummaries } from '../../../../test/helpers/summaries.ts';
import { importDemoAreas } from '../../areas/areas.service.ts';
import { ensureIndicators, upsertMeasurements } from '../core/core.store.ts';

const HHW = { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' };
const WIJK = 'WK198010';

describe('the neighbourhood page with the monitor (route)', () => {
  const ctx = useTestApp();
  before(async () => {
    const db = ctx.database.db;
    await importDemoAreas(db, { now: new Date('2026-11-23T10:00:00Z'), tenants: [HHW], dataDir: 'seed-data/cbs' });
    await ensureIndicators(db, HHW.id, [
      {
        code: 'wm09_active',
        nameNl: 'Actief in de wijk',
        nameEn: 'Active in the district',
        unit: 'percent',
        direction: 'up',
        source: 'survey',
        theme: 'together',
      },
    ]);
    await upsertMeasurements(
      db,
      HHW.id,
      [
        { indicatorCode: 'wm09_active', areaCode: WIJK, period: '2025', value: 17, isDemo: true },
        { indicatorCode: 'wm09_active', areaCode: WIJK, period: '2026', value: 19, isDemo: true },
        { indicatorCode: 'wm09_active', areaCode: HHW.id, period: '2026', value: 20, isDemo: true },
      ],
      new Date('2026-11-23T10:00:00Z'),
    );
    await refreshAreaSummaries(ctx.app, HHW.id);
  });

  it('shows the figure in the "Samen doen" block, with its trend table, the demo label and when it was computed', async () => {
    const res = await new TestBrowser(ctx.app).get(`/heerhugowaard/wijken/${WIJK}`);
    assert.equal(res.statusCode, 200);
    const block = (fn: string) =>
      new RegExp(
        `<section class="section area-block area-block--${fn}"[\\s\\S]*?(?=<section class="section area-block|<section class="section" aria-labelledby="(figures-map|sub-areas))`,
      ).exec(res.body)?.[0] ?? '';
    const together = block('together');
    assert.match(together, /Cijfers uit de wijkmonitor/);
    assert.match(together, /<strong>19,0 % \(demo-waarde, verzonnen\)<\/strong>, periode 2026/);
    assert.match(together, /<caption>Cijfers van Actief in de wijk per periode<\/caption>/);
    assert.match(block('know'), /Nog geen gegevens\.<\/strong> Dit vult een enquête met de cohesieschaal/);
    assert.match(res.body, /Bijgewerkt op \d/);
  });

  it('the municipality home: the wijken with the headline figure of "Samen doen", and the map per figure chosen with ?indicator=', async () => {
    const res = await new TestBrowser(ctx.app).get('/heerhugowaard/?indicator=wm09_active');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<th scope="col">Samen doen: Actief in de wijk<\/th>/);
    assert.match(res.body, /data-label="Samen doen: Actief in de wijk">19,0 % \(demo-waarde, verzonnen\)</);
    assert.match(res.body, /<option value="wm09_active" selected>Actief in de wijk<\/option>/);
    assert.match(res.body, /<caption>Actief in de wijk per gebied<\/caption>/);
    assert.match(res.body, /<svg[^>]*aria-labelledby="figures-map-title"/);
  });
});
