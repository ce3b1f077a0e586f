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
  /** Plain Dutch, as residents say it (issue 12: no jargon such as "Signalering"). */
  name: string;
  description: string;
  nameEn: string;
  descriptionEn: string;
}

export interface DefaultTaxonomy {
  code: TaxonomyCode;
  name: string;
  nameEn: string;
  description: string;
  /** Which entity its terms tag: functions and target groups tag services, accessibility tags locations. */
  linkEntity: 'service' | 'location';
  terms: readonly DefaultTerm[];
}

const term = (code: string, name: string, description: string, nameEn: string, descriptionEn: string): DefaultTerm => ({
  code,
  name,
  description,
  nameEn,
  descriptionEn,
});

/**
 * The default taxonomies as created for every tenant by ensureDefaultTaxonomies: plain Dutch names
 * as shown to residents, with their English text (stored with the term: `name_en`, `description_en`).
 */
export const DEFAULT_TAXONOMIES: readonly DefaultTaxonomy[] = [
  {
    code: TAXONOMY.functie,
    name: 'Basisfuncties',
    nameEn: 'Basic functions',
    description: 'De basisfuncties van de sociale basis in de wijk (Groningen, Koers sociaal domein).',
    linkEntity: 'service',
    terms: [
      term(
        FUNCTIE.informatieAdvies,
        'Vragen en advies',
        'Een plek waar u met vragen terecht kunt, zoals een Stip of inloopspreekuur.',
        'Questions and advice',
        'A place where you can go with questions, such as a Stip or walk-in hour.',
      ),
      term(
        FUNCTIE.signalering,
        'Een oogje in het zeil',
        'Mensen die zorgen opmerken en doorgeven, zoals huisbezoeken en een signaleringsnetwerk.',
        'Keeping an eye out',
        'People who notice worries and pass them on, such as home visits and a neighbourhood network.',
      ),
      term(
        FUNCTIE.ontmoeting,
        'Mensen ontmoeten',
        'Plekken en activiteiten om andere mensen te ontmoeten, zoals een buurthuis of eettafel.',
        'Meeting people',
        'Places and activities to meet other people, such as a community centre or shared meal.',
      ),
      term(
        FUNCTIE.bewegingGezondheid,
        'Bewegen en gezond blijven',
        'Bewegen en gezond blijven, zoals valpreventie en wandelgroepen.',
        'Exercise and staying healthy',
        'Staying active and healthy, such as fall prevention and walking groups.',
      ),
      term(
        FUNCTIE.informeleOndersteuning,
        'Hulp van vrijwilligers en buren',
        'Hulp van vrijwilligers, buren en mantelzorgers.',
        'Help from volunteers and neighbours',
        'Help from volunteers, neighbours and carers.',
      ),
      term(
        FUNCTIE.zorgondersteuning,
        'Hulp bij zorg',
        'Ondersteuning bij zorg, bijvoorbeeld voor mensen met een beperking.',
        'Help with care',
        'Support with care, for example for people with a disability.',
      ),
    ],
  },
  {
    code: TAXONOMY.doelgroep,
    name: 'Doelgroepen',
    nameEn: 'Target groups',
    description: 'Voor wie een activiteit of voorziening bedoeld is.',
    linkEntity: 'service',
    terms: [
      term(DOELGROEP.jeugd, 'Kinderen en jongeren', 'Kinderen en jongeren.', 'Children and young people', 'Children and young people.'),
      term(DOELGROEP.ouderen, 'Ouderen', 'Mensen van 65 jaar en ouder.', 'Older people', 'People aged 65 and over.'),
      term(
        DOELGROEP.beperking,
        'Mensen met een beperking',
        'Mensen met een lichamelijke, verstandelijke of psychische beperking.',
        'People with a disability',
        'People with a physical, intellectual or mental disability.',
      ),
      term(
        DOELGROEP.mantelzorgers,
        'Mantelzorgers',
        'Mensen die zorgen voor een naaste.',
        'Carers',
        'People who care for someone close to them.',
      ),
      term(
        DOELGROEP.nieuwkomers,
        'Nieuwkomers',
        'Mensen die net in Nederland of in de wijk wonen.',
        'Newcomers',
        'People who have just come to the Netherlands or to the neighbourhood.',
      ),
      term(DOELGROEP.iedereen, 'Iedereen', 'Voor alle bewoners.', 'Everyone', 'For all residents.'),
    ],
  },
  {
    code: TAXONOMY.toegankelijkheid,
    name: 'Toegankelijkheid',
    nameEn: 'Accessibility',
    description: 'Hoe toegankelijk een plek is voor mensen met een beperking.',
    linkEntity: 'location',
    terms: [
      term(
        TOEGANKELIJKHEID.rolstoel,
        'Rolstoeltoegankelijk',
        'U kunt met een rolstoel naar binnen en overal komen.',
        'Wheelchair accessible',
        'You can get in and around with a wheelchair.',
      ),
      term(
        TOEGANKELIJKHEID.aangepastToilet,
        'Aangepast toilet',
        'Er is een toilet voor mensen met een beperking.',
        'Accessible toilet',
        'There is a toilet for people with a disability.',
      ),
      term(
        TOEGANKELIJKHEID.ringleiding,
        'Ringleiding',
        'Er is een ringleiding voor mensen met een hoortoestel.',
        'Hearing loop',
        'There is a hearing loop for people with a hearing aid.',
      ),
      term(
        TOEGANKELIJKHEID.prikkelarm,
        'Prikkelarm',
        'Rustige plek met weinig geluid en drukte.',
        'Quiet (low stimulus)',
        'A calm place with little noise and few people.',
      ),
      term(
        TOEGANKELIJKHEID.parkeren,
        'Parkeerplaats dichtbij',
        'U kunt dichtbij de ingang parkeren.',
        'Parking nearby',
        'You can park close to the entrance.',
      ),
      term(
        TOEGANKELIJKHEID.ov,
        'Bereikbaar met ov',
        'Er is een bushalte of station in de buurt.',
        'Reachable by public transport',
        'There is a bus stop or station nearby.',
      ),
    ],
  },
];

/** The taxonomy code a term code belongs to (`functie.ontmoeting` → `functie`). */
export function taxonomyOfCode(termCode: string): string {
  return termCode.split('.')[0] ?? termCode;
}
