import type { IndicatorDefinition } from '../../../platform/module.ts';
import type { AreaClass } from '../classify/classify.ts';

/**
 * Heerhugowaard's monitor from seed 001 (programme "Meedoen is winnen", 2010): the eight SMART
 * targets on Wijkmonitor questions (§3, goals table l.412-457) and the municipality's own
 * classification of its wijken (§4.1, l.270-377), on the CBS 2024 wijk codes of Dijk en Waard.
 * The seed gives no measured values ("Nog toevoegen resultaten 2007, 2009 en streefwaarden 2011",
 * l.412 and l.447): the demo measurements made from these are invented and marked so.
 */
export const HHW_TENANT = 'GM1980';
export const SEED = 'Seed 001, Meedoen is winnen (Heerhugowaard)';

const wm = (
  code: string,
  unit: 'percent' | 'score',
  theme: IndicatorDefinition['theme'],
  nameNl: string,
  nameEn: string,
  question: number,
): IndicatorDefinition => ({
  code,
  nameNl,
  nameEn,
  descriptionNl: `Wijkmonitor Heerhugowaard, vraag ${question}.`,
  descriptionEn: `Heerhugowaard Wijkmonitor, question ${question}.`,
  unit,
  direction: 'up',
  source: 'survey',
  theme,
  minRespondents: 30,
  decimals: unit === 'score' ? 1 : 0,
});

/** The eight Wijkmonitor indicators (the same codes the surveys module produces). */
export const WM_DEFINITIONS: readonly IndicatorDefinition[] = [
  wm('wm07_cohesion', 'score', 'know', 'Kengetal sociale cohesie', 'Social cohesion index', 7),
  wm('wm09_active', 'percent', 'together', 'Actief in de wijk', 'Active in the neighbourhood', 9),
  wm(
    'wm10_involvement_satisfied',
    'percent',
    'participation',
    'Tevreden over betrekken bewoners',
    'Satisfied with how residents are involved',
    10,
  ),
  wm('wm11_responsible', 'percent', 'together', 'Voelt zich verantwoordelijk voor de wijk', 'Feels responsible for the neighbourhood', 11),
  wm('wm24_social_facilities', 'percent', 'meet', 'Tevreden over sociale voorzieningen', 'Satisfied with social facilities', 24),
  wm(
    'wm25_contact_opportunities',
    'percent',
    'meet',
    'Ziet voldoende mogelijkheden voor sociaal contact',
    'Sees enough opportunities for social contact',
    25,
  ),
  wm('wm59_volunteering', 'percent', 'together', 'Doet vrijwilligerswerk', 'Does volunteer work', 59),
  wm('wm71_enough_contact', 'percent', 'know', 'Heeft voldoende contact met anderen', 'Has enough contact with other people', 71),
];

export interface SeedTarget {
  indicatorCode: string;
  targetValue: number;
  line: string;
  /** The seed's own words. */
  quote: string;
}

/** §5.1 of the seed facts: baseline Wijkmonitor 2009 (l.228), target year 2011, all "minimaal". */
export const HHW_TARGETS: readonly SeedTarget[] = [
  {
    indicatorCode: 'wm09_active',
    targetValue: 20,
    line: 'l.240, l.416',
    quote: 'Percentage burgers dat actief is in de wijk is minimaal 20%',
  },
  {
    indicatorCode: 'wm10_involvement_satisfied',
    targetValue: 35,
    line: 'l.242, l.418',
    quote: 'tevredenheid over gemeente bij betrekken bewoners minimaal 35%',
  },
  {
    indicatorCode: 'wm11_responsible',
    targetValue: 80,
    line: 'l.244, l.420',
    quote: 'verantwoordelijk voor leefbaarheid in de wijk minimaal 80%',
  },
  { indicatorCode: 'wm59_volunteering', targetValue: 33, line: 'l.246, l.422', quote: 'vrijwilligerswerk minimaal 33%' },
  {
    indicatorCode: 'wm07_cohesion',
    targetValue: 6.2,
    line: 'l.260, l.451',
    quote: 'kengetal sociale cohesie minimaal 6,2 (raadsbegroting)',
  },
  {
    indicatorCode: 'wm24_social_facilities',
    targetValue: 41,
    line: 'l.262, l.453',
    quote: 'tevreden over sociale voorzieningen minimaal 41%',
  },
  {
    indicatorCode: 'wm25_contact_opportunities',
    targetValue: 39,
    line: 'l.264, l.455',
    quote: 'voldoende mogelijkheden tot sociaal contact minimaal 39%',
  },
  {
    indicatorCode: 'wm71_enough_contact',
    targetValue: 82,
    line: 'l.266, l.457',
    quote: '82% van de HHW\u2019ers vindt dat ze voldoende contact heeft met andere mensen',
  },
];

export interface SeedClassification {
  areaCode: string;
  class: AreaClass;
  label: string;
  knelpunten: string[];
  line: string;
}

const ABOVE = 'bovengemiddeld';
const AROUND = 'gemiddeld';
const BELOW = 'minder dan gemiddeld (hoge prioritering)';
const SCHRIJVERS = [
  'Overlast van jeugd en kleine criminaliteit rond Middenwaard',
  'Beperkte sociale samenhang en activiteiten voor sociaal contact en ontmoeting',
];
const ZUID = [
  'Ontbreken van sociale structuur',
  'Gemis aan ontmoetingsplekken en sociale samenhang',
  'Multifunctioneel centrum de Mediaan is geen brandpunt van sociale samenhang; imago "alleen voor de kwetsbaren"',
  'Onvoldoende sociaal netwerk tussen professionele en vrijwilligersorganisaties',
];
const BOMEN = [
  'Betrokkenheid van bewoners op ontwikkelingen is laag',
  'Weinig verantwoordelijkheidsgevoel voor de wijk',
  'Sociaal netwerk onvoldoende sterk',
  'Ontbreken ontmoetingsplek in Heemradenwijk',
  'Overlast van jeugd en criminaliteit',
];
const MOLEN = [
  'Fysieke staat van de wijk onvoldoende, slecht onderhoud (ook privaat)',
  'Weinig binding met en verantwoordelijkheidsgevoel voor de wijk',
  'Weinig sociale samenhang en participatie',
  'Te weinig plekken en activiteiten voor ontmoeting; Buurthuis De Link levert onvoldoende bijdrage',
  'Gebrek aan signaleringsfunctie',
  'Gemiddeld laag inkomen, veel uitkeringen, veel risicogroepen: schulden en eenzaamheid',
  'Hoog gevoel van onveiligheid',
  'Hoge migratiegraad, vertrek van middenklasse en sociaal krachtigere bewoners',
  'Sociaal netwerk van professionele en vrijwilligersorganisaties moet worden versterkt',
];

/**
 * The seed's classification (2009 analysis) on the CBS 2024 wijken (names as in the 2024 wijk file).
 * Not classified: Stadshart WK198018 (holds the former stationsgebied), Broekhorn WK198019,
 * Bedrijventerrein WK198020, De Draai WK198026, 't Kruis WK198028.
 */
export const HHW_CLASSIFICATION: readonly SeedClassification[] = [
  {
    areaCode: 'WK198021',
    class: 'above',
    label: ABOVE,
    knelpunten: ['Verkeerssituatie rond de Middenweg (buiten het programma)'],
    line: 'l.284-286',
  },
  {
    areaCode: 'WK198022',
    class: 'above',
    label: ABOVE,
    knelpunten: [
      'Woonwaard: derde aandachtswijk; problemen in het huursegment',
      'Reële kans op toename van sociale problemen: blijven volgen',
    ],
    line: 'l.284, l.288',
  },
  {
    areaCode: 'WK198027',
    class: 'above',
    label: ABOVE,
    knelpunten: ['Verkeerssituatie rond de Middenweg', 'Bereikbaarheid van het stadshart voor ouderen uit De Noord'],
    line: 'l.284-286',
  },
  { areaCode: 'WK198010', class: 'around', label: AROUND, knelpunten: SCHRIJVERS, line: 'l.291, l.299-303' },
  { areaCode: 'WK198012', class: 'around', label: AROUND, knelpunten: SCHRIJVERS, line: 'l.291, l.299-303' },
  { areaCode: 'WK198011', class: 'around', label: AROUND, knelpunten: SCHRIJVERS, line: 'l.291, l.299-303' },
  { areaCode: 'WK198015', class: 'around', label: AROUND, knelpunten: [], line: 'l.291' },
  { areaCode: 'WK198025', class: 'around', label: AROUND, knelpunten: ZUID, line: 'l.291, l.315-323' },
  { areaCode: 'WK198023', class: 'around', label: AROUND, knelpunten: ZUID, line: 'l.291, l.315-323' },
  { areaCode: 'WK198024', class: 'around', label: AROUND, knelpunten: ZUID, line: 'l.291, l.315-323' },
  { areaCode: 'WK198013', class: 'below', label: BELOW, knelpunten: BOMEN, line: 'l.333, l.335-345' },
  { areaCode: 'WK198014', class: 'below', label: BELOW, knelpunten: BOMEN, line: 'l.333, l.335-345' },
  { areaCode: 'WK198016', class: 'below', label: BELOW, knelpunten: MOLEN, line: 'l.333, l.359-377' },
  { areaCode: 'WK198017', class: 'below', label: BELOW, knelpunten: MOLEN, line: 'l.333, l.359-377' },
];

export const HHW_METHOD = 'Wijkmonitor 2009, wijkscan 2009 en SWOT per wijk met de sociale partners (seed 001 §4.1, l.270-280)';

/** All wijken of former Heerhugowaard on the CBS 2024 division (WK198010–WK198028). */
export const HHW_WIJKEN: readonly string[] = Array.from({ length: 19 }, (_, i) => `WK1980${10 + i}`);
