import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Texts of the volunteer vacancies (B1, the reader is "u"). */
export const messages = defineMessages({
  nl: {
    'helpmatch.vacancy.title': 'Vacatures voor vrijwilligers',
    'helpmatch.vacancy.intro': 'Organisaties in de gemeente zoeken vrijwilligers. Reageer als u iets wilt doen.',
    'helpmatch.vacancy.none': 'Er zijn nu geen vacatures.',
    'helpmatch.vacancy.new': 'Nieuwe vacature',
    'helpmatch.vacancy.newTitle': 'Vacature plaatsen',
    'helpmatch.vacancy.by': 'Van {organisation}',
    'helpmatch.vacancy.time': 'Tijd: {hours}',
    'helpmatch.vacancy.responses': 'Reacties',
    'helpmatch.vacancy.noResponses': 'Nog geen reacties.',
    'helpmatch.vacancy.notFound': 'Deze vacature bestaat niet (meer).',
    'helpmatch.vacancy.closed': 'Deze vacature is gesloten.',
    'helpmatch.vacancy.alreadyResponded': 'U heeft al op deze vacature gereageerd.',
    'helpmatch.vacancy.notMember': 'Alleen leden van de organisatie kunnen hier een vacature plaatsen.',
    'helpmatch.vacancy.organisationInvalid': 'Kies een organisatie waar u lid van bent.',
    'helpmatch.vacancy.signIn': 'Log in om te reageren.',
  },
  en: {
    'helpmatch.vacancy.title': 'Volunteer vacancies',
    'helpmatch.vacancy.intro': 'Organisations in the municipality are looking for volunteers. Reply if you would like to do something.',
    'helpmatch.vacancy.none': 'There are no vacancies right now.',
    'helpmatch.vacancy.new': 'New vacancy',
    'helpmatch.vacancy.newTitle': 'Post a vacancy',
    'helpmatch.vacancy.by': 'From {organisation}',
    'helpmatch.vacancy.time': 'Time: {hours}',
    'helpmatch.vacancy.responses': 'Replies',
    'helpmatch.vacancy.noResponses': 'No replies yet.',
    'helpmatch.vacancy.notFound': 'This vacancy does not exist (any more).',
    'helpmatch.vacancy.closed': 'This vacancy is closed.',
    'helpmatch.vacancy.alreadyResponded': 'You have already replied to this vacancy.',
    'helpmatch.vacancy.notMember': 'Only members of the organisation can post a vacancy for it.',
    'helpmatch.vacancy.organisationInvalid': 'Choose an organisation you are a member of.',
    'helpmatch.vacancy.signIn': 'Sign in to reply.',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
