import { z } from 'zod';
import { CATEGORIES, HELP_TYPES, LANGUAGES, REACHES, URGENCIES, slotsFromValues } from './categories.ts';
import { UUID_RE } from '../../platform/ids.ts';

/** Limits of the module's texts and numbers: one place for the schemas, the services and the views' maxLength. */
export const MAX = {
  /** Short texts: a summary, a title, a person's name. */
  title: 200,
  email: 254,
  phone: 40,
  address: 300,
  /** A buurt code. */
  buurt: 20,
  /** A postcode as typed ('9712 AB'). */
  postcode: 12,
  /** Remarks, talents, the notes of a circle task, the reciprocity answer. */
  text: 1000,
  /** Messages, feedback, reports, the details of a circle's person. */
  longText: 2000,
  /** A vacancy's description. */
  description: 3000,
  /** A latent contact's note, a block's reason. */
  note: 500,
  hoursPerWeek: 100,
  /** Help moments per month in an offer. */
  perMonth: 31,
  /** Hours recorded for one match. */
  matchHours: 100,
  /** Hours of one circle turn. */
  turnHours: 24,
  /** Pairs confirmed in one batch. */
  batchPairs: 5000,
} as const;

/** A uuid in the path: anything else is no page (404). */
export const uuidParam = z.string().regex(UUID_RE);
/** An id in the path whose "not found" page has its own message: the service checks its form and answers 404 with it. */
export const idParam = z.string().max(100);

const requiredText = (max: number) => z.string('form.required').trim().min(1, 'form.required').max(max, 'form.tooLong');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'form.tooLong')
    .optional()
    .transform((v) => (v ? v : null));
/** Checkbox groups: absent → [], one → [v], several → [..]. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
const checkbox = z.preprocess((v) => v === 'ja' || v === 'on' || v === 'true', z.boolean());
const coord = (min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v.replace(',', '.'));
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: 'helpmatch.request.coordInvalid' });
        return z.NEVER;
      }
      return n;
    });
const time = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(v), 'helpmatch.request.timeInvalid');
const buurt = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null));

/** The "hulp vragen" form. */
export const requestForm = z
  .object({
    forWhom: z.enum(['self', 'other']).optional().default('self'),
    subjectName: optionalText(MAX.title),
    subjectPhone: optionalText(MAX.phone).refine((v) => v === null || /^[0-9+()\s-]{6,40}$/.test(v), 'people.account.phoneInvalid'),
    subjectEmail: optionalText(MAX.email).refine((v) => v === null || z.email().safeParse(v).success, 'form.invalidEmail'),
    category: z.enum(CATEGORIES, 'helpmatch.request.categoryInvalid'),
    helpType: z.enum(HELP_TYPES, 'helpmatch.request.helpTypeInvalid'),
    summary: requiredText(MAX.title),
    remarks: optionalText(MAX.text),
    scheduleKind: z.enum(['once', 'weekly'], 'form.required'),
    date: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), 'helpmatch.request.invalidDate'),
    from: time,
    to: time,
    slots: many(z.string()).transform(slotsFromValues),
    address: requiredText(MAX.address),
    /** Where the request is placed from: the postcode (with the house number in the address line), or the address line alone. */
    postcode: optionalText(MAX.postcode),
    /** Not on the form any more (the buurt comes from the address); kept for callers that already know it. */
    buurt,
    /** A pin from the map (hidden inputs filled by the map island); never typed. */
    lat: coord(-90, 90),
    lon: coord(-180, 180),
    radius: z
      .string('helpmatch.request.radiusInvalid')
      .trim()
      .transform((v, ctx) => {
        if (v === 'gemeente') return null;
        const n = Number(v);
        if (!Number.isInteger(n)) {
          ctx.addIssue({ code: 'custom', message: 'helpmatch.request.radiusInvalid' });
          return z.NEVER;
        }
        return n;
      })
      .refine((v) => v === null || v > 0, 'helpmatch.request.radiusZero'),
    urgency: z.enum(URGENCIES, 'form.required'),
    vulnerable: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.forWhom === 'other' && !v.subjectName) {
      ctx.addIssue({ code: 'custom', path: ['subjectName'], message: 'helpmatch.request.subjectNameRequired' });
    }
    if (v.scheduleKind === 'once' && (!v.date || !v.from || !v.to)) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'helpmatch.request.dateRequired' });
    }
    if (v.scheduleKind === 'weekly' && v.slots.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['slots'], message: 'helpmatch.slots.required' });
    }
    if ((v.lat === null) !== (v.lon === null)) ctx.addIssue({ code: 'custom', path: ['address'], message: 'areas.geocode.pointMalformed' });
  });

/** The "hulp aanbieden" form. */
export const offerForm = z
  .object({
    talents: z.string().trim().max(MAX.text, 'form.tooLong').optional().default(''),
    categories: many(z.enum(CATEGORIES, 'helpmatch.request.categoryInvalid')).refine(
      (v) => v.length > 0,
      'helpmatch.offer.categoriesRequired',
    ),
    slots: many(z.string())
      .transform(slotsFromValues)
      .refine((v) => v.length > 0, 'helpmatch.slots.required'),
    reach: z.enum(REACHES, 'helpmatch.offer.reachInvalid'),
    maxPerMonth: z.coerce
      .number('helpmatch.offer.maxInvalid')
      .int('helpmatch.offer.maxInvalid')
      .min(1, 'helpmatch.offer.maxInvalid')
      .max(MAX.perMonth, 'helpmatch.offer.maxInvalid'),
    languages: many(z.enum(LANGUAGES, 'form.invalidValue')),
    buurt,
    lat: coord(-90, 90),
    lon: coord(-180, 180),
    active: checkbox,
  })
  .superRefine((v, ctx) => {
    if ((v.lat === null) !== (v.lon === null)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'helpmatch.request.coordInvalid' });
    if (v.lat === null && !v.buurt) ctx.addIssue({ code: 'custom', path: ['buurt'], message: 'helpmatch.location.required' });
  });

export const latentForm = z.object({
  buurt: requiredText(MAX.buurt),
  note: z.string().trim().max(MAX.note, 'form.tooLong').optional().default(''),
});

export const vacancyForm = z.object({
  organisationId: z.string('helpmatch.vacancy.organisationInvalid').regex(UUID_RE, 'helpmatch.vacancy.organisationInvalid'),
  title: requiredText(MAX.title),
  description: requiredText(MAX.description),
  category: z.enum(CATEGORIES, 'helpmatch.request.categoryInvalid'),
  hoursPerWeek: z.string().trim().max(MAX.hoursPerWeek, 'form.tooLong').optional().default(''),
});

export const textForm = (field: string, max: number) => z.object({ [field]: requiredText(max) });
export const messageForm = z.object({ body: requiredText(MAX.longText) });
/** A vacancy response's message: optional, and a message that does not fit is left out (the response still counts). */
export const optionalMessageForm = z.object({ message: z.string().trim().max(MAX.longText).optional().default('').catch('') });
export const hoursForm = z.object({
  hours: z
    .string('form.required')
    .trim()
    .transform((v) => Number(v.replace(',', '.')))
    .refine((n) => Number.isFinite(n) && n > 0 && n <= MAX.matchHours, 'helpmatch.hours.invalid'),
  /** The week (its Monday) of a weekly arrangement; absent for one-off help. */
  week: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'helpmatch.session.weekInvalid')
    .optional(),
});
/** Confirming the hours of one week of a weekly arrangement. */
export const weekForm = z.object({
  week: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'helpmatch.session.weekInvalid'),
});
export const feedbackForm = z.object({
  feedback: requiredText(MAX.longText),
  rating: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 5), 'helpmatch.feedback.ratingInvalid'),
});
export const reportForm = z.object({ reason: requiredText(MAX.longText) });
export const proposeForm = z.object({ volunteer: z.string('helpmatch.match.noOffer').regex(UUID_RE, 'helpmatch.match.noOffer') });
export const vogForm = z.object({
  seenOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), 'helpmatch.vog.invalidDate'),
});
export const blockForm = z.object({
  userId: z.string('form.required').regex(UUID_RE, 'form.invalidValue'),
  reason: z.string().trim().max(MAX.note, 'form.tooLong').optional().default(''),
});
