/** Why a volunteer does not fit: every reason at once, and the words the coordinator reads ("2,1 km weg, verder dan 1 km"). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { whyNot } from './why-not.ts';
import { passesHardFilters } from './filters.ts';
import { KRIMPEN, request, volunteer } from './test-support.ts';
import { MisfitsSection } from '../engine/views/misfits.tsx';
import { translator } from '../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../ui/context.ts';
import '../engine/engine.misfit.messages.ts';
import '../matches/arrangement.messages.ts';
import '../helpmatch.messages.ts';

/** 0.0303° of longitude at this latitude is about 2.1 km. */
const EAST_2KM = { lon: KRIMPEN.lon + 0.0306, lat: KRIMPEN.lat };

describe('whyNot', () => {
  it('is empty exactly when the hard filters pass', () => {
    const r = request({ id: 'r1' });
    const v = volunteer({ id: 'v1' });
    assert.deepEqual(whyNot(r, v), []);
    assert.equal(passesHardFilters(r, v).ok, true);
  });

  it('lists every failing rule, not only the first, with the distance and who limits it', () => {
    const r = request({ id: 'r2', radiusM: 1000, helpType: 'structural', category: 'boodschappen' });
    const v = volunteer({ id: 'v2', ...EAST_2KM, availability: [{ day: 5, from: 9 * 60, to: 12 * 60 }], matchesThisMonth: 4 });
    const reasons = whyNot(r, v);
    assert.deepEqual(
      reasons.map((x) => x.reason),
      ['category', 'distance', 'time', 'vog', 'cap'],
    );
    const d = reasons.find((x) => x.reason === 'distance');
    assert.ok(d && d.reason === 'distance' && d.limitM === 1000 && d.limitBy === 'request');
    assert.ok(d.distanceM > 2000 && d.distanceM < 2200, String(d.distanceM));
    const byReach = whyNot(request({ id: 'r3' }), volunteer({ id: 'v3', ...EAST_2KM, reach: 'walk1000' }));
    assert.deepEqual(byReach, [
      { reason: 'distance', distanceM: byReach[0]!.reason === 'distance' ? byReach[0]!.distanceM : 0, limitM: 1000, limitBy: 'volunteer' },
    ]);
  });

  it('says it in plain words with a way to widen', () => {
    const r = request({ id: 'r4', radiusM: 1000 });
    const misfits = whyNot(r, volunteer({ id: 'v4', ...EAST_2KM }));
    const ctx = { t: translator('nl'), locale: 'nl' } as unknown as ViewContext;
    const html = renderToString(MisfitsSection({ ctx, lines: [{ name: 'Vera', misfits }] }));
    assert.match(html, /2,1 km weg, verder dan 1 km/);
    assert.match(html, /Vraag de hulpvrager of de afstand groter mag \(nu 1 km\)/);
  });
});
