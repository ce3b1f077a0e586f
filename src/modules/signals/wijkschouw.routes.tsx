import './wijkschouw.messages.ts';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { auditFrom } from '../../platform/audit/audit.service.ts';
import { getArea, listAreas } from '../areas/areas.service.ts';
import { findCategoryByCode, listCategoryTree } from './categories.service.ts';
import { findHardStop } from './questions.ts';
import { linkBase } from './signals.routes.tsx';
import { ZONE } from '../../platform/time.ts';
import * as ws from './wijkschouw.service.ts';
import { NewSessionPage, SummaryPage, WijkschouwListPage, type NewSessionValues } from './views/wijkschouw.tsx';
import { SessionPage, type SessionPageProps, type SignalValues } from './views/wijkschouw-session.tsx';
import { parseCoordinate, rawAnswers } from './form-input.ts';

/** Volunteers, professionals and coordinators; participants' names and e-mails are personal data, so staff need the second factor (volunteers have none). */
const POLICY = { roles: ['volunteer', 'professional', 'coordinator'], personalData: true } as const;
const str = (max: number) => z.string().max(max, 'signals.error.tooLong').optional().default('');

const sessionSchema = z.object({ title: str(500), areaCode: str(20), date: str(30), meetingPoint: str(1000), participants: str(20_000) });
const participantSchema = z.object({ name: str(500), role: str(500), email: str(500) });
const signalSchema = z.object({
  category: str(60),
  submissionId: z.string().regex(/^[0-9a-f-]{36}$/, 'form.invalidValue'),
  description: z.string().max(20_000, 'signals.error.descriptionTooLong').optional().default(''),
  address: str(500),
  lat: str(30),
  lon: str(30),
  contactName: str(500),
  contactEmail: str(500),
});

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
  const viewer = (req: FastifyRequest): ws.SessionViewer => ({ userId: req.user!.id, coordinator: req.roles.includes('coordinator') });
  const base = (req: FastifyRequest) => `/${req.tenant!.slug}/meldingen/wijkschouw`;
  const areaName = async (tenantId: string, code: string) => (await getArea(app.db, tenantId, code))?.name ?? code;
  const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;

  app.get('/:tenant/meldingen/wijkschouw', { config: { policy: POLICY } }, async (req, reply) => {
    const tenantId = req.tenant!.id;
    const rows = await ws.listSessions(app.db, tenantId, viewer(req));
    const names = new Map<string, string>();
    for (const code of new Set(rows.map((r) => r.area_code))) names.set(code, await areaName(tenantId, code));
    const sessions = rows.map((r) => ({ ...r, areaName: names.get(r.area_code) ?? r.area_code }));
    return reply.page(<WijkschouwListPage ctx={req.viewContext()} slug={req.tenant!.slug} sessions={sessions} />, {
      title: req.t('signals.wijkschouw.title'),
    });
  });

  const areaOptions = async (req: FastifyRequest) => {
    const tenantId = req.tenant!.id;
    const [wijken, buurten] = await Promise.all([
      listAreas(app.db, tenantId, { level: 'district' }),
      listAreas(app.db, tenantId, { level: 'neighbourhood' }),
    ]);
    return wijken.flatMap((w) => [
      { value: w.code, label: req.t('signals.wijkschouw.form.wijk', { name: w.name }) },
      ...buurten
        .filter((b) => b.parentCode === w.code)
        .map((b) => ({ value: b.code, label: `— ${req.t('signals.wijkschouw.form.buurt', { name: b.name })}` })),
    ]);
  };
  const newPage = async (req: FastifyRequest, reply: FastifyReply, values: NewSessionValues, errors?: Record<string, string>) =>
    reply.page(
      <NewSessionPage ctx={req.viewContext()} slug={req.tenant!.slug} areas={await areaOptions(req)} values={values} errors={errors} />,
      {
        title: req.t('signals.wijkschouw.new'),
        status: errors ? 422 : 200,
        breadcrumbs: [{ href: base(req), label: req.t('signals.wijkschouw.title') }],
      },
    );

  app.get('/:tenant/meldingen/wijkschouw/nieuw', { config: { policy: POLICY } }, async (req, reply) => {
    const today = DateTime.fromJSDate(app.clock.now(), { zone: ZONE }).toFormat('dd-MM-yyyy');
    return newPage(req, reply, { title: '', areaCode: '', date: today, meetingPoint: '', participants: '' });
  });

  app.post('/:tenant/meldingen/wijkschouw/nieuw', { config: { policy: POLICY } }, async (req, reply) => {
    const parsed = parseForm(sessionSchema, req.body, req.t);
    const b = (req.body ?? {}) as Record<string, unknown>;
    const s = (k: string, max: number) => (typeof b[k] === 'string' ? (b[k] as string).slice(0, max) : '');
    const values = {
      title: s('title', 200),
      areaCode: s('areaCode', 20),
      date: s('date', 30),
      meetingPoint: s('meetingPoint', 300),
      participants: s('participants', 20_000),
    };
    if (!parsed.ok) return newPage(req, reply, values, parsed.errors);
    try {
      const id = await ws.createSession(app.db, {
        tenantId: req.tenant!.id,
        ...parsed.data,
        organiserUserId: req.user!.id,
        ip: auditFrom(req).ip,
        now: app.clock.now(),
      });
      return reply.redirect(`${base(req)}/${id}`, 303);
    } catch (e) {
      if (!(e instanceof AppError && e.status === 422 && e.fields)) throw e;
      const errors = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, req.t(v)]));
      if (errors.participants) {
        const line = ws.parseParticipants(parsed.data.participants).error?.line;
        if (line) errors.participants = req.t('signals.wijkschouw.error.line', { line, message: errors.participants });
      }
      return newPage(req, reply, values, errors);
    }
  });

  /** Render the session page; `extra` carries the chosen category, form values and errors. */
  const sessionPage = async (req: FastifyRequest, reply: FastifyReply, extra: Partial<SessionPageProps> = {}, status = 200) => {
    const tenantId = req.tenant!.id;
    const { session, canClose } = await ws.getSession(app.db, tenantId, idOf(req), viewer(req));
    const [participants, summary, tree] = await Promise.all([
      ws.listParticipants(app.db, tenantId, session.id),
      ws.sessionSummary(app.db, session),
      listCategoryTree(app.db, tenantId, { activeOnly: true, publicOnly: true }),
    ]);
    const props: SessionPageProps = {
      ctx: req.viewContext(),
      slug: req.tenant!.slug,
      session,
      areaName: summary.areaName,
      canClose,
      participants,
      lines: summary.lines,
      tree,
      category: null,
      values: emptySignal(),
      ...extra,
    };
    return reply.page(<SessionPage {...props} />, {
      title: session.title,
      status,
      breadcrumbs: [{ href: base(req), label: req.t('signals.wijkschouw.title') }],
    });
  };
  const chosenCategory = async (req: FastifyRequest, code: string) => {
    const c = /^[a-z0-9-]{1,60}$/.test(code) ? await findCategoryByCode(app.db, req.tenant!.id, code) : null;
    return c && c.active && !c.sensitive ? c : null;
  };

  app.get('/:tenant/meldingen/wijkschouw/:id', { config: { policy: POLICY } }, async (req, reply) => {
    const q = (req.query ?? {}) as { categorie?: unknown; toegevoegd?: unknown };
    const code = typeof q.categorie === 'string' ? q.categorie : '';
    const category = code ? await chosenCategory(req, code) : null;
    const added = typeof q.toegevoegd === 'string' && /^SIG-\d{4}-\d{6}$/.test(q.toegevoegd) ? q.toegevoegd : null;
    const known = code && !category && /^[a-z0-9-]{1,60}$/.test(code) ? await findCategoryByCode(app.db, req.tenant!.id, code) : null;
    const errors =
      code && !category
        ? { categorie: req.t(known?.sensitive ? 'signals.wijkschouw.error.sensitive' : 'signals.error.category') }
        : undefined;
    return sessionPage(req, reply, { category, added, errors }, errors ? 422 : 200);
  });

  app.post('/:tenant/meldingen/wijkschouw/:id/meldingen', { config: { policy: POLICY } }, async (req, reply) => {
    const parsed = parseForm(signalSchema, req.body, req.t);
    const b = (req.body ?? {}) as Record<string, unknown>;
    const s = (k: string, max = 500) => (typeof b[k] === 'string' ? (b[k] as string).slice(0, max) : '');
    const category = await chosenCategory(req, s('category', 60));
    if (!category) {
      const code = s('category', 60);
      const known = /^[a-z0-9-]{1,60}$/.test(code) ? await findCategoryByCode(app.db, req.tenant!.id, code) : null;
      return sessionPage(
        req,
        reply,
        { errors: { categorie: req.t(known?.sensitive ? 'signals.wijkschouw.error.sensitive' : 'signals.error.category') } },
        422,
      );
    }
    const values: SignalValues = {
      description: s('description', 5000),
      address: s('address'),
      lat: s('lat', 30),
      lon: s('lon', 30),
      contactName: s('contactName', 200),
      contactEmail: s('contactEmail', 254),
      answers: rawAnswers(req.body),
      submissionId: parsed.ok ? parsed.data.submissionId : randomUUID(),
    };
    const again = (errors: Record<string, string>) => sessionPage(req, reply, { category, values, errors }, 422);
    if (!parsed.ok) return again(parsed.errors);
    const hard = findHardStop(category.questions, values.answers);
    if (hard?.hardStop) return sessionPage(req, reply, { category, values, hardStop: hard.hardStop.message });
    const lat = parseCoordinate(parsed.data.lat);
    const lon = parseCoordinate(parsed.data.lon);
    if (lat === 'bad' || lon === 'bad') return again({ lat: req.t('signals.error.coordinates') });
    try {
      const r = await ws.addSessionSignal(app.db, {
        tenantId: req.tenant!.id,
        sessionId: idOf(req),
        viewer: viewer(req),
        serviceCode: category.service_code,
        description: parsed.data.description,
        address: parsed.data.address,
        latitude: lat,
        longitude: lon,
        contactName: parsed.data.contactName,
        contactEmail: parsed.data.contactEmail,
        answers: values.answers,
        submissionId: parsed.data.submissionId,
        locale: req.locale,
        links: linkBase(app, req),
        ip: auditFrom(req).ip,
        now: app.clock.now(),
      });
      return reply.redirect(`${base(req)}/${idOf(req)}?toegevoegd=${r.publicId}#toegevoegd`, 303);
    } catch (e) {
      if (!(e instanceof AppError && e.status === 422 && e.fields)) throw e;
      const errors = Object.fromEntries(
        Object.entries(e.fields).map(([k, v]) => [
          k === 'location' ? 'address' : k === 'email' ? 'contactEmail' : k === 'name' ? 'contactName' : k,
          req.t(v),
        ]),
      );
      return again(errors);
    }
  });

  app.post('/:tenant/meldingen/wijkschouw/:id/deelnemers', { config: { policy: POLICY } }, async (req, reply) => {
    const parsed = parseForm(participantSchema, req.body, req.t);
    if (!parsed.ok) return sessionPage(req, reply, { participantErrors: parsed.errors }, 422);
    try {
      await ws.addParticipant(app.db, {
        tenantId: req.tenant!.id,
        sessionId: idOf(req),
        viewer: viewer(req),
        ...parsed.data,
        ip: auditFrom(req).ip,
        now: app.clock.now(),
      });
    } catch (e) {
      if (!(e instanceof AppError && e.status === 422 && e.fields)) throw e;
      return sessionPage(
        req,
        reply,
        { participantErrors: Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, req.t(v)])) },
        422,
      );
    }
    return reply.redirect(`${base(req)}/${idOf(req)}#deelnemers`, 303);
  });

  app.post('/:tenant/meldingen/wijkschouw/:id/afronden', { config: { policy: POLICY } }, async (req, reply) => {
    await ws.closeSession(app.db, {
      tenantId: req.tenant!.id,
      sessionId: idOf(req),
      viewer: viewer(req),
      locale: req.locale,
      links: linkBase(app, req),
      ip: auditFrom(req).ip,
      now: app.clock.now(),
    });
    return reply.redirect(`${base(req)}/${idOf(req)}/samenvatting`, 303);
  });

  app.get('/:tenant/meldingen/wijkschouw/:id/samenvatting', { config: { policy: POLICY } }, async (req, reply) => {
    const tenantId = req.tenant!.id;
    const { session } = await ws.getSession(app.db, tenantId, idOf(req), viewer(req));
    const [summary, participants] = await Promise.all([
      ws.sessionSummary(app.db, session),
      ws.listParticipants(app.db, tenantId, session.id),
    ]);
    const title = req.t('signals.wijkschouw.summaryTitle', { title: session.title });
    return reply.page(
      <SummaryPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        session={session}
        areaName={summary.areaName}
        lines={summary.lines}
        sensitiveCount={summary.sensitiveCount}
        participantNames={participants.map((p) => p.name)}
      />,
      {
        title,
        breadcrumbs: [
          { href: base(req), label: req.t('signals.wijkschouw.title') },
          { href: `${base(req)}/${session.id}`, label: session.title },
        ],
      },
    );
  });
}
