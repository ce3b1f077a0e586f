import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Messages of the signals jobs part: the deadline and retention settings page and the reminder/escalation mails. Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'signals.jobs.title': 'Termijnen en bewaren van meldingen',
    'signals.jobs.intro':
      'Hier stelt u in wanneer medewerkers een herinnering krijgen, of de coördinator een bericht krijgt als een termijn verlopen is, en hoe lang meldingen bewaard blijven.',
    'signals.jobs.hub': 'Instellingen meldingen',
    'signals.jobs.deadlines': 'Herinneren en opschalen',
    'signals.jobs.retention': 'Bewaren',
    'signals.jobs.reminderDays': 'Herinnering: aantal werkdagen vóór de termijn',
    'signals.jobs.reminderDaysHint': 'De organisatie die de melding behandelt krijgt één e-mail. Vul 0 in voor geen herinnering.',
    'signals.jobs.escalationEnabled': 'Stuur de coördinatoren een e-mail als de termijn van een melding verlopen is',
    'signals.jobs.anonymiseAfterMonths': 'Gegevens van de melder wissen: aantal maanden na het afsluiten',
    'signals.jobs.anonymiseAfterMonthsHint':
      'Naam, e-mailadres en telefoonnummer van de melder en van volgers worden gewist. Bij zorgmeldingen ook de beschrijving en het adres.',
    'signals.jobs.deleteCancelledAfterMonths': 'Geannuleerde meldingen verwijderen: aantal maanden na het annuleren',
    'signals.jobs.deleteClosedAfterMonths': 'Afgehandelde meldingen verwijderen: aantal maanden na het afhandelen',
    'signals.jobs.save': 'Opslaan',
    'signals.jobs.saved': 'De instellingen zijn opgeslagen.',
    'signals.jobs.error.reminderDays': 'Vul een heel getal in van 0 tot en met 10.',
    'signals.jobs.error.anonymise': 'Vul een heel getal in van 1 tot en met 120.',
    'signals.jobs.error.deleteCancelled': 'Vul een heel getal in van 1 tot en met 240.',
    'signals.jobs.error.deleteClosed': 'Vul een heel getal in van 1 tot en met 240.',
    'signals.jobs.error.anonymiseAfterDelete': 'Wis de gegevens van de melder niet later dan het verwijderen van afgehandelde meldingen.',
    'signals.jobs.mail.remind.subject': 'Herinnering: de termijn van melding {id} loopt af',
    'signals.jobs.mail.remind.text':
      'De termijn van melding {id} ({category}) loopt af op {deadline}.\n\nBekijk de melding en zet de volgende stap:\n{url}\n\nU krijgt deze e-mail omdat uw organisatie deze melding behandelt.',
    'signals.jobs.mail.escalate.subject': 'Termijn verlopen: melding {id}',
    'signals.jobs.mail.escalate.text':
      'De termijn van melding {id} ({category}) is verlopen op {deadline}. De melding is nog niet afgesloten.\n\nBekijk de melding:\n{url}\n\nU krijgt deze e-mail omdat u coördinator bent.',
  },
  en: {
    'signals.jobs.title': 'Deadlines and retention of signals',
    'signals.jobs.intro':
      'Set when staff get a reminder, whether the coordinator is told when a deadline has passed, and how long signals are kept.',
    'signals.jobs.hub': 'Signal settings',
    'signals.jobs.deadlines': 'Reminders and escalation',
    'signals.jobs.retention': 'Retention',
    'signals.jobs.reminderDays': 'Reminder: number of working days before the deadline',
    'signals.jobs.reminderDaysHint': 'The organisation handling the signal gets one e-mail. Enter 0 for no reminder.',
    'signals.jobs.escalationEnabled': 'E-mail the coordinators when the deadline of a signal has passed',
    'signals.jobs.anonymiseAfterMonths': 'Erase the reporter’s details: number of months after closing',
    'signals.jobs.anonymiseAfterMonthsHint':
      'Name, e-mail address and phone number of the reporter and of followers are erased. For care signals the description and address too.',
    'signals.jobs.deleteCancelledAfterMonths': 'Delete cancelled signals: number of months after cancelling',
    'signals.jobs.deleteClosedAfterMonths': 'Delete handled signals: number of months after handling',
    'signals.jobs.save': 'Save',
    'signals.jobs.saved': 'The settings have been saved.',
    'signals.jobs.error.reminderDays': 'Enter a whole number from 0 to 10.',
    'signals.jobs.error.anonymise': 'Enter a whole number from 1 to 120.',
    'signals.jobs.error.deleteCancelled': 'Enter a whole number from 1 to 240.',
    'signals.jobs.error.deleteClosed': 'Enter a whole number from 1 to 240.',
    'signals.jobs.error.anonymiseAfterDelete': 'Do not erase the reporter’s details later than deleting handled signals.',
    'signals.jobs.mail.remind.subject': 'Reminder: the deadline of signal {id} is near',
    'signals.jobs.mail.remind.text':
      'The deadline of signal {id} ({category}) is {deadline}.\n\nView the signal and take the next step:\n{url}\n\nYou get this e-mail because your organisation handles this signal.',
    'signals.jobs.mail.escalate.subject': 'Deadline passed: signal {id}',
    'signals.jobs.mail.escalate.text':
      'The deadline of signal {id} ({category}) passed on {deadline}. The signal has not been closed.\n\nView the signal:\n{url}\n\nYou get this e-mail because you are a coordinator.',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
