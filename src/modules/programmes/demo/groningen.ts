import { eur, type DemoAction, type DemoForum, type DemoGoal, type DemoProgramme, type DemoProgrammeBudgetLine } from './demo.types.ts';

/**
 * Groningen's *Wmo in Vitale buurten* (seed 003, beleidsnotitie October 2009): the budget tables
 * of §6b1 (available Wmo budget, l.463-475; its use for the basic functions, l.477-492), the 14
 * numbered actions, the three levels (l.201-213, kept as the programme's goals so that cards and
 * subsidy proposals can point at them), the three overleggen in the wijk (l.358-364) and one
 * invented subsidy proposal (is_demo) to show the six conditions (l.427-438).
 */
export const GRONINGEN_TENANT = 'GM0014';
export const S3 = 'Seed 003 (Wmo in Vitale buurten, Groningen)';

export const GRONINGEN_PROGRAMME: DemoProgramme = {
  slug: 'vitale-buurten',
  titleNl: 'Vitale buurten',
  titleEn: 'Vital neighbourhoods',
  summaryNl:
    'Beleidsnotitie Wmo in Vitale buurten (30 oktober 2009): basisfuncties per wijk (informatie en advies, signalering, ondersteuning, professionele zorgondersteuning) en de randvoorwaarden. "Het programma kan volledig worden gefinancierd uit de Wmo begroting 2010, aangevuld met € 250.000,-- uit de middelen voor verslavingszorg/maatschappelijke opvang" (l.53).',
  summaryEn:
    'Policy paper Wmo in Vital neighbourhoods (30 October 2009): basic functions per neighbourhood (information and advice, signalling, support, professional care support) and the preconditions. "The programme can be financed entirely from the 2010 Wmo budget, plus € 250,000 from the addiction care / shelter budget" (l.53).',
  ownerRole: 'afdeling Beleid en Programmering (OCSW)',
  startYear: 2010,
  endYear: null,
  sourceNote: `${S3}, l.5-6, l.30, l.45-53`,
};

/** The three levels (l.201-213). */
export const GRONINGEN_GOALS: readonly DemoGoal[] = [
  {
    number: 'a',
    parent: null,
    titleNl: 'Het basisniveau (proactief)',
    titleEn: 'The basic level (proactive)',
    descriptionNl: 'Burgers zijn in hoge mate zelfredzaam en kunnen juist ondersteuning bieden aan anderen; basisinfrastructuur.',
    descriptionEn: 'Residents are largely self-reliant and can support others; basic infrastructure.',
    sourceNote: `${S3}, l.203-205`,
  },
  {
    number: 'b',
    parent: null,
    titleNl: 'Het niveau van preventie en lichte begeleiding (primaire en secundaire preventie)',
    titleEn: 'The level of prevention and light support (primary and secondary prevention)',
    descriptionNl: 'Informatie en een lichte vorm van ondersteuning; problemen vroegtijdig signaleren.',
    descriptionEn: 'Information and light support; spotting problems early.',
    sourceNote: `${S3}, l.207-209`,
  },
  {
    number: 'c',
    parent: null,
    titleNl: 'Het niveau van duurzame ondersteuning (zorg of curatief)',
    titleEn: 'The level of lasting support (care or curative)',
    descriptionNl: 'Min of meer permanente zorg, aandacht of ondersteuning; soms meervoudige problematiek.',
    descriptionEn: 'More or less permanent care, attention or support; sometimes multiple problems.',
    sourceNote: `${S3}, l.211-213`,
  },
];

const bl = (
  side: DemoProgrammeBudgetLine['side'],
  labelNl: string,
  labelEn: string,
  euros: number | null,
  line: string,
): DemoProgrammeBudgetLine => ({
  side,
  year: null,
  labelNl,
  labelEn,
  amountCents: euros === null ? null : eur(euros),
  sourceNote: `${S3}, ${line}`,
});

/** "Beschikbaar Wmo-budget" (total € 1.245.000, l.475) and its use (total € 1.200.000, l.492). */
export const GRONINGEN_BUDGET: readonly DemoProgrammeBudgetLine[] = [
  bl('available', 'Wmo regulier budget (nog geen bestemming)', 'Regular Wmo budget (not yet allocated)', 330000, 'l.465'),
  bl('available', 'Wmo Awbz-pakketmaatregel (2010): pm', 'Wmo AWBZ package measure (2010): pm', null, 'l.466'),
  bl(
    'available',
    'Prestatieveld 1: Sociale samenhang: Opbouwwerk/empowerment',
    'Performance field 1: social cohesion: community work / empowerment',
    75000,
    'l.467',
  ),
  bl('available', 'Prestatieveld 4: Mantelzorg: mantelzorg algemeen', 'Performance field 4: informal care: general', 140000, 'l.468-469'),
  bl(
    'available',
    'Prestatieveld 4: Mantelzorg: vrijval versterking mantelzorg',
    'Performance field 4: informal care: released from strengthening informal care',
    200000,
    'l.468, l.470',
  ),
  bl('available', 'Prestatieveld 5: Diensten', 'Performance field 5: services', 200000, 'l.471'),
  bl('available', 'Prestatieveld 6: VSZ/MO', 'Performance field 6: social shelter / addiction care', 250000, 'l.472'),
  bl('available', 'Preventieprojecten', 'Prevention projects', 50000, 'l.473'),
  bl(
    'planned_use',
    '1. Versterken en uitbreiden informatie en adviesfunctie: uitbreiden twee Stips, eventueel via dependances',
    '1. Information and advice: two more Stips, possibly as branches',
    100000,
    'l.479-481',
  ),
  bl(
    'planned_use',
    '2. Versterken en doorontwikkelen signaleringsfunctie in de wijken (geen bedrag genoemd)',
    '2. Signalling function in the neighbourhoods (no amount given)',
    null,
    'l.482',
  ),
  bl(
    'planned_use',
    '3a. Versterken van de ontmoetingsfunctie: agogische ondersteuning',
    '3a. Meeting function: social-work support',
    400000,
    'l.484-485',
  ),
  bl(
    'planned_use',
    '3a. Versterken van de ontmoetingsfunctie: organisatiekosten',
    '3a. Meeting function: organisation costs',
    100000,
    'l.484, l.486',
  ),
  bl('planned_use', '3b. Informele steunsystemen: vrijwillige thuishulp', '3b. Informal support: volunteer home help', 300000, 'l.487-488'),
  bl(
    'planned_use',
    '4. Professionele zorgondersteuning: ondersteuningsstructuur',
    '4. Professional care support: support structure',
    300000,
    'l.489-490',
  ),
];

const act = (number: number, line: number, actionNl: string, actionEn: string, planning = ''): DemoAction => ({
  number,
  targetGroup: '',
  actionNl,
  actionEn,
  initiator: '',
  planning,
  angles: [],
  anchoring: [],
  flags: [],
  sourceNote: `${S3}, l.${line}`,
});

/** The 14 numbered actions (§5), in the seed's words. */
export const GRONINGEN_ACTIONS: readonly DemoAction[] = [
  act(
    1,
    294,
    'Het uitvoerend netwerk dat rond de Stips is/wordt gevormd, krijgt een duidelijke rol in het oppakken van signalen. De relatie met de meldpunten Overlast en Zorg en daarmee de OGGz, wordt versterkt.',
    'The network around the Stips gets a clear role in picking up signals; the link with the Overlast en Zorg reporting points, and so the OGGz, is strengthened.',
  ),
  act(
    2,
    296,
    'Wij maken afspraken met het Zorgkantoor over de vergoeding van AWBZ-gefinancierde zorgaanbieders voor deelname aan de uitvoerende netwerken op wijkniveau.',
    'Agreements with the Zorgkantoor on paying AWBZ-funded care providers to take part in the neighbourhood networks.',
  ),
  act(
    3,
    310,
    'Door toevoeging van extra formatie agogische ondersteuning versterken wij de ontmoetingsfunctie.',
    'Extra social-work staff to strengthen the meeting function.',
  ),
  act(
    4,
    312,
    'We gaan in overleg met zorgaanbieders over de inhoud van de ontmoetingsfunctie in de wijk.',
    'Talks with care providers on the meeting function in the neighbourhood.',
  ),
  act(5, 318, 'Wij continueren de op preventie gerichte activiteiten.', 'Continue the prevention activities.'),
  act(
    6,
    320,
    "Wij voeren wijkgerichte programma's uit om deelname aan sport- en beweegactiviteiten te activeren en te stimuleren",
    'Neighbourhood programmes to encourage taking part in sport and exercise.',
  ),
  act(7, 330, 'Wij voegen voor de zorgondersteuning extra middelen toe aan onze eerste lijn.', 'Extra means for first-line care support.'),
  act(
    8,
    344,
    "In de programma's van eisen maken wij afspraken met de instellingen over training en opleiding.",
    'Agreements on training in the programmes of requirements of the institutions.',
  ),
  act(
    9,
    346,
    'We onderzoeken de mogelijkheid van een beroepsgericht onderwijsaanbod gerelateerd aan welzijn, wonen en zorg.',
    'Explore vocational education in welfare, housing and care.',
  ),
  act(10, 348, "We organiseren een congres met het thema 'De Kanteling'.", "A congress on 'De Kanteling'.", 'komend voorjaar (l.342)'),
  act(
    11,
    354,
    "Wij onderzoeken de mogelijkheid om 'Samen actief' uit te breiden naar andere wijken.",
    "Explore extending 'Samen actief' to other neighbourhoods.",
  ),
  act(
    12,
    356,
    'Het komend jaar zoeken wij uit op welke wijze de doelstellingen van het Participatiebudget en de doelstellingen van de Wmo elkaar kunnen versterken.',
    'In the coming year, find out how the aims of the Participatiebudget and of the Wmo can strengthen each other.',
    'het komend jaar',
  ),
  act(
    13,
    374,
    'We ontwikkelen een communicatieplan voor het uitdragen van het Vitale buurtenprogramma.',
    'A communication plan for the Vital neighbourhoods programme.',
  ),
  act(
    14,
    376,
    'Voor de communicatie over voorzieningen in de wijken sluiten wij aan bij de communicatie die we op dit moment in het kader van de Stips stadsbreed ontwikkelen.',
    'Communication about neighbourhood facilities joins the city-wide communication being developed for the Stips.',
  ),
];

export const GRONINGEN_FORUMS: readonly DemoForum[] = [
  {
    name: 'Heel de buurt',
    kind: 'network',
    rhythmMonths: null,
    descriptionNl: 'Het overleg van bewoners, werkers en gemeente in de wijk.',
    descriptionEn: 'The meeting of residents, workers and the municipality in the neighbourhood.',
    sourceNote: `${S3}, l.360-362`,
  },
  {
    name: 'Wijkteam',
    kind: 'working_group',
    rhythmMonths: null,
    descriptionNl: 'Maken en uitvoeren van het NLA-programma.',
    descriptionEn: 'Makes and carries out the NLA programme.',
    sourceNote: `${S3}, l.360, l.363`,
  },
  {
    name: 'Beroepskrachten',
    kind: 'network',
    rhythmMonths: null,
    descriptionNl: 'Overleg van werkers in de wijk.',
    descriptionEn: 'Meeting of the professionals working in the neighbourhood.',
    sourceNote: `${S3}, l.360, l.364`,
  },
];

/** The label of everything invented (shown on the page beside it). */
export const DEMO_NOTE_NL = 'demo-waarde, verzonnen';

/**
 * One invented proposal (is_demo, labelled) to show the check against the six conditions (l.433-438,
 * keyed 1–6 in the seed's order); no organisation from the seed, no decision yet. Goals: the basic
 * level and prevention.
 */
export const GRONINGEN_DEMO_PROPOSAL = {
  organisationName: `Samenwerkende welzijnsorganisaties in de wijk (${DEMO_NOTE_NL})`,
  title: `Meerjarig wijkprogramma ontmoeting en signalering 2011-2013 (${DEMO_NOTE_NL})`,
  summary:
    'Verzonnen voorbeeld om de zes subsidievoorwaarden van Vitale buurten te tonen (seed 003 l.427-438, "vanaf 2011"). Geen echte aanvraag; bedragen en bewijs zijn verzonnen.',
  startYear: 2011,
  endYear: 2013,
  requestedCents: eur(60000),
  goalNumbers: ['a', 'b'],
  conditions: {
    '1': { met: true, evidence: `Plan samen opgesteld door drie organisaties in de wijk (${DEMO_NOTE_NL}).` },
    '2': { met: null, evidence: `Instemming van bewoners volgt na het Heel de buurt-overleg (${DEMO_NOTE_NL}).` },
    '3': { met: true, evidence: `Afgestemd met de activiteiten van de woningcorporatie in de wijk (${DEMO_NOTE_NL}).` },
    '4': { met: true, evidence: `Afsprakenlijst over inzet en bijdragen per organisatie bijgevoegd (${DEMO_NOTE_NL}).` },
    '5': { met: false, evidence: `Nog geen periodiek klanttevredenheidsonderzoek gepland (${DEMO_NOTE_NL}).` },
    '6': { met: null, evidence: `Bijdrage aan basisinfrastructuur en preventie nog te beoordelen (${DEMO_NOTE_NL}).` },
  },
} as const;
