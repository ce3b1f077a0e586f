import { eur, type DemoBudgetLine, type DemoCard } from './demo.types.ts';
import { S1 } from './heerhugowaard.ts';

/**
 * The eight project cards of *Meedoen is winnen* (seed 001 §5, l.534-860) with Bijlage 1
 * "Planning deelprojecten" (l.863-905) as budget lines. Coverage lines are Bijlage 1 exactly
 * (plus the partner share card 2 states); unknown amounts are null, never 0. How each card's
 * money is modelled, and why, is in docs/programmes-demo.md. The seed names the leads
 * ("Trekker"): only their role is kept.
 *
 * Areas are CBS 2024 wijken of Dijk en Waard: WK198013 Bomen- Recreatiewijk, WK198014
 * Heemradenwijk, WK198016 Molenwijk, WK198017 Rivierenwijk, WK198022 Oostertocht,
 * WK198023 Zuidwijk, WK198024 Huygenhoek, WK198025 Stad van de Zon.
 */
const BOMEN = 'WK198013';
const HEEMRADEN = 'WK198014';
const MOLEN = 'WK198016';
const RIVIEREN = 'WK198017';
const OOSTERTOCHT = 'WK198022';
const ZUIDWIJK = 'WK198023';
const HUYGENHOEK = 'WK198024';
const STAD_VAN_DE_ZON = 'WK198025';

const GEMEENTE = 'Gemeente Heerhugowaard';
/** The whole municipality, for the cards that name no wijk (a card needs at least one area). */
const GEMEENTE_AREA = 'GM1980';
const LEAD = 'trekker (gemeente; naam in de bron weggelaten)';

const cost = (
  year: number | null,
  recurrence: DemoBudgetLine['recurrence'],
  euros: number | null,
  label: string,
  line: string,
): DemoBudgetLine => ({
  kind: 'cost',
  year,
  recurrence,
  amountCents: euros === null ? null : eur(euros),
  source: null,
  label,
  sourceNote: `${S1}, ${line}`,
});
const cover = (
  year: number | null,
  recurrence: DemoBudgetLine['recurrence'],
  euros: number | null,
  source: string,
  label: string,
  line: string,
): DemoBudgetLine => ({
  kind: 'coverage',
  year,
  recurrence,
  amountCents: euros === null ? null : eur(euros),
  source,
  label,
  sourceNote: `${S1}, ${line}`,
});

export const HHW_CARDS: readonly DemoCard[] = [
  {
    number: '1',
    titleNl: 'Heemradenwijk en Bomenwijk: Centrumwaard, sociale paragraaf',
    titleEn: 'Heemradenwijk and Bomenwijk: Centrumwaard, social paragraph',
    aimNl:
      'Het project Centrumwaard is een herstructureringsproject waarin woningbouwcorporatie Ymere, sociaal cultureel werk en gemeente samenwerken. Meer mogelijkheden voor ontmoeting, versterken van het sociale netwerk van professionele partners en vrijwilligersorganisaties en de overlast van jeugd en jongeren worden aangepakt in de sociale paragraaf.',
    aimEn:
      'Centrumwaard is a regeneration project of the housing corporation Ymere, social and cultural work and the municipality. The social paragraph deals with more opportunities to meet, a stronger network of professional partners and volunteer organisations, and nuisance from young people.',
    plannedStart: '2010-01-01',
    plannedEnd: null,
    periodText: '2010 ev',
    ownerOrganisation: GEMEENTE,
    ownerText: 'gemeente Heerhugowaard in samenwerking met woningbouwcorporatie Ymere',
    parties: ['SRO', 'WOC', 'Wijkbeheer', 'Ymere', 'Kern8', 'bewoners', 'bedrijven'],
    targetGroups: [],
    areaCodes: [HEEMRADEN, BOMEN],
    leads: [],
    goals: ['1', '2'],
    lines: [
      cost(null, 'one_off', null, 'Kosten niet genoemd', 'l.569'),
      cover(null, 'one_off', null, 'other', 'Gefinancierd als onderdeel programmaplan Centrumwaard', 'l.569, l.885'),
    ],
    flags: [
      'Periode: de kaart zegt "2010 ev" (l.537), Bijlage 1 zegt 2010-2011 (l.884).',
      'Geen bedragen: "integraal onderdeel van het programmaplan ontwikkeling Centrumwaard" (l.569); kosten en dekking onbekend.',
      'Geen trekker genoemd.',
    ],
    sourceNote: `${S1}, l.534-569, l.883-885`,
  },
  {
    number: '2',
    titleNl: 'Rivierenwijk en Molenwijk: "Samen verder verbeteren"',
    titleEn: 'Rivierenwijk and Molenwijk: "Improving further together"',
    aimNl:
      'Met sociale partners uit de wijk wordt een lange termijn wijkvisie ontwikkeld op de Rivierenwijk die zowel fysieke als sociale componenten bevat. Door Woonwaard is het concept van \u2018de wijkmaatschappij\u2019 (SEV) ingebracht als mogelijke onderlegger voor de samenwerking.',
    aimEn:
      'With social partners from the neighbourhood a long-term vision for Rivierenwijk is developed, with physical and social parts. Woonwaard brought in the "wijkmaatschappij" concept (SEV) as a possible basis for the cooperation.',
    plannedStart: '2009-01-01',
    plannedEnd: '2010-12-31',
    periodText: '2009-2010',
    ownerOrganisation: GEMEENTE,
    ownerText: 'gemeente Heerhugowaard en Woonwaard',
    parties: [
      'SRO',
      'WOC',
      'Wijkbeheer',
      'Woonwaard',
      'Kern 8',
      'scholen Molen- en Rivierenwijk',
      'Leger des Heils',
      'vrijwilligersorganisaties',
      'bewoners',
    ],
    targetGroups: [],
    areaCodes: [RIVIEREN, MOLEN],
    leads: [{ roleLabel: LEAD, areaCodes: [] }],
    goals: ['1', '2'],
    lines: [
      cost(2009, 'one_off', 20000, 'Kosten €20.000, waarvan €10.000 Woonwaard en €10.000 gemeente', 'l.607'),
      cover(2009, 'one_off', 10000, 'wmo', 'WMO', 'l.609, l.871'),
      cover(2009, 'one_off', 10000, 'partner', 'Woonwaard (aandeel in de kosten; niet in Bijlage 1)', 'l.607'),
      cost(2010, 'one_off', 31000, 'Vervolg 2010 ten laste van het gemeentelijk budget', 'l.607'),
      cover(2010, 'one_off', 31000, 'general_budget', 'alg budget WB', 'l.609, l.873'),
    ],
    flags: [
      'Kosten staan er drie keer anders: "Grove schatting incidentele kosten gemeente €30.000" (l.605); "€20.000 waarvan €10.000 door Woonwaard en €10.000 door de gemeente" (l.607); vervolg 2010 €31.000 (l.607). Hier: 2009 €20.000 en 2010 €31.000; de schatting van €30.000 is niet als regel opgenomen.',
      'Bijlage 1 noemt alleen het gemeentelijke deel (2009 €10.000 WMO, 2010 €31.000 alg budget WB, l.871-873); het aandeel van Woonwaard (€10.000) komt van de kaart (l.607).',
    ],
    sourceNote: `${S1}, l.572-611, l.869-873`,
  },
  {
    number: '3',
    titleNl: 'Goed voor elkaar, vrijwilligersondersteuning',
    titleEn: '"Good for each other", volunteer support',
    aimNl:
      'Uit een quickscan van het ministerie van VWS bleek dat de gemeente inzake vrijwilligersbeleid op de basisfuncties Verbreiden en Verankeren onvoldoende scoort. Er is een adviestraject aangevraagd; naar verwachting zullen daaruit projecten voor versterking van deze basisfuncties vloeien.',
    aimEn:
      'A quick scan by the ministry of VWS found the municipality scores too low on the volunteer-policy functions Spreading and Anchoring. An advisory process has been requested; projects to strengthen these functions are expected to follow.',
    plannedStart: '2010-01-01',
    plannedEnd: '2011-12-31',
    periodText: '2010-2011',
    ownerOrganisation: GEMEENTE,
    ownerText: 'gemeente Heerhugowaard',
    parties: ['Wijkbeheer', 'WOC', 'Verenigingswinkel van Kern 8', 'vrijwilligersorganisaties (zo mogelijk)'],
    targetGroups: [],
    areaCodes: [GEMEENTE_AREA],
    leads: [{ roleLabel: LEAD, areaCodes: [] }],
    goals: ['1', '2'],
    lines: [
      cost(2010, 'per_year', 12500, 'Vervolgtraject, 2010 (kaart: €25.000, deels incidenteel, deels structureel)', 'l.650-654, l.893'),
      cover(2010, 'per_year', 12500, 'wmo', 'WMO', 'l.654, l.893'),
      cost(2011, 'per_year', 25000, 'Vervolgtraject, 2011', 'l.650-654, l.895'),
      cover(2011, 'per_year', 25000, 'wmo', 'WMO', 'l.654, l.895'),
    ],
    flags: [
      'Kaart: vervolgtraject €25.000, "gedeeltelijk incidenteel en gedeeltelijk structureel" (l.650-652); gedekt 2010 €12.500 en 2011 €25.000 (l.654, l.893-895). Kosten per jaar hier gelijk aan die dekking (€25.000 per jaar, 2010 de helft); anders kwam de dekking boven de kosten.',
    ],
    sourceNote: `${S1}, l.614-658, l.891-895`,
  },
  {
    number: '4',
    titleNl: 'Evaluatie wijkgericht werken binnen Heerhugowaard',
    titleEn: 'Evaluation of neighbourhood-based work in Heerhugowaard',
    aimNl:
      'Na een aantal jaren ervaring met de gekozen variant van wijkgericht werken waarin wijkpanels een centrale rol spelen, is de tijd rijp om de resultaten te evalueren: of en in welke mate deze variant bijdraagt aan het versterken van burgerparticipatie en het vergroten van de sociale samenhang.',
    aimEn:
      'After some years with the chosen form of neighbourhood-based work, in which neighbourhood panels are central, it is time to evaluate whether and how far it strengthens citizen participation and social cohesion.',
    plannedStart: '2009-01-01',
    plannedEnd: '2010-12-31',
    periodText: '2009-2010',
    ownerOrganisation: GEMEENTE,
    ownerText: 'gemeente Heerhugowaard; uitvoering door een externe partij',
    parties: ['Wijkbeheer', 'wijkpanels', 'sociale partners'],
    targetGroups: [],
    areaCodes: [GEMEENTE_AREA],
    leads: [{ roleLabel: LEAD, areaCodes: [] }],
    goals: ['1'],
    lines: [
      cost(2010, 'one_off', 35000, 'Evaluatie (externe partij)', 'l.690, l.877'),
      cover(2010, 'one_off', 35000, 'general_budget', 'alg budget WB', 'l.692, l.877'),
    ],
    flags: ['De kaart noemt geen jaar voor de kosten (l.690); het jaar 2010 komt uit Bijlage 1 (l.877).'],
    sourceNote: `${S1}, l.661-696, l.875-877`,
  },
  {
    number: '5',
    titleNl: 'Communicatie-lijn met als doel bewustwording actief burgerschap en rolverandering',
    titleEn: 'Communication line: awareness of active citizenship and changing roles',
    aimNl:
      'Om inwoners, bedrijven en organisaties zich bewust te laten worden van het veranderende appèl dat op hen wordt gedaan aangaande actief burgerschap en sociale samenhang is veel publiciteit noodzakelijk.',
    aimEn:
      'Residents, businesses and organisations need much publicity to become aware of the changing appeal made to them on active citizenship and social cohesion.',
    plannedStart: '2010-01-01',
    plannedEnd: '2010-12-31',
    periodText: '2010',
    ownerOrganisation: GEMEENTE,
    ownerText: 'gemeente Heerhugowaard',
    parties: ['Wijkbeheer', 'WOC', 'communicatie', 'Stichting de Waaijer (mogelijk)'],
    targetGroups: [],
    areaCodes: [GEMEENTE_AREA],
    leads: [{ roleLabel: LEAD, areaCodes: [] }],
    goals: ['1', '2'],
    lines: [
      cost(2010, 'per_year', 3000, 'Publiciteit, €3.000 per jaar (structureel)', 'l.727-729'),
      cover(2010, 'per_year', 3000, 'wmo', 'WMO budget', 'l.731, l.889'),
    ],
    flags: [
      'Periode: de kaart zegt 2010 (l.702, l.715), Bijlage 1 zegt 2010-2011 (l.888).',
      'De kosten zijn €3.000 per jaar, structureel (l.727-729); Bijlage 1 noemt €3.000 WMO zonder jaar (l.889). Alleen 2010, het jaar van de kaart, is opgenomen.',
    ],
    sourceNote: `${S1}, l.699-735, l.887-889`,
  },
  {
    number: '6',
    titleNl: 'Project versterken ontmoeting en sociale samenhang Bomenwijk, Oostertocht, Molenwijk en Rivierenwijk',
    titleEn: 'Strengthening meeting and social cohesion in Bomenwijk, Oostertocht, Molenwijk and Rivierenwijk',
    aimNl:
      'In samenwerking met professionele, vrijwilligersorganisaties (w.o. buurthuis en wijkpanel) en inwoners opzetten van kleinschalige ontmoetingsactiviteiten die leiden tot een toename van de sociale samenhang, zoals volkstuintjes met samen koken en eten, het project goudkistjes en project Kan Wel waarin een buurtcoach burgers stimuleert tot actief burgerschap.',
    aimEn:
      'Small-scale meeting activities with professional and volunteer organisations (including the community centre and neighbourhood panel) and residents that increase social cohesion: allotments with cooking and eating together, the "goudkistjes" project, and Kan Wel, in which a neighbourhood coach encourages active citizenship.',
    plannedStart: '2010-01-01',
    plannedEnd: '2011-12-31',
    periodText: '2010-2011',
    ownerOrganisation: GEMEENTE,
    ownerText: 'gemeente Heerhugowaard',
    parties: ['Wijkbeheer', 'WOC', 'Kern 8', 'Woonwaard', 'de Waaijer', 'wijkpanel', 'buurthuis', 'individuele inwoners'],
    targetGroups: [],
    areaCodes: [BOMEN, OOSTERTOCHT, MOLEN, RIVIEREN],
    leads: [
      { roleLabel: 'trekker Rivierenwijk en Molenwijk (naam in de bron weggelaten)', areaCodes: [RIVIEREN, MOLEN] },
      { roleLabel: 'trekker Bomenwijk (naam in de bron weggelaten)', areaCodes: [BOMEN] },
    ],
    goals: ['2'],
    lines: [
      cost(2010, 'per_year', 30000, 'Gemeentelijke bijdrage bij co-financiering, jaarbedrag (structureel)', 'l.770-774'),
      cover(2010, 'one_off', 20000, 'innovation_fund', 'Kan Wel uit "Zo kan het ook" 2010', 'l.776, l.899'),
    ],
    flags: [
      'Bijlage 1 noemt het project alleen "Molen- en Rivierenwijk" (l.897); de kaart noemt ook Bomenwijk en Oostertocht (l.742).',
      'De kosten zijn een structureel jaarbedrag van €30.000 (l.770-772); alleen 2010 is begroot. Ontbrekende dekking €10.000 volgens de bron (l.778, l.901): hier berekend uit de regels, niet overgetypt.',
      'Co-financiering door Woonwaard en wijkpanels is genoemd zonder bedrag (l.766) en niet als regel opgenomen.',
      'Geen trekker voor Oostertocht genoemd (l.780-782).',
    ],
    sourceNote: `${S1}, l.738-782, l.897-901`,
  },
  {
    number: '7',
    titleNl: 'Project versterken individuele participatie/integratie op sociaal en economisch gebied Molen en Rivierenwijk',
    titleEn: 'Strengthening individual participation and integration, socially and economically, in Molenwijk and Rivierenwijk',
    aimNl:
      'Met de betrokken partijen wordt een groep burgers uit de kaartenbak van sociale zaken benaderd met een aanbod om in te stromen in een traject van schuldhulpverlening en een passende (betaalde of onbetaalde) daginvulling.',
    aimEn:
      'With the partners, a group of residents known to the social services is offered a route into debt counselling and suitable (paid or unpaid) day activities.',
    plannedStart: '2010-01-01',
    plannedEnd: '2011-12-31',
    periodText: '2010-2011',
    ownerOrganisation: GEMEENTE,
    ownerText: 'gemeente Heerhugowaard (sociale zaken, participatie en re-integratie)',
    parties: [
      'Wijkbeheer',
      'WOC',
      'SOZA',
      'WNK',
      'Kern 8',
      'GGZ',
      'Leger des Heils',
      'Woonwaard',
      'de Waaijer',
      'Esdégé',
      'Humanitas',
      'de Wering',
      'vrijwilligersorganisaties (zo mogelijk)',
    ],
    targetGroups: ['inwoners met een lage participatiegraad, eenzaamheidsproblematiek en psychosociaal kwetsbaren'],
    areaCodes: [MOLEN, RIVIEREN],
    leads: [{ roleLabel: 'trekker (gemeente; naam in de bron weggelaten, met vraagteken)', areaCodes: [] }],
    goals: ['2'],
    lines: [
      cost(null, 'one_off', null, 'Onbekend: afhankelijk van het aantal individuele trajecten', 'l.817, l.821'),
      cover(null, 'one_off', null, 'participation', 'Participatiebudget', 'l.819, l.823, l.905'),
    ],
    flags: ['Kosten "Onbekend" (l.817): onbekend opgenomen, niet als 0.', 'De trekker staat in de bron met een vraagteken (l.825).'],
    sourceNote: `${S1}, l.787-825, l.903-905`,
  },
  {
    number: '8',
    titleNl: 'Project versterking van de sociale structuur van Zuid',
    titleEn: 'Strengthening the social structure of Zuid',
    aimNl:
      'Om te voorkomen dat de wijken Stad van de Zon, Zuidwijk/Huygenhoek afglijden, en sociale problematiek toeneemt, zoals in de wijkmonitor 2009 is gesignaleerd, is ingrijpen noodzakelijk. De sociale partners trekken gezamenlijk op om de ontbrekende sociale structuur in deze nieuwbouwwijk te ontwikkelen.',
    aimEn:
      'To keep Stad van de Zon and Zuidwijk/Huygenhoek from sliding down, as the 2009 Wijkmonitor signalled, the social partners jointly build the missing social structure of this new neighbourhood.',
    plannedStart: '2009-01-01',
    plannedEnd: '2010-12-31',
    periodText: '2009-2010',
    ownerOrganisation: 'Kern 8',
    ownerText:
      '2009: Kern 8 (locatiemanager Mediaan), in opdracht van de gemeente; na evaluatie kan de gemeente de rol van projecthouder overnemen. Primo is betrokken.',
    parties: ['Wijkbeheer', 'WOC', 'SRO', 'sociale partners binnen de Mediaan', 'Woonwaard', 'Primo'],
    targetGroups: [],
    areaCodes: [STAD_VAN_DE_ZON, ZUIDWIJK, HUYGENHOEK],
    leads: [],
    goals: ['2'],
    lines: [
      cost(null, 'one_off', null, 'Kosten niet genoemd', 'l.858-860'),
      cover(null, 'one_off', null, 'province', 'Provinciale subsidie via Primo', 'l.860, l.881'),
    ],
    flags: [
      'Geen bedragen: "Primo ontvangt voor dit project provinciale subsidiering" (l.860, l.881); kosten en dekking onbekend.',
      'Geen trekker genoemd; de projecthouder kan na evaluatie wisselen (l.850).',
    ],
    sourceNote: `${S1}, l.828-860, l.879-881`,
  },
];
