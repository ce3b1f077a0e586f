/** Query parameters of the HSDS API: a loose schema for the OpenAPI document, strict parsing with clear messages. */
import { z } from 'zod';
import { parseInput } from '../actor.ts';
import { normalisePostcode } from '../socialmap.schemas.ts';
import { AppError, BadRequest } from '../../../platform/errors.ts';
import { emptyAsAbsent, singleLine } from '../../../platform/input.ts';
import { UUID_RE } from '../../../platform/ids.ts';

const bool = z.enum(['true', 'false', '1', '0'], 'socialmap.hsds.boolean').transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) =>
  z.coerce.number('socialmap.hsds.integer').int('socialmap.hsds.integer').min(min, 'socialmap.hsds.range').max(max, 'socialmap.hsds.range');
const id = z.string().regex(UUID_RE, 'socialmap.error.uuid');

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 25;

/** Documented query parameters (all optional strings, empty = absent); the handler parses them strictly with `listParams`. */
export const listQueryDoc = z.object({
  search: z.string().optional().describe('Full-text search (Dutch stemming) on name, alternate name and description.'),
  text: z.string().optional().describe('Alias of search.'),
  taxonomy_term_id: z.string().optional().describe('Only services tagged with this term (on the service or one of its locations).'),
  taxonomy_id: z.string().optional().describe('Only services tagged with any term of this taxonomy.'),
  organization_id: z.string().optional().describe('Only services of this organization.'),
  modified_after: z.string().optional().describe('Only services modified on or after this ISO 8601 date-time.'),
  postcode: z
    .string()
    .optional()
    .describe(
      'Dutch postcode (1234 AB or 1234); results nearest first, within proximity (default 10 km). Known from the addresses on the social map of this municipality.',
    ),
  proximity: z.string().optional().describe('With postcode: only services with a location within this many metres.'),
  page: z.string().optional().describe('Page number, from 1.'),
  per_page: z.string().optional().describe(`Items per page, 1 to ${MAX_PER_PAGE} (default ${DEFAULT_PER_PAGE}).`),
  full: z.string().optional().describe('true: fully nested services (schedules, locations, attributes…).'),
  full_service: z.string().optional().describe('Alias of full for services; for organizations: nested services in full.'),
  minimal: z.string().optional().describe('true: only id, name, status and last_modified.'),
  format: z.string().optional().describe('Only json is supported.'),
  top_only: z.string().optional().describe('taxonomy_terms: only terms without a parent.'),
  parent_id: z.string().optional().describe('taxonomy_terms: only children of this term.'),
  lang: z
    .string()
    .optional()
    .describe(
      'nl (default) or en — names and descriptions of taxonomy terms (also those nested in services, organizations and services at locations) and taxonomy names in this language, a term with `language` set to it (the Dutch text where no English one is kept).',
    ),
});
export type ListQueryDoc = z.infer<typeof listQueryDoc>;

/** Every parameter is optional; an empty one (`?taxonomy_term_id=`) counts as absent. */
const listParams = z.object({
  // Control characters (a NUL would fail in PostgreSQL) are refused with 400.
  search: singleLine(z.string().trim(), 'socialmap.error.controlChars').max(200, 'socialmap.error.tooLong').optional(),
  text: singleLine(z.string().trim(), 'socialmap.error.controlChars').max(200, 'socialmap.error.tooLong').optional(),
  taxonomy_term_id: id.optional(),
  taxonomy_id: id.optional(),
  organization_id: id.optional(),
  modified_after: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}/.test(v), 'socialmap.hsds.dateTime')
    .transform((v) => new Date(v))
    .optional(),
  postcode: z
    .string()
    .transform((v, ctx) => {
      const four = /^\s*([1-9]\d{3})\s*$/.exec(v);
      if (four) return four[1]!;
      const pc = normalisePostcode(v);
      if (!pc) ctx.addIssue({ code: 'custom', message: 'socialmap.error.postcode' });
      return pc ?? '';
    })
    .optional(),
  proximity: int(1, 100_000).optional(),
  page: int(1, 1_000_000).default(1),
  per_page: int(1, MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
  full: bool.optional(),
  full_service: bool.optional(),
  minimal: bool.optional(),
  format: z.literal('json', 'socialmap.hsds.format').optional(),
  top_only: bool.optional(),
  parent_id: id.optional(),
  lang: z.enum(['nl', 'en'], 'socialmap.error.invalidValue').optional(),
});
export type ListParams = z.output<typeof listParams>;

/** Parse the query strictly; BadRequest (400) with a message per parameter when one is wrong. */
export function parseListParams(query: unknown): ListParams {
  try {
    const p = parseInput(emptyAsAbsent(listParams), query ?? {});
    if (p.proximity !== undefined && !p.postcode) {
      throw BadRequest('socialmap.hsds.proximityNeedsPostcode', { proximity: 'socialmap.hsds.proximityNeedsPostcode' });
    }
    return p;
  } catch (e) {
    if (e instanceof AppError && e.status === 422 && e.fields) throw BadRequest('socialmap.hsds.badParam', e.fields);
    throw e;
  }
}

/** A record id in a path: any string, so that an unknown or malformed id is a 404 (not a 400), as documented. */
export const idParam = z.string().describe('The id (UUID) of the record');
