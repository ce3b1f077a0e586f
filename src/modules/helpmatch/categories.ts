import type { MessageKey } from '../../platform/i18n/index.ts';

/** Stable category codes of the help marketplace (requests, offers, vacancies); labels are i18n keys `helpmatch.category.<code>`. */
export const CATEGORIES = [
  'klussen',
  'tuin',
  'boodschappen',
  'formulieren',
  'samen-op-pad',
  'vervoer',
  'gezelschap',
  'respijt',
  'digitaal',
  'anders',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Whether a string is one of the stable category codes. */
export function isCategory(code: string): code is Category {
  return (CATEGORIES as readonly string[]).includes(code);
}

/** i18n key of a category's label. */
export function categoryLabelKey(code: string): MessageKey {
  return isCategory(code) ? `helpmatch.category.${code}` : 'helpmatch.category.anders';
}

export const HELP_TYPES = ['latent', 'incidental', 'structural'] as const;
export const URGENCIES = ['urgent', 'normal', 'flexible'] as const;
export const REACHES = ['walk500', 'walk1000', 'cycle3000', 'municipality'] as const;

/** Reach of an offer in metres; null = the whole municipality. */
export const REACH_METRES: Record<(typeof REACHES)[number], number | null> = {
  walk500: 500,
  walk1000: 1000,
  cycle3000: 3000,
  municipality: null,
};

/** Languages a volunteer can offer help in (ISO 639-1). */
export const LANGUAGES = ['nl', 'en', 'de', 'pl', 'tr', 'ar', 'uk', 'pap', 'fy'] as const;

/** The distance bands shown instead of an address: upper bounds in metres, last one open-ended. */
export const DISTANCE_BANDS = [500, 1000, 3000, 10000] as const;

/** i18n key of the distance band a distance falls in ("binnen 500 m", "500 m – 1 km", …). */
export function distanceBandKey(metres: number): MessageKey {
  if (metres <= 500) return 'helpmatch.band.500';
  if (metres <= 1000) return 'helpmatch.band.1000';
  if (metres <= 3000) return 'helpmatch.band.3000';
  if (metres <= 10000) return 'helpmatch.band.10000';
  return 'helpmatch.band.far';
}

/** Parts of the day offered in forms as weekly slots (Europe/Amsterdam). */
export const DAY_PARTS = {
  ochtend: { from: '09:00', to: '12:00' },
  middag: { from: '12:00', to: '17:00' },
  avond: { from: '17:00', to: '21:00' },
} as const;
export type DayPart = keyof typeof DAY_PARTS;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Form value of a slot checkbox: "<weekday>-<part>", e.g. "2-middag". */
export function slotValue(weekday: number, part: DayPart): string {
  return `${weekday}-${part}`;
}

/** Weekly slots from checkbox values; unknown values are dropped. */
export function slotsFromValues(values: readonly string[]): { weekday: (typeof WEEKDAYS)[number]; from: string; to: string }[] {
  const out: { weekday: (typeof WEEKDAYS)[number]; from: string; to: string }[] = [];
  for (const v of values) {
    const m = /^([1-7])-(ochtend|middag|avond)$/.exec(v);
    const weekday = m ? WEEKDAYS.find((d) => String(d) === m[1]) : undefined;
    if (m && weekday) out.push({ weekday, ...DAY_PARTS[m[2] as DayPart] });
  }
  return out;
}

/** Checkbox values of weekly slots that match a day part exactly. */
export function valuesFromSlots(slots: readonly { weekday: number; from: string; to: string }[]): string[] {
  const out: string[] = [];
  for (const s of slots) {
    for (const [part, t] of Object.entries(DAY_PARTS)) {
      if (t.from === s.from && t.to === s.to) out.push(slotValue(s.weekday, part as DayPart));
    }
  }
  return out;
}
