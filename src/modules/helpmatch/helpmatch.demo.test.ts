import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { testConfig } from '../../platform/config.ts';
import { runDemoSeed } from '../../seed/demo.ts';
import { locatePoint } from '../areas/areas.service.ts';
import { listRequestsForCoordinator } from './requests/requests.service.ts';
import { actorIn } from './actor.ts';
import { listActiveOffersForMatching } from './engine/matching-data.service.ts';
import { listLatentContacts } from './offers/offers.service.ts';
import { listOpenVacancies } from './vacancies/vacancies.service.ts';
import { suggestionsForVolunteer } from './engine/engine.service.ts';

/** The wijken where the seeds place the work (Molenwijk, Rivierenwijk; the Stip wijken); Krimpen names none. */
const FOCUS: Record<string, readonly string[] | null> = {
  GM0542: null,
  GM1980: ['WK198016', 'WK198017'],
  GM0014: ['WK001404', 'WK001400', 'WK001407', 'WK001411', 'WK001408'],
};

describe('helpmatch demo data', () => {
  const ctx = useTestDb();

  it('adds demo requests, an offer, a latent contact and vacancies per tenant, located in the right buurt', async () => {
    const { db } = ctx.database;
    const now = new Date('2026-11-23T09:00:00Z');
    await runDemoSeed(db, testConfig(), () => undefined, now);
    for (const tenantId of ['GM0542', 'GM1980', 'GM0014']) {
      const requests = await listRequestsForCoordinator(
        db,
        tenantId,
        actorIn(tenantId, '00000000-0000-4000-8000-000000000000', ['coordinator'], { now }),
      );
      assert.ok(requests.length >= 3, `${tenantId} has demo requests`);
      for (const r of requests) {
        assert.equal(r.is_demo, true);
        const loc = await locatePoint(db, tenantId, r.lon, r.lat);
        assert.equal(loc.neighbourhood?.code, r.buurt_code, 'the point lies in the stored buurt');
        assert.equal(loc.district?.code, r.wijk_code, 'and in the stored wijk');
      }
      assert.ok(
        requests.some((r) => r.on_behalf),
        'one asked on behalf of a resident',
      );
      // Spread over the buurten (and wijken) where the seeds place the work, not all in the first buurt.
      assert.ok(new Set(requests.map((r) => r.buurt_code)).size >= 2, `${tenantId}: requests in more than one buurt`);
      const focus = FOCUS[tenantId];
      // Krimpen has one wijk; the others spread over at least two of their focus wijken.
      if (focus) assert.ok(new Set(requests.map((r) => r.wijk_code)).size >= 2, `${tenantId}: and in at least two wijken`);
      if (focus) for (const r of requests) assert.ok(focus.includes(r.wijk_code ?? ''), `${tenantId}: ${r.wijk_code} is a focus wijk`);
      const offers = await listActiveOffersForMatching(db, tenantId, now);
      assert.equal(offers.length, 1);
      if (focus) assert.ok(focus.includes(offers[0]!.wijkCode ?? ''), `${tenantId}: the offer lies in a focus wijk`);
      // The demo vrijwilliger fits at least one demo request with the default settings ("voor u" is not empty).
      const volunteerId = offers[0]!.userId;
      const forYou = await suggestionsForVolunteer(db, tenantId, actorIn(tenantId, volunteerId, ['volunteer'], { now }), now);
      assert.ok(
        forYou.some((s) => s.summary.includes('heg')),
        `${tenantId}: the demo volunteer fits the garden request`,
      );
      const coordinator = actorIn(tenantId, '00000000-0000-4000-8000-000000000000', ['coordinator'], { now });
      assert.ok((await listLatentContacts(db, tenantId, coordinator)).length >= 1);
      const vacancies = await listOpenVacancies(db, tenantId);
      assert.equal(vacancies.length, 2);
      assert.ok(vacancies.every((v) => v.is_demo));
    }
  });
});
