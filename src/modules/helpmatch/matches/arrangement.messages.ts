import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/**
 * Texts of the requester's choice of helper, of weekly help (hours per week, ending it) and the
 * plain explanation of "VOG" (issue 12; B1, the reader is "u").
 */
export const messages = defineMessages({
  nl: {
    'helpmatch.matchState.awaiting_requester': 'Helper zegt ja, hulpvrager kiest',
    'helpmatch.matchState.not_chosen': 'Niet gekozen',
    'helpmatch.choose.title': 'Wilt u hulp van {name}?',
    'helpmatch.choose.intro':
      '{name} wil graag helpen. U kiest zelf of u dat goed vindt. Pas als u ja zegt, ziet de helper het adres en de contactgegevens.',
    'helpmatch.choose.someone': 'deze helper',
    'helpmatch.choose.onBehalfTitle': 'Kiezen namens de hulpvrager: hulp van {name}?',
    'helpmatch.choose.onBehalfIntro':
      'Deze hulpvraag is gesteld voor iemand zonder account. Bel of spreek die persoon eerst. Kies daarna namens hem of haar. Pas na ja ziet {name} het adres en de contactgegevens.',
    'helpmatch.choose.onlyRequester': 'Alleen wie de hulp vroeg, kan de helper kiezen.',
    'helpmatch.choose.notWaiting': 'Deze helper wacht niet (meer) op een keuze.',
    'helpmatch.choose.alreadyChosen': 'Er is al een helper gekozen voor deze vraag.',
    'helpmatch.choose.volunteerWaits':
      'U heeft ja gezegd. Dank u wel! De hulpvrager kiest nu. U krijgt een e-mail als er gekozen is. Het adres ziet u daarna.',
    'helpmatch.choose.notChosenVolunteer':
      'De hulpvrager heeft deze keer voor iets anders gekozen. Dank u wel dat u wilde helpen! Kijk of er andere vragen bij u in de buurt zijn.',
    'helpmatch.choose.notChosenRequester': 'U heeft nee gezegd tegen deze helper. Uw vraag staat open voor anderen.',
    'helpmatch.submit.chooseYes': 'Ja, graag',
    'helpmatch.submit.chooseNo': 'Nee, liever niet',
    'helpmatch.notice.chosen': 'U heeft ja gezegd tegen de helper. Hieronder staan de gegevens om contact op te nemen.',
    'helpmatch.notice.notChosen': 'U heeft nee gezegd. De helper krijgt een vriendelijk bericht. Uw vraag staat weer open voor anderen.',
    'helpmatch.notice.weekConfirmed': 'De uren van deze week zijn bevestigd. De vaste hulp gaat gewoon door.',
    'helpmatch.notice.ended': 'De vaste hulp is beëindigd. Dank u wel!',
    'helpmatch.session.title': 'Uren per week',
    'helpmatch.session.intro':
      'Dit is vaste hulp. Geef elke week de uren door; de ander bevestigt ze. De afspraak loopt door tot u of de ander hem beëindigt.',
    'helpmatch.session.none': 'Nog geen uren doorgegeven.',
    'helpmatch.session.allConfirmed': 'De uren van alle weken tot nu toe zijn bevestigd. Volgende week kunt u weer uren doorgeven.',
    'helpmatch.session.total': 'Samen bevestigd: {hours} uur.',
    'helpmatch.session.colWeek': 'Week',
    'helpmatch.session.colHours': 'Uren',
    'helpmatch.session.colState': 'Bevestigd?',
    'helpmatch.session.weekOf': 'week van {date}',
    'helpmatch.session.confirmedBoth': 'Ja, door u allebei',
    'helpmatch.session.waitingOther': 'Wacht op de ander',
    'helpmatch.session.waitingYou': 'Wacht op u',
    'helpmatch.session.notConfirmed': 'Niet bevestigd',
    'helpmatch.field.week': 'Welke week?',
    'helpmatch.submit.confirmWeek': 'Ja, {hours} uur klopt ({week})',
    'helpmatch.submit.endArrangement': 'Vaste hulp beëindigen',
    'helpmatch.session.endTitle': 'Stoppen met de vaste hulp',
    'helpmatch.session.endHint':
      'Stopt de hulp? Dan beëindigt u de afspraak. De bevestigde uren blijven staan. Zoekt u een andere helper? Kies dan "Afspraak annuleren": dan staat de vraag weer open.',
    'helpmatch.session.alreadyConfirmed':
      'De uren van deze week zijn al door u allebei bevestigd. Die kunt u niet meer veranderen. Kies een andere week.',
    'helpmatch.session.weekInvalid': 'Kies een week vanaf het begin van de afspraak tot en met deze week.',
    'helpmatch.session.notWeekly': 'Dit is geen vaste hulp.',
    'helpmatch.session.waitForOther': 'U heeft deze uren al bevestigd. Nu is de ander aan de beurt.',
    'helpmatch.vog.what': 'Wat is een VOG?',
    'helpmatch.vog.explain':
      'Een VOG is een Verklaring Omtrent het Gedrag. Dat is een papier van de overheid. Het zegt dat iemand niets in het strafblad heeft dat een probleem is voor dit vrijwilligerswerk. De coördinator bekijkt de VOG van de helper.',
    'helpmatch.nobody.title': 'We hebben nog niemand gevonden',
    'helpmatch.nobody.text': 'Er is nog niemand die bij deze vraag kan helpen. We blijven zoeken. Wat kunt u zelf doen?',
    'helpmatch.nobody.tipDistance':
      'Maak de afstand groter. Trek de vraag in en vraag opnieuw, met een grotere afstand of "maakt niet uit".',
    'helpmatch.nobody.tipTime': 'Kies meer momenten, of een ander moment.',
    'helpmatch.nobody.tipCoordinator': 'Neem contact op met de coördinator van uw gemeente. Die zoekt met u mee.',
    'helpmatch.mail.nobodyYet.subject': 'We zoeken nog een helper voor u',
    'helpmatch.mail.nobodyYet.body':
      'We hebben nog niemand gevonden die bij uw hulpvraag kan helpen. We blijven zoeken. Op de website leest u wat u zelf kunt doen, bijvoorbeeld de afstand groter maken:\n\n{url}',
    'helpmatch.mail.choose.subject': 'Iemand wil u helpen. Vindt u dat goed?',
    'helpmatch.mail.choose.body':
      'Iemand wil helpen bij uw hulpvraag. Kijk op de website wie het is, en zeg ja of nee:\n\n{url}\n\nDe helper ziet het adres pas als u ja zegt.',
    'helpmatch.mail.chosen.subject': 'U bent gekozen als helper',
    'helpmatch.mail.chosen.body': 'Goed nieuws: de hulpvrager heeft ja gezegd. Kijk op de website hoe u contact opneemt:\n\n{url}',
    'helpmatch.mail.notChosen.subject': 'Dank u wel dat u wilde helpen',
    'helpmatch.mail.notChosen.body':
      'Dank u wel dat u wilde helpen. Deze keer is er voor iets anders gekozen. Dat ligt niet aan u. Misschien kunt u iemand anders in de buurt helpen:\n\n{url}',
    'helpmatch.mail.ended.subject': 'De vaste hulp is gestopt',
    'helpmatch.mail.ended.body': 'Een vaste afspraak over hulp is beëindigd. Dank u wel voor alles! Kijk op de website:\n\n{url}',
  },
  en: {
    'helpmatch.matchState.awaiting_requester': 'Helper said yes; the requester chooses',
    'helpmatch.matchState.not_chosen': 'Not chosen',
    'helpmatch.choose.title': 'Would you like help from {name}?',
    'helpmatch.choose.intro':
      '{name} would like to help. You decide whether that is fine with you. Only after you say yes does the helper see the address and contact details.',
    'helpmatch.choose.someone': 'this helper',
    'helpmatch.choose.onBehalfTitle': 'Choosing for the person who needs help: help from {name}?',
    'helpmatch.choose.onBehalfIntro':
      'This request was made for someone without an account. Call or talk to that person first, then choose for them. Only after yes does {name} see the address and contact details.',
    'helpmatch.choose.onlyRequester': 'Only the person who asked for help can choose the helper.',
    'helpmatch.choose.notWaiting': 'This helper is not (or no longer) waiting for a choice.',
    'helpmatch.choose.alreadyChosen': 'A helper has already been chosen for this request.',
    'helpmatch.choose.volunteerWaits':
      'You said yes. Thank you! The person asking for help now decides. You will get an e-mail once they have chosen. You will see the address after that.',
    'helpmatch.choose.notChosenVolunteer':
      'This time the person asking for help chose something else. Thank you for offering to help! See whether there are other requests near you.',
    'helpmatch.choose.notChosenRequester': 'You said no to this helper. Your request is open to others.',
    'helpmatch.submit.chooseYes': 'Yes, please',
    'helpmatch.submit.chooseNo': 'No, thank you',
    'helpmatch.notice.chosen': 'You said yes to the helper. Below are the details to get in touch.',
    'helpmatch.notice.notChosen': 'You said no. The helper gets a kind message. Your request is open to others again.',
    'helpmatch.notice.weekConfirmed': 'The hours of this week have been confirmed. The weekly help simply goes on.',
    'helpmatch.notice.ended': 'The weekly help has ended. Thank you!',
    'helpmatch.session.title': 'Hours per week',
    'helpmatch.session.intro':
      'This is weekly help. Record the hours every week; the other person confirms them. The arrangement goes on until you or the other person ends it.',
    'helpmatch.session.none': 'No hours recorded yet.',
    'helpmatch.session.allConfirmed': 'The hours of every week so far have been confirmed. Next week you can record hours again.',
    'helpmatch.session.total': 'Confirmed together: {hours} hours.',
    'helpmatch.session.colWeek': 'Week',
    'helpmatch.session.colHours': 'Hours',
    'helpmatch.session.colState': 'Confirmed?',
    'helpmatch.session.weekOf': 'week of {date}',
    'helpmatch.session.confirmedBoth': 'Yes, by both of you',
    'helpmatch.session.waitingOther': 'Waiting for the other person',
    'helpmatch.session.waitingYou': 'Waiting for you',
    'helpmatch.session.notConfirmed': 'Not confirmed',
    'helpmatch.field.week': 'Which week?',
    'helpmatch.submit.confirmWeek': 'Yes, {hours} hours is right ({week})',
    'helpmatch.submit.endArrangement': 'End the weekly help',
    'helpmatch.session.endTitle': 'Stopping the weekly help',
    'helpmatch.session.endHint':
      'Is the help stopping? Then end the arrangement. The confirmed hours stay. Looking for another helper? Then choose "Cancel arrangement": the request is open again.',
    'helpmatch.session.alreadyConfirmed':
      'The hours of this week have already been confirmed by both of you. They can no longer be changed. Choose another week.',
    'helpmatch.session.weekInvalid': 'Choose a week from the start of the arrangement up to and including this week.',
    'helpmatch.session.notWeekly': 'This is not weekly help.',
    'helpmatch.session.waitForOther': 'You have already confirmed these hours. It is now up to the other person.',
    'helpmatch.vog.what': 'What is a VOG?',
    'helpmatch.vog.explain':
      'A VOG (Verklaring Omtrent het Gedrag) is a certificate of conduct from the Dutch government. It says that someone has nothing on their criminal record that is a problem for this volunteer work. The coordinator checks the helper’s VOG.',
    'helpmatch.nobody.title': 'We have not found anyone yet',
    'helpmatch.nobody.text': 'Nobody has been found for this request yet. We keep looking. What can you do yourself?',
    'helpmatch.nobody.tipDistance':
      'Allow a larger distance. Withdraw the request and ask again, with a larger distance or "does not matter".',
    'helpmatch.nobody.tipTime': 'Choose more moments, or another moment.',
    'helpmatch.nobody.tipCoordinator': 'Contact the coordinator of your municipality, who will look with you.',
    'helpmatch.mail.nobodyYet.subject': 'We are still looking for a helper for you',
    'helpmatch.mail.nobodyYet.body':
      'We have not found anyone yet who can help with your request. We keep looking. The website says what you can do yourself, for example allow a larger distance:\n\n{url}',
    'helpmatch.mail.choose.subject': 'Someone wants to help you. Is that fine with you?',
    'helpmatch.mail.choose.body':
      'Someone wants to help with your request. See on the website who it is, and say yes or no:\n\n{url}\n\nThe helper sees the address only after you say yes.',
    'helpmatch.mail.chosen.subject': 'You have been chosen as helper',
    'helpmatch.mail.chosen.body': 'Good news: the person asking for help said yes. See on the website how to get in touch:\n\n{url}',
    'helpmatch.mail.notChosen.subject': 'Thank you for offering to help',
    'helpmatch.mail.notChosen.body':
      'Thank you for offering to help. This time something else was chosen. That is not because of you. Perhaps you can help someone else nearby:\n\n{url}',
    'helpmatch.mail.ended.subject': 'The weekly help has stopped',
    'helpmatch.mail.ended.body': 'A weekly arrangement about help has ended. Thank you for everything! See the website:\n\n{url}',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
