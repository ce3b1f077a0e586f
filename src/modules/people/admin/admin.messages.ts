import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Taking a role away with a confirm step, and undoing it. Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'people.users.ownLastAdmin':
      'Dit is uw eigen beheerdersrol. Als u die weghaalt, kunt u het niet meer terugdraaien. Vraag een andere beheerder om dit te doen.',
    'people.users.undoDone': 'Deze rol is al teruggegeven.',
    'people.users.undoExpired': 'Dit kan niet meer ongedaan worden gemaakt. Geef de rol opnieuw met het formulier "Iemand een rol geven".',
    'people.users.confirmTitle': 'Rol weghalen?',
    'people.users.confirmText': 'U haalt de rol {role} weg bij {name}.',
    'people.users.confirmOrganisation': 'Deze rol hoort bij de organisatie {organisation}.',
    'people.users.confirmUndo': 'Daarna kunt u dit nog {minutes} minuten ongedaan maken.',
    'people.users.confirmButton': 'Ja, rol weghalen',
    'people.users.cancel': 'Nee, terug naar de gebruikers',
    'people.users.removedUndo':
      'De rol is weggehaald. Was dat niet de bedoeling? Kies hieronder bij "Onlangs weggehaald" voor "Ongedaan maken".',
    'people.users.restored': 'De rol is teruggegeven.',
    'people.users.recentTitle': 'Onlangs weggehaald',
    'people.users.recentLead':
      'Tot {minutes} minuten na het weghalen geeft u een rol met één klik terug. Daarna kunt u de persoon nog {days} dagen een rol geven met het formulier hieronder.',
    'people.users.removedAt': 'Weggehaald op',
    'people.users.undo': 'Ongedaan maken',
    'people.users.undoLabel': 'Rol {role} teruggeven aan {name}',
    'people.users.undoTooLate': 'Te laat om ongedaan te maken',
    'people.users.lastAdminRow': 'Laatste beheerder: kan niet weg',
    'people.users.ownAdminRow': 'Uw eigen beheerdersrol',
  },
  en: {
    'people.users.ownLastAdmin':
      'This is your own administrator role. If you remove it, you cannot undo that yourself. Ask another administrator to do it.',
    'people.users.undoDone': 'This role has already been given back.',
    'people.users.undoExpired': 'This can no longer be undone. Give the role again with the form "Give someone a role".',
    'people.users.confirmTitle': 'Remove role?',
    'people.users.confirmText': 'You are removing the role {role} from {name}.',
    'people.users.confirmOrganisation': 'This role belongs to the organisation {organisation}.',
    'people.users.confirmUndo': 'You can undo this for {minutes} minutes afterwards.',
    'people.users.confirmButton': 'Yes, remove role',
    'people.users.cancel': 'No, back to the users',
    'people.users.removedUndo': 'The role has been removed. Not what you meant? Choose "Undo" below under "Recently removed".',
    'people.users.restored': 'The role has been given back.',
    'people.users.recentTitle': 'Recently removed',
    'people.users.recentLead':
      'Up to {minutes} minutes after removing a role you can give it back with one click. After that you can still give the person a role for {days} days with the form below.',
    'people.users.removedAt': 'Removed on',
    'people.users.undo': 'Undo',
    'people.users.undoLabel': 'Give the role {role} back to {name}',
    'people.users.undoTooLate': 'Too late to undo',
    'people.users.lastAdminRow': 'Last administrator: cannot be removed',
    'people.users.ownAdminRow': 'Your own administrator role',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
