/**
 * Demo places and activities of the social map, from the seeds: MFC De Horst, MFC De Mediaan and
 * buurthuis De Link (Heerhugowaard, seed 001); Stips with information, activating home visits,
 * rollator checks and fall-prevention courses (Groningen, seed 003); the Bloemrijk neighbourhood
 * coach and meeting places (Krimpen, seeds 000/002); a Harteklop-style open eettafel and inloop
 * and a Huiskamer project (seed 004). Addresses are invented; points are placed in the named area.
 */
import { DOELGROEP as D, FUNCTIE as F, TOEGANKELIJKHEID as T } from './taxonomy/taxonomy.ts';
import type { ScheduleInput } from './socialmap.schemas.ts';

export interface DemoOrg {
  name: string;
  description: string;
  /** Name in DEMO_ORGANISATIONS whose members maintain it. */
  peopleOrg?: string;
}

export interface DemoPlace {
  key: string;
  /** CBS code of the wijk or buurt it lies in. */
  area: string;
  name: string;
  description: string;
  org: string;
  address: { address_1: string; postal_code: string; city: string };
  access: string[];
}

/** A schedule without its target; `start`/`end` in days from now become dtstart/valid_from/valid_to. */
export type DemoSchedule = Omit<ScheduleInput, 'service_id' | 'location_id' | 'service_at_location_id'> & {
  startInDays?: number;
  endInDays?: number;
  cancelNext?: boolean;
};

export interface DemoActivity {
  name: string;
  description: string;
  org: string;
  places: string[];
  terms: string[];
  schedule?: DemoSchedule;
  /** Months since the provider last confirmed it (over 9 = stale); null = never. */
  checked: number | null;
}

export interface DemoTenantData {
  orgs: DemoOrg[];
  places: DemoPlace[];
  activities: DemoActivity[];
}

const weekly = (byday: string, opens_at: string, closes_at: string): DemoSchedule => ({ freq: 'WEEKLY', byday, opens_at, closes_at });
const monthly = (byday: string, opens_at: string, closes_at: string, description?: string): DemoSchedule => ({
  freq: 'MONTHLY',
  byday,
  opens_at,
  closes_at,
  ...(description ? { description } : {}),
});
const once = (inDays: number, opens_at: string, closes_at: string): DemoSchedule => ({ startInDays: inDays, opens_at, closes_at });

export const DEMO_SOCIALMAP: Record<string, DemoTenantData> = {
  GM0542: {
    orgs: [
      {
        name: 'Gemeente Krimpen aan den IJssel',
        description: 'Informatie over wonen, welzijn en zorg.',
        peopleOrg: 'Gemeente Krimpen aan den IJssel',
      },
      {
        name: 'Projectgroep Bloemrijk',
        description: 'Bewoners en partners die samen werken aan een fijne buurt Bloemrijk (programma woonzorgzonering).',
        peopleOrg: 'Gemeente Krimpen aan den IJssel',
      },
      { name: 'SOR', description: 'Wonen, zorg en welzijn voor ouderen.', peopleOrg: 'SOR' },
      { name: 'De Zellingen', description: 'Zorg en ondersteuning, ook voor mantelzorgers.', peopleOrg: 'De Zellingen' },
      { name: 'Seniorenplatform', description: 'Komt op voor de belangen van senioren in Krimpen.', peopleOrg: 'Seniorenplatform' },
      {
        name: 'Diaconie Krimpen',
        description: 'Kerken in Krimpen die samen een open eettafel en inloop organiseren, naar het voorbeeld van Harteklop.',
      },
    ],
    places: [
      {
        key: 'bloemrijk',
        area: 'BU05420003',
        name: 'Ontmoetingscentrum Bloemrijk',
        description: 'Buurtruimte in de wijk Bloemrijk.',
        org: 'Projectgroep Bloemrijk',
        address: { address_1: 'Tulpstraat 12', postal_code: '2925 AB', city: 'Krimpen aan den IJssel' },
        access: [T.rolstoel, T.aangepastToilet, T.ov],
      },
      {
        key: 'kerkzaal',
        area: 'BU05420001',
        name: 'Kerkzaal De Ontmoeting',
        description: 'Zaal naast de kerk, voor de eettafel en de inloop.',
        org: 'Diaconie Krimpen',
        address: { address_1: 'Kerkweg 4', postal_code: '2921 AA', city: 'Krimpen aan den IJssel' },
        access: [T.rolstoel, T.ringleiding],
      },
      {
        key: 'kortland',
        area: 'BU05420002',
        name: 'Wijkcentrum Kortland',
        description: 'Wijkcentrum met spreekuren en activiteiten.',
        org: 'Gemeente Krimpen aan den IJssel',
        address: { address_1: 'Kortlandstraat 50', postal_code: '2922 BC', city: 'Krimpen aan den IJssel' },
        access: [T.rolstoel, T.aangepastToilet, T.parkeren, T.ov],
      },
      {
        key: 'soos',
        area: 'BU05420000',
        name: 'Seniorensoos Oud Krimpen',
        description: 'Ontmoetingsruimte voor senioren.',
        org: 'Seniorenplatform',
        address: { address_1: 'Dorpsstraat 8', postal_code: '2924 AD', city: 'Krimpen aan den IJssel' },
        access: [T.parkeren],
      },
    ],
    activities: [
      {
        name: 'Buurtcoach Bloemrijk',
        description: 'De buurtcoach helpt bewoners van Bloemrijk met vragen en brengt buren met elkaar in contact.',
        org: 'Projectgroep Bloemrijk',
        places: ['bloemrijk'],
        terms: [F.informeleOndersteuning, F.signalering, D.ouderen, D.iedereen],
        schedule: weekly('TU,TH', '09:00', '12:00'),
        checked: 2,
      },
      {
        name: 'Dialoog jong en oud',
        description: 'Jongeren en ouderen uit Bloemrijk praten en doen samen iets.',
        org: 'Projectgroep Bloemrijk',
        places: ['bloemrijk'],
        terms: [F.ontmoeting, D.jeugd, D.ouderen],
        schedule: monthly('2WE', '15:00', '17:00', 'Elke tweede woensdag van de maand'),
        checked: 11,
      },
      {
        name: 'Open eettafel',
        description: 'Samen eten voor een kleine prijs. Iedereen is welkom; vrijwilligers koken.',
        org: 'Diaconie Krimpen',
        places: ['kerkzaal'],
        terms: [F.ontmoeting, D.iedereen, D.ouderen],
        schedule: { ...monthly('1TU,3TU', '12:00', '13:30', 'Eerste en derde dinsdag van de maand'), cancelNext: true },
        checked: 1,
      },
      {
        name: 'Inloop De Ontmoeting',
        description: 'Koffie, een praatje en een luisterend oor. Getrainde vrijwilligers helpen u verder als dat nodig is.',
        org: 'Diaconie Krimpen',
        places: ['kerkzaal'],
        terms: [F.ontmoeting, F.informatieAdvies, F.signalering, D.iedereen],
        schedule: weekly('WE', '10:00', '12:00'),
        checked: 3,
      },
      {
        name: 'Mantelzorgcafé',
        description: 'Mantelzorgers ontmoeten elkaar en krijgen informatie over ondersteuning.',
        org: 'De Zellingen',
        places: ['kortland'],
        terms: [F.zorgondersteuning, F.informeleOndersteuning, D.mantelzorgers],
        schedule: monthly('-1TH', '19:30', '21:30', 'Laatste donderdag van de maand'),
        checked: 4,
      },
      {
        name: 'Informatiepunt wonen, welzijn en zorg',
        description: 'Vragen over wonen, welzijn, zorg en de Wmo.',
        org: 'Gemeente Krimpen aan den IJssel',
        places: ['kortland'],
        terms: [F.informatieAdvies, D.ouderen, D.beperking],
        schedule: weekly('MO,TH', '13:30', '16:00'),
        checked: 13,
      },
      {
        name: 'Seniorensoos',
        description: 'Kaarten, sjoelen en koffie met andere senioren.',
        org: 'Seniorenplatform',
        places: ['soos'],
        terms: [F.ontmoeting, D.ouderen],
        schedule: weekly('FR', '14:00', '16:30'),
        checked: 5,
      },
      {
        name: 'Bewegen voor ouderen',
        description: 'Rustig bewegen onder begeleiding, in uw eigen tempo.',
        org: 'SOR',
        places: ['soos'],
        terms: [F.bewegingGezondheid, D.ouderen],
        schedule: weekly('MO', '10:00', '11:00'),
        checked: 2,
      },
    ],
  },
  GM1980: {
    orgs: [
      { name: 'Kern 8', description: 'Sociaal cultureel werk en jongerenwerk in Heerhugowaard.', peopleOrg: 'Kern 8' },
      { name: 'Woonwaard', description: 'Woningcorporatie.', peopleOrg: 'Woonwaard' },
      { name: 'Humanitas', description: 'Vrijwilligers die mensen ondersteunen, bijvoorbeeld als maatje.', peopleOrg: 'Humanitas' },
      { name: 'De Waaijer', description: 'Zorg en dagbesteding voor mensen met een beperking.', peopleOrg: 'De Waaijer' },
      { name: 'Gemeente Heerhugowaard', description: 'Wijkspreekuren en informatie.', peopleOrg: 'Gemeente Heerhugowaard' },
    ],
    places: [
      {
        key: 'horst',
        area: 'WK198010',
        name: 'MFC De Horst',
        description: 'Multifunctioneel centrum voor Schrijverswijk, Planetenwijk en Schilderswijk, met brede school.',
        org: 'Kern 8',
        address: { address_1: 'Horstweg 1', postal_code: '1701 AB', city: 'Heerhugowaard' },
        access: [T.rolstoel, T.aangepastToilet, T.ringleiding, T.parkeren, T.ov],
      },
      {
        key: 'mediaan',
        area: 'WK198025',
        name: 'MFC De Mediaan',
        description: 'Multifunctioneel centrum in Stad van de Zon.',
        org: 'Kern 8',
        address: { address_1: 'Zonnepad 10', postal_code: '1704 ZA', city: 'Heerhugowaard' },
        access: [T.rolstoel, T.aangepastToilet, T.ov],
      },
      {
        key: 'link',
        area: 'WK198016',
        name: 'Buurthuis De Link',
        description: 'Buurthuis in de Molenwijk.',
        org: 'Kern 8',
        address: { address_1: 'Molenweg 22', postal_code: '1702 CD', city: 'Heerhugowaard' },
        access: [T.parkeren],
      },
      {
        key: 'zuidwijk',
        area: 'WK198023',
        name: 'Buurtkamer Zuidwijk',
        description: 'Huiskamer in een appartementencomplex van Woonwaard.',
        org: 'Woonwaard',
        address: { address_1: 'Zuidtangent 5', postal_code: '1705 AK', city: 'Heerhugowaard' },
        access: [T.rolstoel, T.prikkelarm],
      },
    ],
    activities: [
      {
        name: 'Inloop De Horst',
        description: 'Binnenlopen voor koffie en ontmoeting met buurtbewoners.',
        org: 'Kern 8',
        places: ['horst'],
        terms: [F.ontmoeting, D.iedereen],
        schedule: weekly('MO,WE,FR', '09:30', '12:00'),
        checked: 1,
      },
      {
        name: 'Jongerenwerk De Horst',
        description: 'Een plek voor jongeren om elkaar te ontmoeten en samen activiteiten te doen.',
        org: 'Kern 8',
        places: ['horst'],
        terms: [F.ontmoeting, D.jeugd],
        schedule: weekly('TU,TH', '19:00', '22:00'),
        checked: 2,
      },
      {
        name: 'Wijkspreekuur',
        description: 'Vragen en zorgen over uw wijk of een buurtgenoot? Kom langs.',
        org: 'Gemeente Heerhugowaard',
        places: ['horst'],
        terms: [F.informatieAdvies, F.signalering, D.iedereen],
        schedule: weekly('TH', '13:00', '15:00'),
        checked: 3,
      },
      {
        name: 'Dagbesteding De Waaijer',
        description: 'Dagbesteding voor mensen met een verstandelijke beperking.',
        org: 'De Waaijer',
        places: ['horst'],
        terms: [F.zorgondersteuning, D.beperking],
        schedule: weekly('MO,TU,WE,TH,FR', '09:00', '16:00'),
        checked: 6,
      },
      {
        name: 'Buurtkamer De Mediaan',
        description: 'Ontmoeting voor alle bewoners van Stad van de Zon, niet alleen voor wie hulp nodig heeft.',
        org: 'Kern 8',
        places: ['mediaan'],
        terms: [F.ontmoeting, D.iedereen],
        schedule: weekly('TU,TH', '10:00', '12:00'),
        checked: 10,
      },
      {
        name: 'Open eettafel De Mediaan',
        description: 'Samen eten met buurtgenoten.',
        org: 'Kern 8',
        places: ['mediaan'],
        terms: [F.ontmoeting, D.ouderen, D.iedereen],
        schedule: monthly('1TU,3TU', '12:00', '13:30', 'Eerste en derde dinsdag van de maand'),
        checked: 2,
      },
      {
        name: 'Maatjesproject',
        description: 'Een vrijwilliger die regelmatig langskomt voor een wandeling of een praatje. Op afspraak.',
        org: 'Humanitas',
        places: ['mediaan'],
        terms: [F.informeleOndersteuning, D.iedereen],
        checked: 4,
      },
      {
        name: 'Koffie-inloop De Link',
        description: 'Koffie drinken en buren leren kennen.',
        org: 'Kern 8',
        places: ['link'],
        terms: [F.ontmoeting, D.iedereen],
        schedule: weekly('WE', '14:00', '16:00'),
        checked: 14,
      },
      {
        name: 'Huiskamer Zuidwijk',
        description: 'Een huiskamer voor bewoners, gerund door vrijwilligers (naar het Huiskamerproject).',
        org: 'Woonwaard',
        places: ['zuidwijk'],
        terms: [F.ontmoeting, D.ouderen],
        schedule: weekly('MO,WE', '10:00', '12:00'),
        checked: 2,
      },
    ],
  },
  GM0014: {
    orgs: [
      { name: 'Stips', description: 'Steun- en informatiepunten in de wijken van Groningen.', peopleOrg: 'Stips' },
      {
        name: 'Humanitas',
        description: 'Vrijwilligers voor ontmoeting en ondersteuning, waaronder het Huiskamerproject.',
        peopleOrg: 'Humanitas',
      },
      { name: 'MEE', description: 'Ondersteuning voor mensen met een beperking.', peopleOrg: 'MEE' },
      { name: 'Gemeente Groningen', description: 'Wijkvoorzieningen en beweegactiviteiten.', peopleOrg: 'Gemeente Groningen' },
    ],
    places: [
      {
        key: 'oosterpark',
        area: 'WK001404',
        name: 'Stip Oosterpark',
        description: 'Steun- en informatiepunt in de Oosterparkwijk.',
        org: 'Stips',
        address: { address_1: 'Oosterparkplein 3', postal_code: '9713 AA', city: 'Groningen' },
        access: [T.rolstoel, T.ov],
      },
      {
        key: 'centrum',
        area: 'WK001400',
        name: 'Stip Centrum',
        description: 'Steun- en informatiepunt in de binnenstad.',
        org: 'Stips',
        address: { address_1: 'Kerkstraat 9', postal_code: '9711 AB', city: 'Groningen' },
        access: [T.rolstoel, T.ringleiding, T.ov],
      },
      {
        key: 'zuidwest',
        area: 'WK001407',
        name: 'Stip Zuidwest',
        description: 'Steun- en informatiepunt in Zuidwest.',
        org: 'Stips',
        address: { address_1: 'Laan van de Wijk 20', postal_code: '9728 AB', city: 'Groningen' },
        access: [T.rolstoel, T.aangepastToilet, T.parkeren],
      },
      {
        key: 'noordoost',
        area: 'WK001411',
        name: 'Stip Noordoost',
        description: 'Steun- en informatiepunt in Noordoost.',
        org: 'Stips',
        address: { address_1: 'Wijkplein 1', postal_code: '9736 AA', city: 'Groningen' },
        access: [T.rolstoel, T.ov],
      },
      {
        key: 'hoogkerk',
        area: 'WK001408',
        name: 'Stip Hoogkerk',
        description: 'Steun- en informatiepunt in Hoogkerk.',
        org: 'Stips',
        address: { address_1: 'Dorpsstraat 40', postal_code: '9745 AC', city: 'Groningen' },
        access: [T.parkeren],
      },
      {
        key: 'selwerd',
        area: 'WK001410',
        name: 'Huiskamer Noordwest',
        description: 'Ontmoetingsruimte in een flat, gerund door vrijwilligers.',
        org: 'Humanitas',
        address: { address_1: 'Flatpad 2', postal_code: '9741 AB', city: 'Groningen' },
        access: [T.rolstoel, T.prikkelarm],
      },
      {
        key: 'helpman',
        area: 'WK001406',
        name: 'Beweegtuin Helpman',
        description: 'Buitenplek met toestellen om te bewegen.',
        org: 'Gemeente Groningen',
        address: { address_1: 'Parklaan 1', postal_code: '9722 AA', city: 'Groningen' },
        access: [T.rolstoel, T.parkeren, T.ov],
      },
    ],
    activities: [
      ...['oosterpark', 'centrum', 'zuidwest', 'noordoost', 'hoogkerk'].map((place, i): DemoActivity => ({
        name: `Inloopspreekuur Stip ${['Oosterpark', 'Centrum', 'Zuidwest', 'Noordoost', 'Hoogkerk'][i]}`,
        description: 'Informatie en advies over wonen, zorg, geld en meedoen. Zonder afspraak.',
        org: 'Stips',
        places: [place],
        terms: [F.informatieAdvies, F.signalering, D.iedereen],
        schedule: weekly('MO,WE,TH', '09:00', '12:00'),
        checked: i === 4 ? 12 : 1 + i,
      })),
      {
        name: 'Activerende huisbezoeken',
        description: 'Een vrijwilliger van de Stip komt bij ouderen thuis en kijkt samen wat er nodig is. Op afspraak.',
        org: 'Stips',
        places: ['oosterpark', 'noordoost'],
        terms: [F.signalering, F.informeleOndersteuning, D.ouderen],
        checked: 2,
      },
      {
        name: 'Rollatorcheck',
        description: 'Laat uw rollator gratis nakijken en afstellen.',
        org: 'Stips',
        places: ['zuidwest'],
        terms: [F.bewegingGezondheid, D.ouderen],
        schedule: once(10, '10:00', '12:00'),
        checked: 1,
      },
      {
        name: 'Valpreventiecursus',
        description: 'In acht lessen leert u hoe u vallen voorkomt.',
        org: 'Stips',
        places: ['centrum'],
        terms: [F.bewegingGezondheid, D.ouderen],
        schedule: { ...weekly('TH', '14:00', '15:30'), startInDays: -14, endInDays: 42 },
        checked: 1,
      },
      {
        name: 'Bijeenkomst Geluk moet je pakken',
        description: 'Een middag over gezond en gelukkig ouder worden.',
        org: 'Stips',
        places: ['oosterpark'],
        terms: [F.ontmoeting, F.bewegingGezondheid, D.ouderen],
        schedule: once(21, '14:00', '16:00'),
        checked: 1,
      },
      {
        name: 'Signaleringsnetwerk Oosterpark',
        description: 'Bewoners en organisaties bespreken zorgen over buurtgenoten en spreken af wie wat doet.',
        org: 'Stips',
        places: ['oosterpark'],
        terms: [F.signalering, D.iedereen],
        schedule: monthly('2MO', '15:00', '16:30', 'Elke tweede maandag van de maand'),
        checked: 3,
      },
      {
        name: 'Huiskamerproject',
        description: 'Een huiskamer voor bewoners van de flat en de buurt, gerund door vrijwilligers.',
        org: 'Humanitas',
        places: ['selwerd'],
        terms: [F.ontmoeting, D.iedereen],
        schedule: weekly('TU,TH', '10:00', '12:00'),
        checked: 2,
      },
      {
        name: 'Spreekuur MEE',
        description: 'Ondersteuning voor mensen met een beperking en hun naasten.',
        org: 'MEE',
        places: ['centrum'],
        terms: [F.zorgondersteuning, D.beperking, D.mantelzorgers],
        schedule: weekly('TU', '13:00', '16:00'),
        checked: 4,
      },
      {
        name: 'Hulp bij klusjes en boodschappen',
        description: 'Vrijwilligers helpen bij kleine klusjes in huis, de tuin of boodschappen. Op afspraak.',
        org: 'Stips',
        places: ['hoogkerk'],
        terms: [F.informeleOndersteuning, D.ouderen, D.beperking],
        checked: 15,
      },
      {
        name: 'Samen bewegen in de beweegtuin',
        description: 'Elke zaterdag bewegen met een trainer, buiten.',
        org: 'Gemeente Groningen',
        places: ['helpman'],
        terms: [F.bewegingGezondheid, D.iedereen],
        schedule: weekly('SA', '10:00', '11:00'),
        checked: 6,
      },
    ],
  },
};
