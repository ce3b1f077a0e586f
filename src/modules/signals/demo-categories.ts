/** The demo categories (issue 3): four groups, with extra questions and hard stops. Also used by tests. */
import type { GroupDefinition } from './config/categories.service.ts';
import type { CategoryQuestion } from './signals.tables.ts';
import type { SignalState } from './workflow.ts';
import { withEnglish } from './demo-english.ts';

const DANGER: CategoryQuestion = {
  key: 'direct_gevaar',
  label: 'Is er nu direct gevaar?',
  type: 'yesno',
  required: true,
  hardStop: { answer: 'ja', message: 'Is er nu direct gevaar? Bel dan meteen 112. Doe daarna eventueel hier een melding.' },
};

const KNOWS: CategoryQuestion = {
  key: 'weet_ervan',
  label: 'Weet de persoon dat u dit meldt?',
  type: 'select',
  required: false,
  options: ['Ja', 'Nee', 'Weet ik niet'],
};

const DUTCH_GROUPS: readonly GroupDefinition[] = [
  {
    code: 'openbare-ruimte',
    name: 'Openbare ruimte',
    description: 'Straat, stoep, groen en speelplekken.',
    categories: [
      {
        serviceCode: 'verlichting',
        name: 'Straatverlichting',
        description: 'Een lantaarnpaal die niet brandt of kapot is.',
        deadlineDays: 10,
        questions: [{ key: 'paalnummer', label: 'Nummer op de lantaarnpaal (als u het ziet)', type: 'text', required: false }],
      },
      {
        serviceCode: 'afval',
        name: 'Afval',
        description: 'Zwerfafval, een volle container of grofvuil op straat.',
        deadlineDays: 3,
        questions: [
          {
            key: 'soort_afval',
            label: 'Wat voor afval is het?',
            type: 'select',
            required: true,
            options: ['Zwerfafval', 'Volle container', 'Grofvuil'],
          },
        ],
      },
      { serviceCode: 'groen', name: 'Groen', description: 'Bomen, struiken en gras: snoeien, omgewaaid of kapot.', deadlineDays: 10 },
      { serviceCode: 'bestrating', name: 'Bestrating', description: 'Losse tegels, gaten in de stoep of de weg.', deadlineDays: 10 },
      { serviceCode: 'speelplek', name: 'Speelplek', description: 'Kapotte of onveilige speeltoestellen.', deadlineDays: 5 },
    ],
  },
  {
    code: 'overlast',
    name: 'Overlast',
    description: 'Overlast van geluid, jongeren of buren.',
    categories: [
      {
        serviceCode: 'geluid',
        name: 'Geluidsoverlast',
        description: 'Harde muziek, lawaai van een bedrijf of evenement.',
        deadlineDays: 5,
        questions: [
          { key: 'wanneer', label: 'Wanneer is de overlast?', type: 'select', required: false, options: ['Nu', 'Vaak', 'Af en toe'] },
        ],
      },
      { serviceCode: 'jongeren', name: 'Overlast van jongeren', description: 'Groepen jongeren die overlast geven.', deadlineDays: 5 },
      {
        serviceCode: 'burenoverlast',
        name: 'Overlast van buren',
        description: 'Problemen met buren die u niet samen kunt oplossen.',
        deadlineDays: 10,
      },
    ],
  },
  {
    code: 'veiligheid',
    name: 'Veiligheid',
    description: 'Plekken of verkeer waar u zich niet veilig voelt.',
    categories: [
      {
        serviceCode: 'onveilige-plek',
        name: 'Onveilige plek',
        description: 'Een donkere of onoverzichtelijke plek waar u zich niet veilig voelt.',
        deadlineDays: 10,
        questions: [DANGER],
      },
      {
        serviceCode: 'verkeer',
        name: 'Verkeersveiligheid',
        description: 'Te hard rijden, gevaarlijke oversteek of slecht zicht.',
        deadlineDays: 10,
        questions: [DANGER],
      },
    ],
  },
  {
    code: 'zorg-buurtgenoot',
    name: 'Zorg om een buurtgenoot',
    description: 'U maakt zich zorgen om iemand in uw buurt. Wat u meldt, ziet alleen de organisatie die helpt.',
    categories: [
      {
        serviceCode: 'eenzaamheid',
        name: 'Eenzaamheid of isolement',
        description: 'Iemand komt de deur niet meer uit of heeft niemand.',
        deadlineDays: 3,
        sensitive: true,
        questions: [KNOWS],
      },
      {
        serviceCode: 'verwaarlozing',
        name: 'Verwaarlozing',
        description: 'Iemand zorgt niet meer goed voor zichzelf of het huis.',
        deadlineDays: 3,
        sensitive: true,
        questions: [KNOWS],
      },
      {
        serviceCode: 'geldzorgen',
        name: 'Geldzorgen',
        description: 'Iemand heeft waarschijnlijk schulden of geldproblemen.',
        deadlineDays: 5,
        sensitive: true,
        questions: [KNOWS],
      },
      {
        serviceCode: 'verward-gedrag',
        name: 'Verward gedrag',
        description: 'Iemand gedraagt zich verward of anders dan anders.',
        deadlineDays: 2,
        sensitive: true,
        questions: [
          {
            key: 'gevaar',
            label: 'Is iemand nu in gevaar, of een gevaar voor anderen?',
            type: 'yesno',
            required: true,
            hardStop: {
              answer: 'ja',
              message: 'Bel nu 112. Is er geen direct gevaar maar wel een zorg? Bel dan het meldpunt niet-acuut verward gedrag: 0800-1205.',
            },
          },
          KNOWS,
        ],
      },
      {
        serviceCode: 'mantelzorg',
        name: 'Overbelaste mantelzorger',
        description: 'Iemand die voor een naaste zorgt, houdt het niet meer vol.',
        deadlineDays: 5,
        sensitive: true,
        questions: [KNOWS],
      },
    ],
  },
];

/** The demo groups and categories, Dutch with English beside it (demo-english.ts). */
export const DEMO_GROUPS: readonly GroupDefinition[] = withEnglish(DUTCH_GROUPS);

/** Default standard texts per state (editable before sending). */
export const DEMO_STANDARD_TEXTS: Partial<Record<SignalState, string>> = {
  in_behandeling: 'We hebben uw melding bekeken en gaan ermee aan de slag.',
  ingepland: 'We hebben het werk ingepland. U krijgt bericht als het klaar is.',
  reactie_gevraagd: 'We hebben een vraag over uw melding. Wilt u ons bellen of mailen?',
  afgehandeld: 'We hebben uw melding afgehandeld. Dank u wel voor het melden.',
  geannuleerd: 'We hebben uw melding gesloten zonder verdere actie.',
  heropend: 'We hebben uw melding opnieuw geopend en kijken er nog een keer naar.',
};
