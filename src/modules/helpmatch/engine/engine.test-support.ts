/** Fixtures for the engine's database tests: volunteers with offers around the test buurten, and requests. */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { type MatchCtx } from '../matches/notify.ts';
import { type OfferInput, saveOffer } from '../offers/offers.service.ts';
import { type Actor } from '../actor.ts';
import { type NewRequest, createRequest } from '../requests/requests.service.ts';
import { makeActor, NOW, T, WEST } from '../test-support.ts';

export { NOW };
export const ctxOf = (now = NOW): MatchCtx => ({ tenantId: T.id, tenantSlug: T.slug, baseUrl: 'http://test', now });
/** The secret address of test requests: it must never appear on a page or in a mail before acceptance. */
export const SECRET_ADDRESS = 'Geheimstraat 12';

/** A volunteer with an offer `dLon` degrees east of WEST (0.001° ≈ 69 m), Tuesday afternoon, by bike. */
export async function volunteerWithOffer(
  db: DbOrTrx,
  dLon: number,
  over: Partial<OfferInput> = {},
  name?: string,
): Promise<{ actor: Actor; offerId: string }> {
  const actor = await makeActor(db, 'volunteer', name);
  const offer = await saveOffer(
    db,
    T.id,
    actor,
    {
      talents: 'tuinieren, snoeien',
      categories: ['tuin'],
      slots: [{ weekday: 2, from: '13:00', to: '17:00' }],
      reach: 'cycle3000',
      maxPerMonth: 4,
      languages: ['nl'],
      lon: WEST[0] + dLon,
      lat: WEST[1],
      active: true,
      ...over,
    },
    NOW,
  );
  return { actor, offerId: offer.id };
}

/** A weekly request on Tuesday afternoon at WEST. */
export async function weeklyRequest(db: DbOrTrx, requester: Actor, over: Partial<NewRequest> = {}, now = NOW): Promise<string> {
  const { id } = await createRequest(
    db,
    T.id,
    requester,
    {
      category: 'tuin',
      helpType: 'incidental',
      summary: 'Heg snoeien in de voortuin',
      remarks: 'Bel twee keer aan',
      schedule: { kind: 'weekly', slots: [{ weekday: 2, from: '14:00', to: '16:00' }] },
      address: SECRET_ADDRESS,
      lon: WEST[0],
      lat: WEST[1],
      radiusM: null,
      urgency: 'normal',
      vulnerable: false,
      ...over,
    },
    now,
  );
  return id;
}
