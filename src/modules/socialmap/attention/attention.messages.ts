import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Lines of the staff start page contributed by the social map. Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'socialmap.attention.suggestions': 'Correctievoorstellen voor de sociale kaart',
    'socialmap.attention.toCheck': 'Aanbod dat u moet nakijken (langer dan 6 maanden niet bevestigd)',
  },
  en: {
    'socialmap.attention.suggestions': 'Suggested corrections to the social map',
    'socialmap.attention.toCheck': 'Entries to check (not confirmed for more than 6 months)',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
