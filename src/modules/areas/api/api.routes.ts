import type { FastifyInstance } from 'fastify';
import { NotFound } from '../../../platform/errors.ts';
import { errorResponses } from '../../../platform/http/api-docs.ts';
import { routes } from '../../../platform/http/route.ts';
import { getArea, locatePoint, type AreaInfo } from '../areas.service.ts';
import { areaInfos } from '../areas.pages.ts';
import { areaCode, areaFeature, areaList, listQuery, lookupQuery, lookupResult } from './api.schemas.ts';

/** Every status these routes answer: 400 bad parameter or path, 404 unknown municipality, area or point, 414 too long a path segment, 429 many not-found answers to one client. */
const errors = errorResponses(400, 404, 414, 429);

function summary(a: AreaInfo) {
  return { code: a.code, name: a.name, level: a.level, parentCode: a.parentCode, year: a.year, approximate: a.approximate };
}

/** Public JSON API of areas: list, one area as GeoJSON, and point lookup. */
export async function areasApiRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get(
    '/:tenant/api/areas',
    {
      policy: 'public',
      query: listQuery,
      docs: {
        tags: ['areas'],
        summary: 'Areas of a municipality (without geometry)',
        response: { 200: areaList, ...errors },
      },
    },
    async (req) => {
      // From the in-process cache (areas.cache.ts): no geometry is read for a list without it.
      const areas = await areaInfos(req.db, req.tenant.slug, {
        ...(req.query.level ? { level: req.query.level } : {}),
        ...(req.query.parentCode ? { parentCode: req.query.parentCode } : {}),
      });
      if (!areas) throw NotFound('areas.tenant.notFound');
      return { areas: areas.map(summary) };
    },
  );

  route.get(
    '/:tenant/api/areas/lookup',
    {
      policy: 'public',
      query: lookupQuery,
      docs: {
        tags: ['areas'],
        summary: 'The district and neighbourhood that contain a point (WGS84)',
        response: { 200: lookupResult, ...errors },
      },
    },
    async (req) => {
      const found = await locatePoint(req.db, req.tenant.id, req.query.lon, req.query.lat);
      if (!found.district && !found.neighbourhood) throw NotFound('areas.api.pointOutside');
      return found;
    },
  );

  route.get(
    '/:tenant/api/areas/:code',
    {
      policy: 'public',
      params: { code: areaCode },
      docs: {
        tags: ['areas'],
        summary: 'One area as a GeoJSON Feature with its CBS key figures',
        response: { 200: areaFeature, ...errors },
      },
    },
    async (req) => {
      const area = await getArea(req.db, req.tenant.id, req.params.code);
      if (!area) throw NotFound('areas.notFound');
      return {
        type: 'Feature' as const,
        id: area.code,
        geometry: area.geometry,
        properties: { ...summary(area), source: area.source, stats: area.stats },
      };
    },
  );
}
