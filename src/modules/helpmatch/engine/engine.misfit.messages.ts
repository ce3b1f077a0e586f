import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Why a volunteer does not fit a request, and how to widen (coordinator's suggestions page; B1). */
export const messages = defineMessages({
  nl: {
    'helpmatch.misfit.title': 'Waarom passen de andere vrijwilligers niet?',
    'helpmatch.misfit.intro': 'Per vrijwilliger ziet u wat niet past, en wat u kunt doen om het ruimer te maken.',
    'helpmatch.misfit.none': 'Er zijn geen andere vrijwilligers met een aanbod.',
    'helpmatch.misfit.caption': 'Vrijwilligers die nu niet passen',
    'helpmatch.misfit.volunteer': 'Vrijwilliger',
    'helpmatch.misfit.reasons': 'Past niet, omdat',
    'helpmatch.misfit.widen': 'Wat kunt u doen?',
    'helpmatch.misfit.distance': '{distance} weg, verder dan {limit}',
    'helpmatch.misfit.distance.request': 'Vraag de hulpvrager of de afstand groter mag (nu {limit}).',
    'helpmatch.misfit.distance.volunteer': 'Vraag de vrijwilliger of die verder wil gaan (nu tot {limit}).',
    'helpmatch.misfit.time': 'heeft geen tijd op de gevraagde momenten',
    'helpmatch.misfit.time.widen': 'Vraag of de vrijwilliger ook dan kan, of of de hulpvrager een ander moment wil.',
    'helpmatch.misfit.category': 'biedt geen hulp bij {category}',
    'helpmatch.misfit.category.widen': 'Vraag of de vrijwilliger hier ook bij wil helpen.',
    'helpmatch.misfit.vog': 'voor deze vraag is een VOG nodig, en die is van deze vrijwilliger nog niet gezien',
    'helpmatch.misfit.vog.widen': 'Vraag de vrijwilliger om een VOG en leg die vast bij het aanbod.',
    'helpmatch.misfit.cap': 'het maximum per maand is bereikt ({used} van {cap})',
    'helpmatch.misfit.cap.widen': 'Vraag de vrijwilliger of het deze maand wat meer mag.',
    'helpmatch.misfit.blocked': 'de vrijwilliger is geblokkeerd',
    'helpmatch.misfit.blocked.widen': 'Kijk bij meldingen en blokkades.',
  },
  en: {
    'helpmatch.misfit.title': 'Why do the other volunteers not fit?',
    'helpmatch.misfit.intro': 'For each volunteer you see what does not fit, and what you can do to widen it.',
    'helpmatch.misfit.none': 'There are no other volunteers with an offer.',
    'helpmatch.misfit.caption': 'Volunteers who do not fit now',
    'helpmatch.misfit.volunteer': 'Volunteer',
    'helpmatch.misfit.reasons': 'Does not fit, because',
    'helpmatch.misfit.widen': 'What can you do?',
    'helpmatch.misfit.distance': '{distance} away, farther than {limit}',
    'helpmatch.misfit.distance.request': 'Ask the person asking for help whether the distance may be larger (now {limit}).',
    'helpmatch.misfit.distance.volunteer': 'Ask the volunteer whether they would go farther (now up to {limit}).',
    'helpmatch.misfit.time': 'has no time at the moments asked for',
    'helpmatch.misfit.time.widen': 'Ask whether the volunteer could come then, or whether another moment suits the person asking.',
    'helpmatch.misfit.category': 'does not offer help with {category}',
    'helpmatch.misfit.category.widen': 'Ask whether the volunteer would help with this too.',
    'helpmatch.misfit.vog': 'this request needs a VOG, and this volunteer’s VOG has not been seen yet',
    'helpmatch.misfit.vog.widen': 'Ask the volunteer for a VOG and record it with the offer.',
    'helpmatch.misfit.cap': 'the monthly maximum has been reached ({used} of {cap})',
    'helpmatch.misfit.cap.widen': 'Ask the volunteer whether a little more is fine this month.',
    'helpmatch.misfit.blocked': 'the volunteer is blocked',
    'helpmatch.misfit.blocked.widen': 'See reports and blocks.',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
