/** Coordinators edit the social map's categories: `/{tenant}/sociale-kaart/beheer/categorieen`. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../../platform/errors.ts';
import { UUID_RE } from '../../../platform/ids.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { actorFrom } from '../actor.ts';
import { createTerm, ensureDefaultTaxonomies, getTerm, listTaxonomies, listTerms, updateTerm } from './taxonomy.service.ts';
import { can, rolesFor } from '../policies.ts';
import { TERM_DESCRIPTION_MAX, TERM_NAME_MAX } from '../socialmap.schemas.ts';
import { TermEditPage, TermsPage } from './views/terms-page.tsx';
import { termItem } from './taxonomy.presenter.ts';

const POLICY = { roles: rolesFor('socialmap.categories') };
const termForm = z.object({
  taxonomy_id: z.string().optional(),
  name: z.string().trim().min(1, 'socialmap.error.required').max(TERM_NAME_MAX, 'socialmap.error.tooLong'),
  description: z.string().trim().max(TERM_DESCRIPTION_MAX, 'socialmap.error.tooLong').optional(),
  name_en: z.string().trim().max(TERM_NAME_MAX, 'socialmap.error.tooLong').optional(),
  description_en: z.string().trim().max(TERM_DESCRIPTION_MAX, 'socialmap.error.tooLong').optional(),
});
const termParams = { id: z.string().regex(UUID_RE) };

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
type Submitted = Record<string, string | string[]>;
interface Shown {
  status: number;
  errors: Record<string, string>;
  values: Submitted;
}

/** The submitted texts to show again (a repeated field shows its first value). */
const shownValues = (v: Submitted) => {
  const one = (x: string | string[] | undefined) => (Array.isArray(x) ? x[0] : x);
  return {
    taxonomy_id: one(v.taxonomy_id),
    name: one(v.name),
    description: one(v.description),
    name_en: one(v.name_en),
    description_en: one(v.description_en),
  };
};

/** Register the category pages. */
export async function taxonomyRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const base = (tenant: RequestTenant) => `/${tenant.slug}/sociale-kaart/beheer/categorieen`;
  const crumbs = (tenant: RequestTenant) => [{ href: `/${tenant.slug}/`, label: tenant.name }];

  async function list(req: TenantRequest, reply: FastifyReply, shown?: Shown) {
    const tenantId = req.tenant.id;
    await ensureDefaultTaxonomies(req.db, req.principal, tenantId);
    const [taxonomies, terms] = await Promise.all([listTaxonomies(req.db, tenantId), listTerms(req.db, tenantId)]);
    return reply.page(
      <TermsPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        taxonomies={taxonomies}
        terms={terms.map(termItem)}
        canImport={can(req.principal, 'socialmap.import')}
        {...(shown ? { errors: shown.errors, values: shownValues(shown.values) } : {})}
      />,
      { title: req.t('socialmap.terms.title'), status: shown?.status ?? 200, breadcrumbs: crumbs(req.tenant) },
    );
  }

  route.get('/:tenant/sociale-kaart/beheer/categorieen', { policy: POLICY }, (req, reply) => list(req, reply));

  route.post(
    '/:tenant/sociale-kaart/beheer/categorieen',
    { policy: POLICY, form: termForm, invalid: (req, reply, errors, values, status) => list(req, reply, { errors, values, status }) },
    async (req, reply) => {
      await createTerm(
        req.db,
        req.tenant.id,
        {
          taxonomy_id: req.body.taxonomy_id ?? '',
          name: req.body.name,
          description: req.body.description ?? '',
          name_en: req.body.name_en ?? '',
          description_en: req.body.description_en ?? '',
        },
        actorFrom(req, app.clock.now()),
      );
      return reply.redirect(base(req.tenant), 303);
    },
  );

  async function edit(req: TenantRequest, reply: FastifyReply, id: string, shown?: Shown) {
    const term = await getTerm(req.db, req.tenant.id, id);
    if (!term) throw NotFound('socialmap.error.termNotFound');
    return reply.page(
      <TermEditPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        term={termItem(term)}
        {...(shown ? { errors: shown.errors, values: shownValues(shown.values) } : {})}
      />,
      {
        title: req.t('socialmap.terms.editTitle', { name: term.name }),
        status: shown?.status ?? 200,
        breadcrumbs: [...crumbs(req.tenant), { href: base(req.tenant), label: req.t('socialmap.terms.title') }],
      },
    );
  }

  route.get('/:tenant/sociale-kaart/beheer/categorieen/:id', { policy: POLICY, params: termParams }, (req, reply) =>
    edit(req, reply, req.params.id),
  );

  route.post(
    '/:tenant/sociale-kaart/beheer/categorieen/:id',
    {
      policy: POLICY,
      params: termParams,
      form: termForm,
      invalid: (req, reply, errors, values, status) => edit(req, reply, req.params.id, { errors, values, status }),
    },
    async (req, reply) => {
      if (!(await getTerm(req.db, req.tenant.id, req.params.id))) throw NotFound('socialmap.error.termNotFound');
      await updateTerm(
        req.db,
        req.tenant.id,
        req.params.id,
        {
          name: req.body.name,
          description: req.body.description ?? '',
          ...(req.body.name_en !== undefined ? { nameEn: req.body.name_en } : {}),
          ...(req.body.description_en !== undefined ? { descriptionEn: req.body.description_en } : {}),
        },
        actorFrom(req, app.clock.now()),
      );
      return reply.redirect(base(req.tenant), 303);
    },
  );
}
