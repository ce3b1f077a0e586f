import './wijkschouw.messages.ts';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { Invalid } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { auditFrom } from '../../../platform/audit/audit.service.ts';
import { getArea, listAreas } from '../../areas/areas.service.ts';
import { findCategoryByCode, listCategoryTree } from '../config/categories.service.ts';
import type { CategoryRow } from '../config/categories.store.ts';
import { categoryModel, categoryTree } from '../config/categories.presenter.ts';
import { findHardStop } from '../config/questions.ts';
import { ZONE } from '../../../platform/time.ts';
import * as ws from './wijkschouw.service.ts';
import {
  MAX_AREA_CODE,
  MAX_CATEGORY_CODE,
  MAX_DATE_INPUT,
  MAX_MEETING_POINT,
  MAX_PARTICIPANTS_INPUT,
  MAX_PERSON,
  MAX_TITLE,
  parseParticipants,
  participantForm,
  sessionForm,
  sessionIdParam,
  sessionQuery,
  sessionSignalForm,
} from './wijkschouw.schemas.ts';
import { participantView, sessionListItem, sessionSummary, sessionView } from './wijkschouw.presenter.ts';
import { CATEGORY_CODE_RE, MAX_LINE_INPUT, MAX_COORDINATE, MAX_DESCRIPTION, MAX_EMAIL, SUBMISSION_ID_RE } from '../signals.schemas.ts';
import { NewSessionPage, SummaryPage, WijkschouwListPage, type NewSessionValues } from './views/wijkschouw.tsx';
import { SessionPage, type SessionPageProps, type SignalValues } from './views/wijkschouw-session.tsx';
import { parseCoordinate, rawAnswers } from '../intake/form-input.ts';

/** Volunteers, professionals and coordinators; participants' names and e-mails are personal data, so staff need the second factor (volunteers have none). */
const POLICY = { roles: ['volunteer', 'professional', 'coordinator'], personalData: true } as const;
/** A button form: only the CSRF token. */
const noFields = z.object({});

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
type Values = Record<string, unknown>;
/** A submitted value cut at `max` characters, to show again ('' when missing or repeated). */
const cut = (values: Values, k: string, max: number) => {
  const v = values[k];
  return typeof v === 'string' ? v.slice(0, max) : '';
};

const emptySignal = (): SignalValues => ({
  description: '',
  address: '',
  lat: '',
  lon: '',
  contactName: '',
  contactEmail: '',
  answers: {},
  submissionId: randomUUID(),
});

/** Wijkschouw pages: list, new session, the session (add signals and participants), closing and the summary. */
export async function wijkschouwRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const base = (tenant: RequestTenant) => `/${tenant.slug}/meldingen/wijkschouw`;
  const links = (tenant: RequestTenant) => ({ baseUrl: app.config.baseUrl, tenantSlug: tenant.slug });
  const areaName = async (req: TenantRequest, code: string) => (await getArea(req.db, req.tenant.id, code))?.name ?? code;

  route.get('/:tenant/meldingen/wijkschouw', { policy: POLICY }, async (req, reply) => {
    const tenantId = req.tenant.id;
    const rows = await ws.listSessions(req.db, tenantId, req.principal);
    const names = new Map<string, string>();
    for (const code of new Set(rows.map((r) => r.area_code))) names.set(code, await areaName(req, code));
    const sessions = rows.map((r) => sessionListItem(r, names.get(r.area_code) ?? r.area_code));
    return reply.page(<WijkschouwListPage ctx={req.viewContext()} slug={req.tenant.slug} sessions={sessions} />, {
      title: req.t('signals.wijkschouw.title'),
    });
  });

  const areaOptions = async (req: TenantRequest) => {
    const tenantId = req.tenant.id;
    const [wijken, buurten] = await Promise.all([
      listAreas(req.db, tenantId, { level: 'district' }),
      listAreas(req.db, tenantId, { level: 'neighbourhood' }),
    ]);
    return wijken.flatMap((w) => [
      { value: w.code, label: req.t('signals.wijkschouw.form.wijk', { name: w.name }) },
      ...buurten
        .filter((b) => b.parentCode === w.code)
        .map((b) => ({ value: b.code, label: `— ${req.t('signals.wijkschouw.form.buurt', { name: b.name })}` })),
    ]);
  };
  const newPage = async (req: TenantRequest, reply: FastifyReply, values: NewSessionValues, errors?: Record<string, string>) =>
    reply.page(
      <NewSessionPage ctx={req.viewContext()} slug={req.tenant.slug} areas={await areaOptions(req)} values={values} errors={errors} />,
      {
        title: req.t('signals.wijkschouw.new'),
        status: errors ? 422 : 200,
        breadcrumbs: [{ href: base(req.tenant), label: req.t('signals.wijkschouw.title') }],
      },
    );

  route.get('/:tenant/meldingen/wijkschouw/nieuw', { policy: POLICY }, async (req, reply) => {
    const today = DateTime.fromJSDate(app.clock.now(), { zone: ZONE }).toFormat('dd-MM-yyyy');
    return newPage(req, reply, { title: '', areaCode: '', date: today, meetingPoint: '', participants: '' });
  });

  route.post(
    '/:tenant/meldingen/wijkschouw/nieuw',
    {
      policy: POLICY,
      form: sessionForm,
      invalid: (req, reply, errors, submitted) => {
        const values = {
          title: cut(submitted, 'title', MAX_TITLE),
          areaCode: cut(submitted, 'areaCode', MAX_AREA_CODE),
          date: cut(submitted, 'date', MAX_DATE_INPUT),
          meetingPoint: cut(submitted, 'meetingPoint', MAX_MEETING_POINT),
          participants: cut(submitted, 'participants', MAX_PARTICIPANTS_INPUT),
        };
        // The form only refuses an over-long list; any other message on it is the service's, about one line: say which.
        const raw = submitted.participants;
        if (errors.participants && typeof raw === 'string' && raw.length <= MAX_PARTICIPANTS_INPUT) {
          const line = parseParticipants(raw).error?.line;
          if (line) errors = { ...errors, participants: req.t('signals.wijkschouw.error.line', { line, message: errors.participants }) };
        }
        return newPage(req, reply, values, errors);
      },
    },
    async (req, reply) => {
      const id = await ws.createSession(req.db, {
        tenantId: req.tenant.id,
        ...req.body,
        principal: req.principal,
        ip: auditFrom(req).ip,
        now: app.clock.now(),
      });
      return reply.redirect(`${base(req.tenant)}/${id}`, 303);
    },
  );

  /** Render the session page; `extra` carries the chosen category, form values and errors. */
  type SessionExtra = Partial<Omit<SessionPageProps, 'category'>> & { category?: CategoryRow | null };
  const sessionPage = async (req: TenantRequest, reply: FastifyReply, id: string, extra: SessionExtra = {}, status = 200) => {
    const tenantId = req.tenant.id;
    const { session, canClose } = await ws.getSession(req.db, tenantId, id, req.principal);
    const [participants, summary, tree] = await Promise.all([
      ws.listParticipants(req.db, tenantId, session.id),
      sessionSummary(req.db, session),
      listCategoryTree(req.db, tenantId, { activeOnly: true, publicOnly: true }),
    ]);
    const props: SessionPageProps = {
      ctx: req.viewContext(),
      slug: req.tenant.slug,
      session: sessionView(session),
      areaName: summary.areaName,
      canClose,
      participants: participants.map(participantView),
      lines: summary.lines,
      values: emptySignal(),
      ...extra,
      tree: categoryTree(tree),
      category: extra.category ? categoryModel(extra.category) : null,
    };
    return reply.page(<SessionPage {...props} />, {
      title: session.title,
      status,
      breadcrumbs: [{ href: base(req.tenant), label: req.t('signals.wijkschouw.title') }],
    });
  };
  /** The category chosen by its code, when it may be used on a wijkschouw (active, not sensitive); else null. */
  const chosenCategory = async (req: TenantRequest, code: string) => {
    const c = CATEGORY_CODE_RE.test(code) ? await findCategoryByCode(req.db, req.tenant.id, code) : null;
    return c && c.active && !c.sensitive ? c : null;
  };
  /** The message for a category that cannot be used: sensitive ones are named as such. */
  const categoryError = async (req: TenantRequest, code: string) => {
    const known = CATEGORY_CODE_RE.test(code) ? await findCategoryByCode(req.db, req.tenant.id, code) : null;
    return { categorie: req.t(known?.sensitive ? 'signals.wijkschouw.error.sensitive' : 'signals.error.category') };
  };

  const sessionPath = '/:tenant/meldingen/wijkschouw/:id' as const;
  route.get(sessionPath, { policy: POLICY, params: sessionIdParam, query: sessionQuery }, async (req, reply) => {
    const code = req.query.categorie ?? '';
    const category = code ? await chosenCategory(req, code) : null;
    const added = req.query.toegevoegd ?? null;
    const errors = code && !category ? await categoryError(req, code) : undefined;
    return sessionPage(req, reply, req.params.id, { category, added, errors }, errors ? 422 : 200);
  });

  /** The signal form's values to show again, from what was submitted. */
  const signalValues = (submitted: Values, submissionId: string): SignalValues => ({
    description: cut(submitted, 'description', MAX_DESCRIPTION),
    address: cut(submitted, 'address', MAX_LINE_INPUT),
    lat: cut(submitted, 'lat', MAX_COORDINATE),
    lon: cut(submitted, 'lon', MAX_COORDINATE),
    contactName: cut(submitted, 'contactName', MAX_PERSON),
    contactEmail: cut(submitted, 'contactEmail', MAX_EMAIL),
    answers: rawAnswers(submitted),
    submissionId,
  });
  route.post(
    `${sessionPath}/meldingen`,
    {
      policy: POLICY,
      params: sessionIdParam,
      form: sessionSignalForm,
      // The form again with the messages (the service's names for the fields are the form's here); an unusable category first.
      invalid: async (req, reply, errors, submitted) => {
        const code = cut(submitted, 'category', MAX_CATEGORY_CODE);
        const category = await chosenCategory(req, code);
        if (!category) return sessionPage(req, reply, req.params.id, { errors: await categoryError(req, code) }, 422);
        const sent = cut(submitted, 'submissionId', 36);
        const values = signalValues(submitted, SUBMISSION_ID_RE.test(sent) ? sent : randomUUID());
        const fields = Object.fromEntries(
          Object.entries(errors).map(([k, v]) => [
            k === 'location' ? 'address' : k === 'email' ? 'contactEmail' : k === 'name' ? 'contactName' : k,
            v,
          ]),
        );
        return sessionPage(req, reply, req.params.id, { category, values, errors: fields }, 422);
      },
    },
    async (req, reply) => {
      const body = req.body;
      const category = await chosenCategory(req, body.category);
      if (!category) return sessionPage(req, reply, req.params.id, { errors: await categoryError(req, body.category) }, 422);
      const answers = rawAnswers(body);
      const hard = findHardStop(category.questions, answers);
      if (hard?.hardStop) {
        const values = { ...signalValues(body, body.submissionId), answers };
        return sessionPage(req, reply, req.params.id, { category, values, hardStop: hard.hardStop.message });
      }
      const lat = parseCoordinate(body.lat);
      const lon = parseCoordinate(body.lon);
      if (lat === 'bad' || lon === 'bad') throw Invalid({ lat: 'signals.error.coordinates' });
      const r = await ws.addSessionSignal(req.db, {
        tenantId: req.tenant.id,
        sessionId: req.params.id,
        principal: req.principal,
        serviceCode: category.service_code,
        description: body.description,
        address: body.address,
        latitude: lat,
        longitude: lon,
        contactName: body.contactName,
        contactEmail: body.contactEmail,
        answers,
        submissionId: body.submissionId,
        locale: req.locale,
        links: links(req.tenant),
        ip: auditFrom(req).ip,
        now: app.clock.now(),
      });
      return reply.redirect(`${base(req.tenant)}/${req.params.id}?toegevoegd=${r.publicId}#toegevoegd`, 303);
    },
  );

  route.post(
    `${sessionPath}/deelnemers`,
    {
      policy: POLICY,
      params: sessionIdParam,
      form: participantForm,
      invalid: (req, reply, errors) => sessionPage(req, reply, req.params.id, { participantErrors: errors }, 422),
    },
    async (req, reply) => {
      await ws.addParticipant(req.db, {
        tenantId: req.tenant.id,
        sessionId: req.params.id,
        principal: req.principal,
        ...req.body,
        ip: auditFrom(req).ip,
        now: app.clock.now(),
      });
      return reply.redirect(`${base(req.tenant)}/${req.params.id}#deelnemers`, 303);
    },
  );

  route.post(`${sessionPath}/afronden`, { policy: POLICY, params: sessionIdParam, form: noFields }, async (req, reply) => {
    await ws.closeSession(req.db, {
      tenantId: req.tenant.id,
      sessionId: req.params.id,
      principal: req.principal,
      locale: req.locale,
      links: links(req.tenant),
      ip: auditFrom(req).ip,
      now: app.clock.now(),
    });
    return reply.redirect(`${base(req.tenant)}/${req.params.id}/samenvatting`, 303);
  });

  route.get(`${sessionPath}/samenvatting`, { policy: POLICY, params: sessionIdParam }, async (req, reply) => {
    const tenantId = req.tenant.id;
    const { session } = await ws.getSession(req.db, tenantId, req.params.id, req.principal);
    const [summary, participants] = await Promise.all([sessionSummary(req.db, session), ws.listParticipants(req.db, tenantId, session.id)]);
    const title = req.t('signals.wijkschouw.summaryTitle', { title: session.title });
    return reply.page(
      <SummaryPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        session={sessionView(session)}
        areaName={summary.areaName}
        lines={summary.lines}
        sensitiveCount={summary.sensitiveCount}
        participantNames={participants.map((p) => p.name)}
      />,
      {
        title,
        breadcrumbs: [
          { href: base(req.tenant), label: req.t('signals.wijkschouw.title') },
          { href: `${base(req.tenant)}/${session.id}`, label: session.title },
        ],
      },
    );
  });
}
