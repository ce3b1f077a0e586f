/**
 * The default taxonomies of the social map, with stable codes other code refers to:
 * the basic functions of seed 003 (Groningen), target groups and accessibility features.
 * Terms are rows per tenant (editable); the codes never change.
 */

export const TAXONOMY = {
  functie: 'functie',
  doelgroep: 'doelgroep',
  toegankelijkheid: 'toegankelijkheid',
} as const;
export type TaxonomyCode = (typeof TAXONOMY)[keyof typeof TAXONOMY];

/** Basic functions (basisfuncties) of seed 003, used for the coverage matrix. */
export const FUNCTIE = {
  informatieAdvies: 'functie.informatie-advies',
  signalering: 'functie.signalering',
  ontmoeting: 'functie.ontmoeting',
  bewegingGezondheid: 'functie.beweging-gezondheid',
  informeleOndersteuning: 'functie.informele-ondersteuning',
  zorgondersteuning: 'functie.zorgondersteuning',
} as const;

export const DOELGROEP = {
  jeugd: 'doelgroep.jeugd',
  ouderen: 'doelgroep.ouderen',
  beperking: 'doelgroep.beperking',
  mantelzorgers: 'doelgroep.mantelzorgers',
  nieuwkomers: 'doelgroep.nieuwkomers',
  iedereen: 'doelgroep.iedereen',
} as const;

export const TOEGANKELIJKHEID = {
  rolstoel: 'toegankelijkheid.rolstoeltoegankelijk',
  aangepastToilet: 'toegankelijkheid.aangepast-toilet',
  ringleiding: 'toegankelijkheid.ringleiding',
  prikkelarm: 'toegankelijkheid.prikkelarm',
  parkeren: 'toegankelijkheid.parkeerplaats-dichtbij',
  ov: 'toegankelijkheid.bereikbaar-met-ov',
} as const;

export type FunctieCode = (typeof FUNCTIE)[keyof typeof FUNCTIE];
export type DoelgroepCode = (typeof DOELGROEP)[keyof typeof DOELGROEP];
export type ToegankelijkheidCode = (typeof TOEGANKELIJKHEID)[keyof typeof TOEGANKELIJKHEID];

export interface DefaultTerm {
  code: string;
  name: string;
  description: string;
}

export interface DefaultTaxonomy {
  code: TaxonomyCode;
  name: string;
  description: string;
  /** Which entity its terms tag: functions and target groups tag services, accessibility tags locations. */
  linkEntity: 'service' | 'location';
  terms: readonly DefaultTerm[];
}

/** The default taxonomies as created for every tenant by ensureDefaultTaxonomies (Dutch names, as shown to residents). */
export const DEFAULT_TAXONOMIES: readonly DefaultTaxonomy[] = [
  {
    code: TAXONOMY.functie,
    name: 'Basisfuncties',
    description: 'De basisfuncties van de sociale basis in de wijk (Groningen, Koers sociaal domein).',
    linkEntity: 'service',
    terms: [
      {
        code: FUNCTIE.informatieAdvies,
        name: 'Informatie en advies',
        description: 'Een plek waar u met vragen terecht kunt, zoals een Stip of inloopspreekuur.',
      },
      {
        code: FUNCTIE.signalering,
        name: 'Signalering',
        description: 'Mensen die zorgen opmerken en doorgeven, zoals huisbezoeken en een signaleringsnetwerk.',
      },
      {
        code: FUNCTIE.ontmoeting,
        name: 'Ontmoeting',
        description: 'Plekken en activiteiten om andere mensen te ontmoeten, zoals een buurthuis of eettafel.',
      },
      {
        code: FUNCTIE.bewegingGezondheid,
        name: 'Beweging en gezondheid',
        description: 'Bewegen en gezond blijven, zoals valpreventie en wandelgroepen.',
      },
      {
        code: FUNCTIE.informeleOndersteuning,
        name: 'Informele ondersteuning',
        description: 'Hulp van vrijwilligers, buren en mantelzorgers.',
      },
      {
        code: FUNCTIE.zorgondersteuning,
        name: 'Zorgondersteuning',
        description: 'Ondersteuning bij zorg, bijvoorbeeld voor mensen met een beperking.',
      },
    ],
  },
  {
    code: TAXONOMY.doelgroep,
    name: 'Doelgroepen',
    description: 'Voor wie een activiteit of voorziening bedoeld is.',
    linkEntity: 'service',
    terms: [
      { code: DOELGROEP.jeugd, name: 'Jeugd', description: 'Kinderen en jongeren.' },
      { code: DOELGROEP.ouderen, name: 'Ouderen', description: 'Mensen van 65 jaar en ouder.' },
      {
        code: DOELGROEP.beperking,
        name: 'Mensen met een beperking',
        description: 'Mensen met een lichamelijke, verstandelijke of psychische beperking.',
      },
      { code: DOELGROEP.mantelzorgers, name: 'Mantelzorgers', description: 'Mensen die zorgen voor een naaste.' },
      { code: DOELGROEP.nieuwkomers, name: 'Nieuwkomers', description: 'Mensen die net in Nederland of in de wijk wonen.' },
      { code: DOELGROEP.iedereen, name: 'Iedereen', description: 'Voor alle bewoners.' },
    ],
  },
  {
    code: TAXONOMY.toegankelijkheid,
    name: 'Toegankelijkheid',
    description: 'Hoe toegankelijk een plek is voor mensen met een beperking.',
    linkEntity: 'location',
    terms: [
      {
        code: TOEGANKELIJKHEID.rolstoel,
        name: 'Rolstoeltoegankelijk',
        description: 'U kunt met een rolstoel naar binnen en overal komen.',
      },
      { code: TOEGANKELIJKHEID.aangepastToilet, name: 'Aangepast toilet', description: 'Er is een toilet voor mensen met een beperking.' },
      { code: TOEGANKELIJKHEID.ringleiding, name: 'Ringleiding', description: 'Er is een ringleiding voor mensen met een hoortoestel.' },
      { code: TOEGANKELIJKHEID.prikkelarm, name: 'Prikkelarm', description: 'Rustige plek met weinig geluid en drukte.' },
      { code: TOEGANKELIJKHEID.parkeren, name: 'Parkeerplaats dichtbij', description: 'U kunt dichtbij de ingang parkeren.' },
      { code: TOEGANKELIJKHEID.ov, name: 'Bereikbaar met ov', description: 'Er is een bushalte of station in de buurt.' },
    ],
  },
];

/** The taxonomy code a term code belongs to (`functie.ontmoeting` → `functie`). */
export function taxonomyOfCode(termCode: string): string {
  return termCode.split('.')[0] ?? termCode;
}
