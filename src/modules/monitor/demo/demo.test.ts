import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { ensureTenant } from '../../../../test/helpers/people.ts';
import { GRONINGEN, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { listIndicators, listMeasurements } from '../core/core.store.ts';
import { listTargets } from '../targets/targets.store.ts';
import { listRecordedClassifications } from '../classify/recorded.store.ts';
import { listCrosswalk } from '../crosswalk/crosswalk.store.ts';
import { demoWijkmonitorMeasurements, monitorDemoSeed } from './demo.ts';

const HHW = { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' };

describe('monitor demo data', () => {
  const ctx = useTestDb();

  it('gives Heerhugowaard the eight targets of seed 001, its recorded classes of 2009 and labelled invented figures', async () => {
    const { db } = ctx.database;
    for (const t of [KRIMPEN, HHW, GRONINGEN]) await ensureTenant(db, t);
    const now = new Date('2026-11-23T09:00:00Z');
    await inTransaction(db, (trx) =>
      monitorDemoSeed(trx, { tenants: [KRIMPEN, HHW, GRONINGEN], organisations: new Map(), users: new Map(), now }),
    );

    const targets = await listTargets(db, HHW.id);
    assert.equal(targets.length, 8);
    assert.deepEqual(Object.fromEntries(targets.map((t) => [t.indicatorCode, t.targetValue])), {
      wm07_cohesion: 6.2,
      wm09_active: 20,
      wm10_involvement_satisfied: 35,
      wm11_responsible: 80,
      wm24_social_facilities: 41,
      wm25_contact_opportunities: 39,
      wm59_volunteering: 33,
      wm71_enough_contact: 82,
    });
    for (const t of targets) {
      assert.deepEqual([t.baselinePeriod, t.targetYear, t.comparator, t.areaCode], ['2009', 2011, 'at_least', null]);
      assert.match(t.noteNl, /Wijkmonitor 2009 als nulmeting/);
      assert.match(t.sourceNote, /Seed 001.*l\.\d+/);
    }
    assert.equal((await listTargets(db, KRIMPEN.id)).length, 0, 'only Heerhugowaard has the seed’s targets');

    const recorded = await listRecordedClassifications(db, HHW.id);
    assert.ok(recorded.every((r) => r.year === 2009 && /Seed 001.*§4\.1, l\.\d+/.test(r.sourceNote)));
    const classes = Object.fromEntries(recorded.map((r) => [r.areaCode, r.class]));
    assert.deepEqual(classes, {
      WK198021: 'above', // Butterhuizen
      WK198022: 'above', // Oostertocht
      WK198027: 'above', // De Noord
      WK198010: 'around', // Schrijverswijk
      WK198011: 'around', // Schilderswijk
      WK198012: 'around', // Planetenwijk
      WK198015: 'around', // Edelstenenwijk
      WK198023: 'around', // Zuidwijk
      WK198024: 'around', // Huygenhoek
      WK198025: 'around', // Stad van de Zon
      WK198013: 'below', // Bomen- Recreatiewijk
      WK198014: 'below', // Heemradenwijk
      WK198016: 'below', // Molenwijk
      WK198017: 'below', // Rivierenwijk
    });
    const molen = recorded.find((r) => r.areaCode === 'WK198016')!;
    assert.ok(molen.knelpunten.includes('Gebrek aan signaleringsfunctie'));
    assert.equal(molen.label, 'minder dan gemiddeld (hoge prioritering)');

    // Invented Wijkmonitor figures: 2007, 2009, 2011 for 19 wijken and the municipality, all marked.
    const wm = await listMeasurements(db, HHW.id, { indicatorCodes: ['wm09_active'] });
    assert.equal(wm.length, 3 * 20);
    assert.ok(wm.every((m) => m.isDemo && m.sourceNote.startsWith('demo-waarde, verzonnen')));
    assert.deepEqual([...new Set(wm.map((m) => m.period))].sort(), ['2007', '2009', '2011']);
    assert.deepEqual(demoWijkmonitorMeasurements(), demoWijkmonitorMeasurements(), 'deterministic');
    assert.equal((await listIndicators(db, HHW.id)).filter((i) => i.code.startsWith('wm')).length, 8);

    // CBS basis figures 2024 for every municipality; Heerhugowaard's own figures are the sum of its wijken.
    for (const t of [KRIMPEN, HHW, GRONINGEN]) {
      const cbs = await listMeasurements(db, t.id, {
        indicatorCodes: ['cbs_inwoners', 'cbs_dichtheid', 'cbs_woningen'],
        areaCodes: [t.id],
      });
      assert.equal(cbs.length, 3, `${t.id} has its municipality figures`);
      assert.ok(cbs.every((m) => m.period === '2024' && !m.isDemo && m.value !== null && m.value > 0));
    }
    const hhwWijken = await listMeasurements(db, HHW.id, { indicatorCodes: ['cbs_inwoners'] });
    const total = hhwWijken.find((m) => m.areaCode === HHW.id)!.value!;
    assert.equal(hhwWijken.length, 20, 'WK198010–WK198028 and the municipality, not the rest of Dijk en Waard');
    assert.equal(
      total,
      hhwWijken.filter((m) => m.areaCode !== HHW.id).reduce((s, m) => s + m.value!, 0),
    );

    assert.deepEqual(
      (await listCrosswalk(db, HHW.id)).map((r) => [r.fromCode, r.fromYear, r.toCode, r.toYear, r.changeKind]),
      [['WK039801', 2014, 'WK198010', 2024, 2]],
    );
  });
});
