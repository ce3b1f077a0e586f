import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Lines of the staff start page contributed by signals. Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'signals.attention.overdue': 'Meldingen over de termijn',
    'signals.attention.newAll': 'Nieuwe meldingen die nog niemand oppakt',
    'signals.attention.newOrganisation': 'Nieuwe meldingen voor uw organisatie',
  },
  en: {
    'signals.attention.overdue': 'Reports past their deadline',
    'signals.attention.newAll': 'New reports nobody has picked up yet',
    'signals.attention.newOrganisation': 'New reports for your organisation',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
