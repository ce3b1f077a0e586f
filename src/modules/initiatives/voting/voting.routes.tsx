import './voting.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import { ballotQuery, codesForm, roundParam, voteForm } from './voting.schemas.ts';
import { ballotPage, castVote, codesPage, generateVoteCodes, listRounds, resultsPage } from './voting.service.ts';
import { BallotPage, RoundList, type BallotFormState } from './views/ballot-page.tsx';
import { CodesPage, CodesPrint, ResultsPage, type CodesFormState } from './views/results-page.tsx';

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
type Values = Record<string, string | string[]>;
const one = (v: Values, k: string, max: number) => {
  const x = v[k];
  return typeof x === 'string' ? x.slice(0, max) : '';
};
const many = (v: Values, k: string) => {
  const x = v[k];
  return (Array.isArray(x) ? x : typeof x === 'string' ? [x] : []).slice(0, 100);
};
const COORDINATOR = { roles: ['coordinator'] } as const;
const nameOf = (req: FastifyRequest, r: { nameNl: string; nameEn: string }) => (req.locale === 'en' && r.nameEn ? r.nameEn : r.nameNl);

/**
 * Voting on initiatives: `/{tenant}/initiatieven/stemmen` (rounds), `…/{round}` (the ballot, public:
 * a paper code or a resident's account), `…/{round}/uitslag` (results after the window) and
 * `/{tenant}/beheer/initiatieven/stemcodes/{round}` (the coordinator prints a batch of paper codes).
 */
export async function votingRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const secret = app.config.sessionSecret;
  const base = (req: TenantRequest) => `/${req.tenant.slug}/initiatieven/stemmen`;
  const crumbs = (req: TenantRequest) => [
    { href: `/${req.tenant.slug}/`, label: req.tenant.name },
    { href: base(req), label: req.t('initiatives.voting.list.title') },
  ];

  const renderBallot = async (
    req: TenantRequest & { params: { round: string } },
    reply: FastifyReply,
    form?: BallotFormState,
    status = 200,
    voted = false,
  ) => {
    const model = await ballotPage(req.db, req.principal, secret, req.tenant.id, req.params.round);
    return reply.page(<BallotPage ctx={req.viewContext()} slug={req.tenant.slug} model={model} form={form} voted={voted} />, {
      title: req.t('initiatives.voting.ballot.title', { name: nameOf(req, model.round) }),
      status,
      breadcrumbs: crumbs(req),
    });
  };

  route.get('/:tenant/initiatieven/stemmen', { policy: 'public' }, async (req, reply) => {
    const rounds = await listRounds(req.db, req.principal, req.tenant.id);
    const coordinator = req.principal.roles.includes('coordinator');
    return reply.page(<RoundList ctx={req.viewContext()} slug={req.tenant.slug} rounds={rounds} coordinator={coordinator} />, {
      title: req.t('initiatives.voting.list.title'),
    });
  });

  route.get('/:tenant/initiatieven/stemmen/:round', { policy: 'public', params: roundParam, query: ballotQuery }, (req, reply) =>
    renderBallot(req, reply, undefined, 200, req.query.klaar === 'gestemd'),
  );

  route.post(
    '/:tenant/initiatieven/stemmen/:round',
    {
      policy: 'public',
      params: roundParam,
      form: voteForm,
      invalid: (req, reply, errors, values, status) =>
        renderBallot(
          req,
          reply,
          {
            values: { choices: many(values, 'choices'), code: one(values, 'code', 40), area: one(values, 'area', 20) },
            errors: errors as FieldErrors,
          },
          status,
        ),
    },
    async (req, reply) => {
      await castVote(req.db, req.principal, secret, {
        tenantId: req.tenant.id,
        roundId: req.params.round,
        choices: req.body.choices,
        code: req.body.code,
        area: req.body.area,
      });
      return reply.redirect(`${base(req)}/${req.params.round}?klaar=gestemd`, 303);
    },
  );

  route.get('/:tenant/initiatieven/stemmen/:round/uitslag', { policy: 'public', params: roundParam }, async (req, reply) => {
    const model = await resultsPage(req.db, req.principal, req.tenant.id, req.params.round);
    return reply.page(<ResultsPage ctx={req.viewContext()} model={model} />, {
      title: req.t('initiatives.voting.results.title', { name: nameOf(req, model.round) }),
      breadcrumbs: crumbs(req),
    });
  });

  const renderCodes = async (
    req: TenantRequest & { params: { round: string } },
    reply: FastifyReply,
    form?: CodesFormState,
    status = 200,
  ) => {
    const model = await codesPage(req.db, req.principal, req.tenant.id, req.params.round);
    return reply.page(<CodesPage ctx={req.viewContext()} slug={req.tenant.slug} model={model} form={form} />, {
      title: req.t('initiatives.voting.codes.title', { name: nameOf(req, model.round) }),
      status,
      breadcrumbs: crumbs(req),
    });
  };

  route.get('/:tenant/beheer/initiatieven/stemcodes/:round', { policy: COORDINATOR, params: roundParam }, (req, reply) =>
    renderCodes(req, reply),
  );

  route.post(
    '/:tenant/beheer/initiatieven/stemcodes/:round',
    {
      policy: COORDINATOR,
      params: roundParam,
      form: codesForm,
      invalid: (req, reply, errors, values, status) =>
        renderCodes(
          req,
          reply,
          { values: { count: one(values, 'count', 6), area: one(values, 'area', 20) }, errors: errors as FieldErrors },
          status,
        ),
    },
    async (req, reply) => {
      const { round, codes } = await generateVoteCodes(req.db, req.principal, {
        tenantId: req.tenant.id,
        roundId: req.params.round,
        count: req.body.count,
        areaCode: req.body.area,
      });
      reply.header('cache-control', 'no-store');
      const voteUrl = `${app.config.baseUrl}${base(req)}/${round.id}`;
      return reply.page(<CodesPrint ctx={req.viewContext()} round={round} codes={codes} voteUrl={voteUrl} />, {
        title: req.t('initiatives.voting.codes.printTitle', { name: nameOf(req, round) }),
      });
    },
  );
}
