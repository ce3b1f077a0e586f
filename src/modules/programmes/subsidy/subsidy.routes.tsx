import './subsidy.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { decisionForm, listQuery, proposalForm, proposalParam } from './subsidy.schemas.ts';
import { decideProposal, getProposal, listProposals, mayAtAll, proposalChoices, submitProposal } from './subsidy.service.ts';
import { ProposalFormPage, ProposalPage, SubsidyListPage } from './views/subsidy.tsx';

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
type Values = Record<string, string | string[]>;
const STAFF = { roles: ['professional', 'coordinator'] } as const;
const COORDINATOR = { roles: ['coordinator'] } as const;

/** Subsidy proposals checked against Groningen's six conditions: `/{tenant}/beheer/subsidies`. */
export async function subsidyRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get('/:tenant/beheer/subsidies', { policy: STAFF, query: listQuery }, async (req, reply) => {
    const rows = await listProposals(req.db, req.principal, req.tenant.id);
    const notice = req.query.klaar === 'ingediend' ? 'programmes.subsidy.submitted' : null;
    return reply.page(
      <SubsidyListPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        rows={rows}
        canSubmit={mayAtAll(req.principal, 'subsidy.submit', req.tenant.id)}
        notice={notice}
      />,
      { title: req.t('programmes.subsidy.title') },
    );
  });

  const formPage = async (
    req: TenantRequest,
    reply: FastifyReply,
    extra: { errors?: Record<string, string>; values?: Values; status?: number } = {},
  ) => {
    const choices = await proposalChoices(req.db, req.principal, req.tenant.id, req.locale);
    return reply.page(
      <ProposalFormPage ctx={req.viewContext()} slug={req.tenant.slug} choices={choices} errors={extra.errors} values={extra.values} />,
      {
        title: req.t('programmes.subsidy.form.title'),
        status: extra.status ?? 200,
      },
    );
  };

  route.get('/:tenant/beheer/subsidies/nieuw', { policy: STAFF }, async (req, reply) => formPage(req, reply));

  route.post(
    '/:tenant/beheer/subsidies',
    {
      policy: STAFF,
      form: proposalForm,
      invalid: (req, reply, errors, values, status) => formPage(req, reply, { errors, values, status }),
    },
    async (req, reply) => {
      const b = req.body;
      const id = await submitProposal(req.db, req.principal, req.tenant.id, {
        organisationId: b.organisationId,
        title: b.title,
        summary: b.summary,
        startYear: b.startYear,
        endYear: b.endYear,
        requestedCents: b.requested,
        goalIds: b.goalIds,
        areaCodes: b.areaCodes,
      });
      return reply.redirect(`/${req.tenant.slug}/beheer/subsidies/${id}?klaar=ingediend`, 303);
    },
  );

  const proposalPage = async (
    req: TenantRequest,
    reply: FastifyReply,
    id: string,
    extra: {
      notice?: 'programmes.subsidy.submitted' | 'programmes.subsidy.decided' | null;
      errors?: Record<string, string>;
      values?: Values;
      status?: number;
    } = {},
  ) => {
    const p = await getProposal(req.db, req.principal, req.tenant.id, id, req.locale);
    return reply.page(
      <ProposalPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        p={p}
        notice={extra.notice ?? null}
        errors={extra.errors}
        values={extra.values}
      />,
      {
        title: p.title,
        status: extra.status ?? 200,
        breadcrumbs: [
          { href: `/${req.tenant.slug}/`, label: req.tenant.name },
          { href: `/${req.tenant.slug}/beheer/subsidies`, label: req.t('programmes.subsidy.title') },
        ],
      },
    );
  };

  route.get('/:tenant/beheer/subsidies/:id', { policy: STAFF, params: proposalParam, query: listQuery }, async (req, reply) =>
    proposalPage(req, reply, req.params.id, {
      notice:
        req.query.klaar === 'ingediend'
          ? 'programmes.subsidy.submitted'
          : req.query.klaar === 'besloten'
            ? 'programmes.subsidy.decided'
            : null,
    }),
  );

  route.post(
    '/:tenant/beheer/subsidies/:id/besluit',
    {
      policy: COORDINATOR,
      params: proposalParam,
      form: decisionForm,
      invalid: (req, reply, errors, values, status) => proposalPage(req, reply, req.params.id, { errors, values, status }),
    },
    async (req, reply) => {
      await decideProposal(req.db, req.principal, req.tenant.id, req.params.id, req.body);
      return reply.redirect(`/${req.tenant.slug}/beheer/subsidies/${req.params.id}?klaar=besloten`, 303);
    },
  );
}
