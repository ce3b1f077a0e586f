import type { ApplicationStatus } from '../initiatives.tables.ts';

/**
 * Krimpen's invented demo applications (is_demo, "demo-waarde, verzonnen"): the seed names the fund
 * (seed 000 l.133, l.142) but no initiatives. Group names, never people.
 */

const ok = (point: string) => ({ point, ok: true, reason: 'In orde (demo)' });
const FEASIBLE = [ok('Past binnen de regels van het fonds'), ok('Open voor iedereen in de buurt'), ok('Veilig en uitvoerbaar')];

export interface DemoApp {
  title: string;
  group: string;
  what: string;
  forWhom: string;
  euros: number;
  status: ApplicationStatus;
  voting?: true;
  decision?: 'full' | 'partial' | 'rejected';
  grantedEuros?: number;
  feasibility?: { point: string; ok: boolean; reason: string }[];
  daysAgo: number;
  account?: { what: string; participants: number; spentEuros: number };
}

/** Invented applications for Krimpen, one or more in every state. */
export const KRIMPEN_APPS: DemoApp[] = [
  {
    title: 'Bankjes bij de speeltuin',
    group: 'Bewoners Populierenlaan',
    what: 'Twee bankjes zodat ouders en ouderen kunnen zitten.',
    forWhom: 'Ouders, kinderen en ouderen',
    euros: 950,
    status: 'draft',
    daysAgo: 2,
  },
  {
    title: 'Burendag met soep',
    group: 'Buurtgroep Oud Krimpen',
    what: 'Soep en muziek op Burendag.',
    forWhom: 'De hele buurt',
    euros: 600,
    status: 'submitted',
    daysAgo: 3,
  },
  {
    title: 'Taalcafé op dinsdag',
    group: 'Vrijwilligers Taalcafé',
    what: 'Elke dinsdag samen Nederlands oefenen.',
    forWhom: 'Nieuwe buurtbewoners',
    euros: 1400,
    status: 'acknowledged',
    daysAgo: 8,
  },
  {
    title: 'Wandelgroep voor ouderen',
    group: 'Wandelclub Lansingh',
    what: 'Een wekelijkse wandeling met koffie na afloop.',
    forWhom: 'Ouderen',
    euros: 500,
    status: 'in_review',
    daysAgo: 15,
    feasibility: [ok('Past binnen de regels van het fonds')],
  },
  {
    title: 'Zomerfeest Kortland',
    group: 'Bewoners Kortland',
    what: 'Een zomerfeest met spelletjes en een barbecue.',
    forWhom: 'De hele buurt',
    euros: 2000,
    status: 'decided',
    decision: 'full',
    grantedEuros: 2000,
    feasibility: FEASIBLE,
    daysAgo: 40,
  },
  {
    title: 'Geveltuintjes',
    group: 'Bewoners Boveneind',
    what: 'Planten en tegels voor twintig geveltuintjes.',
    forWhom: 'Bewoners van de straat',
    euros: 2500,
    status: 'decided',
    decision: 'partial',
    grantedEuros: 1500,
    feasibility: FEASIBLE,
    daysAgo: 45,
  },
  {
    title: 'Vuurwerkshow',
    group: 'Feestcomité',
    what: 'Een vuurwerkshow op oudejaarsavond.',
    forWhom: 'De hele buurt',
    euros: 2500,
    status: 'decided',
    decision: 'rejected',
    grantedEuros: 0,
    feasibility: [
      ok('Open voor iedereen in de buurt'),
      { point: 'Veilig en uitvoerbaar', ok: false, reason: 'Vuurwerk afsteken mag hier niet (demo)' },
    ],
    daysAgo: 50,
  },
  {
    title: 'Buurtkast met boeken',
    group: 'Bewoners Langeland',
    what: 'Een kast waar buren boeken ruilen.',
    forWhom: 'Iedereen',
    euros: 400,
    status: 'paid',
    decision: 'full',
    grantedEuros: 400,
    feasibility: FEASIBLE,
    daysAgo: 70,
  },
  {
    title: 'Opruimdag langs de dijk',
    group: 'Opzoomerploeg IJsseldijk',
    what: 'Samen zwerfafval opruimen, met koffie en afvalgrijpers.',
    forWhom: 'De hele buurt',
    euros: 350,
    status: 'accounted',
    decision: 'full',
    grantedEuros: 350,
    feasibility: FEASIBLE,
    daysAgo: 120,
    account: { what: 'Op een zaterdag ruimden we de dijk op; daarna koffie in het buurthuis.', participants: 23, spentEuros: 310 },
  },
  // The voting round's ballot (and one that did not pass the feasibility review).
  {
    title: 'Moestuinbakken bij de flat',
    group: 'Groen Kortland-Noord',
    what: 'Zes moestuinbakken voor bewoners.',
    forWhom: 'Bewoners van de flat',
    euros: 1800,
    status: 'in_review',
    voting: true,
    feasibility: FEASIBLE,
    daysAgo: 30,
  },
  {
    title: 'Buurtbarbecue',
    group: 'Bewoners Kortland-Zuid',
    what: 'Een barbecue voor nieuwe en oude buren.',
    forWhom: 'De hele buurt',
    euros: 1200,
    status: 'in_review',
    voting: true,
    feasibility: FEASIBLE,
    daysAgo: 29,
  },
  {
    title: 'Kerstmarkt op het plein',
    group: 'Winkeliers en bewoners',
    what: 'Een kleine kerstmarkt met kraampjes van bewoners.',
    forWhom: 'Iedereen',
    euros: 2400,
    status: 'in_review',
    voting: true,
    feasibility: FEASIBLE,
    daysAgo: 28,
  },
  {
    title: 'Repair café in het buurthuis',
    group: 'Repair café Krimpen',
    what: 'Vier keer samen spullen repareren.',
    forWhom: 'Iedereen',
    euros: 900,
    status: 'in_review',
    voting: true,
    feasibility: FEASIBLE,
    daysAgo: 27,
  },
  {
    title: 'Speelmiddag voor kinderen',
    group: 'Speeltuinvereniging',
    what: 'Een middag met spelletjes en limonade.',
    forWhom: 'Kinderen tot 12 jaar',
    euros: 1200,
    status: 'in_review',
    voting: true,
    feasibility: FEASIBLE,
    daysAgo: 27,
  },
  {
    title: 'Springkussen voor de straat',
    group: 'Bewoners Vlasakker',
    what: 'Een springkussen huren voor een straatfeest.',
    forWhom: 'Kinderen',
    euros: 700,
    status: 'in_review',
    voting: true,
    feasibility: [
      ok('Open voor iedereen in de buurt'),
      { point: 'Past binnen de regels van het fonds', ok: false, reason: 'Een straatfeest voor één straat past niet in dit fonds (demo)' },
    ],
    daysAgo: 26,
  },
];

/** Demo ballots of the voting round, by index in the round's ballot (all within € 5.000). */
export const DEMO_BALLOTS: number[][] = [
  [0, 1, 3],
  [0, 2],
  [2, 3, 4],
  [0, 1, 4],
  [1, 3, 4],
  [0, 3],
  [2, 1],
  [0, 4, 3],
  [3],
  [0, 2],
  [1, 4],
  [2, 3],
];
