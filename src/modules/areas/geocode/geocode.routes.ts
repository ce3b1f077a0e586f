import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../../platform/http/api-docs.ts';
import { routes } from '../../../platform/http/route.ts';
import { suggestAddresses } from './geocode.service.ts';
import { SUGGEST_LIMIT, suggestQuery, suggestResult } from './geocode.schemas.ts';

/** Like the other public lookups: enough for typing, not for harvesting the address table. */
const RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

/** The address autocomplete behind public/address-autocomplete.js (public JSON). */
export async function geocodeRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  route.get(
    '/:tenant/adressen/zoek',
    {
      policy: 'public',
      query: suggestQuery,
      rateLimit: RATE_LIMIT,
      docs: {
        tags: ['areas'],
        summary: 'Address suggestions for what was typed (autocomplete)',
        response: { 200: suggestResult, ...errorResponses(400, 404, 414, 429) },
      },
    },
    async (req, reply) => {
      const suggestions = await suggestAddresses(req.db, req.tenant.id, req.query.q.trim(), SUGGEST_LIMIT);
      void reply.header('cache-control', 'private, max-age=300');
      return { suggestions };
    },
  );
}
