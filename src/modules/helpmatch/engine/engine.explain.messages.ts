import { CATEGORIES } from '../categories.ts';
import type { Messages } from '../../../platform/i18n/index.ts';

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

function build(locale: 'nl' | 'en'): Messages {
  const nl = locale === 'nl';
  const c = 'helpmatch.engine.explain.coordinator';
  const v = 'helpmatch.engine.explain.volunteer';
  const m: Messages = {
    [`${c}.distance.under100`]: nl ? 'woont op minder dan 100 m' : 'lives less than 100 m away',
    [`${c}.distance.metres`]: nl ? 'woont op {m} m' : 'lives {m} m away',
    [`${c}.distance.km`]: nl ? 'woont op {km} km' : 'lives {km} km away',
    [`${c}.talents`]: nl ? 'noemt als talent: {words}' : 'lists as a talent: {words}',
    [`${c}.helpedByRequester`]: nl ? 'kreeg eerder hulp van deze hulpvrager' : 'was helped by this person before',
    [`${c}.givesBack`]: nl ? 'kreeg zelf ook hulp en geeft iets terug' : 'received help and gives something back',
    [`${c}.reliable`]: nl ? 'hielp al {done} keer en kwam altijd' : 'helped {done} times and always came',
    [`${c}.fewMatches`]: nl ? 'hielp de laatste tijd nog niemand' : 'has not helped anyone recently',
    [`${c}.vog`]: nl ? 'heeft een VOG' : 'has a certificate of conduct (VOG)',
    [`${c}.latent`]: nl ? 'is aanspreekpunt in de straat in deze buurt' : 'is a street contact in this neighbourhood',
    [`${v}.distance.under100`]: nl ? 'op minder dan 100 m van u' : 'less than 100 m from you',
    [`${v}.distance.metres`]: nl ? 'op {m} m van u' : '{m} m from you',
    [`${v}.distance.km`]: nl ? 'op {km} km van u' : '{km} km from you',
    [`${v}.talents`]: nl ? 'past bij uw talent: {words}' : 'fits your talent: {words}',
    [`${v}.latent`]: nl ? 'u bent aanspreekpunt in deze buurt' : 'you are a street contact in this neighbourhood',
  };
  WEEKDAYS[locale].forEach((day, i) => {
    for (const [part, word] of Object.entries(DAYPARTS[locale])) {
      const when = nl ? `${day}${word}` : `${day} ${word}`;
      m[`${c}.time.${i + 1}.${part}`] = nl ? `heeft ${when} tijd` : `has time on ${when}`;
      m[`${v}.time.${i + 1}.${part}`] = nl ? `u heeft ${when} tijd` : `you have time on ${when}`;
    }
  });
  for (const code of CATEGORIES) {
    m[`${c}.helpedBefore.${code}`] = nl ? `hielp eerder met ${HELPED_WITH[code].nl}` : `helped with ${HELPED_WITH[code].en} before`;
    m[`${v}.helpedBefore.${code}`] = nl ? `u hielp eerder met ${HELPED_WITH[code].nl}` : `you helped with ${HELPED_WITH[code].en} before`;
  }
  return m;
}

export const explanationMessages = { nl: build('nl'), en: build('en') };
