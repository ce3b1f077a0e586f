import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditFrom, recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError, BadRequest, NotFound } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { getArea, listAreas } from '../areas/areas.service.ts';
import { listMembers } from '../people/people.service.ts';
import { respondToRequest } from './service/matches.ts';
import { getMyOffer } from './service/offers.ts';
import { listOpenRequestsForMatching } from './service/matching-data.ts';
import { actorOf, buurtOptions, COORDINATORS, matchCtx } from './routes/shared.ts';
import { isUuid } from '../../platform/ids.ts';
import { proposeSuggestion, suggestionsForRequest, suggestionsForVolunteer } from './engine.service.ts';
import * as store from './engine.store.ts';
import { computeBatch, confirmBatch } from './batch.ts';
import { dashboardCsv, loadDashboard, PERIODS, type Period } from './dashboard.ts';
import { ForYouPage } from './views/engine/for-you.tsx';
import { SuggestionListPage, SuggestionsPage } from './views/engine/suggestions.tsx';
import { BatchDonePage, BatchPage } from './views/engine/batch.tsx';
import { DashboardPage } from './views/engine/dashboard.tsx';

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
        .max(5000),
    ),
});

function requestIdOf(req: FastifyRequest): string {
  const { requestId } = req.params as { requestId: string };
  if (!isUuid(requestId)) throw NotFound('helpmatch.engine.requestNotFound');
  return requestId;
}

/** Pages of the matching engine: suggestions for volunteers and coordinators, the weekly batch and the dashboard. */
export async function engineRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:tenant/hulp/voor-u', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const tenant = req.tenant!;
    const now = app.clock.now();
    const [offer, items, buurten] = await Promise.all([
      getMyOffer(app.db, tenant.id, req.user!.id),
      suggestionsForVolunteer(app.db, tenant.id, req.user!.id, now),
      buurtOptions(app.db, tenant.id),
    ]);
    return reply.page(
      <ForYouPage ctx={req.viewContext()} slug={tenant.slug} hasOffer={offer !== null} items={items} buurtNames={buurten.names} />,
      {
        title: req.t('helpmatch.engine.forYou.title'),
      },
    );
  });

  app.post('/:tenant/hulp/voor-u/:requestId/helpen', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const tenant = req.tenant!;
    const m = await respondToRequest(app.db, matchCtx(app, req), actorOf(req), requestIdOf(req));
    return reply.redirect(`/${tenant.slug}/hulp/match/${m.id}?melding=gereageerd`, 303);
  });

  app.get('/:tenant/hulp/suggesties', { config: { policy: { roles: COORDINATORS } } }, async (req, reply) => {
    const tenant = req.tenant!;
    const [requests, buurten] = await Promise.all([listOpenRequestsForMatching(app.db, tenant.id), buurtOptions(app.db, tenant.id)]);
    const summaries = new Map(
      (
        await store.requestSummaries(
          app.db,
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

  const renderSuggestions = async (req: FastifyRequest, notice: string | null, errors?: Record<string, string>) => {
    const tenant = req.tenant!;
    const requestId = requestIdOf(req);
    const { state, summary, suggestions } = await suggestionsForRequest(app.db, tenant.id, requestId, app.clock.now(), { limit: 20 });
    const names = new Map((await listMembers(app.db, tenant.id)).map((m) => [m.userId, m.name]));
    await recordAudit(app.db, {
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
        notice={notice}
        {...(errors ? { errors } : {})}
      />
    );
  };

  app.get('/:tenant/hulp/suggesties/:requestId', { config: { policy: COORDINATOR_PERSONAL } }, async (req, reply) => {
    const q = req.query as { melding?: string };
    const notice = q.melding === 'voorgesteld' ? 'helpmatch.engine.suggest.proposed' : null;
    return reply.page(await renderSuggestions(req, notice), { title: req.t('helpmatch.engine.suggest.title') });
  });

  app.post('/:tenant/hulp/suggesties/:requestId', { config: { policy: COORDINATOR_PERSONAL } }, async (req, reply) => {
    const tenant = req.tenant!;
    const requestId = requestIdOf(req);
    const form = parseForm(proposeForm, req.body, req.t);
    let errors: Record<string, string>;
    if (form.ok) {
      try {
        await proposeSuggestion(app.db, matchCtx(app, req), actorOf(req), requestId, form.data.volunteer);
        return reply.redirect(`/${tenant.slug}/hulp/suggesties/${requestId}?melding=voorgesteld`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500 || err.status === 404) throw err;
        errors = err.fields
          ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, req.t(v)]))
          : { volunteer: req.t(err.message) };
      }
    } else {
      errors = form.errors;
    }
    return reply.page(await renderSuggestions(req, null, errors), { title: req.t('helpmatch.engine.suggest.title'), status: 422 });
  });

  app.get('/:tenant/hulp/batch', { config: { policy: COORDINATOR_PERSONAL } }, async (req, reply) => {
    const tenant = req.tenant!;
    const run = (req.query as { berekenen?: string }).berekenen === '1';
    const now = app.clock.now();
    const proposal = run ? await computeBatch(app.db, tenant.id, now) : null;
    if (proposal) {
      await recordAudit(app.db, {
        ...auditFrom(req),
        action: 'view',
        entity: 'help_batch',
        entityId: null,
        detail: { count: proposal.items.length },
      });
    }
    const buurten = await buurtOptions(app.db, tenant.id);
    return reply.page(
      <BatchPage ctx={req.viewContext()} slug={tenant.slug} proposal={proposal} computedAt={run ? now : null} buurtNames={buurten.names} />,
      {
        title: req.t('helpmatch.engine.batch.title'),
      },
    );
  });

  app.post('/:tenant/hulp/batch', { config: { policy: COORDINATOR_PERSONAL } }, async (req, reply) => {
    const tenant = req.tenant!;
    const form = parseForm(batchForm, req.body, req.t);
    if (!form.ok) {
      const buurten = await buurtOptions(app.db, tenant.id);
      return reply.page(
        <BatchPage
          ctx={req.viewContext()}
          slug={tenant.slug}
          proposal={null}
          computedAt={null}
          buurtNames={buurten.names}
          errors={form.errors}
        />,
        {
          title: req.t('helpmatch.engine.batch.title'),
          status: 422,
        },
      );
    }
    const pairs = form.data.pair.map((p) => {
      const [requestId, volunteerUserId] = p.split(':') as [string, string];
      return { requestId, volunteerUserId };
    });
    const result = await confirmBatch(app.db, matchCtx(app, req), actorOf(req), pairs);
    return reply.page(<BatchDonePage ctx={req.viewContext()} slug={tenant.slug} created={result.created} skipped={result.skipped} />, {
      title: req.t('helpmatch.engine.batch.title'),
    });
  });

  /** Area and period from the query; a 400 for an unknown area or period. */
  const dashboardQuery = async (req: FastifyRequest) => {
    const tenant = req.tenant!;
    const q = req.query as { gebied?: unknown; periode?: unknown };
    const period = (q.periode === undefined || q.periode === '' ? 90 : typeof q.periode === 'string' ? Number(q.periode) : NaN) as Period;
    if (!PERIODS.includes(period)) throw BadRequest('error.badRequest', { periode: 'form.invalidValue' });
    if (q.gebied !== undefined && (typeof q.gebied !== 'string' || q.gebied.length > 20)) throw BadRequest('helpmatch.engine.dash.badArea');
    const code = q.gebied ? q.gebied : null;
    const area = code ? await getArea(app.db, tenant.id, code) : null;
    if (code && (!area || area.level === 'municipality')) throw BadRequest('helpmatch.engine.dash.badArea');
    const dashboard = await loadDashboard(app.db, tenant, {
      areaCode: code,
      ...(area ? { areaName: area.name } : {}),
      period,
      now: app.clock.now(),
    });
    return { dashboard, code };
  };

  app.get('/:tenant/hulp/dashboard', { config: { policy: { roles: COORDINATORS } } }, async (req, reply) => {
    const tenant = req.tenant!;
    const { dashboard, code } = await dashboardQuery(req);
    const [wijken, buurten] = await Promise.all([
      listAreas(app.db, tenant.id, { level: 'district' }),
      listAreas(app.db, tenant.id, { level: 'neighbourhood' }),
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

  app.get('/:tenant/hulp/dashboard.csv', { config: { policy: { roles: COORDINATORS } } }, async (req, reply) => {
    const tenant = req.tenant!;
    const { dashboard, code } = await dashboardQuery(req);
    const name = `hulp-${tenant.slug}${code ? `-${code}` : ''}-${dashboard.period}d.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(dashboardCsv(dashboard, req.t));
  });
}
