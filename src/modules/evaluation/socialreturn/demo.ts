/**
 * Demo of the social return (issue 16, scope 4): Heerhugowaard's project card 3 "Goed voor elkaar,
 * vrijwilligersondersteuning" (seed 001 l.614-658; its costs 2010 € 12.500 and 2011 € 25.000 come
 * from the seed, l.650-654 and l.891-895). The seeds give no shadow price and no avoided costs for
 * it, so both are invented here and labelled so (is_demo, "Demo-waarde, verzonnen"): a shadow price
 * of € 15 per hour with low certainty and one avoided cost of € 5.000 with low certainty. Added
 * once: a card that already has a social return is left alone.
 */
import type { Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../../platform/module.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { listCards } from '../../programmes/programmes.service.ts';
import { addItem, setShadowPrice } from './socialreturn.service.ts';
import { findSettings } from './socialreturn.store.ts';

export const SOCIAL_RETURN_DEMO = { tenantId: 'GM1980', cardNumber: '3', titleStart: 'Goed voor elkaar' } as const;

export async function socialReturnDemoSeed(trx: Trx, args: DemoSeedArgs): Promise<void> {
  const { tenantId } = SOCIAL_RETURN_DEMO;
  if (!args.tenants.some((t) => t.id === tenantId)) return;
  const system = systemPrincipal(tenantId, args.now);
  const card = (await listCards(trx, system, tenantId)).find(
    (c) => c.number === SOCIAL_RETURN_DEMO.cardNumber && c.titleNl.startsWith(SOCIAL_RETURN_DEMO.titleStart),
  );
  if (!card || (await findSettings(trx, tenantId, card.id))) return;
  await setShadowPrice(
    trx,
    system,
    tenantId,
    card.id,
    {
      centsPerHour: 1500,
      source: 'Demo-waarde, verzonnen: geen gepubliceerde bron. Vervang dit door een gepubliceerde schaduwprijs en noem die bron.',
      certainty: 'low',
    },
    { isDemo: true },
  );
  await addItem(
    trx,
    system,
    tenantId,
    card.id,
    {
      kind: 'avoided_cost',
      labelNl: 'Minder inzet van betaalde krachten doordat vrijwilligers taken overnemen',
      labelEn: 'Less paid staff time because volunteers take over tasks',
      amountCents: 500_000,
      certainty: 'low',
      source: 'Demo-waarde, verzonnen: seed 001 noemt geen vermeden kosten voor dit project (l.614-658). Alleen om de berekening te tonen.',
    },
    { isDemo: true },
  );
}
