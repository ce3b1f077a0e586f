/**
 * Error answers of the JSON APIs, for their OpenAPI description: every status a route can give
 * is listed with the route (`response: { 200: …, ...errorResponses(400, 404, 414) }`).
 * A method without a route answers 405 with Allow on every path (error-handler.tsx); that is not
 * an operation, so it is described once in docs/, not per route.
 */
import { z } from 'zod';

/** The body of every error of our own APIs (Open311 has the standard's own error list). */
export const apiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

const WHY = {
  400: 'Bad request: a query parameter is not valid (see error.fields), or the path is not valid percent-encoding.',
  404: 'Not found: unknown municipality, or unknown record (also a malformed id).',
  414: 'URI too long: a path segment is longer than 100 characters (answered by the router, in the same error shape: app.ts sets frameworkErrors).',
  429: 'Too many requests from this client (rate-limited routes, or many not-found answers): wait a minute.',
} as const;
export type ErrorStatus = keyof typeof WHY;

/** Response schemas of these error statuses, with a description each. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S, z.ZodType> {
  return Object.fromEntries(statuses.map((s) => [s, apiError.describe(WHY[s])])) as unknown as Record<S, z.ZodType>;
}
