/**
 * Wijkschouw: a walk through a neighbourhood with residents and partners that records many signals
 * in one session. Sessions have participants (names, roles, optional e-mail for the summary) and
 * link to the signals recorded on the walk; closing queues one summary mail.
 */
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../../platform/errors.ts';
import { translator, type Locale } from '../../../platform/i18n/index.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { getArea } from '../../areas/areas.service.ts';
import { findUserByEmail, getUserProfile, listMembers } from '../../people/people.service.ts';
import { findCategoryByCode } from '../config/categories.service.ts';
import { createSignal } from '../signals.service.ts';
import { createTrackingToken, trackingPath, type LinkBase } from '../tracking/tracking.service.ts';
import * as store from './wijkschouw.store.ts';
import { isUuid } from '../../../platform/ids.ts';
import { authorize, reachOf, type Principal } from '../../../platform/principal.ts';
import { can, RULES } from '../policies.ts';
import { EMAIL, MAX_MEETING_POINT, MAX_PARTICIPANTS, MAX_TITLE, parseParticipants, parseWalkDate } from './wijkschouw.schemas.ts';
import { sessionSummary } from './wijkschouw.presenter.ts';
import { MAX_EMAIL } from '../signals.schemas.ts';

/** The user acting (a wijkschouw is always a person's: the organiser, a participant, a coordinator). */
function userOf(principal: Principal): string {
  if (!principal.userId) throw Forbidden();
  return principal.userId;
}

/** The user's account when the e-mail belongs to a member of the tenant (linked participants can open the session). */
async function memberByEmail(db: DbOrTrx, tenantId: string, email: string | null): Promise<string | null> {
  if (!email) return null;
  const user = await findUserByEmail(db, email);
  if (!user || user.deleted_at) return null;
  return (await listMembers(db, tenantId, { userId: user.id })).length > 0 ? user.id : null;
}

export interface NewSession {
  tenantId: string;
  title: string;
  areaCode: string;
  date: string;
  meetingPoint: string;
  participants: string;
  /** The organiser. */
  principal: Principal;
  ip?: string | null;
  now: Date;
  isDemo?: boolean;
}

/** Create a session with its participants (validated; all or nothing); returns its id. */
export async function createSession(db: DbOrTrx, input: NewSession): Promise<string> {
  authorize(can(input.principal, 'signal.wijkschouw.create', { tenantId: input.tenantId }));
  const organiser = userOf(input.principal);
  const errors: FieldErrors = {};
  const title = input.title.trim();
  if (!title) errors.title = 'signals.wijkschouw.error.title';
  else if (title.length > MAX_TITLE) errors.title = 'signals.error.tooLong';
  const area = /^(WK|BU)\d{6,8}$/.test(input.areaCode) ? await getArea(db, input.tenantId, input.areaCode) : null;
  if (!area || (area.level !== 'district' && area.level !== 'neighbourhood')) errors.areaCode = 'signals.wijkschouw.error.area';
  const date = parseWalkDate(input.date);
  if (!date) errors.date = 'signals.wijkschouw.error.date';
  const meetingPoint = input.meetingPoint.trim();
  if (meetingPoint.length > MAX_MEETING_POINT) errors.meetingPoint = 'signals.error.tooLong';
  const parsed = parseParticipants(input.participants);
  if (parsed.error) errors.participants = parsed.error.key;
  if (Object.keys(errors).length) throw Invalid(errors);
  return inTransaction(db, async (trx) => {
    const id = await store.insertSession(trx, {
      tenant_id: input.tenantId,
      title,
      area_code: area!.code,
      walk_date: date!,
      meeting_point: meetingPoint,
      organiser_user_id: organiser,
      status: 'planned',
      is_demo: input.isDemo ?? false,
      created_at: input.now,
      updated_at: input.now,
    });
    const rows = [];
    for (const [i, p] of parsed.participants.entries()) {
      rows.push({
        tenant_id: input.tenantId,
        session_id: id,
        name: p.name,
        role: p.role,
        email: p.email,
        user_id: await memberByEmail(trx, input.tenantId, p.email),
        position: i,
        created_at: input.now,
      });
    }
    await store.insertParticipants(trx, rows);
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: organiser,
      action: 'create',
      entity: 'wijkschouw',
      entityId: id,
      ip: input.ip ?? null,
      detail: { participants: rows.length },
    });
    return id;
  });
}

/**
 * What the principal may do with a session: organiser, coordinators and participants with a linked
 * account see it and record on it (others get NotFound: it does not reveal that it exists); the
 * organiser and coordinators close it.
 */
async function accessOf(db: DbOrTrx, session: store.SessionRow, principal: Principal): Promise<{ canClose: boolean; canRecord: boolean }> {
  const organiser = { tenantId: session.tenant_id, userIds: [session.organiser_user_id] };
  const participant =
    !!principal.userId && (await store.isParticipantUser(db, session.tenant_id, session.id, principal.userId)) ? [principal.userId] : [];
  const takingPart = { ...organiser, userIds: [session.organiser_user_id, ...participant] };
  if (!can(principal, 'signal.wijkschouw.view', takingPart)) throw NotFound('signals.wijkschouw.error.notFound');
  return {
    canClose: can(principal, 'signal.wijkschouw.close', organiser),
    canRecord: can(principal, 'signal.wijkschouw.record', takingPart),
  };
}

/** A session the viewer may see, with what they may do; NotFound otherwise (also for malformed ids and other tenants). */
export async function getSession(db: DbOrTrx, tenantId: string, id: string, principal: Principal, opts: { forUpdate?: boolean } = {}) {
  const session = isUuid(id) ? await store.findSession(db, tenantId, id, opts) : null;
  if (!session) throw NotFound('signals.wijkschouw.error.notFound');
  return { session, ...(await accessOf(db, session, principal)) };
}

/** The sessions the principal may see (a coordinator: all of the tenant), newest walk first. */
export function listSessions(db: DbOrTrx, tenantId: string, principal: Principal) {
  // A list: any reach will do (decide); the store narrows it to the principal's own unless the reach is all.
  if (principal.tenantId !== tenantId) throw Forbidden();
  authorize(can(principal, 'signal.wijkschouw.view'));
  const all = reachOf(RULES, principal, 'signal.wijkschouw.view') === 'all';
  return store.listSessions(db, tenantId, { userId: userOf(principal), all, limit: 200 });
}

/** The participants of a session, in order. */
export function listParticipants(db: DbOrTrx, tenantId: string, sessionId: string) {
  return store.listParticipants(db, tenantId, sessionId);
}

/** The signals recorded on the walk, in order. */
export function listSessionSignals(db: DbOrTrx, tenantId: string, sessionId: string) {
  return store.listSessionSignals(db, tenantId, sessionId);
}

/** Add one participant to a session that is not closed. */
export async function addParticipant(
  db: DbOrTrx,
  input: {
    tenantId: string;
    sessionId: string;
    principal: Principal;
    name: string;
    role: string;
    email: string;
    ip?: string | null;
    now: Date;
  },
): Promise<void> {
  const email = input.email.trim();
  if (email && (email.length > MAX_EMAIL || !EMAIL.test(email) || /[,;]/.test(email))) {
    throw Invalid({ email: 'signals.wijkschouw.error.participantEmail' });
  }
  const parsed = parseParticipants([input.name.replace(/[,;@]/g, ' '), input.role.replace(/[,;@]/g, ' '), email].join(', '));
  if (parsed.error || parsed.participants.length !== 1) {
    const key = parsed.error?.key ?? 'signals.wijkschouw.error.participantName';
    throw Invalid({ [key.endsWith('Email') ? 'email' : 'name']: key });
  }
  const p = parsed.participants[0]!;
  await inTransaction(db, async (trx) => {
    const { session, canRecord } = await getSession(trx, input.tenantId, input.sessionId, input.principal, { forUpdate: true });
    authorize(canRecord);
    if (session.status === 'closed') throw Conflict('signals.wijkschouw.error.closed');
    const position = (await store.maxParticipantPosition(trx, input.tenantId, session.id)) + 1;
    if (position >= MAX_PARTICIPANTS) throw Invalid({ name: 'signals.wijkschouw.error.tooManyParticipants' });
    await store.insertParticipants(trx, [
      {
        tenant_id: input.tenantId,
        session_id: session.id,
        name: p.name,
        role: p.role,
        email: p.email,
        user_id: await memberByEmail(trx, input.tenantId, p.email),
        position,
        created_at: input.now,
      },
    ]);
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: userOf(input.principal),
      action: 'update',
      entity: 'wijkschouw',
      entityId: session.id,
      ip: input.ip ?? null,
      detail: { participantAdded: true },
    });
  });
}

export interface NewSessionSignal {
  tenantId: string;
  sessionId: string;
  principal: Principal;
  serviceCode: string;
  description: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  /** Someone else who wants to hear back about this one signal; empty: the organiser. */
  contactName: string;
  contactEmail: string;
  answers: Record<string, string>;
  submissionId: string;
  locale: Locale;
  links: LinkBase;
  ip?: string | null;
  now: Date;
}

/**
 * Record a signal on the walk (source `wijkschouw`, routed like any signal) and link it to the
 * session, in one transaction. Without another contact the organiser becomes the reporter without a
 * separate confirmation mail (the closing mail carries the tracking links). Replays of the same
 * submission id return the first signal.
 */
export async function addSessionSignal(db: DbOrTrx, input: NewSessionSignal): Promise<{ publicId: string; replayed: boolean }> {
  return inTransaction(db, async (trx) => {
    const { session, canRecord } = await getSession(trx, input.tenantId, input.sessionId, input.principal, { forUpdate: true });
    authorize(canRecord);
    const category = /^[a-z0-9-]{1,60}$/.test(input.serviceCode) ? await findCategoryByCode(trx, input.tenantId, input.serviceCode) : null;
    if (!category || !category.active) throw Invalid({ category: 'signals.error.category' });
    // Worries about a neighbour are not discussed in a group: they go through the private form.
    if (category.sensitive) throw Invalid({ category: 'signals.wijkschouw.error.sensitive' });
    if (!isUuid(input.submissionId)) throw Invalid({ submissionId: 'form.invalidValue' });
    const key = `wijkschouw:${input.submissionId}`;
    const contactEmail = input.contactEmail.trim();
    const organiser = session.organiser_user_id ? await getUserProfile(trx, session.organiser_user_id).catch(() => null) : null;
    if (session.status === 'closed') throw Conflict('signals.wijkschouw.error.closed');
    const created = await createSignal(trx, {
      tenantId: input.tenantId,
      category: { id: category.id },
      description: input.description,
      latitude: input.latitude,
      longitude: input.longitude,
      address: input.address,
      reporter: contactEmail ? { name: input.contactName, email: contactEmail } : { name: organiser?.name ?? null },
      wantsFeedback: !!contactEmail,
      reporterUserId: null,
      createdBy: userOf(input.principal),
      source: 'wijkschouw',
      answers: input.answers,
      idempotencyKey: key,
      locale: input.locale,
      links: input.links,
      now: input.now,
    });
    if (created.replayed) {
      const linked = await store.sessionOfSignal(trx, input.tenantId, created.signal.id);
      if (linked !== session.id) throw Conflict();
      return { publicId: created.signal.public_id, replayed: true };
    }
    if (!contactEmail && organiser?.email) {
      await store.setOrganiserAsReporter(trx, input.tenantId, created.signal.id, {
        name: organiser.name,
        email: organiser.email,
        userId: organiser.id,
      });
    }
    if (
      !(await store.linkSignal(trx, {
        tenant_id: input.tenantId,
        session_id: session.id,
        signal_id: created.signal.id,
        created_at: input.now,
      }))
    ) {
      throw Conflict();
    }
    if (session.status === 'planned') await store.setStatus(trx, input.tenantId, session.id, 'open', input.now);
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: userOf(input.principal),
      action: 'update',
      entity: 'wijkschouw',
      entityId: session.id,
      ip: input.ip ?? null,
      detail: { signalAdded: created.signal.id },
    });
    return { publicId: created.signal.public_id, replayed: false };
  });
}

/** Close a session (organiser or coordinator): queues one summary mail to the participants with an e-mail and one to the organiser with the tracking links. Closing twice does nothing. */
export async function closeSession(
  db: DbOrTrx,
  input: { tenantId: string; sessionId: string; principal: Principal; locale: Locale; links: LinkBase; ip?: string | null; now: Date },
): Promise<{ mails: number }> {
  return inTransaction(db, async (trx) => {
    const { session, canClose } = await getSession(trx, input.tenantId, input.sessionId, input.principal, { forUpdate: true });
    if (!canClose) throw Forbidden('signals.wijkschouw.error.closeForbidden');
    if (session.status === 'closed') return { mails: 0 };
    await store.setStatus(trx, input.tenantId, session.id, 'closed', input.now);
    const [summary, participants, signals] = await Promise.all([
      sessionSummary(trx, session),
      store.listParticipants(trx, input.tenantId, session.id),
      store.listSessionSignals(trx, input.tenantId, session.id),
    ]);
    const organiser = session.organiser_user_id ? await getUserProfile(trx, session.organiser_user_id).catch(() => null) : null;
    const body = (t: ReturnType<typeof translator>) =>
      [
        t('signals.wijkschouw.mail.intro', { title: session.title, area: summary.areaName, date: session.walk_date }),
        '',
        ...(summary.lines.length
          ? summary.lines.map(
              (l) =>
                `- ${l.publicId}: ${l.category}${l.place ? ` (${l.place})` : ''} → ${l.organisation || t('signals.wijkschouw.noOrganisation')}`,
            )
          : [t('signals.wijkschouw.mail.none')]),
        summary.sensitiveCount ? t('signals.wijkschouw.mail.sensitive', { n: summary.sensitiveCount }) : '',
        '',
        t('signals.wijkschouw.mail.participants', { names: participants.map((p) => p.name).join(', ') || '-' }),
        t('signals.wijkschouw.mail.after'),
      ].join('\n');
    let mails = 0;
    const organiserEmail = organiser?.email?.toLowerCase() ?? null;
    if (organiser && organiserEmail) {
      const locale: Locale = organiser.locale === 'en' ? 'en' : 'nl';
      const t = translator(locale);
      const links: string[] = [];
      for (const s of signals.filter((x) => x.reporter_email === organiserEmail)) {
        const token = await createTrackingToken(trx, { tenantId: input.tenantId, signalId: s.id, followerId: null, now: input.now });
        links.push(`- ${s.public_id}: ${input.links.baseUrl}${trackingPath(input.links.tenantSlug, token)}`);
      }
      const text = [body(t), ...(links.length ? ['', t('signals.wijkschouw.mail.trackingLinks'), ...links] : [])].join('\n');
      await queueMail(trx, {
        to: organiserEmail,
        subject: t('signals.wijkschouw.mail.subject', { title: session.title }),
        text,
        locale,
        tenantId: input.tenantId,
        userId: organiser.id,
        now: input.now,
      });
      mails++;
    }
    const t = translator('nl');
    const sent = new Set(organiserEmail ? [organiserEmail] : []);
    for (const p of participants) {
      if (!p.email || sent.has(p.email)) continue;
      sent.add(p.email);
      await queueMail(trx, {
        to: p.email,
        subject: t('signals.wijkschouw.mail.subject', { title: session.title }),
        text: body(t),
        locale: 'nl',
        tenantId: input.tenantId,
        userId: p.user_id,
        now: input.now,
      });
      mails++;
    }
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: userOf(input.principal),
      action: 'close',
      entity: 'wijkschouw',
      entityId: session.id,
      ip: input.ip ?? null,
      detail: { signals: signals.length, mails },
    });
    return { mails };
  });
}

/** Findings of walks in `areaCodes` the principal may see (non-sensitive, no reporter details), for a call for initiatives. */
export async function wijkschouwFindings(db: DbOrTrx, tenantId: string, principal: Principal, areaCodes: readonly string[]) {
  const sessions = (await listSessions(db, tenantId, principal)).filter((s) => areaCodes.includes(s.area_code)).slice(0, 10);
  const found = await Promise.all(sessions.map(async (s) => ({ s, list: await store.listSessionSignals(db, tenantId, s.id) })));
  return found.flatMap(({ s, list }) =>
    list
      .filter((g) => !g.sensitive)
      .map((g) => ({ sessionTitle: s.title, walkDate: s.walk_date, publicId: g.public_id, category: g.category_name, area: s.area_code })),
  );
}
