/**
 * The intervention card (issue 16, scope 5): the input a coordinator enters (or that is prefilled
 * from a finished evaluation) and the exchange format `samenhang.intervention-cards` version 1,
 * mirrored by docs/schemas/intervention-cards-1.json (library.exchange.test.ts keeps them equal).
 * Limits are defined once here and used by the schemas, the service and the form.
 */
import { z } from 'zod';

export const FUNCTIONS = ['ontmoeten', 'kennen', 'helpen', 'samen_doen'] as const;
export type InterventionFunction = (typeof FUNCTIONS)[number];
export const LEVELS = ['street', 'neighbourhood', 'district', 'municipality', 'region'] as const;
export const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

export const LIMITS = {
  title: 300,
  text: 4000,
  short: 300,
  targetGroups: 20,
  targetGroup: 100,
  sourceNote: 1000,
  /** Cards in one exchange file. */
  cards: 500,
  /** Bytes of one exchange file (upload or pasted). */
  fileBytes: 2 * 1024 * 1024,
} as const;

export const EXCHANGE_FORMAT = 'samenhang.intervention-cards';
export const EXCHANGE_VERSION = 1;

const text = (max: number) => z.string().trim().max(max, 'evaluation.library.error.tooLong').default('');
const finite = z.number('evaluation.library.error.number').finite('evaluation.library.error.number');

/** The effect's numbers: an estimate with its interval (all three, or none). */
const effectNumbers = {
  estimate: finite.nullable().default(null),
  ciLow: finite.nullable().default(null),
  ciHigh: finite.nullable().default(null),
};

/** Messages when the estimate and its interval do not go together (all three or none; low ≤ estimate ≤ high). */
export function intervalErrors(
  estimate: unknown,
  ciLow: unknown,
  ciHigh: unknown,
): Record<string, 'evaluation.library.error.interval' | 'evaluation.library.error.intervalOrder'> {
  const vals = { estimate, ciLow, ciHigh };
  const given = Object.entries(vals).filter(([, v]) => v !== null && v !== undefined);
  if (given.length !== 0 && given.length !== 3) {
    return Object.fromEntries(
      Object.entries(vals)
        .filter(([, v]) => v === null || v === undefined)
        .map(([k]) => [k, 'evaluation.library.error.interval']),
    );
  }
  if (
    given.length === 3 &&
    typeof estimate === 'number' &&
    typeof ciLow === 'number' &&
    typeof ciHigh === 'number' &&
    !(ciLow <= estimate && estimate <= ciHigh)
  ) {
    return { ciLow: 'evaluation.library.error.intervalOrder' };
  }
  return {};
}

/** What a coordinator enters (camelCase; the form maps its fields onto this). */
export const interventionInput = z
  .object({
    slug: z.string().trim().regex(SLUG, 'evaluation.library.error.slug'),
    titleNl: z.string().trim().min(1, 'form.required').max(LIMITS.title, 'evaluation.library.error.tooLong'),
    titleEn: text(LIMITS.title),
    whatNl: text(LIMITS.text),
    whatEn: text(LIMITS.text),
    forWhomNl: text(LIMITS.text),
    forWhomEn: text(LIMITS.text),
    whereText: text(LIMITS.short),
    costNl: text(LIMITS.text),
    costEn: text(LIMITS.text),
    costCentsPerYear: z
      .number('evaluation.library.error.cost')
      .int('evaluation.library.error.cost')
      .min(0, 'evaluation.library.error.cost')
      .max(2_000_000_000, 'evaluation.library.error.cost')
      .nullable()
      .default(null),
    /** The effect in words: measured (with its interval) or as the source states it; never empty. */
    effectNl: z.string().trim().min(1, 'evaluation.library.error.effectText').max(LIMITS.text, 'evaluation.library.error.tooLong'),
    effectEn: text(LIMITS.text),
    ...effectNumbers,
    effectUnit: text(60),
    effectIndicatorCode: text(80),
    effectVerdict: text(40),
    effectLevel: z.number().min(0.5).max(0.999).nullable().default(null),
    lessonsNl: text(LIMITS.text),
    lessonsEn: text(LIMITS.text),
    contactOrganisation: text(LIMITS.short),
    functions: z.array(z.enum(FUNCTIONS, 'evaluation.library.error.function')).max(4).default([]),
    targetGroups: z
      .array(z.string().trim().min(1).max(LIMITS.targetGroup, 'evaluation.library.error.tooLong'))
      .max(LIMITS.targetGroups, 'evaluation.library.error.tooMany')
      .default([]),
    level: z.enum(LEVELS, 'evaluation.library.error.level').default('neighbourhood'),
    sourceNote: text(LIMITS.sourceNote),
  })
  .superRefine((c, ctx) => {
    for (const [path, message] of Object.entries(intervalErrors(c.estimate, c.ciLow, c.ciHigh))) {
      ctx.addIssue({ code: 'custom', path: [path], message });
    }
  });
export type InterventionInput = z.input<typeof interventionInput>;
export type InterventionData = z.output<typeof interventionInput>;

// ---------------------------------------------------------------------------------------------
// The exchange format, version 1. Change nothing here without a new version (docs/intervention-library.md).

const bilingual = (max: number, what: string) =>
  z
    .object({
      nl: z.string().max(max).describe(`${what}, in Dutch`),
      en: z.string().max(max).describe(`${what}, in English ('' when not translated)`),
    })
    .strict();

const municipality = z
  .object({
    code: z
      .string()
      .regex(/^(GM[0-9]{4})?$/)
      .describe("CBS code of the municipality, e.g. GM0542 ('' when unknown)"),
    name: z.string().max(200).describe('Name of the municipality'),
  })
  .strict();

export const exchangeCard = z
  .object({
    slug: z.string().regex(SLUG).describe('Short name, unique within a municipality: lowercase letters, digits and hyphens'),
    title: bilingual(LIMITS.title, 'Name of the approach').extend({
      nl: z.string().min(1).max(LIMITS.title).describe('Name of the approach, in Dutch (required)'),
    }),
    what: bilingual(LIMITS.text, 'What it is and how it works'),
    forWhom: bilingual(LIMITS.text, 'For whom it is meant'),
    where: z.string().max(LIMITS.short).describe('Where it ran: place, municipality, wijk'),
    cost: bilingual(LIMITS.text, 'Cost in words').extend({
      centsPerYear: z
        .number()
        .int()
        .min(0)
        .max(2_000_000_000)
        .nullable()
        .describe('Cost per year in euro cents; null when unknown (never 0 for unknown)'),
    }),
    effect: bilingual(LIMITS.text, 'The effect in words: as measured, or as the source states it')
      .extend({
        nl: z.string().min(1).max(LIMITS.text).describe('The effect in words, in Dutch (required; "no measured effect" when none)'),
        estimate: z.number().nullable().describe('Estimated effect; null when none was measured'),
        ciLow: z.number().nullable().describe('Lower end of the interval; null with the estimate'),
        ciHigh: z.number().nullable().describe('Upper end of the interval; null with the estimate'),
        level: z.number().min(0.5).max(0.999).nullable().describe('Confidence level of the interval, e.g. 0.9'),
        unit: z.string().max(60).describe("Unit of the estimate, e.g. 'procentpunt' ('' when none)"),
        indicatorCode: z.string().max(80).describe("Monitor indicator measured ('' when none)"),
        verdict: z.string().max(40).describe("Verdict of the evaluation: effect, no_clear_effect, cannot_tell, no_data ('' when none)"),
        evaluationReference: z.string().max(40).describe("Reference of the evaluation it was published from ('' when none)"),
      })
      .superRefine((e, ctx) => {
        const set = [e.estimate, e.ciLow, e.ciHigh].filter((v) => v !== null).length;
        if (set !== 0 && set !== 3) ctx.addIssue({ code: 'custom', path: ['estimate'], message: 'estimate, ciLow and ciHigh go together' });
        else if (set === 3 && !(e.ciLow! <= e.estimate! && e.estimate! <= e.ciHigh!)) {
          ctx.addIssue({ code: 'custom', path: ['ciLow'], message: 'ciLow ≤ estimate ≤ ciHigh' });
        }
      }),
    lessons: bilingual(LIMITS.text, 'Lessons learned'),
    contactOrganisation: z.string().max(LIMITS.short).describe('Organisation to contact'),
    functions: z.array(z.enum(FUNCTIONS)).max(4).describe('Functions of cohesion it serves'),
    targetGroups: z.array(z.string().min(1).max(LIMITS.targetGroup)).max(LIMITS.targetGroups).describe('Target groups, in words'),
    level: z.enum(LEVELS).describe('Level it works on'),
    sourceNote: z.string().max(LIMITS.sourceNote).describe('Where the facts come from'),
    isDemo: z.boolean().describe('A demo card: its classification is invented for the demo and labelled so'),
    origin: z
      .object({
        installation: z.string().min(1).max(300).describe('The Samenhang installation the card was made on (its address)'),
        municipality,
        kind: z.enum(['manual', 'evaluation']).describe('Entered by hand, or published from an evaluation'),
      })
      .strict(),
  })
  .strict();
export type ExchangeCard = z.output<typeof exchangeCard>;

export const exchangeFile = z
  .object({
    format: z.literal(EXCHANGE_FORMAT).describe('Always samenhang.intervention-cards'),
    version: z.literal(EXCHANGE_VERSION).describe('Version of this format; a reader refuses versions it does not know'),
    exportedAt: z.iso.datetime().describe('When the file was made (ISO 8601, UTC)'),
    installation: z.string().min(1).max(300).describe('The installation that made the file (its address)'),
    municipality,
    cards: z.array(exchangeCard).max(LIMITS.cards).describe('The cards (published cards only)'),
  })
  .strict();
export type ExchangeFile = z.output<typeof exchangeFile>;

/** The JSON Schema of the exchange format, as written to docs/schemas/intervention-cards-1.json. */
export function exchangeJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://samenhang.nl/schemas/intervention-cards-1.json',
    title: 'Samenhang intervention cards, version 1',
    ...z.toJSONSchema(exchangeFile, { target: 'draft-2020-12', io: 'output' }),
  };
}

/** Search of the library (the GET form): words, function, target group, level. */
export const searchQuery = z.object({
  q: z.string().trim().max(200).catch(''),
  functie: z.enum(FUNCTIONS).optional().catch(undefined),
  doelgroep: z.string().trim().max(LIMITS.targetGroup).catch(''),
  niveau: z.enum(LEVELS).optional().catch(undefined),
});
export type SearchQuery = z.output<typeof searchQuery>;
