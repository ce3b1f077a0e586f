import { CATEGORIES } from '../categories.ts';
import { textsFor } from '../../../platform/i18n/index.ts';

/**
 * Explanation texts of the matching engine, built from parts: every weekday × part of the day and
 * every category gets its own flat key, so a stored explanation renders with `t(key, vars)` alone.
 * Dutch B1: "woont op 400 m, heeft dinsdagmiddag tijd, hielp eerder met de tuin".
 */
const WEEKDAYS = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const DAYPARTS = {
  nl: { night: 'nacht', morning: 'ochtend', afternoon: 'middag', evening: 'avond' },
  en: { night: 'night', morning: 'morning', afternoon: 'afternoon', evening: 'evening' },
};
/** What "helped before with …" says per category. */
const HELPED_WITH: Record<(typeof CATEGORIES)[number], { nl: string; en: string }> = {
  klussen: { nl: 'klusjes in huis', en: 'odd jobs' },
  tuin: { nl: 'de tuin', en: 'gardening' },
  boodschappen: { nl: 'boodschappen', en: 'shopping' },
  formulieren: { nl: 'formulieren', en: 'forms' },
  'samen-op-pad': { nl: 'samen op pad gaan', en: 'going out together' },
  vervoer: { nl: 'vervoer', en: 'transport' },
  gezelschap: { nl: 'gezelschap', en: 'company' },
  respijt: { nl: 'respijt voor een mantelzorger', en: 'respite for a carer' },
  digitaal: { nl: 'digitale hulp', en: 'digital help' },
  anders: { nl: 'een vergelijkbare vraag', en: 'a similar request' },
};

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const PARTS = ['night', 'morning', 'afternoon', 'evening'] as const;

/** The explanation texts in one language; `engine.messages.ts` puts them in the catalogue. */
export function explanationTexts(locale: 'nl' | 'en') {
  const nl = locale === 'nl';
  const c = 'helpmatch.engine.explain.coordinator';
  const v = 'helpmatch.engine.explain.volunteer';
  /** One text per weekday (1 = Monday) × part of the day, keyed `2.afternoon`: "dinsdagmiddag". */
  const perSlot = (text: (when: string) => string) =>
    DAYS.flatMap((d) =>
      PARTS.map((p) => {
        const day = WEEKDAYS[locale][d - 1];
        return [`${d}.${p}` as const, text(nl ? `${day}${DAYPARTS.nl[p]}` : `${day} ${DAYPARTS.en[p]}`)] as const;
      }),
    );
  const perCategory = (text: (what: string) => string) => CATEGORIES.map((code) => [code, text(HELPED_WITH[code][locale])] as const);
  return {
    ...textsFor(c, [
      ['distance.under100', nl ? 'woont op minder dan 100 m' : 'lives less than 100 m away'],
      ['distance.metres', nl ? 'woont op {m} m' : 'lives {m} m away'],
      ['distance.km', nl ? 'woont op {km} km' : 'lives {km} km away'],
      ['talents', nl ? 'noemt als talent: {words}' : 'lists as a talent: {words}'],
      ['helpedByRequester', nl ? 'kreeg eerder hulp van deze hulpvrager' : 'was helped by this person before'],
      ['givesBack', nl ? 'kreeg zelf ook hulp en geeft iets terug' : 'received help and gives something back'],
      ['reliable', nl ? 'hielp al {done} keer en kwam altijd' : 'helped {done} times and always came'],
      ['fewMatches', nl ? 'hielp de laatste tijd nog niemand' : 'has not helped anyone recently'],
      ['vog', nl ? 'heeft een VOG' : 'has a certificate of conduct (VOG)'],
      ['latent', nl ? 'is aanspreekpunt in de straat in deze buurt' : 'is a street contact in this neighbourhood'],
    ]),
    ...textsFor(v, [
      ['distance.under100', nl ? 'op minder dan 100 m van u' : 'less than 100 m from you'],
      ['distance.metres', nl ? 'op {m} m van u' : '{m} m from you'],
      ['distance.km', nl ? 'op {km} km van u' : '{km} km from you'],
      ['talents', nl ? 'past bij uw talent: {words}' : 'fits your talent: {words}'],
      ['latent', nl ? 'u bent aanspreekpunt in deze buurt' : 'you are a street contact in this neighbourhood'],
    ]),
    ...textsFor(
      `${c}.time`,
      perSlot((when) => (nl ? `heeft ${when} tijd` : `has time on ${when}`)),
    ),
    ...textsFor(
      `${v}.time`,
      perSlot((when) => (nl ? `u heeft ${when} tijd` : `you have time on ${when}`)),
    ),
    ...textsFor(
      `${c}.helpedBefore`,
      perCategory((what) => (nl ? `hielp eerder met ${what}` : `helped with ${what} before`)),
    ),
    ...textsFor(
      `${v}.helpedBefore`,
      perCategory((what) => (nl ? `u hielp eerder met ${what}` : `you helped with ${what} before`)),
    ),
  };
}
