import { z } from 'zod';

/** Zod schemas of the areas JSON API (also its OpenAPI description). */
/** A CBS area code: municipality, district (wijk) or neighbourhood (buurt). */
export const areaCode = z.string().regex(/^(GM\d{4}|WK\d{6}|BU\d{8})$/);

export const listQuery = z.object({
  // An empty filter (`?level=`) counts as absent.
  level: z
    .union([z.enum(['municipality', 'district', 'neighbourhood']), z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  parentCode: z.string().max(20).optional(),
});

export const lookupQuery = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
});

export const areaSummary = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['municipality', 'district', 'neighbourhood']),
  parentCode: z.string().nullable(),
  year: z.number().int(),
  approximate: z.boolean(),
});

export const areaList = z.object({ areas: z.array(areaSummary) });

const position = z.tuple([z.number(), z.number()]);
export const geometry = z
  .union([
    z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
  ])
  .nullable();

export const areaFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry,
  properties: areaSummary.extend({
    source: z.string(),
    stats: z.record(z.string(), z.number()),
  }),
});

const place = z.object({ code: z.string(), name: z.string() }).nullable();
export const lookupResult = z.object({ district: place, neighbourhood: place });
