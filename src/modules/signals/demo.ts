/** Demo data of the signals module: categories, routing to the demo partners, standard texts and a few signals in several states. */
import type { Trx } from '../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../platform/module.ts';
import { listAreas, locatePoint } from '../areas/areas.service.ts';
import { addRoutingRule, ensureCategories, setDefaultDesk, setStandardText } from './config/categories.service.ts';
import { DEMO_GROUPS, DEMO_STANDARD_TEXTS } from './demo-categories.ts';
import { DEMO_STANDARD_TEXTS_EN } from './demo-english.ts';
import { createSignal, transitionSignal } from './signals.service.ts';
import type { SignalState } from './workflow.ts';
import { systemPrincipal } from '../../platform/principal.ts';

/**
 * The partner that gets worries about neighbours (welfare / Stip), and the housing corporation for neighbour nuisance.
 * Routing may only point at an organisation with someone who picks signals up: in Krimpen the demo professional works
 * for QuaWonen (its wijkconsulenten take the worries); Meldpunt Capelle-Krimpen has no demo members.
 */
const CARE_PARTNER: Record<string, string> = { GM0542: 'QuaWonen', GM1980: 'Kern 8', GM0014: 'Stips' };
/** Neighbour nuisance: the housing corporation in Krimpen, buurtbemiddeling by the welfare partner in Heerhugowaard (Woonwaard has no demo members). */
const HOUSING_PARTNER: Record<string, string> = { GM0542: 'QuaWonen', GM1980: 'Kern 8' };

interface DemoSignal {
  code: string;
  description: string;
  answers?: Record<string, string>;
  email?: string;
  steps: { to: SignalState; message?: string; note?: string }[];
}

const DEMO_SIGNALS: readonly DemoSignal[] = [
  {
    code: 'verlichting',
    description: '[Demo] De lantaarnpaal bij het fietspad naar school brandt al een week niet. Het is er ’s avonds erg donker.',
    steps: [],
  },
  {
    code: 'afval',
    description: '[Demo] Naast de container ligt al dagen grofvuil: een bank en een matras.',
    answers: { soort_afval: 'Grofvuil' },
    steps: [{ to: 'in_behandeling', message: 'We hebben uw melding bekeken en gaan ermee aan de slag.' }],
  },
  {
    code: 'burenoverlast',
    description: '[Demo] De buren boven mij zetten elke nacht harde muziek aan. Praten heeft niet geholpen.',
    email: 'demo-melder-buren@example.nl',
    steps: [
      { to: 'in_behandeling', note: 'Buurtbemiddeling gevraagd.' },
      { to: 'ingepland', message: 'Een medewerker komt volgende week langs voor een gesprek.' },
    ],
  },
  {
    code: 'eenzaamheid',
    description: '[Demo] Mijn buurvrouw (87) komt sinds de dood van haar man de deur niet meer uit. Ik maak me zorgen.',
    answers: { weet_ervan: 'Nee' },
    email: 'demo-melder-zorg@example.nl',
    steps: [{ to: 'in_behandeling', note: 'Stip-medewerker gaat op huisbezoek.' }],
  },
  {
    code: 'speelplek',
    description: '[Demo] De schommel in de speeltuin hangt scheef, een ketting is los.',
    steps: [
      { to: 'ingepland', message: 'De reparatie is ingepland.' },
      { to: 'afgehandeld', message: 'De schommel is gerepareerd. Dank u wel voor het melden.' },
    ],
  },
];

/** Add the signals demo data for every demo tenant (inside the demo seed transaction). */
export async function seedSignalsDemo(trx: Trx, args: DemoSeedArgs): Promise<void> {
  for (const t of args.tenants) {
    const orgs = args.organisations.get(t.id);
    if (!orgs) continue;
    const categories = await ensureCategories(trx, t.id, DEMO_GROUPS, { isDemo: true });
    const groups = await trx.selectFrom('signals_category_groups').select(['id', 'code']).where('tenant_id', '=', t.id).execute();
    const municipality = [...orgs.entries()].find(([name]) => name.startsWith('Gemeente'))?.[1] ?? null;
    const care = orgs.get(CARE_PARTNER[t.id] ?? '');
    const housing = orgs.get(HOUSING_PARTNER[t.id] ?? '');
    if (housing) await addRoutingRule(trx, t.id, { position: 10, categoryId: categories.get('burenoverlast')!, organisationId: housing });
    if (care) {
      await addRoutingRule(trx, t.id, {
        position: 20,
        groupId: groups.find((g) => g.code === 'zorg-buurtgenoot')!.id,
        organisationId: care,
      });
    }
    await setDefaultDesk(trx, t.id, municipality, args.now);
    for (const [state, text] of Object.entries(DEMO_STANDARD_TEXTS)) {
      await setStandardText(trx, t.id, null, state as SignalState, text, args.now, DEMO_STANDARD_TEXTS_EN[state as SignalState] ?? '');
    }

    const buurten = (await listAreas(trx, t.id, { level: 'neighbourhood' })).filter((a) => a.label !== null);
    const links = { baseUrl: 'http://localhost:3000', tenantSlug: t.slug };
    for (const [i, d] of DEMO_SIGNALS.entries()) {
      const area = buurten[(i * 7) % Math.max(1, buurten.length)];
      if (!area) break;
      const [lon, lat] = area.label!;
      // Only a point the areas service places inside the municipality (approximate buurten may have odd label points).
      const inside = await locatePoint(trx, t.id, lon!, lat!);
      const point = inside.district || inside.neighbourhood ? { latitude: lat!, longitude: lon! } : { latitude: null, longitude: null };
      const created = new Date(args.now.getTime() - (10 - i) * 86_400_000);
      const { signal } = await createSignal(trx, {
        tenantId: t.id,
        category: { serviceCode: d.code },
        description: d.description,
        ...point,
        address: `${area.name} (demo)`,
        reporter: d.email ? { email: d.email, name: 'Demo-melder' } : {},
        wantsFeedback: !!d.email,
        answers: d.answers ?? {},
        locale: 'nl',
        links,
        now: created,
        isDemo: true,
      });
      for (const [j, step] of d.steps.entries()) {
        await transitionSignal(trx, {
          tenantId: t.id,
          signalId: signal.id,
          to: step.to,
          publicMessage: step.message ?? null,
          internalNote: step.note ?? null,
          actorUserId: null,
          reason: 'demo',
          locale: 'nl',
          links,
          now: new Date(created.getTime() + (j + 1) * 3_600_000),
          principal: systemPrincipal(t.id, created),
        });
      }
    }
  }
}
