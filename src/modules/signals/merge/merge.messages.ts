import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Messages of merging and splitting signals (coordinators and handlers). Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'signals.merge.link.merge': 'Samenvoegen met een andere melding',
    'signals.merge.link.split': 'Deel afsplitsen',
    'signals.merge.mergedInto': 'Samengevoegd met {id}',
    'signals.merge.splitFrom': 'Afgesplitst van {id}',
    'signals.merge.related': 'Samenvoegen en afsplitsen',
    'signals.merge.title': 'Melding {id} samenvoegen',
    'signals.merge.intro':
      'Kies de melding die over hetzelfde gaat. Daarna ziet u beide meldingen naast elkaar en kiest u welke melding blijft.',
    'signals.merge.candidates': 'Meldingen die erop lijken',
    'signals.merge.candidatesHint':
      'Open meldingen over hetzelfde onderwerp van de laatste 12 weken, binnen 50 meter of in dezelfde buurt.',
    'signals.merge.noCandidates': 'We vonden geen meldingen die erop lijken. U kunt hieronder zelf een meldingsnummer invullen.',
    'signals.merge.choose': 'Kies {id}',
    'signals.merge.distance': '{n} meter',
    'signals.merge.sameBuurt': 'Zelfde buurt',
    'signals.merge.where': 'Afstand',
    'signals.merge.other': 'Ander meldingsnummer',
    'signals.merge.otherHint': 'Bijvoorbeeld SIG-2026-000123.',
    'signals.merge.next': 'Volgende stap',
    'signals.merge.confirmTitle': 'Controleer en kies welke melding blijft',
    'signals.merge.compare': 'De twee meldingen naast elkaar',
    'signals.merge.field': 'Gegeven',
    'signals.merge.reported': 'Gemeld op',
    'signals.merge.followers': 'Volgers',
    'signals.merge.keepWhich': 'Welke melding blijft?',
    'signals.merge.keepHint':
      'De andere melding sluiten we. De melder en de volgers van die melding krijgen een e-mail en daarna berichten over de melding die blijft. Open acties gaan mee.',
    'signals.merge.keep': '{id} blijft',
    'signals.merge.note': 'Interne notitie',
    'signals.merge.noteHint': 'Alleen voor medewerkers. De melder ziet dit niet.',
    'signals.merge.submit': 'Samenvoegen',
    'signals.merge.back': 'Terug naar de melding',
    'signals.merge.error.format': 'Vul een meldingsnummer in zoals SIG-2026-000123.',
    'signals.merge.error.self': 'U kunt een melding niet met zichzelf samenvoegen.',
    'signals.merge.error.alreadyMerged': 'Melding {id} is al samengevoegd met een andere melding.',
    'signals.merge.error.closed': 'Melding {id} is gesloten. U kunt alleen open meldingen samenvoegen of afsplitsen.',
    'signals.merge.error.sensitivity':
      'Een melding over zorg om een buurtgenoot kunt u alleen samenvoegen met een andere melding over zorg om een buurtgenoot.',
    'signals.merge.error.splitNeedsEmail':
      'Voor dit onderwerp is een e-mailadres van de melder nodig. Deze melder heeft geen e-mailadres gegeven.',
    'signals.merge.error.splitQuestions':
      'Bij dit onderwerp horen vragen die de melder zelf moet beantwoorden. Kies een ander onderwerp, of vraag de melder om een nieuwe melding.',
    'signals.merge.note.actionsMoved': 'Open acties verplaatst naar {main}: {n}.',
    'signals.merge.note.mergedInto': 'Samengevoegd met {main}.',
    'signals.merge.note.mergedFrom': 'Melding {id} is hiermee samengevoegd.',
    'signals.merge.note.splitTo': 'Deel afgesplitst als {id} ({category}).',
    'signals.merge.note.splitFrom': 'Afgesplitst van {id}.',
    'signals.merge.publicMessage':
      'Uw melding {id} gaat over hetzelfde als melding {main}. We hebben de meldingen samengevoegd. U krijgt voortaan berichten over {main}.',
    'signals.merge.publicMessageMain': 'Iemand anders meldde hetzelfde (melding {id}). We behandelen de meldingen nu samen.',
    'signals.merge.mail.subject': 'Melding {id} is samengevoegd met {main}',
    'signals.merge.mail.text':
      'Uw melding {id} gaat over hetzelfde als melding {main}. We hebben de meldingen samengevoegd. U krijgt voortaan berichten over {main}.\n\nVia deze link ziet u de stand van zaken van {main}:\n{url}',
    'signals.merge.track.merged': 'Deze melding is samengevoegd met melding {main}. U krijgt voortaan berichten over {main}.',
    'signals.merge.history.merge': 'Andere melding samengevoegd',
    'signals.merge.history.split': 'Deel afgesplitst',
    'signals.merge.history.split_from': 'Afgesplitst van andere melding',
    'signals.merge.split.title': 'Deel van melding {id} afsplitsen',
    'signals.merge.split.intro':
      'Maak een nieuwe melding voor een deel van deze melding, bijvoorbeeld voor een andere organisatie. De nieuwe melding krijgt dezelfde plek en dezelfde melder. De melder krijgt een e-mail met een eigen link.',
    'signals.merge.split.category': 'Onderwerp van de nieuwe melding',
    'signals.merge.split.organisation': 'Organisatie',
    'signals.merge.split.routing': 'Volgens de routering ({name})',
    'signals.merge.split.routingNone': 'Volgens de routering',
    'signals.merge.split.organisationHint': 'Kiest u niets, dan bepalen de routeringsregels de organisatie bij het onderwerp en de plek.',
    'signals.merge.split.description': 'Wat splitst u af?',
    'signals.merge.split.descriptionHint': 'Pas de tekst aan, zodat alleen het deel overblijft waar de nieuwe melding over gaat.',
    'signals.merge.split.sensitiveHint':
      'Let op: dit is een melding over zorg om een buurtgenoot. Kiest u een openbaar onderwerp, dan kan de tekst openbaar worden. Laat persoonlijke gegevens weg.',
    'signals.merge.split.submit': 'Afsplitsen',
    'signals.merge.split.publicOriginal':
      'Een deel van uw melding behandelen we apart, als melding {id}. Daarover krijgt u een aparte e-mail.',
    'signals.merge.split.publicChild': 'Deze melding is een deel van melding {id}. We behandelen dit deel apart.',
  },
  en: {
    'signals.merge.link.merge': 'Merge with another report',
    'signals.merge.link.split': 'Split off a part',
    'signals.merge.mergedInto': 'Merged into {id}',
    'signals.merge.splitFrom': 'Split off from {id}',
    'signals.merge.related': 'Merge and split',
    'signals.merge.title': 'Merge report {id}',
    'signals.merge.intro':
      'Choose the report that is about the same thing. You then see both reports side by side and choose which one stays.',
    'signals.merge.candidates': 'Similar reports',
    'signals.merge.candidatesHint':
      'Open reports on the same subject from the last 12 weeks, within 50 metres or in the same neighbourhood.',
    'signals.merge.noCandidates': 'We found no similar reports. You can enter a report number below.',
    'signals.merge.choose': 'Choose {id}',
    'signals.merge.distance': '{n} metres',
    'signals.merge.sameBuurt': 'Same neighbourhood',
    'signals.merge.where': 'Distance',
    'signals.merge.other': 'Other report number',
    'signals.merge.otherHint': 'For example SIG-2026-000123.',
    'signals.merge.next': 'Next step',
    'signals.merge.confirmTitle': 'Check and choose which report stays',
    'signals.merge.compare': 'The two reports side by side',
    'signals.merge.field': 'Field',
    'signals.merge.reported': 'Reported on',
    'signals.merge.followers': 'Followers',
    'signals.merge.keepWhich': 'Which report stays?',
    'signals.merge.keepHint':
      'We close the other report. Its reporter and followers get an e-mail and from then on updates about the report that stays. Open actions move along.',
    'signals.merge.keep': '{id} stays',
    'signals.merge.note': 'Internal note',
    'signals.merge.noteHint': 'For staff only. The reporter does not see this.',
    'signals.merge.submit': 'Merge',
    'signals.merge.back': 'Back to the report',
    'signals.merge.error.format': 'Enter a report number like SIG-2026-000123.',
    'signals.merge.error.self': 'You cannot merge a report with itself.',
    'signals.merge.error.alreadyMerged': 'Report {id} has already been merged with another report.',
    'signals.merge.error.closed': 'Report {id} is closed. Only open reports can be merged or split.',
    'signals.merge.error.sensitivity':
      'A report of concern about a neighbour can only be merged with another report of concern about a neighbour.',
    'signals.merge.error.splitNeedsEmail': 'This subject needs the reporter’s e-mail address. This reporter gave none.',
    'signals.merge.error.splitQuestions':
      'This subject has questions the reporter must answer. Choose another subject, or ask the reporter to make a new report.',
    'signals.merge.note.actionsMoved': 'Open actions moved to {main}: {n}.',
    'signals.merge.note.mergedInto': 'Merged into {main}.',
    'signals.merge.note.mergedFrom': 'Report {id} was merged into this one.',
    'signals.merge.note.splitTo': 'Part split off as {id} ({category}).',
    'signals.merge.note.splitFrom': 'Split off from {id}.',
    'signals.merge.publicMessage':
      'Your report {id} is about the same thing as report {main}. We have merged the reports. From now on you will get updates about {main}.',
    'signals.merge.publicMessageMain': 'Someone else reported the same thing (report {id}). We now handle the reports together.',
    'signals.merge.mail.subject': 'Report {id} has been merged into {main}',
    'signals.merge.mail.text':
      'Your report {id} is about the same thing as report {main}. We have merged the reports. From now on you will get updates about {main}.\n\nThis link shows the current state of {main}:\n{url}',
    'signals.merge.track.merged': 'This report has been merged into report {main}. From now on you will get updates about {main}.',
    'signals.merge.history.merge': 'Other report merged',
    'signals.merge.history.split': 'Part split off',
    'signals.merge.history.split_from': 'Split off from another report',
    'signals.merge.split.title': 'Split off a part of report {id}',
    'signals.merge.split.intro':
      'Make a new report for a part of this report, for example for another organisation. The new report gets the same place and reporter. The reporter gets an e-mail with its own link.',
    'signals.merge.split.category': 'Subject of the new report',
    'signals.merge.split.organisation': 'Organisation',
    'signals.merge.split.routing': 'By the routing rules ({name})',
    'signals.merge.split.routingNone': 'By the routing rules',
    'signals.merge.split.organisationHint':
      'If you choose nothing, the routing rules choose the organisation from the subject and the place.',
    'signals.merge.split.description': 'What do you split off?',
    'signals.merge.split.descriptionHint': 'Edit the text so that only the part the new report is about remains.',
    'signals.merge.split.sensitiveHint':
      'Note: this is a report of concern about a neighbour. If you choose a public subject, the text may become public. Leave out personal details.',
    'signals.merge.split.submit': 'Split off',
    'signals.merge.split.publicOriginal':
      'We handle a part of your report separately, as report {id}. You will get a separate e-mail about it.',
    'signals.merge.split.publicChild': 'This report is a part of report {id}. We handle this part separately.',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
