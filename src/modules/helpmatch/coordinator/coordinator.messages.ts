import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Texts of the coordinator's overview of help (B1, the reader is "u"). */
export const messages = defineMessages({
  nl: {
    'helpmatch.coord.title': 'Coördinatie hulp',
    'helpmatch.coord.requests': 'Hulpvragen',
    'helpmatch.coord.offers': 'Aanbod van vrijwilligers',
    'helpmatch.coord.reports': 'Meldingen en blokkades',
    'helpmatch.coord.noRequests': 'Geen hulpvragen.',
    'helpmatch.coord.noOffers': 'Nog geen aanbod.',
    'helpmatch.coord.noReports': 'Geen meldingen.',
    'helpmatch.coord.blockedTitle': 'Geblokkeerd',
    'helpmatch.coord.noBlocked': 'Niemand is geblokkeerd.',
    'helpmatch.coord.reported': 'Gemeld: {name}',
    'helpmatch.coord.reportState.open': 'Open',
    'helpmatch.coord.reportState.handled': 'Afgehandeld',
    'helpmatch.coord.filter': 'Toon',
    'helpmatch.coord.filterOpen': 'Open vragen',
    'helpmatch.coord.filterAll': 'Alle vragen',
    'helpmatch.coord.vogNone': 'Nee',
  },
  en: {
    'helpmatch.coord.title': 'Help coordination',
    'helpmatch.coord.requests': 'Requests',
    'helpmatch.coord.offers': 'Offers by volunteers',
    'helpmatch.coord.reports': 'Reports and blocks',
    'helpmatch.coord.noRequests': 'No requests.',
    'helpmatch.coord.noOffers': 'No offers yet.',
    'helpmatch.coord.noReports': 'No reports.',
    'helpmatch.coord.blockedTitle': 'Blocked',
    'helpmatch.coord.noBlocked': 'Nobody is blocked.',
    'helpmatch.coord.reported': 'Reported: {name}',
    'helpmatch.coord.reportState.open': 'Open',
    'helpmatch.coord.reportState.handled': 'Handled',
    'helpmatch.coord.filter': 'Show',
    'helpmatch.coord.filterOpen': 'Open requests',
    'helpmatch.coord.filterAll': 'All requests',
    'helpmatch.coord.vogNone': 'No',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
