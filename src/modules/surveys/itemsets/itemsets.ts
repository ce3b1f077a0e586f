/**
 * The standard item sets (issue 13), each with its version, in Dutch and English. Sources and which
 * words are ours: docs/surveys-results.md. Scoring lives in ../results/scoring.ts; a stored answer
 * is the option's `value` under `<set>.<key>`.
 */
import type { IndicatorDefinition } from '../../../platform/module.ts';
import type { ItemSet, SurveyItem } from './itemsets.types.ts';
import { FREQUENCY, HOW_MANY, SATISFACTION, TIMES_A_YEAR, YES_NO, agree, hours, scale } from './scales.ts';

type Def = Omit<IndicatorDefinition, 'source'>;
const survey = (d: Def): IndicatorDefinition => ({ source: 'survey', ...d });
const pct = (d: Omit<Def, 'unit' | 'direction' | 'decimals'>): IndicatorDefinition =>
  survey({ unit: 'percent', direction: 'up', decimals: 0, ...d });

/** The four cohesion items the 2019 and 2021 versions share (wording as published; item 1 reverse-scored). */
const COHESION_SHARED: readonly SurveyItem[] = [
  agree('know_hardly', 'De mensen kennen elkaar in deze buurt nauwelijks.', 'People in this neighbourhood hardly know each other.', true),
  agree(
    'pleasant',
    'De mensen gaan in deze buurt op een prettige manier met elkaar om.',
    'People in this neighbourhood treat each other in a pleasant way.',
  ),
  agree(
    'togetherness',
    'Ik woon in een gezellige buurt waar veel saamhorigheid is.',
    'I live in a friendly neighbourhood with a strong sense of togetherness.',
  ),
  agree(
    'at_home',
    'Ik voel mij thuis bij de mensen die in deze buurt wonen.',
    'I feel at home with the people who live in this neighbourhood.',
  ),
];
const COHESION_HELP_TOGETHER = agree(
  'help_together',
  'Ik woon in een buurt waar mensen elkaar helpen en dingen samen doen.',
  'I live in a neighbourhood where people help each other and do things together.',
);
/** The 2021 neighbours item: its opening is published, its ending ("een oogje in het zeil te houden") is ours. */
const COHESION_NEIGHBOURS = agree(
  'neighbours_absent',
  'Als ik op vakantie zou gaan of langere tijd afwezig zou zijn, zou ik mijn buren vragen een oogje in het zeil te houden.',
  'If I went on holiday or were away for a longer time, I would ask my neighbours to keep an eye on things.',
);

const cohesionIndicator = (code: string, formula: string): IndicatorDefinition =>
  survey({
    code,
    nameNl: 'Sociale cohesie (schaal 0–10)',
    nameEn: 'Social cohesion (scale 0–10)',
    descriptionNl: 'Hoe bewoners de samenhang in hun buurt zien: 0 is heel negatief, 10 heel positief.',
    descriptionEn: 'How residents see the cohesion of their neighbourhood: 0 is very negative, 10 very positive.',
    unit: 'score',
    direction: 'up',
    theme: 'know',
    formula,
    decimals: 1,
  });
const COHESION_FORMULA = 'mean over answered items of (positive-oriented answer − 1) × 2.5; at most one item missing';

export const COHESION_VM_2019: ItemSet = {
  set: 'cohesion-vm',
  version: '2019',
  titleNl: 'Sociale cohesie (Veiligheidsmonitor, tot en met 2019)',
  titleEn: 'Social cohesion (Veiligheidsmonitor, up to 2019)',
  source: 'Veiligheidsmonitor (CBS), sociale-cohesieschaal tot 2019, 5 items; wording as given on cijfersoverzwolle.nl (b_scoh)',
  items: [...COHESION_SHARED, COHESION_HELP_TOGETHER],
  indicators: [cohesionIndicator('cohesion_vm', COHESION_FORMULA)],
};

export const COHESION_VM_2021: ItemSet = {
  set: 'cohesion-vm',
  version: '2021',
  titleNl: 'Sociale cohesie (Veiligheidsmonitor, vanaf 2021)',
  titleEn: 'Social cohesion (Veiligheidsmonitor, from 2021)',
  source:
    'Veiligheidsmonitor (CBS) 2021, 6 items: items 1–4 as published, the neighbours item completed by us; item 5 carried over from 2019 (our assumption)',
  items: [...COHESION_SHARED, COHESION_HELP_TOGETHER, COHESION_NEIGHBOURS],
  indicators: [cohesionIndicator('cohesion_vm', COHESION_FORMULA)],
};

export const DSP_FUNCTIONS_1: ItemSet = {
  set: 'dsp-functions',
  version: '1',
  titleNl: 'Ontmoeten, kennen, helpen en samen doen',
  titleEn: 'Meeting, knowing, helping and doing things together',
  source: 'DSP-groep (seed 004, l.713-720): the four functions, measured as counts, intensity and hours; the questions are ours',
  items: [
    scale(
      'meet_often',
      FREQUENCY,
      'Hoe vaak maakt u een praatje met mensen uit uw buurt?',
      'How often do you have a chat with people from your neighbourhood?',
    ),
    scale(
      'meet_people',
      HOW_MANY,
      'Met hoeveel mensen uit uw buurt maakt u weleens een praatje?',
      'With how many people from your neighbourhood do you sometimes chat?',
      true,
    ),
    scale(
      'know_people',
      HOW_MANY,
      'Hoeveel mensen uit uw buurt kent u bij naam?',
      'How many people from your neighbourhood do you know by name?',
    ),
    scale(
      'help_often',
      FREQUENCY,
      'Hoe vaak helpt u iemand uit uw buurt, of helpt iemand uit uw buurt u?',
      'How often do you help someone from your neighbourhood, or does someone from your neighbourhood help you?',
    ),
    scale(
      'help_people',
      HOW_MANY,
      'Met hoeveel mensen uit uw buurt helpt u elkaar weleens?',
      'With how many people from your neighbourhood do you sometimes help each other?',
      true,
    ),
    hours(
      'help_hours',
      'Hoeveel uur per maand helpt u ongeveer mensen uit uw buurt? Vul 0 in als u niet helpt.',
      'About how many hours a month do you help people from your neighbourhood? Enter 0 if you do not help.',
    ),
    scale(
      'together_times',
      TIMES_A_YEAR,
      'Hoe vaak heeft u het afgelopen jaar met buurtbewoners iets georganiseerd of gedaan voor de buurt?',
      'How often in the past year did you organise or do something for the neighbourhood with other residents?',
    ),
    scale('together_people', HOW_MANY, 'Met hoeveel buurtbewoners deed u dat?', 'With how many residents did you do that?', true),
    hours(
      'together_hours',
      'Hoeveel uur heeft u daar het afgelopen jaar ongeveer aan besteed?',
      'About how many hours did you spend on it in the past year?',
      true,
    ),
  ],
  indicators: [
    pct({
      code: 'dsp_meet_weekly',
      nameNl: 'Praatje met buurtbewoners, minstens elke week',
      nameEn: 'Chats with neighbours at least weekly',
      theme: 'meet',
      formula: 'share of meet_often ≤ 2',
    }),
    pct({
      code: 'dsp_know_10plus',
      nameNl: 'Kent 10 of meer buurtbewoners bij naam',
      nameEn: 'Knows 10 or more neighbours by name',
      theme: 'know',
      formula: 'share of know_people = 4',
    }),
    pct({
      code: 'dsp_help_monthly',
      nameNl: 'Helpt of wordt geholpen in de buurt, minstens elke maand',
      nameEn: 'Helps or is helped in the neighbourhood at least monthly',
      theme: 'help',
      formula: 'share of help_often ≤ 3',
    }),
    pct({
      code: 'dsp_together_year',
      nameNl: 'Deed het afgelopen jaar iets samen voor de buurt',
      nameEn: 'Did something together for the neighbourhood in the past year',
      theme: 'together',
      formula: 'share of together_times ≥ 2',
    }),
    survey({
      code: 'dsp_help_hours',
      nameNl: 'Uren hulp aan buurtbewoners per maand (gemiddeld)',
      nameEn: 'Hours of help to neighbours a month (mean)',
      unit: 'hours',
      direction: 'up',
      theme: 'help',
      formula: 'mean of help_hours',
      decimals: 1,
    }),
  ],
};

export const HELP_KINDS_1: ItemSet = {
  set: 'help-kinds',
  version: '1',
  titleNl: 'Drie soorten hulp',
  titleEn: 'Three kinds of help',
  source:
    'DSP-groep (seed 004, l.724-726): latent, incidental (burenhulp), structural (mantelzorg, informele zorg); the questions are ours',
  items: [
    scale(
      'latent',
      YES_NO,
      'Als u hulp nodig heeft, is er dan iemand in de buurt die u helpt als u het vraagt?',
      'If you need help, is there someone in the neighbourhood who would help you if you asked?',
    ),
    scale(
      'incidental',
      YES_NO,
      'Heeft u het afgelopen jaar een buurtbewoner af en toe geholpen, of hielp een buurtbewoner u? Bijvoorbeeld de planten water geven in de vakantie.',
      'In the past year, did you now and then help a neighbour, or did a neighbour help you? For example watering the plants during the holidays.',
    ),
    scale(
      'structural',
      YES_NO,
      'Zorgt u al langere tijd voor iemand die ziek is of een beperking heeft en die u persoonlijk kent (mantelzorg of vrijwillige zorg)?',
      'Have you been caring for some time for someone you know personally who is ill or has a disability (informal care)?',
    ),
  ],
  indicators: [
    pct({
      code: 'help_kind_latent',
      nameNl: 'Kan op hulp in de buurt rekenen',
      nameEn: 'Can count on help in the neighbourhood',
      theme: 'help',
      formula: 'share of latent = yes',
    }),
    pct({
      code: 'help_kind_incidental',
      nameNl: 'Gaf of kreeg af en toe burenhulp',
      nameEn: 'Gave or got occasional help from neighbours',
      theme: 'help',
      formula: 'share of incidental = yes',
    }),
    pct({
      code: 'help_kind_structural',
      nameNl: 'Geeft mantelzorg of informele zorg',
      nameEn: 'Gives informal care',
      theme: 'help',
      formula: 'share of structural = yes',
    }),
  ],
};

const wmCohesion: readonly SurveyItem[] = [...COHESION_SHARED, COHESION_HELP_TOGETHER].map((i, n) => ({ ...i, key: `q07_${n + 1}` }));

export const HHW_WIJKMONITOR_2009: ItemSet = {
  set: 'hhw-wijkmonitor',
  version: '2009',
  titleNl: 'Wijkmonitor Heerhugowaard (vragen 7, 9, 10, 11, 24, 25, 59 en 71)',
  titleEn: 'Heerhugowaard Wijkmonitor (questions 7, 9, 10, 11, 24, 25, 59 and 71)',
  source:
    'Seed 001 (Meedoen is winnen, l.240-266): the indicators and targets; the seed does not give the wording, so the questions are ours (question 7 uses the 2019 cohesion scale)',
  items: [
    ...wmCohesion,
    scale(
      'q09',
      YES_NO,
      'Bent u actief in uw wijk? Bijvoorbeeld in een bewonersgroep, het wijkpanel of bij activiteiten.',
      'Are you active in your district? For example in a residents’ group, the district panel or at activities.',
    ),
    scale(
      'q10',
      SATISFACTION,
      'Hoe tevreden bent u over hoe de gemeente bewoners betrekt bij de wijk?',
      'How satisfied are you with how the municipality involves residents in the district?',
    ),
    agree(
      'q11',
      'Ik voel mij medeverantwoordelijk voor de leefbaarheid in mijn wijk.',
      'I feel partly responsible for the quality of life in my district.',
    ),
    scale(
      'q24',
      SATISFACTION,
      'Hoe tevreden bent u over de sociale voorzieningen in uw wijk, zoals het buurthuis en het welzijnswerk?',
      'How satisfied are you with the social facilities in your district, such as the community centre and social work?',
    ),
    agree(
      'q25',
      'In mijn wijk zijn genoeg mogelijkheden om andere mensen te ontmoeten.',
      'In my district there are enough opportunities to meet other people.',
    ),
    scale('q59', YES_NO, 'Doet u vrijwilligerswerk?', 'Do you do volunteer work?'),
    agree('q71', 'Ik heb genoeg contact met andere mensen.', 'I have enough contact with other people.'),
  ],
  indicators: [
    cohesionIndicator('wm07_cohesion', `questions q07_1..q07_5 (cohesion scale 2019): ${COHESION_FORMULA}`),
    pct({
      code: 'wm09_active',
      nameNl: 'Actief in de wijk',
      nameEn: 'Active in the district',
      theme: 'together',
      formula: 'share of q09 = yes',
    }),
    pct({
      code: 'wm10_involvement_satisfied',
      nameNl: 'Tevreden over hoe de gemeente bewoners betrekt',
      nameEn: 'Satisfied with how the municipality involves residents',
      theme: 'participation',
      formula: 'share of q10 ≤ 2',
    }),
    pct({
      code: 'wm11_responsible',
      nameNl: 'Voelt zich verantwoordelijk voor de leefbaarheid',
      nameEn: 'Feels responsible for the quality of life',
      theme: 'together',
      formula: 'share of q11 ≤ 2',
    }),
    pct({
      code: 'wm24_social_facilities',
      nameNl: 'Tevreden over sociale voorzieningen',
      nameEn: 'Satisfied with social facilities',
      theme: 'meet',
      formula: 'share of q24 ≤ 2',
    }),
    pct({
      code: 'wm25_contact_opportunities',
      nameNl: 'Genoeg mogelijkheden voor sociaal contact',
      nameEn: 'Enough opportunities for social contact',
      theme: 'meet',
      formula: 'share of q25 ≤ 2',
    }),
    pct({
      code: 'wm59_volunteering',
      nameNl: 'Doet vrijwilligerswerk',
      nameEn: 'Does volunteer work',
      theme: 'together',
      formula: 'share of q59 = yes',
    }),
    pct({
      code: 'wm71_enough_contact',
      nameNl: 'Heeft genoeg contact met andere mensen',
      nameEn: 'Has enough contact with other people',
      theme: 'know',
      formula: 'share of q71 ≤ 2',
    }),
  ],
};

/** Every standard item set, every version. */
export const ITEM_SETS: readonly ItemSet[] = [COHESION_VM_2019, COHESION_VM_2021, DSP_FUNCTIONS_1, HELP_KINDS_1, HHW_WIJKMONITOR_2009];

/** One set in one version, or null. */
export function itemSet(set: string, version: string): ItemSet | null {
  return ITEM_SETS.find((s) => s.set === set && s.version === version) ?? null;
}

/** The newest version of a set (versions compare as numbers), or null for an unknown set. */
export function latestVersion(set: string): string | null {
  const versions = ITEM_SETS.filter((s) => s.set === set).map((s) => s.version);
  if (versions.length === 0) return null;
  return versions.sort((a, b) => Number(b) - Number(a))[0] ?? null;
}
