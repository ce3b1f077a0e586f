import './actions.messages.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DbOrTrx } from '../../platform/db/database.ts';
import { AppError, Invalid, NotFound } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { auditFrom } from '../../platform/audit/audit.service.ts';
import { listMembers, listOrganisations } from '../people/people.service.ts';
import { accessTo, viewerOf, type Viewer } from './access.ts';
import {
  addAction,
  isOverdue,
  listSignalActions,
  mayAddAction,
  mayUpdateAction,
  updateSignalAction,
  type ActionChange,
} from './actions.service.ts';
import { decideReopen, getDissatisfiedPolicy, setDissatisfiedPolicy, DISSATISFIED_POLICIES } from './actions.reopen.ts';
import { getSignal, type SignalRow } from './signals.service.ts';
import { isClosed } from './workflow.ts';
import type { ActionsPanel } from './views/actions.tsx';
import { FeedbackSettingsPage } from './views/actions-settings.tsx';
import { localDate } from '../../platform/time.ts';

const STAFF = { roles: ['professional', 'coordinator'], personalData: true } as const;
const text = (max: number) => z.string().max(max, 'signals.error.tooLong').optional().default('');
const addSchema = z.object({ organisationId: text(40), description: text(1000), ownerUserId: text(40), dueDate: text(20) });
const editSchema = z.object({ ownerUserId: text(40), dueDate: text(20) });
const doneSchema = z.object({ result: text(1000) });
const dropSchema = z.object({ reason: text(1000) });
const reopenSchema = z.object({ decision: z.enum(['heropenen', 'niet'], 'form.invalidValue'), message: text(5000) });
const settingsSchema = z.object({ policy: z.enum(DISSATISFIED_POLICIES, 'signals.feedbackSettings.error') });

/** Form errors as a 422 whose page message is the first field's message (the HTML error page shows only the message). */
function invalid(errors: Record<string, string>): AppError {
  return Invalid(errors, Object.values(errors)[0] ?? 'error.invalid');
}

/** The actions part of the signal page for this viewer: actions, what they may do, owners to choose from, a reopen request. */
export async function loadActionsPanel(db: DbOrTrx, tenantId: string, viewer: Viewer, signal: SignalRow, now: Date): Promise<ActionsPanel> {
  const [actions, organisations, members] = await Promise.all([
    listSignalActions(db, tenantId, signal.id),
    listOrganisations(db, tenantId),
    listMembers(db, tenantId),
  ]);
  const seen = new Set<string>();
  const owners: ActionsPanel['members'][number][] = [];
  for (const m of members) {
    if (!m.organisationId || m.role === 'resident' || seen.has(`${m.userId}/${m.organisationId}`)) continue;
    seen.add(`${m.userId}/${m.organisationId}`);
    owners.push({ userId: m.userId, name: m.name, organisationId: m.organisationId, organisationName: m.organisationName ?? '' });
  }
  owners.sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'nl') || a.name.localeCompare(b.name, 'nl'));
  return {
    actions,
    updatable: actions.filter((a) => mayUpdateAction(viewer, signal, a)).map((a) => a.id),
    canAdd: mayAddAction(viewer, signal) && !isClosed(signal.state),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    members: owners,
    openCount: actions.filter((a) => a.status === 'open').length,
    overdue: actions.filter((a) => isOverdue(a, now)).map((a) => a.id),
    today: localDate(now),
    reopenRequest:
      signal.reopen_requested_at && isClosed(signal.state)
        ? { at: signal.reopen_requested_at, reason: signal.reopen_request_reason }
        : null,
    canDecideReopen: viewer.all,
  };
}

/** Network actions on a signal (add, finish, drop, change), the coordinator's decision on a reopen request and the "niet tevreden" setting. */
export async function actionRoutes(app: FastifyInstance): Promise<void> {
  const links = (req: FastifyRequest) => ({ baseUrl: app.config.baseUrl, tenantSlug: req.tenant!.slug });
  const common = (req: FastifyRequest, viewer: Viewer) => ({
    tenantId: req.tenant!.id,
    viewer,
    ip: auditFrom(req).ip,
    locale: req.locale,
    links: links(req),
    now: app.clock.now(),
  });
  const page = (req: FastifyRequest, signal: SignalRow, anchor = '#acties') =>
    `/${req.tenant!.slug}/meldingen/behandelen/${signal.public_id}${anchor}`;
  /** The signal as the viewer may see it: 404 when unknown or not visible (access.ts). */
  const load = async (req: FastifyRequest) => {
    const { publicId } = req.params as { publicId: string };
    if (!/^SIG-\d{4}-\d{6}$/.test(publicId)) throw NotFound('signals.error.notFound');
    const signal = await getSignal(app.db, req.tenant!.id, publicId);
    const viewer = viewerOf(req);
    await accessTo(app.db, viewer, signal);
    return { signal, viewer };
  };

  app.post('/:tenant/meldingen/behandelen/:publicId/acties', { config: { policy: STAFF } }, async (req, reply) => {
    const { signal, viewer } = await load(req);
    const parsed = parseForm(addSchema, req.body, req.t);
    if (!parsed.ok) throw invalid(parsed.errors);
    await addAction(app.db, { ...common(req, viewer), signalId: signal.id, ...parsed.data }).catch(rethrowInvalid);
    return reply.redirect(page(req, signal), 303);
  });

  const update = (suffix: string, change: (body: unknown, req: FastifyRequest) => ActionChange) =>
    app.post(`/:tenant/meldingen/behandelen/:publicId/acties/:actionId/${suffix}`, { config: { policy: STAFF } }, async (req, reply) => {
      const { signal, viewer } = await load(req);
      const { actionId } = req.params as { actionId: string };
      await updateSignalAction(app.db, { ...common(req, viewer), signalId: signal.id, actionId, change: change(req.body, req) }).catch(
        rethrowInvalid,
      );
      return reply.redirect(page(req, signal), 303);
    });
  const formOf = <S extends z.ZodType>(schema: S, body: unknown, req: FastifyRequest): z.infer<S> => {
    const parsed = parseForm(schema, body, req.t);
    if (!parsed.ok) throw invalid(parsed.errors);
    return parsed.data;
  };
  update('klaar', (body, req) => ({ kind: 'done', result: formOf(doneSchema, body, req).result }));
  update('vervallen', (body, req) => ({ kind: 'drop', reason: formOf(dropSchema, body, req).reason }));
  update('wijzigen', (body, req) => {
    const d = formOf(editSchema, body, req);
    return { kind: 'edit', ownerUserId: d.ownerUserId || null, dueDate: d.dueDate || null };
  });

  app.post(
    '/:tenant/meldingen/behandelen/:publicId/heropenen',
    { config: { policy: { roles: ['coordinator'], personalData: true } } },
    async (req, reply) => {
      const { signal, viewer } = await load(req);
      const d = formOf(reopenSchema, req.body, req);
      await decideReopen(app.db, {
        ...common(req, viewer),
        signalId: signal.id,
        reopen: d.decision === 'heropenen',
        message: d.message,
      }).catch(rethrowInvalid);
      return reply.redirect(page(req, signal, ''), 303);
    },
  );

  const SETTINGS = { roles: ['coordinator', 'admin'] } as const;
  const settingsPath = '/:tenant/beheer/meldingen/terugkoppeling';
  app.get(settingsPath, { config: { policy: SETTINGS } }, async (req, reply) => {
    const policy = await getDissatisfiedPolicy(app.db, req.tenant!.id);
    const { opgeslagen } = (req.query ?? {}) as { opgeslagen?: string };
    return reply.page(<FeedbackSettingsPage ctx={req.viewContext()} slug={req.tenant!.slug} policy={policy} saved={opgeslagen === '1'} />, {
      title: req.t('signals.feedbackSettings.title'),
      breadcrumbs: [{ href: `/${req.tenant!.slug}/beheer/meldingen`, label: req.t('signals.nav.config') }],
    });
  });
  app.post(settingsPath, { config: { policy: SETTINGS } }, async (req, reply) => {
    const parsed = parseForm(settingsSchema, req.body, req.t);
    if (!parsed.ok) {
      const policy = await getDissatisfiedPolicy(app.db, req.tenant!.id);
      return reply.page(<FeedbackSettingsPage ctx={req.viewContext()} slug={req.tenant!.slug} policy={policy} errors={parsed.errors} />, {
        title: req.t('signals.feedbackSettings.title'),
        status: 422,
      });
    }
    await setDissatisfiedPolicy(app.db, {
      tenantId: req.tenant!.id,
      policy: parsed.data.policy,
      actorUserId: req.user!.id,
      ip: auditFrom(req).ip,
      now: app.clock.now(),
    });
    return reply.redirect(`/${req.tenant!.slug}/beheer/meldingen/terugkoppeling?opgeslagen=1`, 303);
  });
}

/** Service validation errors carry message keys per field; show the first one as the page's message. */
function rethrowInvalid(e: unknown): never {
  if (e instanceof AppError && e.code === 'invalid' && e.fields) throw invalid(e.fields);
  throw e;
}
