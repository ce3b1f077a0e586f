import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Texts of the report form's place (address, map pin, the neighbour's buurt) and of the confirmation page. Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'signals.report.addressPlace': 'Adres',
    'signals.report.addressPlaceHint':
      'Straat en huisnummer, of postcode en huisnummer. Bijvoorbeeld: Raadhuisplein 1. Zet u een punt op de kaart? Dan hoeft dit niet.',
    'signals.report.mapLabel': 'Zet een punt op de kaart',
    'signals.report.mapHint': 'Klik of tik op de plek, of sleep het punt. Het adres hierboven mag u dan leeg laten.',
    'signals.report.worryWhere': 'Waar woont uw buurtgenoot?',
    'signals.report.worryWhereIntro': 'We vragen niet naar het huisnummer. De buurt of de straat is genoeg om de juiste mensen te vragen.',
    'signals.report.worryBuurt': 'Buurt',
    'signals.report.worryBuurtHint': 'Kies de buurt. Weet u die niet? Vul dan de straat in.',
    'signals.report.worryBuurtChoose': 'Kies een buurt',
    'signals.report.worryStreet': 'Straat (niet verplicht)',
    'signals.report.worryStreetHint': 'Alleen de straatnaam, zonder huisnummer.',
    'signals.error.worryPlaceRequired': 'Kies de buurt of vul de straat in.',
    'signals.error.worryBuurt': 'Kies een buurt uit de lijst.',
    'signals.error.placeRequired': 'Vul het adres in, of zet een punt op de kaart.',
    'signals.thanks.summary': 'Wat u meldde',
    'signals.thanks.subject': 'Onderwerp',
    'signals.thanks.place': 'Plek',
    'signals.thanks.description': 'Beschrijving',
    'signals.thanks.photos': 'Foto’s',
    'signals.thanks.next': 'Wat gebeurt er nu?',
    'signals.thanks.nextLook': 'Een medewerker bekijkt uw melding en zet hem door naar wie het kan oplossen.',
    'signals.thanks.nextBy': 'We willen uw melding uiterlijk {date} hebben afgehandeld.',
    'signals.thanks.nextMail':
      'U krijgt een e-mail met de link naar uw melding. Wilde u horen wat we doen? Dan krijgt u bij elke stap bericht.',
    'signals.thanks.nextNoMail': 'U gaf geen e-mailadres. Bewaar daarom de link hieronder: daar ziet u wat we met uw melding doen.',
    'signals.thanks.nextWorry': 'Er neemt iemand contact met u op als er vragen zijn. Uw gegevens blijven vertrouwelijk.',
  },
  en: {
    'signals.report.addressPlace': 'Address',
    'signals.report.addressPlaceHint':
      'Street and house number, or postcode and house number. For example: Raadhuisplein 1. If you put a pin on the map, you can leave this empty.',
    'signals.report.mapLabel': 'Put a pin on the map',
    'signals.report.mapHint': 'Click or tap the place, or drag the pin. You may then leave the address above empty.',
    'signals.report.worryWhere': 'Where does your neighbour live?',
    'signals.report.worryWhereIntro':
      'We do not ask for the house number. The neighbourhood or the street is enough to ask the right people.',
    'signals.report.worryBuurt': 'Neighbourhood',
    'signals.report.worryBuurtHint': 'Choose the neighbourhood. If you do not know it, enter the street.',
    'signals.report.worryBuurtChoose': 'Choose a neighbourhood',
    'signals.report.worryStreet': 'Street (optional)',
    'signals.report.worryStreetHint': 'Only the street name, without a house number.',
    'signals.error.worryPlaceRequired': 'Choose the neighbourhood or enter the street.',
    'signals.error.worryBuurt': 'Choose a neighbourhood from the list.',
    'signals.error.placeRequired': 'Enter the address, or put a pin on the map.',
    'signals.thanks.summary': 'What you reported',
    'signals.thanks.subject': 'Subject',
    'signals.thanks.place': 'Place',
    'signals.thanks.description': 'Description',
    'signals.thanks.photos': 'Photos',
    'signals.thanks.next': 'What happens next?',
    'signals.thanks.nextLook': 'Someone looks at your report and passes it on to whoever can solve it.',
    'signals.thanks.nextBy': 'We aim to have handled your report by {date}.',
    'signals.thanks.nextMail':
      'You get an e-mail with the link to your report. If you asked to hear what we do, you get a message at every step.',
    'signals.thanks.nextNoMail': 'You gave no e-mail address, so keep the link below: it shows what we do with your report.',
    'signals.thanks.nextWorry': 'Someone will contact you if there are questions. Your details stay confidential.',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
