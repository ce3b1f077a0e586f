import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { getMatchDetails } from './details.service.ts';
import { acceptMatch, declineMatch, endMatch, proposeMatch } from './matches.service.ts';
import { confirmHours, postMessage, recordHours, giveFeedback } from './followup.service.ts';
import { acceptHelper, declineHelper } from './choose.service.ts';
import { confirmWeek, endArrangement, recordWeekHours } from './sessions.service.ts';
import { reportUser } from '../safety/safety.service.ts';
import { feedbackForm, hoursForm, idParam, messageForm, reportForm, weekForm } from '../helpmatch.schemas.ts';
import { MatchPage } from './views/match-page.tsx';
import { actorOf, buurtOptions, matchCtx, MEMBERS, noticeOf, noticeQuery, singleValues } from '../helpmatch.http.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { categoryLabelKey } from '../categories.ts';

type MatchRequest = FastifyRequest & { tenant: RequestTenant };

/** The match page and its actions: accept, decline, the asking side's choice, cancel, no-show, messages, hours (per week for weekly help), ending weekly help, feedback, report. */
export async function matchRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const view = { roles: MEMBERS, personalData: true };
  const act = { roles: MEMBERS };
  const params = { id: idParam };
  const path = (tenant: RequestTenant, id: string) => `/${tenant.slug}/hulp/match/${id}`;

  async function render(
    req: MatchRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: MessageKey | null; errors?: Record<string, string>; values?: Record<string, string>; status?: number } = {},
  ) {
    const tenant = req.tenant;
    const d = await getMatchDetails(req.db, tenant.id, actorOf(req), id);
    const buurten = await buurtOptions(req.db, tenant.id);
    return reply.page(
      <MatchPage
        ctx={req.viewContext()}
        d={d}
        buurtName={buurten.names.get(d.request.buurtCode ?? '') ?? null}
        notice={extra.notice ?? null}
        errors={extra.errors}
        values={extra.values ?? {}}
      />,
      {
        title: req.t('helpmatch.match.title', { category: req.t(categoryLabelKey(d.request.category)) }),
        breadcrumbs: [{ href: `/${tenant.slug}/hulp`, label: req.t('helpmatch.title') }],
        ...(extra.status ? { status: extra.status } : {}),
      },
    );
  }

  route.get('/:tenant/hulp/match/:id', { policy: view, params, query: noticeQuery }, async (req, reply) =>
    render(req, reply, req.params.id, { notice: noticeOf(req.query) }),
  );

  /** A button action: run it, then back to the match page with a notice. */
  function button(suffix: string, notice: string, run: (req: MatchRequest, id: string) => Promise<unknown>) {
    route.post(`/:tenant/hulp/match/:id/${suffix}`, { policy: act, params, form: z.object({}) }, async (req, reply) => {
      const { id } = req.params;
      await run(req, id);
      return reply.redirect(`${path(req.tenant, id)}?melding=${notice}`, 303);
    });
  }
  button('accepteren', 'aangenomen', (req, id) => acceptMatch(req.db, matchCtx(app, req.tenant), actorOf(req), id));
  button('afwijzen', 'afgewezen', (req, id) => declineMatch(req.db, matchCtx(app, req.tenant), actorOf(req), id));
  button('annuleren', 'geannuleerd', (req, id) => endMatch(req.db, matchCtx(app, req.tenant), actorOf(req), id, 'cancelled'));
  button('niet-gekomen', 'niet-gekomen', (req, id) => endMatch(req.db, matchCtx(app, req.tenant), actorOf(req), id, 'no_show'));
  button('uren-bevestigen', 'uren-bevestigd', (req, id) => confirmHours(req.db, matchCtx(app, req.tenant), actorOf(req), id));
  button('voorleggen', 'voorgesteld', (req, id) => proposeMatch(req.db, matchCtx(app, req.tenant), actorOf(req), id));
  // The asking side chooses the volunteer who said yes (choose.service.ts); weekly help ends only when someone ends it.
  button('kiezen', 'gekozen', (req, id) => acceptHelper(req.db, matchCtx(app, req.tenant), actorOf(req), id));
  button('niet-kiezen', 'niet-gekozen', (req, id) => declineHelper(req.db, matchCtx(app, req.tenant), actorOf(req), id));
  button('beeindigen', 'beeindigd', (req, id) => endArrangement(req.db, matchCtx(app, req.tenant), actorOf(req), id));

  /** A form action: the form's schema, then run it, or show the match page again with the errors. */
  const formSpec = <S extends z.ZodType>(form: S) => ({
    policy: act,
    params,
    form,
    invalid: (
      req: MatchRequest & { params: { id: string } },
      reply: FastifyReply,
      errors: Record<string, string>,
      values: Record<string, string | string[]>,
      status: number,
    ) => render(req, reply, req.params.id, { errors, values: singleValues(values), status }),
  });
  const back = (req: MatchRequest & { params: { id: string } }, reply: FastifyReply, notice: string) =>
    reply.redirect(`${path(req.tenant, req.params.id)}?melding=${notice}`, 303);

  route.post('/:tenant/hulp/match/:id/bericht', formSpec(messageForm), async (req, reply) => {
    await postMessage(req.db, matchCtx(app, req.tenant), actorOf(req), req.params.id, req.body.body);
    return back(req, reply, 'bericht-verstuurd');
  });
  route.post('/:tenant/hulp/match/:id/uren', formSpec(hoursForm), async (req, reply) => {
    const ctx = matchCtx(app, req.tenant);
    // A weekly arrangement sends the week (sessions.service.ts); one-off help does not.
    if (req.body.week !== undefined) await recordWeekHours(req.db, ctx, actorOf(req), req.params.id, req.body.week, req.body.hours);
    else await recordHours(req.db, ctx, actorOf(req), req.params.id, req.body.hours);
    return back(req, reply, 'uren-doorgegeven');
  });
  route.post('/:tenant/hulp/match/:id/week-bevestigen', formSpec(weekForm), async (req, reply) => {
    await confirmWeek(req.db, matchCtx(app, req.tenant), actorOf(req), req.params.id, req.body.week);
    return back(req, reply, 'week-bevestigd');
  });
  route.post('/:tenant/hulp/match/:id/ervaring', formSpec(feedbackForm), async (req, reply) => {
    await giveFeedback(req.db, matchCtx(app, req.tenant), actorOf(req), req.params.id, req.body.feedback, req.body.rating);
    return back(req, reply, 'ervaring-opgeslagen');
  });
  route.post('/:tenant/hulp/match/:id/melden', formSpec(reportForm), async (req, reply) => {
    await reportUser(req.db, req.tenant.id, actorOf(req), req.params.id, req.body.reason, app.clock.now());
    return back(req, reply, 'gemeld');
  });
}
