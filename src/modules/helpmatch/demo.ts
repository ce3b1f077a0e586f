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
import { distanceMeters } from '../../platform/geo.ts';

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
 * The wijken where the seeds place the work (docs/helpmatch.md, seed-facts §5.2 and §5.8): Molenwijk and
 * Rivierenwijk in Heerhugowaard, the wijken with a Stip in Groningen (Oosterpark, Centrum, Zuidwest,
 * Noordoost, Hoogkerk); Krimpen names none, so all its wijken.
 */
const FOCUS_WIJKEN: Record<string, readonly string[]> = {
  GM1980: ['WK198016', 'WK198017'],
  GM0014: ['WK001404', 'WK001400', 'WK001407', 'WK001411', 'WK001408'],
};

type Buurt = { code: string; name: string; parentCode: string | null; label: [number, number] };

/** Buurten with a label point in the focus wijken, taken round-robin over the wijken (so consecutive picks lie in different wijken). */
function spread(buurten: readonly Buurt[], focus: readonly string[] | undefined): Buurt[] {
  const wijken = focus ?? [...new Set(buurten.map((b) => b.parentCode ?? ''))];
  const per = wijken.map((w) => buurten.filter((b) => b.parentCode === w)).filter((l) => l.length > 0);
  const out: Buurt[] = [];
  for (let i = 0; out.length < buurten.length && i < 50; i++) {
    for (const list of per) if (list[i]) out.push(list[i]!);
    if (per.every((l) => i >= l.length)) break;
  }
  return out;
}

/** ISO weekday (1 = Monday) of a local date. */
const weekdayOf = (date: string) => DateTime.fromISO(date, { zone: ZONE }).weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Demo requests, offers, latent contacts and vacancies per tenant, marked as demo: the demo
 * bewoner asks (and is aanspreekpunt in the street), the demo vrijwilliger offers, the demo
 * professional asks on behalf of a (fictional) resident. The requests are spread over buurten of
 * the focus wijken (one per wijk, round-robin); points are label points of real buurten, checked
 * with locatePoint. With the forms' default settings (radius "maakt niet uit", reach cycling 3 km)
 * the demo vrijwilliger fits the garden request: same wijk, a free afternoon on its day.
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
    const labelled = (await listAreas(trx, tenant.id, { level: 'neighbourhood' })).flatMap((b) =>
      b.label ? [{ code: b.code, name: b.name, parentCode: b.parentCode, label: b.label as [number, number] }] : [],
    );
    // Only buurten whose label point lies in the buurt itself (skip rather than seed wrong data).
    const checked: Buurt[] = [];
    for (const b of spread(labelled, FOCUS_WIJKEN[tenant.id])) {
      if (checked.length >= 4) break;
      const at = await locatePoint(trx, tenant.id, b.label[0], b.label[1]);
      if (at.neighbourhood?.code === b.code) checked.push(b);
    }
    const home = checked[0];
    if (!home) continue;
    const place = (i: number) => checked[i % checked.length]!;
    // The vrijwilliger lives in another buurt of the first request's wijk, within cycling distance (else in that buurt).
    const near =
      labelled.find(
        (b) =>
          b.code !== home.code &&
          b.parentCode === home.parentCode &&
          distanceMeters({ lon: b.label[0], lat: b.label[1] }, { lon: home.label[0], lat: home.label[1] }) < 2500,
      ) ?? home;
    const local = DateTime.fromJSDate(args.now, { zone: ZONE }).plus({ days: 3 }).toISODate()!;
    const asker = actorIn(tenant.id, bewoner, ['resident'], { now: args.now });
    const helper = actorIn(tenant.id, vrijwilliger, ['volunteer'], { now: args.now });
    const at = (b: Buurt, street = 'Voorbeeldstraat 1') => ({
      address: `${street}, ${b.name} (demo)`,
      lon: b.label[0],
      lat: b.label[1],
      urgency: 'normal' as const,
      vulnerable: false,
      isDemo: true,
    });
    await createRequest(
      trx,
      tenant.id,
      asker,
      {
        ...at(place(0)),
        category: 'tuin',
        helpType: 'incidental',
        summary: 'De heg in de voortuin moet gesnoeid worden.',
        schedule: { kind: 'once', date: local, from: '13:00', to: '16:00' },
        radiusM: null,
      },
      args.now,
    );
    await createRequest(
      trx,
      tenant.id,
      asker,
      {
        ...at(place(1), 'Voorbeeldstraat 3'),
        category: 'gezelschap',
        helpType: 'structural',
        summary: 'Een wekelijks praatje bij de koffie.',
        schedule: { kind: 'weekly', slots: [{ weekday: 3, from: '14:00', to: '16:00' }] },
        radiusM: 3000,
      },
      args.now,
    );
    await createRequest(
      trx,
      tenant.id,
      asker,
      {
        ...at(place(3), 'Voorbeeldstraat 12'),
        category: 'boodschappen',
        helpType: 'incidental',
        summary: 'Elke donderdagochtend samen boodschappen doen.',
        schedule: { kind: 'weekly', slots: [{ weekday: 4, from: '09:00', to: '12:00' }] },
        radiusM: 1000,
      },
      args.now,
    );
    if (professional) {
      await createRequest(
        trx,
        tenant.id,
        actorIn(tenant.id, professional, ['professional'], { now: args.now }),
        {
          ...at(place(2), 'Voorbeeldlaan 7'),
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
        // A free afternoon on the garden request's day, Wednesday afternoon (the weekly chat) and Saturday morning.
        slots: [
          ...new Map(
            [
              { weekday: 3 as const, from: '12:00', to: '17:00' },
              { weekday: 6 as const, from: '09:00', to: '12:00' },
              // Last, so it wins over the one above on the same day.
              { weekday: weekdayOf(local), from: '12:00', to: '17:00' },
            ].map((x) => [x.weekday, x]),
          ).values(),
        ],
        reach: 'cycle3000',
        maxPerMonth: 4,
        languages: ['nl', 'en'],
        lon: near.label[0],
        lat: near.label[1],
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
