import { defineMessages, type CatalogueKeys } from '../../platform/i18n/index.ts';

/** Messages shared by the monitor's features (each feature has its own file beside it). Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'monitor.nav': 'Wijkmonitor',
  },
  en: {
    'monitor.nav': 'Neighbourhood monitor',
  },
});

declare module '../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
