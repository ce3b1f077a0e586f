import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** The staff start page ("Wat vraagt nu uw aandacht?"). Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'people.nav.start': 'Start',
    'people.start.title': 'Start',
    'people.start.heading': 'Wat vraagt nu uw aandacht?',
    'people.start.lead': 'Hier ziet u wat er in {municipality} op u wacht. Klik op een regel om de lijst te openen.',
    'people.start.attentionTitle': 'Wat op u wacht',
    'people.start.nothing': 'Er wacht nu niets op u.',
    'people.start.urgent': 'Dringend',
    'people.start.allWork': 'Alles voor uw werk',
    'people.attention.newResidents': 'Nieuwe bewoners van de laatste 14 dagen, nog zonder andere rol',
  },
  en: {
    'people.nav.start': 'Start',
    'people.start.title': 'Start',
    'people.start.heading': 'What needs your attention now?',
    'people.start.lead': 'This is what is waiting for you in {municipality}. Click a line to open the list.',
    'people.start.attentionTitle': 'Waiting for you',
    'people.start.nothing': 'Nothing is waiting for you right now.',
    'people.start.urgent': 'Urgent',
    'people.start.allWork': 'Everything for your work',
    'people.attention.newResidents': 'New residents of the last 14 days, without another role yet',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
