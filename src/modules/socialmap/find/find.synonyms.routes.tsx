/** Coordinators keep the search words of the social map: `/{tenant}/sociale-kaart/beheer/zoekwoorden`. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UUID_RE } from '../../../platform/ids.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { actorFrom } from '../actor.ts';
import { rolesFor } from '../policies.ts';
import {
  deleteSynonym,
  getSynonym,
  listSynonyms,
  saveSynonym,
  SYNONYM_ALTERNATIVES_MAX,
  SYNONYM_WORD_MAX,
} from './find.synonyms.service.ts';
import { SynonymEditPage, SynonymsPage, type SynonymValues } from './views/synonyms-page.tsx';

const POLICY = { roles: rolesFor('socialmap.categories') };
const synonymForm = z.object({
  word: z.string().max(SYNONYM_WORD_MAX, 'socialmap.synonyms.error.word'),
  alternatives: z.string().max(SYNONYM_ALTERNATIVES_MAX, 'socialmap.synonyms.error.alternatives'),
});
const params = { id: z.string().regex(UUID_RE) };
const noticeQuery = z.object({ klaar: z.enum(['opgeslagen', 'weg']).optional().catch(undefined) });

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
type Submitted = Record<string, string | string[]>;
interface Shown {
  status: number;
  errors: Record<string, string>;
  values: Submitted;
}
const one = (x: string | string[] | undefined) => (Array.isArray(x) ? x[0] : x);
const shownValues = (v: Submitted): SynonymValues => ({ word: one(v.word), alternatives: one(v.alternatives) });

/** Register the search-words pages (policy: who keeps the categories; CSRF on every form; changes audited by the service). */
export async function findSynonymsRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const base = (tenant: RequestTenant) => `/${tenant.slug}/sociale-kaart/beheer/zoekwoorden`;
  const crumbs = (tenant: RequestTenant) => [{ href: `/${tenant.slug}/`, label: tenant.name }];

  async function list(req: TenantRequest, reply: FastifyReply, shown?: Shown, notice?: 'opgeslagen' | 'weg') {
    const synonyms = await listSynonyms(req.db, req.tenant.id);
    return reply.page(
      <SynonymsPage
        ctx={req.viewContext()}
        base={base(req.tenant)}
        synonyms={synonyms}
        notice={notice === 'opgeslagen' ? 'socialmap.synonyms.saved' : notice === 'weg' ? 'socialmap.synonyms.deleted' : null}
        {...(shown ? { errors: shown.errors, values: shownValues(shown.values) } : {})}
      />,
      { title: req.t('socialmap.synonyms.title'), status: shown?.status ?? 200, breadcrumbs: crumbs(req.tenant) },
    );
  }

  route.get('/:tenant/sociale-kaart/beheer/zoekwoorden', { policy: POLICY, query: noticeQuery }, (req, reply) =>
    list(req, reply, undefined, req.query.klaar),
  );

  route.post(
    '/:tenant/sociale-kaart/beheer/zoekwoorden',
    { policy: POLICY, form: synonymForm, invalid: (req, reply, errors, values, status) => list(req, reply, { errors, values, status }) },
    async (req, reply) => {
      await saveSynonym(
        req.db,
        req.tenant.id,
        { word: req.body.word, alternatives: req.body.alternatives },
        actorFrom(req, app.clock.now()),
      );
      return reply.redirect(`${base(req.tenant)}?klaar=opgeslagen`, 303);
    },
  );

  async function edit(req: TenantRequest, reply: FastifyReply, id: string, shown?: Shown) {
    const synonym = await getSynonym(req.db, req.principal, req.tenant.id, id);
    return reply.page(
      <SynonymEditPage
        ctx={req.viewContext()}
        base={base(req.tenant)}
        synonym={synonym}
        {...(shown ? { errors: shown.errors, values: shownValues(shown.values) } : {})}
      />,
      {
        title: req.t('socialmap.synonyms.editTitle', { word: synonym.word }),
        status: shown?.status ?? 200,
        breadcrumbs: [...crumbs(req.tenant), { href: base(req.tenant), label: req.t('socialmap.synonyms.title') }],
      },
    );
  }

  route.get('/:tenant/sociale-kaart/beheer/zoekwoorden/:id', { policy: POLICY, params }, (req, reply) => edit(req, reply, req.params.id));

  route.post(
    '/:tenant/sociale-kaart/beheer/zoekwoorden/:id',
    {
      policy: POLICY,
      params,
      form: synonymForm,
      invalid: (req, reply, errors, values, status) => edit(req, reply, req.params.id, { errors, values, status }),
    },
    async (req, reply) => {
      await saveSynonym(
        req.db,
        req.tenant.id,
        { id: req.params.id, word: req.body.word, alternatives: req.body.alternatives },
        actorFrom(req, app.clock.now()),
      );
      return reply.redirect(`${base(req.tenant)}?klaar=opgeslagen`, 303);
    },
  );

  route.post(
    '/:tenant/sociale-kaart/beheer/zoekwoorden/:id/weghalen',
    { policy: POLICY, params, form: z.object({}) },
    async (req, reply) => {
      await deleteSynonym(req.db, req.tenant.id, req.params.id, actorFrom(req, app.clock.now()));
      return reply.redirect(`${base(req.tenant)}?klaar=weg`, 303);
    },
  );
}
