/** The English texts of the demo categories (issue 12: English stored with the data), by code; applied by `withEnglish`. */
import type { GroupDefinition } from './config/categories.service.ts';
import type { CategoryQuestion } from './signals.tables.ts';
import type { SignalState } from './workflow.ts';

type Texts = { name: string; description: string };

const GROUPS: Record<string, Texts> = {
  'openbare-ruimte': { name: 'Public space', description: 'Streets, pavements, greenery and play areas.' },
  overlast: { name: 'Nuisance', description: 'Nuisance from noise, young people or neighbours.' },
  veiligheid: { name: 'Safety', description: 'Places or traffic where you do not feel safe.' },
  'zorg-buurtgenoot': {
    name: 'Worried about a neighbour',
    description: 'You are worried about someone in your neighbourhood. Only the organisation that helps sees what you report.',
  },
};

const CATEGORIES: Record<string, Texts> = {
  verlichting: { name: 'Street lighting', description: 'A street light that is out or broken.' },
  afval: { name: 'Waste', description: 'Litter, a full container or bulky waste in the street.' },
  groen: { name: 'Greenery', description: 'Trees, shrubs and grass: pruning, blown over or damaged.' },
  bestrating: { name: 'Paving', description: 'Loose tiles, holes in the pavement or the road.' },
  speelplek: { name: 'Play area', description: 'Broken or unsafe play equipment.' },
  geluid: { name: 'Noise', description: 'Loud music, noise from a business or an event.' },
  jongeren: { name: 'Nuisance from young people', description: 'Groups of young people causing nuisance.' },
  burenoverlast: { name: 'Nuisance from neighbours', description: 'Problems with neighbours that you cannot solve together.' },
  'onveilige-plek': { name: 'Unsafe place', description: 'A dark or confusing place where you do not feel safe.' },
  verkeer: { name: 'Road safety', description: 'Speeding, a dangerous crossing or poor visibility.' },
  eenzaamheid: { name: 'Loneliness or isolation', description: 'Someone no longer goes out or has nobody.' },
  verwaarlozing: { name: 'Neglect', description: 'Someone no longer takes good care of themselves or their home.' },
  geldzorgen: { name: 'Money worries', description: 'Someone probably has debts or money problems.' },
  'verward-gedrag': { name: 'Confused behaviour', description: 'Someone behaves confused or not like themselves.' },
  mantelzorg: { name: 'Overburdened carer', description: 'Someone who cares for a loved one cannot cope any more.' },
};

const QUESTIONS: Record<string, { labelEn: string; optionsEn?: readonly string[] }> = {
  direct_gevaar: { labelEn: 'Is there immediate danger?' },
  weet_ervan: { labelEn: 'Does the person know you are reporting this?', optionsEn: ['Yes', 'No', 'I do not know'] },
  paalnummer: { labelEn: 'Number on the street light (if you can see it)' },
  soort_afval: { labelEn: 'What kind of waste is it?', optionsEn: ['Litter', 'Full container', 'Bulky waste'] },
  wanneer: { labelEn: 'When is the nuisance?', optionsEn: ['Now', 'Often', 'Now and then'] },
  gevaar: { labelEn: 'Is someone in danger now, or a danger to others?' },
};

const question = (q: CategoryQuestion): CategoryQuestion => {
  const en = QUESTIONS[q.key];
  return en
    ? { ...q, labelEn: en.labelEn, ...(en.optionsEn && q.options?.length === en.optionsEn.length ? { optionsEn: en.optionsEn } : {}) }
    : q;
};

/** The groups with their English names, descriptions and question texts added. */
export function withEnglish(groups: readonly GroupDefinition[]): GroupDefinition[] {
  return groups.map((g) => ({
    ...g,
    nameEn: GROUPS[g.code]?.name ?? '',
    descriptionEn: GROUPS[g.code]?.description ?? '',
    categories: g.categories.map((c) => ({
      ...c,
      nameEn: CATEGORIES[c.serviceCode]?.name ?? '',
      descriptionEn: CATEGORIES[c.serviceCode]?.description ?? '',
      ...(c.questions ? { questions: c.questions.map(question) } : {}),
    })),
  }));
}

/** English standard texts per state. */
export const DEMO_STANDARD_TEXTS_EN: Partial<Record<SignalState, string>> = {
  in_behandeling: 'We have looked at your report and are working on it.',
  ingepland: 'We have planned the work. You will hear from us when it is done.',
  reactie_gevraagd: 'We have a question about your report. Would you call or e-mail us?',
  afgehandeld: 'We have handled your report. Thank you for reporting.',
  geannuleerd: 'We have closed your report without further action.',
  heropend: 'We have reopened your report and are looking at it again.',
};
