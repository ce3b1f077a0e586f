import { z } from 'zod';

/** Zod schemas of the address autocomplete (`GET /{tenant}/adressen/zoek`). */

export const SUGGEST_MAX_LENGTH = 100;
export const SUGGEST_LIMIT = 8;

export const suggestQuery = z.object({
  q: z.string().max(SUGGEST_MAX_LENGTH).default('').describe('What was typed so far: a street (and number), or a postcode (and number)'),
});

export const suggestResult = z.object({
  suggestions: z.array(
    z.object({
      label: z.string().describe('The address as it goes into the field: "Oosterstraat 10, 9711 NV Groningen"'),
      source: z.enum(['addresses', 'pdok']),
    }),
  ),
});
