import { defineMessages, type CatalogueKeys } from '../../platform/i18n/index.ts';

/** Messages shared by the surveys module's features (each feature has its own file beside it). Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'surveys.nav': 'Enquêtes',
  },
  en: {
    'surveys.nav': 'Surveys',
  },
});

declare module '../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
