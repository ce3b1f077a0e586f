import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { NotFound } from '../../platform/errors.ts';
import { routes } from '../../platform/http/route.ts';
import { COHESION_FUNCTIONS } from '../../platform/module.ts';
import { areaPageData, municipalityPageData } from './areas.pages.ts';
import { isAreaCode } from './codes.ts';
import { MunicipalityPage } from './views/municipality-page.tsx';
import { AreaPage } from './views/area-page.tsx';

/** Pages of the areas module: municipality home and the neighbourhood page; admin and API in admin/ and api/. */
export async function areasRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  route.get('/:tenant/', { policy: 'public' }, async (req, reply) => {
    const data = await municipalityPageData(req.db, req.tenant.slug);
    if (!data) throw NotFound('areas.notFound');
    const { tenant, districts, drawing } = data;
    return reply.page(
      <MunicipalityPage
        ctx={req.viewContext()}
        slug={tenant.slug}
        name={tenant.name}
        districts={districts}
        drawing={drawing}
        functions={COHESION_FUNCTIONS.map((fn) => {
          const entry = app.cohesionFunctions.find((f) => f.fn === fn);
          return { fn, href: entry ? entry.path(tenant.slug) : null };
        })}
      />,
      {
        title: tenant.name,
      },
    );
  });

  // The home of a municipality has a trailing slash; without it, redirect (unknown slugs stay 404).
  route.get('/:tenant', { policy: 'public' }, async (req, reply) => reply.redirect(`/${req.tenant.slug}/`, 301));

  // Any text up to 20 characters: a code in lower case is redirected, anything else is a 404 below.
  route.get('/:tenant/wijken/:code', { policy: 'public', params: { code: z.string().max(20) } }, async (req, reply) => {
    const tenant = req.tenant;
    const { code } = req.params;
    if (code !== code.toUpperCase() && isAreaCode(code.toUpperCase())) {
      return reply.redirect(`/${tenant.slug}/wijken/${code.toUpperCase()}`, 301);
    }
    const data = isAreaCode(code) ? await areaPageData(req.db, tenant.slug, code) : null;
    if (!data) throw NotFound('areas.notFound');
    const { area, parent, grandparent, children, areaCodes, drawing } = data;
    const ctx = req.viewContext();
    const sections: VNode[] = [];
    for (const section of app.areaSections) {
      const node = await section.render({
        db: req.db,
        ctx,
        tenantId: tenant.id,
        area: { code: area.code, level: area.level, name: area.name },
        areaCodes,
        now: app.clock.now(),
      });
      if (node) sections.push(node);
    }
    const crumb = (a: { code: string; name: string }) => ({ href: `/${tenant.slug}/wijken/${a.code}`, label: a.name });
    const breadcrumbs = [
      { href: `/${tenant.slug}/`, label: tenant.name },
      ...[grandparent, parent, area].filter((a): a is NonNullable<typeof a> => a !== null && a.level !== 'municipality').map(crumb),
    ];
    return reply.page(
      <AreaPage ctx={ctx} slug={tenant.slug} area={area} parent={parent} children={children} drawing={drawing} sections={sections} />,
      {
        title: area.name,
        breadcrumbs,
      },
    );
  });
}
