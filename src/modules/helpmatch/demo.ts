import { DateTime } from 'luxon';
import type { Trx } from '../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../platform/module.ts';
import { listAreas, locatePoint } from '../areas/areas.service.ts';
import { actorIn } from './actor.ts';
import { createRequest } from './requests/requests.service.ts';
import { saveOffer, signUpLatent } from './offers/offers.service.ts';
import { createVacancy } from './vacancies/vacancies.service.ts';
import type { Category } from './categories.ts';
import { ZONE } from '../../platform/time.ts';

/** Organisations that post a demo vacancy, per tenant (named in the seeds), with a plausible vacancy. */
const VACANCIES: Record<string, { org: string; title: string; description: string; category: Category; hours: string }[]> = {
  GM0542: [
    {
      org: 'Seniorenplatform',
      title: 'Wandelmaatje voor ouderen',
      description: 'Eén keer per week een uur samen wandelen met een oudere inwoner van Krimpen. Voorbeeld uit de demo.',
      category: 'samen-op-pad',
      hours: '1 uur per week',
    },
    {
      org: 'QuaWonen',
      title: 'Klussenhulp in de wijk',
      description:
        'Kleine klussen bij huurders die het zelf niet meer kunnen: een lamp ophangen, een kastje vastzetten. Voorbeeld uit de demo.',
      category: 'klussen',
      hours: '2 uur per week',
    },
  ],
  GM1980: [
    {
      org: 'Humanitas',
      title: 'Vrijwilliger thuisadministratie',
      description: 'Help inwoners hun post en rekeningen op orde te houden. U krijgt een training. Voorbeeld uit de demo.',
      category: 'formulieren',
      hours: '2 uur per week',
    },
    {
      org: 'Kern 8',
      title: 'Gastvrouw of gastheer buurthuis',
      description: 'Koffie schenken en bezoekers welkom heten in het buurthuis. Voorbeeld uit de demo.',
      category: 'gezelschap',
      hours: '3 uur per week',
    },
  ],
  GM0014: [
    {
      org: 'Stips',
      title: 'Vrijwilliger bij de Stip',
      description:
        'Bewoners verder helpen met vragen over formulieren, geld en zorg, op het spreekuur van de Stip in de wijk. Voorbeeld uit de demo.',
      category: 'formulieren',
      hours: '4 uur per week',
    },
    {
      org: 'Humanitas',
      title: 'Maatje voor een mantelzorger',
      description: 'Neem af en toe de zorg over, zodat een mantelzorger even vrij is. Voorbeeld uit de demo.',
      category: 'respijt',
      hours: '2 uur per week',
    },
  ],
};

const SHORT: Record<string, string> = { GM0542: 'krimpen', GM1980: 'heerhugowaard', GM0014: 'groningen' };

/**
 * Demo requests, offers, latent contacts and vacancies per tenant, marked as demo: the demo
 * bewoner asks (and is aanspreekpunt in the street), the demo vrijwilliger offers, the demo
 * professional asks on behalf of a (fictional) resident; points are label points of real buurten,
 * checked with locatePoint.
 */
export async function helpmatchDemoSeed(trx: Trx, args: DemoSeedArgs): Promise<void> {
  for (const tenant of args.tenants) {
    const short = SHORT[tenant.id];
    if (!short) continue;
    const id = (local: string) => args.users.get(`${local}.${short}@demo.samenhang.nl`);
    const bewoner = id('bewoner');
    const vrijwilliger = id('vrijwilliger');
    const professional = id('professional');
    if (!bewoner || !vrijwilliger) continue;
    const buurten = (await listAreas(trx, tenant.id, { level: 'neighbourhood' })).filter((b) => b.label);
    // Two neighbouring buurten of one wijk: the bewoner lives in the first, the vrijwilliger in the second.
    const home = buurten[0];
    if (!home?.label) continue;
    const near = buurten.find((b) => b.code !== home.code && b.parentCode === home.parentCode) ?? home;
    const located = await locatePoint(trx, tenant.id, home.label[0], home.label[1]);
    if (located.neighbourhood?.code !== home.code) continue; // not where we think: skip rather than seed wrong data
    const nearLabel = near.label ?? home.label;
    const local = DateTime.fromJSDate(args.now, { zone: ZONE }).plus({ days: 3 }).toISODate()!;
    const asker = actorIn(tenant.id, bewoner, ['resident'], { now: args.now });
    const helper = actorIn(tenant.id, vrijwilliger, ['volunteer'], { now: args.now });
    const common = {
      address: `Voorbeeldstraat 1, ${home.name} (demo)`,
      lon: home.label[0],
      lat: home.label[1],
      urgency: 'normal' as const,
      vulnerable: false,
      isDemo: true,
    };
    await createRequest(
      trx,
      tenant.id,
      asker,
      {
        ...common,
        category: 'tuin',
        helpType: 'incidental',
        summary: 'De heg in de voortuin moet gesnoeid worden.',
        schedule: { kind: 'once', date: local, from: '13:00', to: '16:00' },
        radiusM: 1000,
      },
      args.now,
    );
    await createRequest(
      trx,
      tenant.id,
      asker,
      {
        ...common,
        category: 'gezelschap',
        helpType: 'structural',
        summary: 'Een wekelijks praatje bij de koffie.',
        schedule: { kind: 'weekly', slots: [{ weekday: 3, from: '14:00', to: '16:00' }] },
        radiusM: 3000,
      },
      args.now,
    );
    if (professional) {
      await createRequest(
        trx,
        tenant.id,
        actorIn(tenant.id, professional, ['professional'], { now: args.now }),
        {
          ...common,
          address: `Voorbeeldlaan 7, ${home.name} (demo)`,
          category: 'boodschappen',
          helpType: 'incidental',
          summary: 'Boodschappen halen bij de supermarkt.',
          schedule: { kind: 'once', date: local, from: '10:00', to: '12:00' },
          radiusM: 1000,
          urgency: 'urgent',
          vulnerable: true,
          onBehalf: { name: 'Mevrouw De Vries (demo)', phone: '0100-000000' },
        },
        args.now,
      );
    }
    await saveOffer(
      trx,
      tenant.id,
      helper,
      {
        talents: 'Tuinieren, kleine klussen en een goed gesprek.',
        categories: ['tuin', 'klussen', 'gezelschap', 'boodschappen'],
        slots: [
          { weekday: 2, from: '12:00', to: '17:00' },
          { weekday: 3, from: '12:00', to: '17:00' },
          { weekday: 6, from: '09:00', to: '12:00' },
        ],
        reach: 'cycle3000',
        maxPerMonth: 4,
        languages: ['nl', 'en'],
        lon: nearLabel[0],
        lat: nearLabel[1],
        active: true,
        isDemo: true,
      },
      args.now,
    );
    await signUpLatent(
      trx,
      tenant.id,
      asker,
      { buurtCode: home.code, note: 'Ik woon hier al lang en ben vaak thuis. (demo)', isDemo: true },
      args.now,
    );
    const orgs = args.organisations.get(tenant.id);
    for (const v of VACANCIES[tenant.id] ?? []) {
      const orgId = orgs?.get(v.org);
      if (!orgId) continue;
      await createVacancy(
        trx,
        tenant.id,
        actorIn(tenant.id, professional ?? bewoner, ['coordinator'], { now: args.now, organisationIds: [orgId] }),
        { organisationId: orgId, title: v.title, description: v.description, category: v.category, hoursPerWeek: v.hours, isDemo: true },
        args.now,
      );
    }
  }
}
