import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../platform/errors.ts';
import { routes } from '../../platform/http/route.ts';
import { COHESION_FUNCTIONS } from '../../platform/module.ts';
import { areaPageData, municipalityPageData } from './areas.pages.ts';
import { isAreaCode } from './codes.ts';
import { renderPageSections } from './summaries/summaries.page.ts';
import { cachedSummaries } from './summaries/summaries.cache.ts';
import type { AreaFigures } from '../../ui/charts/area-figures.ts';
import { MunicipalityPage } from './views/municipality-page.tsx';
import { AreaPage } from './views/area-page.tsx';

/** The map per figure's choice (`?indicator=code`, docs/neighbourhood-page.md). */
const FIGURE_QUERY = z.object({ indicator: z.string().max(50).optional().catch(undefined) });

/** The figures of the areas below, from the monitor's overview summary (cached like the sections). */
async function figuresOf(db: Parameters<typeof cachedSummaries>[0], tenantId: string, code: string): Promise<AreaFigures | null> {
  const overview = (await cachedSummaries(db, tenantId, code)).find((s) => s.sectionId === 'monitor.overview');
  const data = overview?.data as { figures?: AreaFigures } | null | undefined;
  return data?.figures ?? null;
}

/** Pages of the areas module: municipality home and the neighbourhood page; admin and API in admin/ and api/. */
export async function areasRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  route.get('/:tenant/', { policy: 'public', query: FIGURE_QUERY }, async (req, reply) => {
    const data = await municipalityPageData(req.db, req.tenant.slug);
    if (!data) throw NotFound('areas.notFound');
    const { tenant, districts, drawing } = data;
    const ctx = req.viewContext();
    // Anonymous visitors get the document rendered once while the summaries and areas are unchanged.
    const stored = await cachedSummaries(req.db, tenant.id, tenant.id);
    // The municipality area's sections, as on a neighbourhood page (the municipality's code is the tenant id).
    const { sections, computedAt } = await renderPageSections(req.db, {
      sections: app.summarySections,
      tenantId: tenant.id,
      ctx,
      tenantSlug: tenant.slug,
      area: { code: tenant.id, level: 'municipality', name: tenant.name },
      log: (m) => req.log.warn(m),
    });
    return reply.page(
      <MunicipalityPage
        ctx={ctx}
        slug={tenant.slug}
        name={tenant.name}
        districts={districts}
        drawing={drawing}
        sections={sections}
        computedAt={computedAt}
        figures={await figuresOf(req.db, tenant.id, tenant.id)}
        indicator={req.query.indicator ?? null}
        functions={COHESION_FUNCTIONS.map((fn) => {
          const entry = app.cohesionFunctions.find((f) => f.fn === fn);
          return { fn, href: entry ? entry.path(tenant.slug) : null };
        })}
      />,
      {
        title: tenant.name,
        anonymousCacheDeps: [stored, data.areasKey, data.tenant],
      },
    );
  });

  // The home of a municipality has a trailing slash; without it, redirect (unknown slugs stay 404).
  route.get('/:tenant', { policy: 'public' }, async (req, reply) => reply.redirect(`/${req.tenant.slug}/`, 301));

  // Any text up to 20 characters: a code in lower case is redirected, anything else is a 404 below.
  route.get(
    '/:tenant/wijken/:code',
    { policy: 'public', params: { code: z.string().max(20) }, query: FIGURE_QUERY },
    async (req, reply) => {
      const tenant = req.tenant;
      const { code } = req.params;
      if (code !== code.toUpperCase() && isAreaCode(code.toUpperCase())) {
        return reply.redirect(`/${tenant.slug}/wijken/${code.toUpperCase()}`, 301);
      }
      const data = isAreaCode(code) ? await areaPageData(req.db, tenant.slug, code) : null;
      if (!data) throw NotFound('areas.notFound');
      const { area, parent, grandparent, children, drawing } = data;
      const ctx = req.viewContext();
      // Anonymous visitors get the document rendered once while the summaries and areas are unchanged.
      const stored = await cachedSummaries(req.db, tenant.id, area.code);
      // The modules' sections, rendered from what the area-summaries job stored (cached: no query when warm).
      const { sections, computedAt } = await renderPageSections(req.db, {
        sections: app.summarySections,
        tenantId: tenant.id,
        ctx,
        tenantSlug: tenant.slug,
        area: { code: area.code, level: area.level, name: area.name },
        log: (m) => req.log.warn(m),
      });
      const crumb = (a: { code: string; name: string }) => ({ href: `/${tenant.slug}/wijken/${a.code}`, label: a.name });
      const breadcrumbs = [
        { href: `/${tenant.slug}/`, label: tenant.name },
        ...[grandparent, parent, area].filter((a): a is NonNullable<typeof a> => a !== null && a.level !== 'municipality').map(crumb),
      ];
      return reply.page(
        <AreaPage
          ctx={ctx}
          slug={tenant.slug}
          area={area}
          parent={parent}
          children={children}
          drawing={drawing}
          sections={sections}
          computedAt={computedAt}
          figures={await figuresOf(req.db, tenant.id, area.code)}
          indicator={req.query.indicator ?? null}
        />,
        {
          title: area.name,
          breadcrumbs,
          anonymousCacheDeps: [stored, data.areasKey, data.tenant],
        },
      );
    },
  );
}
