import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseForm } from '../../../platform/http/forms.ts';
import * as hm from '../helpmatch.service.ts';
import { feedbackForm, hoursForm, messageForm, reportForm } from '../helpmatch.schemas.ts';
import { MatchPage } from '../views/match-page.tsx';
import { actorOf, buurtOptions, formErrorsOf, matchCtx, MEMBERS, noticeOf } from './shared.ts';

/** The match page and its actions: accept, decline, cancel, no-show, messages, hours, feedback, report. */
export async function matchRoutes(app: FastifyInstance): Promise<void> {
  const view = { policy: { roles: MEMBERS, personalData: true } };
  const act = { policy: { roles: MEMBERS } };
  const path = (req: FastifyRequest, id: string) => `/${req.tenant!.slug}/hulp/match/${id}`;

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: Record<string, string>; values?: Record<string, string>; status?: number } = {},
  ) {
    const d = await hm.getMatchDetails(app.db, req.tenant!.id, actorOf(req), id);
    const buurten = await buurtOptions(app.db, req.tenant!.id);
    return reply.page(
      <MatchPage
        ctx={req.viewContext()}
        d={d}
        buurtName={buurten.names.get(d.request.buurtCode ?? '') ?? null}
        notice={noticeOf(req.query)}
        errors={extra.errors}
        values={extra.values ?? {}}
      />,
      {
        title: req.t('helpmatch.match.title', { category: req.t(`helpmatch.category.${d.request.category}`) }),
        breadcrumbs: [{ href: `/${req.tenant!.slug}/hulp`, label: req.t('helpmatch.title') }],
        ...(extra.status ? { status: extra.status } : {}),
      },
    );
  }

  app.get('/:tenant/hulp/match/:id', { config: view }, async (req, reply) => render(req, reply, (req.params as { id: string }).id));

  /** A button action: run it, then back to the match page with a notice. */
  function button(suffix: string, notice: string, run: (req: FastifyRequest, id: string) => Promise<unknown>) {
    app.post(`/:tenant/hulp/match/:id/${suffix}`, { config: act }, async (req, reply) => {
      const { id } = req.params as { id: string };
      await run(req, id);
      return reply.redirect(`${path(req, id)}?melding=${notice}`, 303);
    });
  }
  button('accepteren', 'aangenomen', (req, id) => hm.acceptMatch(app.db, matchCtx(app, req), actorOf(req), id));
  button('afwijzen', 'afgewezen', (req, id) => hm.declineMatch(app.db, matchCtx(app, req), actorOf(req), id));
  button('annuleren', 'geannuleerd', (req, id) => hm.endMatch(app.db, matchCtx(app, req), actorOf(req), id, 'cancelled'));
  button('niet-gekomen', 'niet-gekomen', (req, id) => hm.endMatch(app.db, matchCtx(app, req), actorOf(req), id, 'no_show'));
  button('uren-bevestigen', 'uren-bevestigd', (req, id) => hm.confirmHours(app.db, matchCtx(app, req), actorOf(req), id));
  button('voorleggen', 'voorgesteld', (req, id) => hm.proposeMatch(app.db, matchCtx(app, req), actorOf(req), id));

  /** A form action: validate, run, or show the match page again with the errors. */
  function formAction<S extends z.ZodType>(
    suffix: string,
    notice: string,
    schema: S,
    run: (req: FastifyRequest, id: string, data: z.infer<S>) => Promise<unknown>,
  ) {
    app.post(`/:tenant/hulp/match/:id/${suffix}`, { config: act }, async (req, reply) => {
      const { id } = req.params as { id: string };
      const values = Object.fromEntries(
        Object.entries((req.body ?? {}) as Record<string, unknown>).filter(([k, v]) => k !== '_csrf' && typeof v === 'string'),
      ) as Record<string, string>;
      const form = parseForm(schema, req.body, req.t);
      if (!form.ok) return render(req, reply, id, { errors: form.errors, values, status: 422 });
      try {
        await run(req, id, form.data);
      } catch (err) {
        const { status, errors } = formErrorsOf(err, req.t);
        return render(req, reply, id, { errors, values, status });
      }
      return reply.redirect(`${path(req, id)}?melding=${notice}`, 303);
    });
  }
  formAction('bericht', 'bericht-verstuurd', messageForm, (req, id, d) =>
    hm.postMessage(app.db, matchCtx(app, req), actorOf(req), id, d.body),
  );
  formAction('uren', 'uren-doorgegeven', hoursForm, (req, id, d) => hm.recordHours(app.db, matchCtx(app, req), actorOf(req), id, d.hours));
  formAction('ervaring', 'ervaring-opgeslagen', feedbackForm, (req, id, d) =>
    hm.giveFeedback(app.db, matchCtx(app, req), actorOf(req), id, d.feedback, d.rating),
  );
  formAction('melden', 'gemeld', reportForm, (req, id, d) =>
    hm.reportUser(app.db, req.tenant!.id, actorOf(req), id, d.reason, app.clock.now()),
  );
}
