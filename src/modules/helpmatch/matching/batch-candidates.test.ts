import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BatchCandidates } from './batch-candidates.ts';
import { rankVolunteers } from './suggest.ts';
import { KRIMPEN, request, volunteer } from './test-support.ts';
import { mergeSlots, weeklyOverlap, weeklyOverlapMinutes } from './time.ts';
import type { EngineRequest, EngineVolunteer, HelpType, Reach, WeeklySlot } from './types.ts';

const reachArb = fc.constantFrom<Reach>('walk500', 'walk1000', 'cycle3000', 'municipality');
const catArb = fc.constantFrom('tuin', 'klussen', 'vervoer');
const slotArb: fc.Arbitrary<WeeklySlot> = fc
  // Mostly Monday to Wednesday daytime, so that pairs often overlap; sometimes any time of the week.
  .record({
    day: fc.integer({ min: 1, max: 3 }),
    from: fc.integer({ min: 18, max: 34 }),
    len: fc.integer({ min: 0, max: 10 }),
    any: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ day, from, len, any }) =>
    any === 0
      ? { day: 4 + (day % 4), from: (from - 18) * 3 * 30, to: Math.min(1440, ((from - 18) * 3 + len) * 30) }
      : { day, from: from * 30, to: Math.min(1440, (from + len) * 30) },
  );
// Mostly within a municipality, sometimes far away (a stretched grid), sometimes on the same spot.
const placeArb = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      dLon: fc.double({ min: -0.12, max: 0.12, noNaN: true }),
      dLat: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ dLon: fc.double({ min: -3, max: 3, noNaN: true }), dLat: fc.double({ min: -2, max: 2, noNaN: true }) }),
  },
  { weight: 1, arbitrary: fc.constant({ dLon: 0, dLat: 0 }) },
);
const WORDS = ['tuinieren snoeien', 'klussen schilderen', 'boodschappen auto', 'computer telefoon', ''];
const users = fc.integer({ min: 0, max: 30 }).map((n) => `u${n}`);

const volunteersArb: fc.Arbitrary<EngineVolunteer[]> = fc
  .array(
    fc.record({
      p: placeArb,
      reach: reachArb,
      cats: fc.uniqueArray(catArb, { minLength: 1, maxLength: 3 }),
      cap: fc.integer({ min: 0, max: 3 }),
      used: fc.integer({ min: 0, max: 1 }),
      vog: fc.boolean(),
      blocked: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
      user: users,
      talents: fc.constantFrom(...WORDS),
      slots: fc.array(slotArb, { maxLength: 4 }),
      done: fc.integer({ min: 0, max: 6 }),
      noShow: fc.integer({ min: 0, max: 2 }),
      cancelled: fc.integer({ min: 0, max: 2 }),
      recent: fc.integer({ min: 0, max: 3 }),
      hours: fc.integer({ min: 0, max: 15 }),
      helped: fc.subarray(['tuin', 'klussen', 'vervoer']),
      helpedBy: fc.subarray(['u1', 'u2', 'u3']),
    }),
    { minLength: 3, maxLength: 40 },
  )
  .map((xs) =>
    xs.map((x, i) =>
      volunteer({
        // Ids out of index order, so the id tie-break is exercised.
        id: `v${String((i * 7) % 41).padStart(2, '0')}-${i}`,
        userId: x.user,
        lon: KRIMPEN.lon + x.p.dLon,
        lat: KRIMPEN.lat + x.p.dLat,
        reach: x.reach,
        categories: x.cats,
        monthlyCap: x.cap,
        matchesThisMonth: x.used,
        vogSeen: x.vog,
        blocked: x.blocked,
        talents: x.talents,
        availability: x.slots,
        history: {
          done: x.done,
          noShow: x.noShow,
          cancelled: x.cancelled,
          recentMatches: x.recent,
          helpedCategories: x.helped,
          hoursReceived: x.hours,
          helpedBy: x.helpedBy,
        },
      }),
    ),
  );

const timeArb: fc.Arbitrary<EngineRequest['time']> = fc.oneof(
  { weight: 4, arbitrary: fc.array(slotArb, { maxLength: 3 }).map((slots) => ({ kind: 'weekly' as const, slots })) },
  {
    weight: 1,
    arbitrary: fc
      // From Monday 23 March 2026 (Dutch summer time starts on the 29th).
      .record({ startH: fc.integer({ min: 0, max: 24 * 8 }), hours: fc.integer({ min: 0, max: 30 }) })
      .map(({ startH, hours }) => {
        const start = new Date(Date.UTC(2026, 2, 23, 0) + startH * 3600_000);
        return { kind: 'window' as const, start, end: new Date(start.getTime() + hours * 3600_000) };
      }),
  },
);
const requestsArb: fc.Arbitrary<EngineRequest[]> = fc
  .array(
    fc.record({
      p: placeArb,
      cat: catArb,
      radius: fc.option(fc.constantFrom(300, 800, 1000, 2500, 3000, 5000, 20_000)),
      helpType: fc.constantFrom<HelpType>('incidental', 'structural'),
      vulnerable: fc.boolean(),
      requesters: fc.uniqueArray(users, { minLength: 1, maxLength: 2 }),
      text: fc.constantFrom('hulp bij de tuin', 'schilderen van de schuur', 'boodschappen', ''),
      time: timeArb,
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((xs) =>
    xs.map((x, i) =>
      request({
        id: `r${i}`,
        lon: KRIMPEN.lon + x.p.dLon,
        lat: KRIMPEN.lat + x.p.dLat,
        category: x.cat,
        radiusM: x.radius,
        helpType: x.helpType,
        vulnerable: x.vulnerable,
        requesterIds: x.requesters,
        text: x.text,
        time: x.time,
      }),
    ),
  );

describe('batch candidates (the fast path of the weekly batch)', () => {
  it('ranks exactly like rankVolunteers over every volunteer: same volunteers, same order, top k', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(
        volunteersArb,
        requestsArb,
        fc.integer({ min: 1, max: 12 }),
        fc.uniqueArray(users, { maxLength: 4 }),
        (vs, rs, k, excluded) => {
          const candidates = new BatchCandidates(vs);
          const exclude = new Set(excluded);
          for (const r of rs) {
            const fast = candidates.best(r, k, exclude).map((i) => vs[i]!.id);
            const full = rankVolunteers(r, vs, { limit: k, excludeUserIds: exclude }).map((s) => s.volunteerId);
            assert.deepEqual(fast, full);
            if (full.length > 1) nonEmpty++;
          }
        },
      ),
      { numRuns: 400 },
    );
    // The generators give real rankings, not only empty ones.
    assert.ok(nonEmpty > 50, `only ${nonEmpty} rankings with more than one volunteer`);
  });

  it('finds every volunteer within reach when many stand close together (grid cells and their margins)', () => {
    // A dense ring of volunteers just inside and just outside each reach: only the exact distance decides.
    const vs: EngineVolunteer[] = [];
    let n = 0;
    for (const reach of ['walk500', 'walk1000', 'cycle3000'] as const) {
      const m = { walk500: 500, walk1000: 1000, cycle3000: 3000 }[reach];
      for (let a = 0; a < 72; a++) {
        for (const f of [0.999, 1.001]) {
          const rad = (a * 5 * Math.PI) / 180;
          vs.push(
            volunteer({
              id: `v${String(n++).padStart(4, '0')}`,
              reach,
              lat: KRIMPEN.lat + ((m * f) / 111_195) * Math.sin(rad),
              lon: KRIMPEN.lon + ((m * f) / (111_195 * Math.cos((KRIMPEN.lat * Math.PI) / 180))) * Math.cos(rad),
            }),
          );
        }
      }
    }
    const r = request({ id: 'r' });
    const candidates = new BatchCandidates(vs);
    const fast = candidates.best(r, vs.length).map((i) => vs[i]!.id);
    const full = rankVolunteers(r, vs).map((s) => s.volunteerId);
    assert.ok(full.length > 200);
    assert.deepEqual(fast, full);
  });

  it('counts weekly overlap minutes exactly as weeklyOverlap does', () => {
    fc.assert(
      fc.property(fc.array(slotArb, { maxLength: 4 }), fc.array(slotArb, { maxLength: 5 }), (a, b) => {
        const wanted = mergeSlots(a);
        const available = mergeSlots(b);
        assert.equal(weeklyOverlapMinutes(wanted, available), weeklyOverlap(wanted, available).minutes);
      }),
      { numRuns: 300 },
    );
  });
});
