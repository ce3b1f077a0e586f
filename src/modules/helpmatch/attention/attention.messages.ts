import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Lines of the staff start page contributed by the help marketplace. Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'helpmatch.attention.withoutHelper': 'Hulpvragen zonder helper: stel iemand voor',
    'helpmatch.attention.reports': 'Meldingen over hulp die nog open staan',
  },
  en: {
    'helpmatch.attention.withoutHelper': 'Help requests without a helper: propose someone',
    'helpmatch.attention.reports': 'Reports about help that are still open',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
