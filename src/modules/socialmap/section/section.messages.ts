import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Texts of the ontmoeten section of the neighbourhood page. Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'socialmap.section.updated': 'Bijgewerkt om {time}.',
  },
  en: {
    'socialmap.section.updated': 'Updated at {time}.',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
