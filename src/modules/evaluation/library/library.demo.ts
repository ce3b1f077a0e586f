/**
 * Demo intervention cards: the good practices of the DSP study (DSP-groep, *Over het kind en het
 * badwater*, July 2011; seed 004), with only the facts and figures the study gives and its line as
 * the source. The study measured no effect of any of them: the effect says so (and names the
 * counts it does give, without a comparison). The classification (functions, target group, level)
 * is chosen for the demo: the cards are `is_demo` and the card page labels that part as invented.
 * Published in Krimpen aan den IJssel (GM0542), the library of the demo.
 */
import type { Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../../platform/module.ts';
import type { InterventionFunction } from './library.schemas.ts';
import * as store from './library.store.ts';

export const LIBRARY_DEMO_TENANT = 'krimpen-aan-den-ijssel';

const NO_EFFECT_NL = 'De studie noemt geen gemeten effect.';
const NO_EFFECT_EN = 'The study reports no measured effect.';
const SOURCE = (lines: string) =>
  `DSP-groep, Over het kind en het badwater (juli 2011; seed 004), regel ${lines}. Indeling naar functie, doelgroep en niveau: gekozen voor de demo.`;

export interface DemoCard {
  slug: string;
  titleNl: string;
  titleEn: string;
  whatNl: string;
  whatEn: string;
  forWhomNl: string;
  forWhomEn: string;
  whereText: string;
  costNl: string;
  costEn: string;
  effectNl: string;
  effectEn: string;
  lessonsNl: string;
  lessonsEn: string;
  contactOrganisation: string;
  functions: readonly InterventionFunction[];
  targetGroups: readonly string[];
  level: 'street' | 'neighbourhood' | 'district' | 'municipality' | 'region';
  sourceNote: string;
}

const base = { costNl: '', costEn: '', lessonsNl: '', lessonsEn: '', effectNl: NO_EFFECT_NL, effectEn: NO_EFFECT_EN };

export const DEMO_CARDS: readonly DemoCard[] = [
  {
    ...base,
    slug: 'harteklop-landgraaf',
    titleNl: 'Harteklop',
    titleEn: 'Harteklop',
    whatNl:
      'Opgezet door drie katholieke parochies in Landgraaf. Diverse organisaties werken samen in drie wijkontmoetingspunten met allerlei activiteiten: twee zijn wekelijks inlooplocatie, het derde is een open eettafel. Getrainde vrijwilligers benaderen buurtbewoners, brengen problemen in kaart en helpen zelf of leiden door naar professionele hulp. Ze dragen ook uit dat mensen elkaar nodig hebben.',
    whatEn:
      'Set up by three Catholic parishes in Landgraaf. Several organisations work together in three neighbourhood meeting points: two are weekly drop-in places, the third an open dinner table. Trained volunteers approach residents, map problems and help themselves or refer to professional help.',
    forWhomNl: 'Buurtbewoners in Landgraaf',
    forWhomEn: 'Residents of Landgraaf',
    whereText: 'Landgraaf',
    contactOrganisation: 'Drie katholieke parochies in Landgraaf',
    functions: ['ontmoeten', 'helpen'],
    targetGroups: ['buurtbewoners'],
    level: 'neighbourhood',
    sourceNote: SOURCE('304'),
  },
  {
    ...base,
    slug: 'de-kamers-amersfoort',
    titleNl: 'De Kamers',
    titleEn: 'De Kamers',
    whatNl:
      "Stichting De Kamers is een 'huis voor cultuur en ontmoeting van Amersfoort in Noord'. In de Theaterkamer zijn theatervoorstellingen, films, muziek en lezingen; in de Eetkamer kun je eten, in de Huiskamer loungen en in de Bovenkamer workshops volgen.",
    whatEn:
      "Stichting De Kamers is a 'house for culture and meeting' in Amersfoort Noord: a theatre room (plays, films, music, lectures), a dining room, a living room and an upstairs room for workshops.",
    forWhomNl: 'Bewoners van Amersfoort Noord',
    forWhomEn: 'Residents of Amersfoort Noord',
    whereText: 'Amersfoort, Noord',
    contactOrganisation: 'Stichting De Kamers',
    functions: ['ontmoeten', 'samen_doen'],
    targetGroups: ['buurtbewoners'],
    level: 'district',
    sourceNote: SOURCE('319'),
  },
  {
    ...base,
    slug: 'boodschappenplusbus-tilburg',
    titleNl: 'Boodschappenplusbus',
    titleEn: 'Shopping-plus bus',
    whatNl:
      'Een bus die gerund wordt door vrijwilligers. Zij halen ouderen op, begeleiden hen bij het boodschappen doen en organiseren allerlei andere uitstapjes. Een landelijk initiatief dat in steeds meer gemeenten wordt toegepast.',
    whatEn:
      'A bus run by volunteers who pick up older people, accompany them while shopping and organise other outings. A national initiative used in more and more municipalities.',
    forWhomNl: 'Ouderen',
    forWhomEn: 'Older people',
    whereText: 'Tilburg',
    costNl: 'Ouderen betalen een geringe vergoeding.',
    costEn: 'Older people pay a small fee.',
    contactOrganisation: '',
    functions: ['helpen', 'ontmoeten'],
    targetGroups: ['ouderen'],
    level: 'municipality',
    sourceNote: SOURCE('331 en 356'),
  },
  {
    ...base,
    slug: 'ok-banken-rotterdam',
    titleNl: 'OK-banken',
    titleEn: 'OK banks',
    whatNl:
      'Locaties waar mensen terecht kunnen als ze zich willen inzetten in de buurt, bijvoorbeeld in verzorgingshuizen, kinderdagopvang en scholen. De vrijwilligers worden geworven via buurtactiveringscoaches (participatiecoaches). Een deel vindt zo, met hulp van een integratiebureau, ook een baan. Een landelijk initiatief.',
    whatEn:
      'Places where people can go when they want to volunteer in the neighbourhood (care homes, childcare, schools). Volunteers are recruited by participation coaches; some also find a job with the help of an integration agency.',
    forWhomNl: 'Mensen die zich in de buurt willen inzetten, ook werkzoekenden',
    forWhomEn: 'People who want to volunteer in the neighbourhood, job seekers too',
    whereText: 'Rotterdam',
    effectNl: `${NO_EFFECT_NL} Wel genoemd als resultaat tot dan toe: 80 mensen vast bemiddeld en 120 vrijwilligers aan het werk gezet (geen vergelijking met een situatie zonder OK-banken).`,
    effectEn: `${NO_EFFECT_EN} It does report, up to then: 80 people placed in jobs and 120 volunteers at work (no comparison with a situation without OK banks).`,
    contactOrganisation: '',
    functions: ['samen_doen', 'helpen'],
    targetGroups: ['vrijwilligers', 'werkzoekenden'],
    level: 'municipality',
    sourceNote: SOURCE('335, 337 en 356'),
  },
  {
    ...base,
    slug: 'koek-assen',
    titleNl: 'KOEK (Klimmen Op Eigen Kracht)',
    titleEn: 'KOEK (Climbing On Your Own Strength)',
    whatNl:
      'Een alternatief voor de achter-de-voordeur-aanpak. Bewoners worden direct benaderd en gevraagd naar hun dromen en wensen en de stappen die ze graag willen zetten. Lukt het niet op eigen kracht, dan geeft een talentmakelaar een zetje en betrekt mensen uit hun omgeving (familie of vrijwilligers). Een mengvorm van sociale stijging en onderlinge betrokkenheid en hulp.',
    whatEn:
      'An alternative to the behind-the-front-door approach: residents are asked about their dreams, wishes and next steps; when they cannot manage alone, a talent broker gives a push and involves people around them (family or volunteers).',
    forWhomNl: 'Bewoners die een stap willen zetten in hun leven',
    forWhomEn: 'Residents who want to take a step in their life',
    whereText: 'Assen',
    contactOrganisation: '',
    functions: ['helpen', 'kennen'],
    targetGroups: ['buurtbewoners'],
    level: 'neighbourhood',
    sourceNote: SOURCE('356 en 358'),
  },
  {
    ...base,
    slug: 'thuisadministratie-tilburg',
    titleNl: 'Thuisadministratie',
    titleEn: 'Home administration',
    whatNl:
      'De Twern coördineert de werving en begeleiding van vrijwilligers die mensen helpen die moeite hebben met hun administratie en daardoor bijvoorbeeld rekeningen niet op tijd betalen. Een deel van de vrijwilligers doet vergelijkbaar werk in hun beroep. Ze gebruiken een speciaal ontwikkeld, zeer vereenvoudigd systeem en helpen tot mensen het zelf kunnen.',
    whatEn:
      'De Twern recruits and guides volunteers who help people who struggle with their paperwork (bills paid late, for example), with a very simplified system, until people can manage themselves.',
    forWhomNl: 'Mensen die moeite hebben met hun administratie',
    forWhomEn: 'People who struggle with their paperwork',
    whereText: 'Tilburg',
    lessonsNl: "'Daar vinden we heel gemakkelijk vrijwilligers voor', is de ervaring.",
    lessonsEn: "'We find volunteers for this very easily', is the experience.",
    contactOrganisation: 'De Twern',
    functions: ['helpen'],
    targetGroups: ['mensen met geldzorgen'],
    level: 'municipality',
    sourceNote: SOURCE('335 en 533'),
  },
  {
    ...base,
    slug: 'welsun-huiskamerproject',
    titleNl: 'Welsun Huiskamerproject',
    titleEn: 'Welsun living-room project',
    whatNl:
      'Welsun werkt volgens het principe eerst vóór doen, dan samen doen, dan zelf doen; 20 fte professionals sturen 660 vrijwilligers aan. Het Huiskamerproject zijn ontmoetingsruimtes voor bewoners in appartementencomplexen en wijken met veel sociale woningbouw.',
    whatEn:
      'Welsun works by doing for, then doing with, then letting people do it themselves; 20 FTE of professionals steer 660 volunteers. The living-room project offers meeting rooms in apartment blocks and districts with much social housing.',
    forWhomNl: 'Bewoners van appartementencomplexen en wijken met veel sociale woningbouw',
    forWhomEn: 'Residents of apartment blocks and districts with much social housing',
    whereText: 'Landgraaf',
    effectNl: `${NO_EFFECT_NL} Wel genoemd: jaarlijks maken duizenden bewoners gebruik van de huiskamers.`,
    effectEn: `${NO_EFFECT_EN} It does say that thousands of residents use the living rooms every year.`,
    lessonsNl:
      "Volledig gerund door vrijwilligers: 'wij komen alleen af en toe een kijkje nemen en strijken wat plooien glad' (coördinator Huiskamerproject).",
    lessonsEn: "Run entirely by volunteers: 'we only drop by now and then and smooth things over' (coordinator of the project).",
    contactOrganisation: 'Welsun',
    functions: ['ontmoeten', 'samen_doen'],
    targetGroups: ['huurders sociale woningbouw'],
    level: 'district',
    sourceNote: SOURCE('513'),
  },
  {
    ...base,
    slug: 'kinderpersclub-rotterdam',
    titleNl: 'Kinderpersclub',
    titleEn: "Children's press club",
    whatNl:
      'Een samenwerking tussen scholen en de wijk-tv. Kinderen leren filmpjes, verhalen en dergelijke maken voor de krant over mensen uit de wijk, en zich uit te drukken in beeld en taal, met aandacht voor goed taalgebruik.',
    whatEn:
      'Schools and the neighbourhood TV work together: children learn to make films and stories about people in the neighbourhood and to express themselves in image and language.',
    forWhomNl: 'Kinderen van de scholen in de wijk',
    forWhomEn: 'Children of the schools in the neighbourhood',
    whereText: 'Rotterdam',
    contactOrganisation: '',
    functions: ['kennen', 'samen_doen'],
    targetGroups: ['kinderen'],
    level: 'district',
    sourceNote: SOURCE('348'),
  },
  {
    ...base,
    slug: 'sociale-peiler-zanddonk',
    titleNl: 'Sociale peiler Zanddonk',
    titleEn: 'Social pillar Zanddonk',
    whatNl:
      'Vrijwilligers die actief willen worden in de buurt worden getraind, onder andere in het organiseren en leiden van vergaderingen. Er zijn een zomerfestival en een multiculturele modeshow georganiseerd, en voor jongeren een wedstrijd voor de beste uitvinding. Onderdeel van de proeftuinen Wmo.',
    whatEn:
      'Volunteers who want to become active in the neighbourhood are trained, among other things in organising and chairing meetings; a summer festival, a multicultural fashion show and an invention contest for young people were organised.',
    forWhomNl: 'Bewoners van Zanddonk die actief willen worden; jongeren',
    forWhomEn: 'Residents of Zanddonk who want to become active; young people',
    whereText: 'Waalwijk, Zanddonk',
    contactOrganisation: '',
    functions: ['samen_doen'],
    targetGroups: ['vrijwilligers', 'jongeren'],
    level: 'neighbourhood',
    sourceNote: SOURCE('342'),
  },
];

/** Publish the demo cards in the demo library (Krimpen aan den IJssel). */
export async function libraryDemoSeed(trx: Trx, args: DemoSeedArgs): Promise<void> {
  const tenant = args.tenants.find((t) => t.slug === LIBRARY_DEMO_TENANT);
  if (!tenant) return;
  const taken = new Set(
    await store.takenSlugs(
      trx,
      tenant.id,
      DEMO_CARDS.map((c) => c.slug),
    ),
  );
  for (const c of DEMO_CARDS) {
    if (taken.has(c.slug)) continue;
    await store.insertIntervention(
      trx,
      tenant.id,
      {
        ...c,
        functions: [...c.functions],
        targetGroups: [...c.targetGroups],
        costCentsPerYear: null,
        effect: null,
        origin: 'manual',
        evaluationId: null,
        originInstallation: null,
        originMunicipality: '',
        originMunicipalityCode: '',
        published: true,
        isDemo: true,
      },
      null,
      args.now,
    );
  }
}
