import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planBatch } from './batch-plan.ts';
import { VolunteerIndex } from './grid.ts';
import { rankVolunteers } from './suggest.ts';
import { passesHardFilters } from './filters.ts';
import { KRIMPEN, request, volunteer } from './test-support.ts';
import type { Reach } from './types.ts';

const reachArb = fc.constantFrom<Reach>('walk500', 'walk1000', 'cycle3000', 'municipality');
const place = fc.record({ dLon: fc.double({ min: -0.15, max: 0.15, noNaN: true }), dLat: fc.double({ min: -0.1, max: 0.1, noNaN: true }) });
const volunteersArb = fc
  .array(
    fc.record({
      p: place,
      reach: reachArb,
      cat: fc.constantFrom('tuin', 'klussen'),
      cap: fc.integer({ min: 1, max: 3 }),
      used: fc.integer({ min: 0, max: 2 }),
      vog: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((xs) =>
    xs.map((x, i) =>
      volunteer({
        id: `v${String(i).padStart(2, '0')}`,
        lon: KRIMPEN.lon + x.p.dLon,
        lat: KRIMPEN.lat + x.p.dLat,
        reach: x.reach,
        categories: [x.cat],
        monthlyCap: x.cap,
        matchesThisMonth: x.used,
        vogSeen: x.vog,
      }),
    ),
  );
const requestsArb = fc
  .array(fc.record({ p: place, cat: fc.constantFrom('tuin', 'klussen'), radius: fc.option(fc.integer({ min: 200, max: 8000 })) }), {
    maxLength: 15,
  })
  .map((xs) =>
    xs.map((x, i) =>
      request({
        id: `r${String(i).padStart(2, '0')}`,
        helpType: 'structural',
        lon: KRIMPEN.lon + x.p.dLon,
        lat: KRIMPEN.lat + x.p.dLat,
        category: x.cat,
        radiusM: x.radius,
      }),
    ),
  );

describe('volunteer index', () => {
  it('finds the same suggestions as a full scan', () => {
    fc.assert(
      fc.property(volunteersArb, requestsArb, (vs, rs) => {
        const index = new VolunteerIndex(vs);
        for (const r of rs) {
          const viaIndex = rankVolunteers(r, index.candidates(r)).map((s) => s.volunteerId);
          assert.deepEqual(
            viaIndex,
            rankVolunteers(r, vs).map((s) => s.volunteerId),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('batch plan', () => {
  it('assigns only pairs that pass the hard filters, within the remaining caps', () => {
    fc.assert(
      fc.property(volunteersArb, requestsArb, (vs, rs) => {
        const plan = planBatch(rs, vs);
        const byId = new Map(vs.map((v) => [v.id, v]));
        const load = new Map<string, number>();
        for (const s of plan.assigned) {
          const v = byId.get(s.volunteerId)!;
          const r = rs.find((x) => x.id === s.requestId)!;
          assert.equal(passesHardFilters(r, v).ok, true);
          load.set(v.id, (load.get(v.id) ?? 0) + 1);
        }
        for (const [id, n] of load) assert.ok(n <= byId.get(id)!.monthlyCap - byId.get(id)!.matchesThisMonth);
        assert.equal(plan.assigned.length + plan.unassigned.length, rs.length);
        assert.equal(new Set(plan.assigned.map((s) => s.requestId)).size, plan.assigned.length);
      }),
      { numRuns: 200 },
    );
  });

  it('beats greedy when the best volunteer is wanted twice', () => {
    // One volunteer near both requests with room for one; a second one only reaches request b.
    const star = volunteer({ id: 'star', vogSeen: true, monthlyCap: 1, reach: 'municipality' });
    const other = volunteer({ id: 'other', vogSeen: true, lon: KRIMPEN.lon + 0.02, reach: 'cycle3000' });
    const a = request({ id: 'a', helpType: 'structural', lon: KRIMPEN.lon - 0.03, radiusM: 5000 });
    const b = request({ id: 'b', helpType: 'structural' });
    const plan = planBatch([a, b], [star, other]);
    assert.deepEqual(
      plan.assigned.map((s) => `${s.requestId}:${s.volunteerId}`),
      ['a:star', 'b:other'],
    );
  });
});
