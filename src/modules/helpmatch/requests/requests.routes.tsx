import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { distanceMeters } from '../../../platform/geo.ts';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { routes } from '../../../platform/http/route.ts';
import { listMembers } from '../../people/people.service.ts';
import { createRequest, viewRequest, withdrawRequest } from './requests.service.ts';
import { nobodyYet } from './nobody.service.ts';
import { getMyOffer, listOffersForCoordinator, listLatentContacts } from '../offers/offers.service.ts';
import { listMyMatches, summarise } from '../matches/details.service.ts';
import { type MatchRow } from '../matches/matches.store.ts';
import { respondToRequest } from '../matches/matches.service.ts';
import { idParam, requestForm } from '../helpmatch.schemas.ts';
import { categoryLabelKey, distanceBandKey } from '../categories.ts';
import { RequestFormPage, type AskStep } from './views/request-form.tsx';
import { RequestPage } from './views/request-page.tsx';
import { actorOf, buurtOptions, mapCenterOf, matchCtx, MEMBERS, noticeOf, noticeQuery } from '../helpmatch.http.ts';
import { can } from '../policies.ts';

/** Asking for help (also on behalf of someone), a request's page, withdrawing and responding. */
export async function requestRoutes(app: FastifyInstance): Promise<void> {
  const policy = { roles: MEMBERS };

  const route = routes(app);
  const params = { id: idParam };

  /** Step 1 (no `soort`) asks one-off or weekly; step 2 is the form (the query keeps it working without JavaScript). */
  const askQuery = z.object({
    soort: z.enum(['eenmalig', 'wekelijks']).optional().catch(undefined),
    voor: z.enum(['zelf', 'ander']).optional().catch(undefined),
    verder: z.string().optional().catch(undefined),
  });
  route.get('/:tenant/hulp/vragen/nieuw', { policy, query: askQuery }, async (req, reply) => {
    const { soort, voor } = req.query;
    const mayOnBehalf = can(req.principal, 'request.createOnBehalf');
    const step: AskStep = soort
      ? { step: 'details', kind: soort === 'wekelijks' ? 'weekly' : 'once', forWhom: voor === 'ander' && mayOnBehalf ? 'other' : 'self' }
      : { step: 'kind' };
    // "Verder" without a choice: step 1 again, with the message beside the question.
    const errors = !soort && req.query.verder !== undefined ? { soort: req.t('helpmatch.ask.kindRequired') } : undefined;
    return reply.page(
      <RequestFormPage
        ctx={req.viewContext()}
        step={step}
        values={{}}
        errors={errors}
        mayOnBehalf={mayOnBehalf}
        mapCenter={await mapCenterOf(req.db, req.tenant.id)}
      />,
      {
        title: req.t('helpmatch.ask.title'),
        breadcrumbs: [{ href: `/${req.tenant.slug}/hulp`, label: req.t('helpmatch.title') }],
        ...(errors ? { status: 422 } : {}),
      },
    );
  });

  route.post(
    '/:tenant/hulp/vragen/nieuw',
    {
      policy,
      form: requestForm,
      // Everything typed is kept; the message stands beside its field (also the geocoder's, beside postcode or address).
      invalid: async (req, reply, errors, values, status) =>
        reply.page(
          <RequestFormPage
            ctx={req.viewContext()}
            step={{
              step: 'details',
              kind: values.scheduleKind === 'weekly' ? 'weekly' : 'once',
              forWhom: values.forWhom === 'other' ? 'other' : 'self',
            }}
            values={values}
            errors={errors}
            mayOnBehalf={can(req.principal, 'request.createOnBehalf')}
            mapCenter={await mapCenterOf(req.db, req.tenant.id)}
          />,
          {
            title: req.t('helpmatch.ask.title'),
            status,
          },
        ),
    },
    async (req, reply) => {
      const tenant = req.tenant;
      const d = req.body;
      const onBehalf = d.forWhom === 'other' ? { name: d.subjectName!, phone: d.subjectPhone, email: d.subjectEmail } : null;
      const { id, note } = await createRequest(
        req.db,
        tenant.id,
        actorOf(req),
        {
          category: d.category,
          helpType: d.helpType,
          summary: d.summary,
          remarks: d.remarks,
          schedule:
            d.scheduleKind === 'once' ? { kind: 'once', date: d.date!, from: d.from!, to: d.to! } : { kind: 'weekly', slots: d.slots },
          address: d.address,
          postcode: d.postcode,
          lon: d.lon,
          lat: d.lat,
          buurtCode: d.buurt,
          radiusM: d.radius,
          urgency: d.urgency,
          vulnerable: d.vulnerable,
          onBehalf,
        },
        app.clock.now(),
      );
      // Placed from the middle of a postcode area (the PC4 fallback): say so on the next page.
      const coarse = note?.key === 'areas.geocode.note.pc4' ? `&pc4=${encodeURIComponent(note.params.pc4 ?? '')}` : '';
      return reply.redirect(`/${tenant.slug}/hulp/vragen/${id}?melding=vraag-verstuurd${coarse}`, 303);
    },
  );

  route.get(
    '/:tenant/hulp/vragen/:id',
    {
      policy: { roles: MEMBERS, personalData: true },
      params,
      query: noticeQuery.extend({
        pc4: z
          .string()
          .regex(/^\d{4}$/)
          .optional()
          .catch(undefined),
      }),
    },
    async (req, reply) => {
      const tenant = req.tenant;
      const actor = actorOf(req);
      const { id } = req.params;
      // The summary for every member; private details and matches for the asking side and coordinators (requests.service.ts).
      const view = await viewRequest(req.db, actor, tenant.id, id);
      const { request: r, isOwner, privateInfo } = view;
      // The coordinator's view: every match (also suggestions) and the volunteers to propose.
      const isCoord = view.isCoordinator;
      const buurten = await buurtOptions(req.db, tenant.id);
      const myOffer = await getMyOffer(req.db, actor);
      const band = myOffer && !isOwner ? req.t(distanceBandKey(Math.round(distanceMeters(myOffer, r)))) : null;
      const details = await listMyMatches(req.db, actor);
      const mine = details.find(
        (m) =>
          m.request.id === r.id &&
          m.role === 'volunteer' &&
          ['suggested', 'proposed', 'awaiting_requester', 'accepted', 'done', 'not_chosen'].includes(m.match.state),
      );
      let matches: { id: string; state: MatchRow['state']; firstName: string }[] | null = null;
      let volunteers: { userId: string; label: string }[] | null = null;
      if (view.matches) {
        const members = new Map((await listMembers(req.db, tenant.id)).map((m) => [m.userId, m.name]));
        matches = view.matches.map((m) => ({
          id: m.id,
          state: m.state,
          firstName: (members.get(m.volunteer_user_id ?? '') ?? '?').split(/\s+/)[0] ?? '?',
        }));
        if (isCoord) {
          const offers = (await listOffersForCoordinator(req.db, tenant.id, actor, true)).filter((o) => o.user_id !== r.requester_user_id);
          const fitting = offers.filter((o) => o.categories.includes(r.category));
          volunteers = (fitting.length > 0 ? fitting : offers).map((o) => ({
            userId: o.user_id,
            label: `${members.get(o.user_id) ?? '?'} – ${buurten.names.get(o.buurt_code ?? '') ?? '?'} – ${req.t(distanceBandKey(Math.round(distanceMeters(o, r))))}`,
          }));
          // Latent help contacts of the request's buurt ("aanspreekpunt in de straat"), first for a latent request.
          const withOffer = new Set(offers.map((o) => o.user_id));
          const latent = r.buurt_code
            ? (await listLatentContacts(req.db, tenant.id, actor, { buurtCodes: [r.buurt_code] })).filter(
                (l) => !withOffer.has(l.user_id) && l.user_id !== r.requester_user_id,
              )
            : [];
          const latentOptions = latent.map((l) => ({
            userId: l.user_id,
            label: `${members.get(l.user_id) ?? '?'} – ${req.t('helpmatch.mine.latent')} ${buurten.names.get(l.buurt_code) ?? ''}`,
          }));
          volunteers = r.help_type === 'latent' ? [...latentOptions, ...volunteers] : [...volunteers, ...latentOptions];
        }
        if (!isOwner) await recordAudit(req.db, { ...auditFrom(req), action: 'view', entity: 'help_request', entityId: r.id });
      }
      const summary = summarise(r);
      return reply.page(
        <RequestPage
          ctx={req.viewContext()}
          request={summary}
          buurtName={buurten.names.get(r.buurt_code ?? '') ?? null}
          band={band}
          needsVog={r.help_type === 'structural' || r.vulnerable}
          notice={noticeOf(req.query)}
          privateInfo={
            privateInfo
              ? {
                  address: privateInfo.address,
                  remarks: privateInfo.remarks,
                  subjectName: privateInfo.subject_name,
                  subjectPhone: privateInfo.subject_phone,
                  subjectEmail: privateInfo.subject_email,
                }
              : null
          }
          matches={matches}
          canWithdraw={!!privateInfo && (r.state === 'open' || r.state === 'matched')}
          canRespond={!isOwner && !mine && r.state === 'open'}
          myMatchId={mine?.match.id ?? null}
          volunteers={volunteers}
          nobodyYet={isOwner && nobodyYet(r, app.clock.now(), app.config.helpNobodyFoundDays)}
          coarsePc4={isOwner ? (req.query.pc4 ?? null) : null}
        />,
        {
          title: req.t('helpmatch.request.title', { category: req.t(categoryLabelKey(r.category)) }),
          breadcrumbs: [{ href: `/${tenant.slug}/hulp`, label: req.t('helpmatch.title') }],
        },
      );
    },
  );

  route.post('/:tenant/hulp/vragen/:id/intrekken', { policy, params, form: z.object({}) }, async (req, reply) => {
    const { id } = req.params;
    await withdrawRequest(req.db, req.tenant.id, actorOf(req), id, app.clock.now());
    return reply.redirect(`/${req.tenant.slug}/hulp/vragen/${id}?melding=ingetrokken`, 303);
  });

  route.post('/:tenant/hulp/vragen/:id/reageren', { policy, params, form: z.object({}) }, async (req, reply) => {
    const m = await respondToRequest(req.db, matchCtx(app, req.tenant), actorOf(req), req.params.id);
    return reply.redirect(`/${req.tenant.slug}/hulp/match/${m.id}?melding=gereageerd`, 303);
  });
}
