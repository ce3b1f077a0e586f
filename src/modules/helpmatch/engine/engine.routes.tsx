import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { z } from 'zod';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError, BadRequest, NotFound } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { Principal } from '../../../platform/principal.ts';
import { getArea, listAreas } from '../../areas/areas.service.ts';
import { listMembers } from '../../people/people.service.ts';
import { respondToRequest } from '../matches/matches.service.ts';
import { getMyOffer } from '../offers/offers.service.ts';
import { listOpenRequestsForMatching } from './matching-data.service.ts';
import { actorOf, buurtOptions, COORDINATORS, matchCtx } from '../helpmatch.http.ts';
import { idParam, MAX } from '../helpmatch.schemas.ts';
import { isUuid } from '../../../platform/ids.ts';
import { proposeSuggestion, suggestionsForRequest, suggestionsForVolunteer } from './engine.service.ts';
import * as store from './engine.store.ts';
import { computeBatch, confirmBatch } from './batch.ts';
import { dashboardCsv, loadDashboard, PERIODS, type Period } from './dashboard.ts';
import { ForYouPage } from './views/for-you.tsx';
import { SuggestionListPage, SuggestionsPage } from './views/suggestions.tsx';
import { BatchDonePage, BatchPage } from './views/batch.tsx';
import { DashboardPage } from './views/dashboard.tsx';
import type { MessageKey } from '../../../platform/i18n/index.ts';

const COORDINATOR_PERSONAL = { roles: COORDINATORS, personalData: true } as const;
const proposeForm = z.object({ volunteer: z.string().min(1, 'helpmatch.engine.notSuggested') });
const batchForm = z.object({
  pair: z
    .union([z.string(), z.array(z.string())], { message: 'helpmatch.engine.batch.nothingChosen' })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(
      z
        .array(z.string().regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/i, 'helpmatch.engine.batch.nothingChosen'))
        .min(1, 'helpmatch.engine.batch.nothingChosen')
        .max(MAX.batchPairs),
    ),
});

/** A request in the path: one that is not a uuid is not found, with the engine's own message. */
const requestParams = { requestId: idParam };
function requestIdOf(requestId: string): string {
  if (!isUuid(requestId)) throw NotFound('helpmatch.engine.requestNotFound');
  return requestId;
}

const suggestionsQuery = z.object({ melding: z.string().optional().catch(undefined) });
/** `?berekenen=1` computes a proposal; anything else shows the intro. */
const batchQuery = z.object({ berekenen: z.string().optional().catch(undefined) });
/**
 * The dashboard's area (`gebied`, a code; empty: the whole municipality) and period (`periode`,
 * days; empty: 90). A value that does not fit becomes `false`: the page answers 400 with its own message.
 */
const dashboardQuery = z.object({
  gebied: z
    .unknown()
    .optional()
    .transform((v): string | null | false => (v === undefined || v === '' ? null : typeof v === 'string' && v.length <= 20 ? v : false)),
  periode: z
    .unknown()
    .optional()
    .transform((v): Period | false => {
      const n = v === undefined || v === '' ? 90 : typeof v === 'string' ? Number(v) : NaN;
      return PERIODS.find((p) => p === n) ?? false;
    }),
});

/** Pages of the matching engine: suggestions for volunteers and coordinators, the weekly batch and the dashboard. */
export async function engineRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  route.get('/:tenant/hulp/voor-u', { policy: 'signedIn' }, async (req, reply) => {
    const tenant = req.tenant;
    const now = app.clock.now();
    const [offer, items, buurten] = await Promise.all([
      getMyOffer(req.db, actorOf(req)),
      suggestionsForVolunteer(req.db, tenant.id, actorOf(req), now),
      buurtOptions(req.db, tenant.id),
    ]);
    return reply.page(
      <ForYouPage ctx={req.viewContext()} slug={tenant.slug} hasOffer={offer !== null} items={items} buurtNames={buurten.names} />,
      {
        title: req.t('helpmatch.engine.forYou.title'),
      },
    );
  });

  route.post(
    '/:tenant/hulp/voor-u/:requestId/helpen',
    { policy: 'signedIn', params: requestParams, form: z.object({}) },
    async (req, reply) => {
      const tenant = req.tenant;
      const m = await respondToRequest(req.db, matchCtx(app, tenant), actorOf(req), requestIdOf(req.params.requestId));
      return reply.redirect(`/${tenant.slug}/hulp/match/${m.id}?melding=gereageerd`, 303);
    },
  );

  route.get('/:tenant/hulp/suggesties', { policy: { roles: COORDINATORS } }, async (req, reply) => {
    const tenant = req.tenant;
    const [requests, buurten] = await Promise.all([listOpenRequestsForMatching(req.db, tenant.id), buurtOptions(req.db, tenant.id)]);
    const summaries = new Map(
      (
        await store.requestSummaries(
          req.db,
          tenant.id,
          requests.map((r) => r.id),
        )
      ).map((s) => [s.id, s.summary]),
    );
    const lines = requests
      .map((r) => ({
        id: r.id,
        summary: summaries.get(r.id) ?? '',
        category: r.category,
        helpType: r.helpType,
        buurt: (r.buurtCode && buurten.names.get(r.buurtCode)) || req.t('helpmatch.engine.unknownBuurt'),
        createdAt: r.createdAt,
      }))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    return reply.page(<SuggestionListPage ctx={req.viewContext()} slug={tenant.slug} requests={lines} />, {
      title: req.t('helpmatch.engine.suggest.listTitle'),
    });
  });

  const renderSuggestions = async (
    req: FastifyRequest & { tenant: RequestTenant },
    requestId: string,
    notice: MessageKey | null,
    errors?: Record<string, string>,
  ) => {
    const tenant = req.tenant;
    const { state, summary, suggestions, misfits } = await suggestionsForRequest(
      req.db,
      tenant.id,
      req.principal,
      requestId,
      app.clock.now(),
      {
        limit: 20,
      },
    );
    const names = new Map((await listMembers(req.db, tenant.id)).map((m) => [m.userId, m.name]));
    await recordAudit(req.db, {
      ...auditFrom(req),
      action: 'view',
      entity: 'help_suggestions',
      entityId: requestId,
      detail: { count: suggestions.length },
    });
    const lines = suggestions.map((s) => ({ ...s, name: names.get(s.userId) ?? '—' }));
    return (
      <SuggestionsPage
        ctx={req.viewContext()}
        slug={tenant.slug}
        requestId={requestId}
        summary={summary}
        open={state === 'open'}
        lines={lines}
        misfits={misfits.map((x) => ({ name: names.get(x.userId) ?? '—', misfits: x.misfits }))}
        notice={notice}
        {...(errors ? { errors } : {})}
      />
    );
  };

  route.get(
    '/:tenant/hulp/suggesties/:requestId',
    { policy: COORDINATOR_PERSONAL, params: requestParams, query: suggestionsQuery },
    async (req, reply) => {
      const notice = req.query.melding === 'voorgesteld' ? 'helpmatch.engine.suggest.proposed' : null;
      return reply.page(await renderSuggestions(req, requestIdOf(req.params.requestId), notice), {
        title: req.t('helpmatch.engine.suggest.title'),
      });
    },
  );

  route.post(
    '/:tenant/hulp/suggesties/:requestId',
    {
      policy: COORDINATOR_PERSONAL,
      params: requestParams,
      form: proposeForm,
      invalid: async (req, reply, errors) =>
        reply.page(await renderSuggestions(req, requestIdOf(req.params.requestId), null, errors), {
          title: req.t('helpmatch.engine.suggest.title'),
          status: 422,
        }),
    },
    async (req, reply) => {
      const tenant = req.tenant;
      const requestId = requestIdOf(req.params.requestId);
      let errors: Record<string, string>;
      try {
        await proposeSuggestion(req.db, matchCtx(app, tenant), actorOf(req), requestId, req.body.volunteer);
        return reply.redirect(`/${tenant.slug}/hulp/suggesties/${requestId}?melding=voorgesteld`, 303);
      } catch (err) {
        // Every refusal (not suggested, request no longer open, already matched) is told beside the volunteer, with 422.
        if (!(err instanceof AppError) || err.status >= 500 || err.status === 404) throw err;
        errors = err.fields
          ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, req.t(v)]))
          : { volunteer: req.t(err.message) };
      }
      return reply.page(await renderSuggestions(req, requestId, null, errors), {
        title: req.t('helpmatch.engine.suggest.title'),
        status: 422,
      });
    },
  );

  route.get('/:tenant/hulp/batch', { policy: COORDINATOR_PERSONAL, query: batchQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const run = req.query.berekenen === '1';
    const now = app.clock.now();
    const proposal = run ? await computeBatch(req.db, tenant.id, req.principal, now) : null;
    if (proposal) {
      await recordAudit(req.db, {
        ...auditFrom(req),
        action: 'view',
        entity: 'help_batch',
        entityId: null,
        detail: { count: proposal.items.length },
      });
    }
    const buurten = await buurtOptions(req.db, tenant.id);
    return reply.page(
      <BatchPage ctx={req.viewContext()} slug={tenant.slug} proposal={proposal} computedAt={run ? now : null} buurtNames={buurten.names} />,
      {
        title: req.t('helpmatch.engine.batch.title'),
      },
    );
  });

  route.post(
    '/:tenant/hulp/batch',
    {
      policy: COORDINATOR_PERSONAL,
      form: batchForm,
      invalid: async (req, reply, errors, _values, status) => {
        const buurten = await buurtOptions(req.db, req.tenant.id);
        return reply.page(
          <BatchPage
            ctx={req.viewContext()}
            slug={req.tenant.slug}
            proposal={null}
            computedAt={null}
            buurtNames={buurten.names}
            errors={errors}
          />,
          {
            title: req.t('helpmatch.engine.batch.title'),
            status,
          },
        );
      },
    },
    async (req, reply) => {
      const tenant = req.tenant;
      const pairs = req.body.pair.map((p) => {
        const [requestId = '', volunteerUserId = ''] = p.split(':');
        return { requestId, volunteerUserId };
      });
      const result = await confirmBatch(req.db, matchCtx(app, tenant), actorOf(req), pairs);
      return reply.page(<BatchDonePage ctx={req.viewContext()} slug={tenant.slug} created={result.created} skipped={result.skipped} />, {
        title: req.t('helpmatch.engine.batch.title'),
      });
    },
  );

  /** Area and period from the query; a 400 for an unknown area or period. */
  const dashboardOf = async (db: DbOrTrx, tenant: RequestTenant, principal: Principal, q: z.output<typeof dashboardQuery>) => {
    const period = q.periode;
    if (period === false) throw BadRequest('error.badRequest', { periode: 'form.invalidValue' });
    if (q.gebied === false) throw BadRequest('helpmatch.engine.dash.badArea');
    const code = q.gebied;
    const area = code ? await getArea(db, tenant.id, code) : null;
    if (code && (!area || area.level === 'municipality')) throw BadRequest('helpmatch.engine.dash.badArea');
    const dashboard = await loadDashboard(db, tenant, principal, {
      areaCode: code,
      ...(area ? { areaName: area.name } : {}),
      period,
      now: app.clock.now(),
    });
    return { dashboard, code };
  };

  route.get('/:tenant/hulp/dashboard', { policy: { roles: COORDINATORS }, query: dashboardQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const { dashboard, code } = await dashboardOf(req.db, tenant, req.principal, req.query);
    const [wijken, buurten] = await Promise.all([
      listAreas(req.db, tenant.id, { level: 'district' }),
      listAreas(req.db, tenant.id, { level: 'neighbourhood' }),
    ]);
    const areaOptions = [
      { value: '', label: req.t('helpmatch.engine.dash.wholeMunicipality') },
      ...wijken.flatMap((w) => [
        { value: w.code, label: w.name },
        ...buurten.filter((b) => b.parentCode === w.code).map((b) => ({ value: b.code, label: `– ${b.name}` })),
      ]),
    ];
    const query = `?${new URLSearchParams({ ...(code ? { gebied: code } : {}), periode: String(dashboard.period) }).toString()}`;
    return reply.page(
      <DashboardPage
        ctx={req.viewContext()}
        slug={tenant.slug}
        dashboard={dashboard}
        areaOptions={areaOptions}
        areaCode={code ?? ''}
        query={query}
      />,
      {
        title: req.t('helpmatch.engine.dash.title'),
      },
    );
  });

  route.get('/:tenant/hulp/dashboard.csv', { policy: { roles: COORDINATORS }, query: dashboardQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const { dashboard, code } = await dashboardOf(req.db, tenant, req.principal, req.query);
    const name = `hulp-${tenant.slug}${code ? `-${code}` : ''}-${dashboard.period}d.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(dashboardCsv(dashboard, req.t));
  });
}
