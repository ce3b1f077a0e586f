import type { Angle } from '../programmes.tables.ts';
import type { DemoAction, DemoForum, DemoProgramme } from './demo.types.ts';

/**
 * Krimpen aan den IJssel's *Oog en oor voor elkaar* (seed 000, plan van aanpak July 2010): the
 * action table of §7 (l.118-138, 16 rows, May 2010 – June 2011) exactly as the seed gives it, and
 * the werkgroep Sociale Samenhang that meets every two months (§11, l.173). A blank "Gericht op"
 * cell continues the group above (the table repeats its header on l.123 and l.137).
 */
export const KRIMPEN_TENANT = 'GM0542';
export const S0 = 'Seed 000 (Oog en oor voor elkaar, Krimpen aan den IJssel)';

export const KRIMPEN_PROGRAMME: DemoProgramme = {
  slug: 'oog-en-oor-voor-elkaar',
  titleNl: 'Oog en oor voor elkaar',
  titleEn: 'An eye and an ear for each other',
  summaryNl:
    'Plan van aanpak sociale samenhang en leefbaarheid (juli 2010). Activiteiten voor de periode mei 2010 tot juni 2011 (l.116); eind 2010 een tussentijdse evaluatie, medio 2011 evaluatie en afronding. Let op: l.189 noemt als looptijd "april 2010 - juni 2011".',
  summaryEn:
    'Plan for social cohesion and liveability (July 2010). Activities for May 2010 to June 2011 (l.116); an interim evaluation at the end of 2010, evaluation and close in mid-2011. Note: l.189 gives the period as "April 2010 - June 2011".',
  ownerRole: 'werkgroep Sociale Samenhang (met een projectleider ter ondersteuning)',
  startYear: 2010,
  endYear: 2011,
  sourceNote: `${S0}, l.3, l.116, l.173-181, l.189`,
};

const B: Angle = 'broaden';
const D: Angle = 'deepen';
const V: Angle = 'connect';

const row = (
  line: number,
  targetGroup: string,
  actionNl: string,
  actionEn: string,
  initiator: string,
  planning: string,
  angles: Angle[],
  anchoring: string[],
  flags: string[] = [],
): Omit<DemoAction, 'number'> => ({
  targetGroup,
  actionNl,
  actionEn,
  initiator,
  planning,
  angles,
  anchoring,
  flags,
  sourceNote: `${S0}, l.${line}`,
});

const JEUGD = 'Jeugd';
const MEER = 'Meer burgers betrekken';
const WMO = 'Beleidsplan Wmo';
const AJO = 'Agenda jeugd en onderwijs';
const WZZ = 'Programma woonzorgzoning';

/** The 16 rows, in the seed's order (numbered 1–16; the seed line is in each source note). */
export const KRIMPEN_ACTIONS: readonly DemoAction[] = [
  row(
    119,
    JEUGD,
    'Speelplekken en hangplekken opnieuw inrichten.',
    'Redesign play areas and hang-out spots.',
    'Gemeente',
    '2010',
    [B],
    ['Beleidsvisie speelruimte', AJO],
  ),
  row(
    120,
    JEUGD,
    'Jeugdparticipatie, onder meer via een interactieve website.',
    'Youth participation, among other things through an interactive website.',
    'Gemeente',
    '2010 ontwerp 2011 uitwerking',
    [B],
    ['Plan van aanpak jeugdparticipatie', AJO],
  ),
  row(
    121,
    JEUGD,
    'Scholen faciliteren dialoog jong-oud. Voorbeeldproject: Kompas / Facet.',
    'Schools facilitate a dialogue between young and old. Example: Kompas / Facet.',
    'Gemeente i.s.m. Seniorenplatform.',
    '2010',
    [B, V],
    [WMO, AJO],
  ),
  row(
    124,
    JEUGD,
    'Dialogoong jong-oud tevens onderwerp in Bloemrijk',
    'The young–old dialogue is also a topic in Bloemrijk',
    'Projectgroep Bloemrijk',
    '2010',
    [],
    ['Activiteitenprogr. Bloemrijk'],
    ['"Dialogoong" staat zo in de bron (bedoeld: dialoog); geen hoek aangekruist (l.124).'],
  ),
  row(
    125,
    JEUGD,
    "Ketensamenwerking van professionele 'signaleerders', vroege onderkenning van knelpunten, óók door de gemeenschap zelf.",
    'Chain cooperation of professional "signallers": early recognition of problems, also by the community itself.',
    'Gemeente',
    '2010 2011',
    [B, V],
    ['Uitvoeringsplan CJG', AJO],
  ),
  row(
    126,
    'Sport',
    'Sportverenigingen versterken hun relatie tot buurt en onderwijs.',
    'Sports clubs strengthen their ties with the neighbourhood and schools.',
    'Gemeente i.s.m. Sportraad',
    '2010',
    [B, V],
    ['Sportnota'],
  ),
  row(
    127,
    'Onderwijs',
    '(Basis)scholen versterken hun relatie met de buurt (voorbeeldproject Kompas / Facet).',
    '(Primary) schools strengthen their ties with the neighbourhood (example: Kompas / Facet).',
    'Gemeente',
    '2010',
    [B, V],
    [WZZ, 'Integraal Huisvestingsplan', 'Beleidskader Brede school'],
  ),
  row(
    128,
    'Cultuur',
    'Kunstuitingen en culturele activiteiten en muziek bewuster benutten voor versterking sociale samenhang.',
    'Use art, cultural activities and music more deliberately to strengthen social cohesion.',
    'Gemeente',
    '2010-2011',
    [B, D],
    ['Beleidskader Subsidiëring 2008-2012', 'Cultuurbeleid'],
  ),
  row(
    129,
    'Veiligheid',
    'Wijkschouwen bewuster benutten voor versterking sociale samenhang.',
    'Use neighbourhood inspections more deliberately to strengthen social cohesion.',
    'Gemeente',
    '2010 instrument wijkschouw vernieuwen 2011 werken volgens vernieuwde opzet.',
    [B, V],
    [WZZ, 'Meerjarenplan openbare ruimte'],
  ),
  row(
    130,
    'Werk en inkomen',
    'Experimenten met voorzieningen werk & inkomen in relatie tot maatschappelijke activiteit, bijv. speeltuinvereniging',
    'Experiments with work and income provisions in relation to social activity, e.g. a playground association',
    'Gemeente',
    '2010 kader formuleren 2011 realisering',
    [B, D, V],
    ['Wmo beleidsplan', 'Uitvoeringsplan werk en inkomen'],
  ),
  row(
    131,
    MEER,
    'Gemeenschapsvorming faciliteren. Voorbeeldproject Facet en Rondweg / Middenwetering.',
    'Facilitate community building. Example: Facet and Rondweg / Middenwetering.',
    'Seniorenplatform; Gemeente',
    '2010',
    [B, V],
    [WZZ, 'Project verzorgd en vertrouwd wonen'],
  ),
  row(132, MEER, 'Buurtcoach Bloemrijk.', 'Neighbourhood coach Bloemrijk.', 'Projectgroep Bloemrijk', '2010-2011', [B, D], [WZZ]),
  row(
    133,
    MEER,
    'Bewonersinitiatieven faciliteren via fonds.',
    "Facilitate residents' initiatives through a fund.",
    'Gemeente',
    '2010',
    [B, D, V],
    [WMO],
  ),
  row(
    134,
    MEER,
    'Opzoemer Mee',
    'Opzoemer Mee',
    'Bewoners initiëren en organiseren; gemeente faciliteert.',
    'Koppeling aan wijkschouw',
    [B, D, V],
    [WMO],
    [
      'In de bron staat een beschrijving in de kolom "Initiatief/coördinatie" en staat in de kolom "Planning" geen planning maar "Koppeling aan wijkschouw" (l.134); zo overgenomen.',
    ],
  ),
  row(
    135,
    MEER,
    'Betrekken bewoners bij ruimtelijke projecten, o.a. via ontwerpateliers.',
    'Involve residents in spatial projects, among other things through design workshops.',
    'Gemeente i.s.m. partners',
    '2010-2011',
    [B, D, V],
    [],
    ['"Borging in" is leeg in de bron (l.135).'],
  ),
  row(
    138,
    MEER,
    "Talenten en aanbod van (vrijwilligers)werk combineren met vraag naar inzet van mensen in buurten, verenigingen, gemeenschappen. 'Marktplaats' faciliteren.",
    "Combine talents and (volunteer) work on offer with the demand for people's help in neighbourhoods, clubs and communities. Facilitate a 'Marktplaats'.",
    'Gemeente i.s.m. bewoners.',
    '2010 ontwerp 2011 realisering',
    [B, D, V],
    [WMO],
  ),
].map((r, i) => ({ number: i + 1, ...r }));

export const KRIMPEN_FORUMS: readonly DemoForum[] = [
  {
    name: 'Werkgroep Sociale Samenhang',
    kind: 'working_group',
    rhythmMonths: 2,
    descriptionNl:
      'Komt regelmatig bijeen (1x per 2 maanden) om de voortgang te bespreken. Vertegenwoordigers van Wmo-beraad, Seniorenplatform en gemeente. Taken: de uitwerking organiseren via trekkers per activiteit, de voortgang monitoren, methodieken aandragen en de borging in beleids- en bedrijfsplannen en begrotingen; een projectleider ondersteunt.',
    descriptionEn:
      'Meets regularly (once every two months) to discuss progress. Representatives of the Wmo council, the seniors platform and the municipality. Tasks: organise the work through a lead per activity, monitor progress, bring in methods, and anchor the activities in policy and business plans and budgets; a project leader supports it.',
    sourceNote: `${S0}, l.173-181`,
  },
];
