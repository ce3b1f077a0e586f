import { defineMessages, type CatalogueKeys } from '../../platform/i18n/index.ts';

/** Texts shared by the evaluation module's features (plain Dutch, B1). Features keep their own catalogues. */
export const messages = defineMessages({
  nl: {
    'evaluation.nav': 'Wat werkt',
    'evaluation.admin.nav': 'Evaluaties',
    'evaluation.demoLabel': 'Demo-waarde, verzonnen',
  },
  en: {
    'evaluation.nav': 'What works',
    'evaluation.admin.nav': 'Evaluations',
    'evaluation.demoLabel': 'Demo value, invented',
  },
});

declare module '../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
