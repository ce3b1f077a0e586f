import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Texts of applying on someone's behalf, starting from a call or youth idea, and co-signer mails (plain Dutch, B1). */
export const messages = defineMessages({
  nl: {
    'initiatives.apply.from.call': 'Deze aanvraag begint bij de oproep "{text}". Pas aan wat nodig is.',
    'initiatives.apply.from.idea': 'Deze aanvraag begint bij een idee van jongeren: "{text}". Kies de buurt en vul de rest aan.',
    'initiatives.apply.from.unknownCall':
      'Deze oproep bestaat niet, is gesloten of hoort bij een ander fonds. U kunt hieronder gewoon een aanvraag invullen.',
    'initiatives.apply.from.unknownIdea':
      'Dit idee van jongeren is niet gevonden, heeft al een aanvraag, of u kunt er geen aanvraag van maken. U kunt hieronder gewoon een aanvraag invullen.',
    'initiatives.apply.behalf.legend': 'Voor wie is deze aanvraag?',
    'initiatives.apply.behalf.whose': 'U vraagt aan',
    'initiatives.apply.behalf.self': 'voor mijzelf',
    'initiatives.apply.behalf.account': 'voor een bewoner met een account in deze gemeente',
    'initiatives.apply.behalf.contact': 'voor een bewoner zonder account',
    'initiatives.apply.behalf.accountEmail': 'E-mailadres van het account van de bewoner',
    'initiatives.apply.behalf.accountEmailHint':
      'Alleen bij een bewoner met een account. De bewoner ziet de aanvraag dan zelf bij "Mijn aanvragen".',
    'initiatives.apply.behalf.contactHint':
      'Bij een bewoner zonder account: de naam en een telefoonnummer of e-mailadres. Alleen u en de coördinator zien dit.',
    'initiatives.apply.behalf.name': 'Naam van de bewoner',
    'initiatives.apply.behalf.phone': 'Telefoonnummer van de bewoner',
    'initiatives.apply.behalf.email': 'E-mailadres van de bewoner',
    'initiatives.apply.behalf.error.whose': 'Kies voor wie de aanvraag is.',
    'initiatives.apply.behalf.error.accountStaffOnly':
      'Alleen een beroepskracht of coördinator kan een account zoeken. Kies "voor een bewoner zonder account" en vul de naam en een telefoonnummer of e-mailadres van de bewoner in.',
    'initiatives.apply.behalf.error.email': 'Dit is geen geldig e-mailadres.',
    'initiatives.apply.behalf.error.noAccount':
      'Er is in deze gemeente geen account met dit e-mailadres. Kies dan "voor een bewoner zonder account".',
    'initiatives.apply.behalf.error.phone': 'Dit is geen geldig telefoonnummer.',
    'initiatives.apply.behalf.error.reach': 'Geef een telefoonnummer of een e-mailadres van de bewoner.',
    'initiatives.apply.cosignerEmail': 'Medeondertekenaar {n}: e-mailadres (mag leeg blijven)',
    'initiatives.apply.linkMailed': 'de link is per e-mail verstuurd',
    'initiatives.track.enteredBy': 'Ingevoerd door een medewerker van {org}.',
    'initiatives.track.enteredByNoOrg': 'Ingevoerd door een medewerker of vrijwilliger, namens de bewoner.',
    'initiatives.cosign.mail.subject': 'Steunt u het initiatief "{title}"?',
    'initiatives.cosign.mail.text':
      'Beste {name},\n\n{group} vraagt {amount} aan bij {fund} voor "{title}" in {buurt}. U bent genoemd als buur die het initiatief steunt.\n\nSteunt u het? Bevestig het met deze link (hij werkt één keer):\n{url}\n\nKent u dit initiatief niet, of steunt u het niet? Dan hoeft u niets te doen. Uw e-mailadres bewaren wij niet bij de aanvraag.',
  },
  en: {
    'initiatives.apply.from.call': 'This application starts from the call "{text}". Change what is needed.',
    'initiatives.apply.from.idea':
      'This application starts from an idea of young people: "{text}". Choose the neighbourhood and fill in the rest.',
    'initiatives.apply.from.unknownCall':
      'This call does not exist, is closed or belongs to another fund. You can still fill in an application below.',
    'initiatives.apply.from.unknownIdea':
      'This idea of young people was not found, already has an application, or you cannot start one from it. You can still fill in an application below.',
    'initiatives.apply.behalf.legend': 'Who is this application for?',
    'initiatives.apply.behalf.whose': 'You apply',
    'initiatives.apply.behalf.self': 'for myself',
    'initiatives.apply.behalf.account': 'for a resident with an account in this municipality',
    'initiatives.apply.behalf.contact': 'for a resident without an account',
    'initiatives.apply.behalf.accountEmail': "E-mail address of the resident's account",
    'initiatives.apply.behalf.accountEmailHint':
      'Only for a resident with an account. The resident then sees the application under "My applications".',
    'initiatives.apply.behalf.contactHint':
      'For a resident without an account: the name and a phone number or e-mail address. Only you and the coordinator see this.',
    'initiatives.apply.behalf.name': 'Name of the resident',
    'initiatives.apply.behalf.phone': 'Phone number of the resident',
    'initiatives.apply.behalf.email': 'E-mail address of the resident',
    'initiatives.apply.behalf.error.whose': 'Choose who the application is for.',
    'initiatives.apply.behalf.error.accountStaffOnly':
      'Only a professional or coordinator can look up an account. Choose "for a resident without an account" and give the resident\'s name and a phone number or e-mail address.',
    'initiatives.apply.behalf.error.email': 'This is not a valid e-mail address.',
    'initiatives.apply.behalf.error.noAccount':
      'There is no account with this e-mail address in this municipality. Choose "for a resident without an account".',
    'initiatives.apply.behalf.error.phone': 'This is not a valid phone number.',
    'initiatives.apply.behalf.error.reach': 'Give a phone number or an e-mail address of the resident.',
    'initiatives.apply.cosignerEmail': 'Co-signer {n}: e-mail address (may stay empty)',
    'initiatives.apply.linkMailed': 'the link was sent by e-mail',
    'initiatives.track.enteredBy': 'Entered by a staff member of {org}.',
    'initiatives.track.enteredByNoOrg': "Entered by a staff member or volunteer, on the resident's behalf.",
    'initiatives.cosign.mail.subject': 'Do you support the initiative "{title}"?',
    'initiatives.cosign.mail.text':
      'Dear {name},\n\n{group} asks {fund} for {amount} for "{title}" in {buurt}. You were named as a neighbour who supports the initiative.\n\nDo you support it? Confirm with this link (it works once):\n{url}\n\nIf you do not know this initiative, or do not support it, you need not do anything. We do not keep your e-mail address with the application.',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
