import type { Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../../platform/module.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import type { ContributionKind } from './perspective.questions.ts';
import { saveVersion } from './perspective.service.ts';
import { insertContribution } from './perspective.store.ts';

/**
 * Demo wijkperspectieven (drafts):
 * - Heerhugowaard (GM1980), Molenwijk (WK198016) and Rivierenwijk (WK198017): the knelpunten of
 *   seed 001 §4.1 (l.361-377), word for word, with their source; not invented, so not `is_demo`.
 * - Groningen (GM0014), Oosterparkwijk (WK001404): SWOT entries, answers and priorities the seeds do
 *   not give: invented, marked `is_demo` and labelled "demo-waarde, verzonnen" on the page.
 */

const HHW_SOURCE = 'bron: Meedoen is winnen, gemeente Heerhugowaard 2009, §4.1';
/** Seed 001 l.361-377: the knelpunten of Molenwijk and Rivierenwijk (one list for both wijken). */
export const MOLEN_RIVIEREN_KNELPUNTEN = [
  'De fysieke staat van de wijk is van onvoldoende kwaliteit/slecht onderhoud (ook privaat)',
  'Weinig binding met en verantwoordelijkheidsgevoel voor de wijk',
  'Weinig sociale samenhang en participatie',
  'Te weinig plekken en activiteiten voor ontmoeting. Buurthuis De Link levert onvoldoende bijdrage aan ontmoeting',
  'Gebrek aan signaleringsfunctie',
  'Gemiddeld laag inkomen, veel uitkeringen, veel risicogroepen: schulden en eenzaamheid',
  'Hoog gevoel van onveiligheid',
  'Hoge migratiegraad, vertrek van middenklasse/sociaal krachtigere bewoners',
  'Het sociaal netwerk van professionele en vrijwilligersorganisaties moet worden versterkt',
] as const;

/** Invented for the demo (Groningen, Oosterparkwijk): kind, question, text, organisation. */
const GRONINGEN_DEMO: readonly [ContributionKind, number | null, string, string][] = [
  ['strength', null, 'Veel bewoners kennen elkaar via de speeltuinvereniging en de buurtmoestuin.', 'Stips'],
  ['weakness', null, "Het buurthuis is overdag open, maar 's avonds bijna nooit.", 'Stips'],
  ['opportunity', null, 'De nieuwe gezondheidspost wil een informatiehoek voor de buurt inrichten.', 'MEE'],
  ['threat', null, 'De vrijwilligers van het eetcafé worden ouder; er komen weinig nieuwe bij.', 'Humanitas'],
  ['knelpunt', null, 'Ouderen met een beperking vinden de weg naar het Zorgloket niet goed.', 'MEE'],
  ['answer', 3, 'Het buurthuis kan jongeren en ouderen op verschillende dagdelen ontvangen; samen gaat slecht.', 'Stips'],
  ['answer', 9, 'Signalen van bewoners komen bij het wijkteam; de melder hoort nog niet altijd wat ermee gebeurt.', 'Zorgloket'],
  ['answer', 10, 'Het wijkteam voert de regie; bij meer dan één hulpverlener is dat niet altijd duidelijk.', 'Zorgloket'],
];
const GRONINGEN_PRIORITIES = [
  "Het buurthuis ook 's avonds open, met activiteiten van bewoners",
  'Een informatiepunt voor ouderen en mensen met een beperking',
  'Nieuwe vrijwilligers voor het eetcafé',
];

export async function seedPerspectiveDemo(trx: Trx, args: DemoSeedArgs): Promise<void> {
  const { now } = args;
  const hhw = args.tenants.find((t) => t.id === 'GM1980');
  if (hhw) {
    const system = systemPrincipal(hhw.id, now);
    const municipality = args.organisations.get(hhw.id)?.get('Gemeente Heerhugowaard') ?? null;
    for (const areaCode of ['WK198016', 'WK198017']) {
      for (const text of MOLEN_RIVIEREN_KNELPUNTEN) {
        await insertContribution(trx, {
          tenantId: hhw.id,
          areaCode,
          kind: 'knelpunt',
          question: null,
          text: `${text} (${HHW_SOURCE})`,
          organisationId: municipality,
          authorId: null,
          now,
        });
      }
      await saveVersion(trx, system, {
        tenantId: hhw.id,
        areaCode,
        priorities: [],
        agreedWith: [],
        changeNote: 'Eerste concept: de knelpunten uit Meedoen is winnen (2009)',
      });
    }
  }
  const gr = args.tenants.find((t) => t.id === 'GM0014');
  if (gr) {
    const orgs = args.organisations.get(gr.id);
    for (const [kind, question, text, org] of GRONINGEN_DEMO) {
      await insertContribution(trx, {
        tenantId: gr.id,
        areaCode: 'WK001404',
        kind,
        question,
        text,
        organisationId: orgs?.get(org) ?? null,
        authorId: null,
        isDemo: true,
        now,
      });
    }
    await saveVersion(trx, systemPrincipal(gr.id, now), {
      tenantId: gr.id,
      areaCode: 'WK001404',
      priorities: GRONINGEN_PRIORITIES,
      agreedWith: ['Stips', 'Humanitas'].flatMap((n) => (orgs?.get(n) ? [orgs.get(n)!] : [])),
      changeNote: 'Eerste concept na het gesprek met partners (demo)',
      isDemo: true,
    });
  }
}
