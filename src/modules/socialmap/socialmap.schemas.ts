import { z } from 'zod';
import { DateTime } from 'luxon';
import { multiLine, singleLine } from '../../platform/input.ts';
import { UUID_RE } from '../../platform/ids.ts';
import { parseClock } from './schedule-parts.ts';

/**
 * Input schemas of the social map (HSDS 3.0 field names, snake_case). Messages are i18n keys
 * (socialmap.messages.ts); the service functions parse every input with these.
 */

/** Any 8-4-4-4-12 hex UUID, as PostgreSQL and ajv-formats accept (HSDS ids need not be v4). */
/** HH:MM or HH:MM:SS, 00:00–23:59, optionally with Z or a UTC offset (HSDS). */
export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]\d{2}:?\d{2})?$/;
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const POSTCODE_RE = /^\s*([1-9]\d{3})\s*([a-zA-Z]{2})\s*$/;

export const uuid = z.string().regex(UUID_RE, 'socialmap.error.uuid');

/** Limits used by more than one schema, service or view. */
export const TERM_NAME_MAX = 200;
export const TERM_DESCRIPTION_MAX = 2000;
/** The note of a cancelled date. */
export const EXCEPTION_NOTE_MAX = 500;
/**
 * Texts: one line (names, titles, addresses, e-mail, URLs…) refuse every control character, so a
 * line break can never reach a line-based format such as the iCalendar feeds; long texts
 * (descriptions, notes) keep line breaks but no other control characters.
 */
const line = () => singleLine(z.string().trim(), 'socialmap.error.controlChars');
const longText = () => multiLine(z.string().trim(), 'socialmap.error.controlCharsText');
const text = (max: number) => line().max(max, 'socialmap.error.tooLong');
const optText = (max: number) =>
  line()
    .max(max, 'socialmap.error.tooLong')
    .nullish()
    .transform((v) => (v ? v : null));
const optLongText = (max: number) =>
  longText()
    .max(max, 'socialmap.error.tooLong')
    .nullish()
    .transform((v) => (v ? v : null));
const optEmail = line()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || z.email().safeParse(v).success, 'socialmap.error.email');
const optUrl = line()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), 'socialmap.error.url');
const optUuid = uuid.nullish().transform((v) => v ?? null);

/** A calendar date YYYY-MM-DD that exists. */
export const isoDate = z
  .string()
  .regex(DATE_RE, 'socialmap.error.date')
  .refine((v) => DateTime.fromISO(v).isValid, 'socialmap.error.date');
const optDate = isoDate.nullish().transform((v) => v ?? null);
const optTime = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || TIME_RE.test(v), 'socialmap.error.time');

/** Dutch postcode as `1234 AB`, or null when it is not one. */
export function normalisePostcode(input: string): string | null {
  const m = POSTCODE_RE.exec(input);
  return m ? `${m[1]} ${m[2]!.toUpperCase()}` : null;
}

export const organizationInput = z.object({
  id: uuid.optional(),
  name: text(200).min(1, 'socialmap.error.required'),
  alternate_name: optText(200),
  description: longText()
    .max(5000, 'socialmap.error.tooLong')
    .nullish()
    .transform((v) => v ?? ''),
  email: optEmail,
  website: optUrl,
  logo: optText(500),
  uri: optUrl,
  parent_organization_id: optUuid,
  people_organisation_id: optUuid,
  is_demo: z.boolean().optional(),
});
export type OrganizationInput = z.input<typeof organizationInput>;

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

export const serviceInput = z
  .object({
    id: uuid.optional(),
    organization_id: uuid,
    name: text(200).min(1, 'socialmap.error.required'),
    alternate_name: optText(200),
    description: optLongText(5000),
    url: optUrl,
    email: optEmail,
    status: z.enum(SERVICE_STATUSES, 'socialmap.error.status').default('active'),
    interpretation_services: optLongText(1000),
    application_process: optLongText(2000),
    fees_description: optLongText(1000),
    wait_time: optText(500),
    fees: optText(500),
    accreditations: optLongText(1000),
    eligibility_description: optLongText(2000),
    minimum_age: z
      .number()
      .min(0)
      .max(150)
      .nullish()
      .transform((v) => v ?? null),
    maximum_age: z
      .number()
      .min(0)
      .max(150)
      .nullish()
      .transform((v) => v ?? null),
    assured_date: optDate,
    assurer_email: optEmail,
    licenses: optLongText(1000),
    alert: optLongText(1000),
    is_demo: z.boolean().optional(),
    /** Replace the service's locations (service_at_location rows) with these. */
    location_ids: z.array(uuid).max(100).optional(),
    /** Replace the service's taxonomy terms with these (ids or stable codes). */
    term_ids: z.array(uuid).max(100).optional(),
    term_codes: z.array(line().max(100)).max(100).optional(),
  })
  .refine((s) => s.minimum_age === null || s.maximum_age === null || s.maximum_age >= s.minimum_age, {
    message: 'socialmap.error.ageRange',
    path: ['maximum_age'],
  });
export type ServiceInput = z.input<typeof serviceInput>;

export const addressInput = z
  .object({
    id: uuid.optional(),
    attention: optText(200),
    address_1: text(200).min(1, 'socialmap.error.required'),
    address_2: optText(200),
    city: text(100).min(1, 'socialmap.error.required'),
    region: optText(100),
    state_province: text(100)
      .nullish()
      .transform((v) => v ?? ''),
    postal_code: text(20).min(1, 'socialmap.error.required'),
    country: line().length(2, 'socialmap.error.country').toUpperCase().default('NL'),
    address_type: z.enum(['physical', 'postal', 'virtual']).default('physical'),
  })
  .transform((a, ctx) => {
    if (a.country !== 'NL') return a;
    const pc = normalisePostcode(a.postal_code);
    if (!pc) {
      ctx.addIssue({ code: 'custom', message: 'socialmap.error.postcode', path: ['postal_code'] });
      return z.NEVER;
    }
    return { ...a, postal_code: pc };
  });
export type AddressInput = z.input<typeof addressInput>;

export const locationInput = z
  .object({
    id: uuid.optional(),
    organization_id: optUuid,
    location_type: z.enum(['physical', 'postal', 'virtual']).default('physical'),
    url: optUrl,
    name: optText(200),
    alternate_name: optText(200),
    description: optLongText(5000),
    transportation: optLongText(1000),
    latitude: z
      .number()
      .min(-90, 'socialmap.error.latitude')
      .max(90, 'socialmap.error.latitude')
      .nullish()
      .transform((v) => v ?? null),
    longitude: z
      .number()
      .min(-180, 'socialmap.error.longitude')
      .max(180, 'socialmap.error.longitude')
      .nullish()
      .transform((v) => v ?? null),
    external_identifier: optText(200),
    external_identifier_type: optText(100),
    is_demo: z.boolean().optional(),
    /** The location's (single) address; null removes it. */
    address: addressInput.nullish(),
    /** Replace the location's accessibility terms (ids or stable codes). */
    term_ids: z.array(uuid).max(100).optional(),
    term_codes: z.array(line().max(100)).max(100).optional(),
  })
  .refine((l) => (l.latitude === null) === (l.longitude === null), { message: 'socialmap.error.coordinatesPair', path: ['longitude'] });
export type LocationInput = z.input<typeof locationInput>;

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** RRULE BYDAY list: MO,TU or with an ordinal for MONTHLY (1TU,3TU,-1FR). */
const BYDAY_RE = /^([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$/;
const INT_LIST_RE = /^-?\d{1,3}(,-?\d{1,3})*$/;

/** Whether two HSDS times are the same time of day (in UTC when they carry offsets). */
function sameClock(a: string, b: string): boolean {
  const x = parseClock(a);
  const y = parseClock(b);
  if (!x || !y) return false;
  const utc = (c: { minutes: number; offset: number | null }, other: number | null) => c.minutes - (c.offset ?? other ?? 0);
  return (((utc(x, y.offset) - utc(y, x.offset)) % 1440) + 1440) % 1440 === 0;
}

/**
 * HSDS 3.0 has only WEEKLY and MONTHLY, so DAILY is stored as its equivalent: every day (with
 * `byday` as a filter) is WEEKLY on those days, DAILY with `bymonthday` is MONTHLY on those days,
 * and every 7·k days from the first date is WEEKLY every k weeks on that weekday. Other
 * intervals (every 2 days) cannot be written in HSDS 3.0 and are refused with a message.
 */
function dailyAsHsds<T extends { freq: unknown; interval: number | null; byday: string | null; bymonthday: string | null }>(
  s: T & { dtstart: string | null; valid_from: string | null },
  ctx: z.core.$RefinementCtx,
): Omit<T, 'freq'> & { freq: 'WEEKLY' | 'MONTHLY' } {
  const days = s.byday ? s.byday.split(',') : [];
  if (days.some((d) => !(WEEKDAYS as readonly string[]).includes(d))) {
    ctx.addIssue({ code: 'custom', message: 'socialmap.error.dailyByday', path: ['byday'] });
    return z.NEVER;
  }
  const interval = s.interval ?? 1;
  if (interval === 1) {
    if (s.bymonthday) return { ...s, freq: 'MONTHLY', interval: null };
    return { ...s, freq: 'WEEKLY', interval: null, byday: days.length ? s.byday : WEEKDAYS.join(',') };
  }
  const anchor = s.dtstart ?? s.valid_from;
  const weekday = anchor ? WEEKDAYS[DateTime.fromISO(anchor).weekday - 1]! : null;
  if (interval % 7 !== 0 || s.bymonthday || !weekday || (days.length > 0 && !days.includes(weekday))) {
    ctx.addIssue({ code: 'custom', message: 'socialmap.error.dailyInterval', path: ['interval'] });
    return z.NEVER;
  }
  return { ...s, freq: 'WEEKLY', interval: interval / 7 === 1 ? null : interval / 7, byday: weekday };
}

export const scheduleInput = z
  .object({
    id: uuid.optional(),
    service_id: optUuid,
    location_id: optUuid,
    service_at_location_id: optUuid,
    valid_from: optDate,
    valid_to: optDate,
    dtstart: optDate,
    timezone: z
      .number()
      .min(-14)
      .max(14)
      .nullish()
      .transform((v) => v ?? null),
    /** Extension (our HSDS output): `Europe/Amsterdam` = wall-clock times there; `timezone` is then only a hint. */
    timezone_name: line().max(100).nullish(),
    until: optDate,
    count: z
      .number()
      .int()
      .min(1)
      .max(10000)
      .nullish()
      .transform((v) => v ?? null),
    wkst: z
      .enum(WEEKDAYS)
      .nullish()
      .transform((v) => v ?? null),
    freq: z
      .enum(['DAILY', 'WEEKLY', 'MONTHLY'], 'socialmap.error.freq')
      .nullish()
      .transform((v) => v ?? null),
    interval: z
      .number()
      .int()
      .min(1)
      .max(52)
      .nullish()
      .transform((v) => v ?? null),
    byday: z
      .string()
      .trim()
      .toUpperCase()
      .regex(BYDAY_RE, 'socialmap.error.byday')
      .nullish()
      .transform((v) => v || null),
    byweekno: z
      .string()
      .trim()
      .regex(INT_LIST_RE, 'socialmap.error.intList')
      .nullish()
      .transform((v) => v || null),
    bymonthday: z
      .string()
      .trim()
      .regex(INT_LIST_RE, 'socialmap.error.intList')
      .nullish()
      .transform((v) => v || null),
    byyearday: z
      .string()
      .trim()
      .regex(INT_LIST_RE, 'socialmap.error.intList')
      .nullish()
      .transform((v) => v || null),
    description: optLongText(1000),
    opens_at: optTime,
    closes_at: optTime,
    schedule_link: optUrl,
    attending_type: optText(200),
    notes: optLongText(1000),
  })
  .superRefine((s, ctx) => {
    // Closing before opening means past midnight (the next day); closing at the opening time is a mistake.
    if (s.opens_at && s.closes_at && sameClock(s.opens_at, s.closes_at)) {
      ctx.addIssue({ code: 'custom', message: 'socialmap.error.closesBeforeOpens', path: ['closes_at'] });
    }
    if (s.valid_from && s.valid_to && s.valid_to < s.valid_from) {
      ctx.addIssue({ code: 'custom', message: 'socialmap.error.validToBeforeFrom', path: ['valid_to'] });
    }
    if (s.dtstart && s.until && s.until < s.dtstart) {
      ctx.addIssue({ code: 'custom', message: 'socialmap.error.untilBeforeStart', path: ['until'] });
    }
  })
  .transform(({ timezone_name, ...s }, ctx) => {
    const zoned = timezone_name === 'Europe/Amsterdam' ? { ...s, timezone: null } : s;
    return s.freq === 'DAILY' ? dailyAsHsds(zoned, ctx) : { ...zoned, freq: s.freq };
  });
export type ScheduleInput = z.input<typeof scheduleInput>;
export type ScheduleData = z.output<typeof scheduleInput>;

export const scheduleExceptionInput = z.object({
  schedule_id: uuid,
  date: isoDate,
  note: optText(EXCEPTION_NOTE_MAX),
});
export type ScheduleExceptionInput = z.input<typeof scheduleExceptionInput>;

export const termInput = z.object({
  id: uuid.optional(),
  taxonomy_id: uuid,
  code: optText(100),
  name: text(TERM_NAME_MAX).min(1, 'socialmap.error.required'),
  description: longText()
    .max(TERM_DESCRIPTION_MAX, 'socialmap.error.tooLong')
    .nullish()
    .transform((v) => v ?? ''),
  /** The English text, shown on English pages (empty: the Dutch is shown). */
  name_en: optText(TERM_NAME_MAX),
  description_en: optLongText(TERM_DESCRIPTION_MAX),
  parent_id: optUuid,
});
export type TermInput = z.input<typeof termInput>;
