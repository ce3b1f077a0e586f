/** Coordinators edit the social map's categories: `/{tenant}/sociale-kaart/beheer/categorieen`. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { actorFrom } from './service/common.ts';
import { createTerm, ensureDefaultTaxonomies, getTerm, listTaxonomies, listTerms, updateTerm } from './service/taxonomy.ts';
import { TermEditPage, TermsPage } from './views/taxonomy/terms-page.tsx';

const POLICY = { roles: ['coordinator', 'admin'] } as const;
const termForm = z.object({
  taxonomy_id: z.string().optional(),
  name: z.string().trim().min(1, 'socialmap.error.required').max(200, 'socialmap.error.tooLong'),
  description: z.string().trim().max(2000, 'socialmap.error.tooLong').optional(),
});

/** Register the category pages. */
export async function taxonomyRoutes(app: FastifyInstance): Promise<void> {
  const base = (req: FastifyRequest) => `/${req.tenant!.slug}/sociale-kaart/beheer/categorieen`;
  const crumbs = (req: FastifyRequest) => [{ href: `/${req.tenant!.slug}/`, label: req.tenant!.name }];

  async function list(
    req: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    errors?: Record<string, string>,
    values?: Record<string, string>,
  ) {
    const tenantId = req.tenant!.id;
    await ensureDefaultTaxonomies(app.db, tenantId);
    const [taxonomies, terms] = await Promise.all([listTaxonomies(app.db, tenantId), listTerms(app.db, tenantId)]);
    return reply.page(
      <TermsPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        taxonomies={taxonomies}
        terms={terms}
        {...(errors ? { errors } : {})}
        {...(values ? { values } : {})}
      />,
      {
        title: req.t('socialmap.terms.title'),
        status,
        breadcrumbs: crumbs(req),
      },
    );
  }

  app.get('/:tenant/sociale-kaart/beheer/categorieen', { config: { policy: POLICY } }, (req, reply) => list(req, reply));

  app.post('/:tenant/sociale-kaart/beheer/categorieen', { config: { policy: POLICY } }, async (req, reply) => {
    const form = parseForm(termForm, req.body, req.t);
    const body = (req.body ?? {}) as Record<string, string>;
    if (!form.ok) return list(req, reply, 422, form.errors, body);
    try {
      await createTerm(
        app.db,
        req.tenant!.id,
        { taxonomy_id: form.data.taxonomy_id ?? '', name: form.data.name, description: form.data.description ?? '' },
        actorFrom(req, app.clock.now()),
      );
    } catch (e) {
      if (e instanceof AppError && e.fields) {
        return list(req, reply, 422, Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, req.t(v)])), body);
      }
      throw e;
    }
    return reply.redirect(base(req), 303);
  });

  async function edit(
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    status = 200,
    errors?: Record<string, string>,
    values?: Record<string, string>,
  ) {
    const term = await getTerm(app.db, req.tenant!.id, req.params.id);
    if (!term) throw new AppError(404, 'not_found', 'socialmap.error.termNotFound');
    return reply.page(
      <TermEditPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        term={term}
        {...(errors ? { errors } : {})}
        {...(values ? { values } : {})}
      />,
      {
        title: req.t('socialmap.terms.editTitle', { name: term.name }),
        status,
        breadcrumbs: [...crumbs(req), { href: base(req), label: req.t('socialmap.terms.title') }],
      },
    );
  }

  app.get<{ Params: { id: string } }>('/:tenant/sociale-kaart/beheer/categorieen/:id', { config: { policy: POLICY } }, (req, reply) =>
    edit(req, reply),
  );

  app.post<{ Params: { id: string } }>(
    '/:tenant/sociale-kaart/beheer/categorieen/:id',
    { config: { policy: POLICY } },
    async (req, reply) => {
      const form = parseForm(termForm, req.body, req.t);
      if (!form.ok) return edit(req, reply, 422, form.errors, (req.body ?? {}) as Record<string, string>);
      if (!(await getTerm(app.db, req.tenant!.id, req.params.id))) throw new AppError(404, 'not_found', 'socialmap.error.termNotFound');
      await updateTerm(
        app.db,
        req.tenant!.id,
        req.params.id,
        { name: form.data.name, description: form.data.description ?? '' },
        actorFrom(req, app.clock.now()),
      );
      return reply.redirect(base(req), 303);
    },
  );
}
