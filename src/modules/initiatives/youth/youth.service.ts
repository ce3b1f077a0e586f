/**
 * The youth channel (issue 15, scope 5; Krimpen §7): ideas and short polls per wijk, without an
 * account. An idea is public only after a youth worker or coordinator let it through; what became
 * of it (status and a short answer) is shown back. A device cookie's hash lets a young person find
 * "mijn ideeën" again and keeps polls at one answer per device — best effort (docs/initiatives-youth.md).
 */
import { authorize, type Principal } from '../../../platform/principal.ts';
import { Conflict, Invalid, NotFound } from '../../../platform/errors.ts';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { localDate } from '../../../platform/time.ts';
import { listAreas, getArea } from '../../areas/areas.service.ts';
import { can } from '../policies.ts';
import { listFunds } from '../initiatives.service.ts';
import * as store from './youth.store.ts';
import type { IdeaStatus, Moderation } from './youth.schemas.ts';

/** How many public ideas a wijk page shows (newest first). */
export const SHOWN_IDEAS = 50;

export interface WijkChoice {
  code: string;
  name: string;
}

export interface IdeaView {
  id: string;
  areaCode: string;
  text: string;
  nickname: string;
  status: IdeaStatus;
  response: string;
  moderation: Moderation;
  createdOn: string;
  applicationId: string | null;
  isDemo: boolean;
}

export interface PollOptionView {
  key: string;
  label: string;
  count: number;
  percent: number;
}

export interface PollView {
  id: string;
  question: string;
  /** open: can be answered; answered: this device did (results shown); closed: results shown. */
  state: 'open' | 'answered' | 'closed';
  options: PollOptionView[];
  total: number;
  opensOn: string;
  closesOn: string;
  areaCode: string | null;
  isDemo: boolean;
}

const pick = (locale: Locale, nl: string, en: string) => (locale === 'en' && en !== '' ? en : nl);

function ideaView(r: store.IdeaRow, locale: Locale): IdeaView {
  return {
    id: r.id,
    areaCode: r.area_code,
    text: r.text,
    nickname: r.nickname,
    status: r.status,
    response: pick(locale, r.response_nl, r.response_en),
    moderation: r.moderation,
    createdOn: r.created_on,
    applicationId: r.application_id,
    isDemo: r.is_demo,
  };
}

function pollView(p: store.PollRow, counts: Map<string, number> | undefined, answered: boolean, today: string, locale: Locale): PollView {
  const total = [...(counts?.values() ?? [])].reduce((a, b) => a + b, 0);
  return {
    id: p.id,
    question: pick(locale, p.question_nl, p.question_en),
    state: p.closes_on < today ? 'closed' : answered ? 'answered' : 'open',
    options: p.options.map((o) => {
      const count = counts?.get(o.key) ?? 0;
      return { key: o.key, label: pick(locale, o.nl, o.en), count, percent: total > 0 ? Math.round((100 * count) / total) : 0 };
    }),
    total,
    opensOn: p.opens_on,
    closesOn: p.closes_on,
    areaCode: p.area_code,
    isDemo: p.is_demo,
  };
}

/** The wijken a young person can choose (public). */
export async function youthWijken(db: DbOrTrx, principal: Principal, tenantId: string): Promise<WijkChoice[]> {
  authorize(can(principal, 'initiative.view'));
  const wijken = await listAreas(db, tenantId, { level: 'district' });
  return wijken.map((a) => ({ code: a.code, name: a.name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

async function wijkOf(db: DbOrTrx, tenantId: string, code: string): Promise<WijkChoice> {
  const area = await getArea(db, tenantId, code);
  if (!area || area.level !== 'district') throw NotFound();
  return { code: area.code, name: area.name };
}

export interface WijkPage {
  wijk: WijkChoice;
  ideas: IdeaView[];
  polls: PollView[];
}

/** A wijk's page: the ideas let through and the polls (results once answered by this device or closed). */
export async function wijkPage(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; code: string; deviceHash: string | null; locale: Locale },
): Promise<WijkPage> {
  authorize(can(principal, 'initiative.view'));
  const wijk = await wijkOf(db, args.tenantId, args.code);
  const today = localDate(principal.now);
  const [ideas, polls] = await Promise.all([
    store.shownIdeas(db, args.tenantId, wijk.code, SHOWN_IDEAS),
    store.pollsFor(db, args.tenantId, wijk.code, today),
  ]);
  const ids = polls.map((p) => p.id);
  const [answered, counts] = await Promise.all([
    args.deviceHash ? store.answeredBy(db, args.tenantId, ids, args.deviceHash) : Promise.resolve(new Set<string>()),
    store.answerCounts(db, args.tenantId, ids),
  ]);
  return {
    wijk,
    ideas: ideas.map((r) => ideaView(r, args.locale)),
    polls: polls.map((p) => pollView(p, counts.get(p.id), answered.has(p.id), today, args.locale)),
  };
}

/** A young person posts an idea for a wijk (no account): waits for moderation before anyone else sees it. */
export async function postIdea(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; code: string; text: string; nickname: string; deviceHash: string },
): Promise<string> {
  authorize(can(principal, 'youth.post'));
  const wijk = await wijkOf(db, args.tenantId, args.code);
  return store.insertIdea(db, {
    tenantId: args.tenantId,
    areaCode: wijk.code,
    text: args.text,
    nickname: args.nickname,
    deviceHash: args.deviceHash,
    createdOn: localDate(principal.now),
  });
}

/** "Mijn ideeën": what this device posted, waiting ones included (only the device's own). */
export async function myIdeas(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; deviceHash: string | null; locale: Locale },
): Promise<{ ideas: IdeaView[]; wijken: Map<string, string> }> {
  authorize(can(principal, 'youth.post'));
  const [rows, wijken] = await Promise.all([
    args.deviceHash ? store.ideasOfDevice(db, args.tenantId, args.deviceHash) : Promise.resolve([]),
    listAreas(db, args.tenantId, { level: 'district' }),
  ]);
  return { ideas: rows.map((r) => ideaView(r, args.locale)), wijken: new Map(wijken.map((w) => [w.code, w.name])) };
}

/** One answer per device; a second one is refused (409) and nothing changes. */
export async function answerPoll(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; code: string; pollId: string; optionKey: string; deviceHash: string },
): Promise<void> {
  authorize(can(principal, 'youth.post'));
  const wijk = await wijkOf(db, args.tenantId, args.code);
  const poll = await store.findPoll(db, args.tenantId, args.pollId);
  if (!poll || (poll.area_code !== null && poll.area_code !== wijk.code)) throw NotFound();
  const today = localDate(principal.now);
  if (poll.opens_on > today || poll.closes_on < today) {
    throw Conflict('initiatives.youth.error.pollClosed', { answer: 'initiatives.youth.error.pollClosed' });
  }
  if (!poll.options.some((o) => o.key === args.optionKey)) throw Invalid({ answer: 'initiatives.youth.error.answer' });
  const done = await store.insertAnswer(db, {
    tenantId: args.tenantId,
    pollId: poll.id,
    deviceHash: args.deviceHash,
    optionKey: args.optionKey,
    answeredOn: today,
  });
  if (!done) throw Conflict('initiatives.youth.error.alreadyAnswered', { answer: 'initiatives.youth.error.alreadyAnswered' });
}

export interface ModerationPage {
  ideas: IdeaView[];
  polls: PollView[];
  wijken: WijkChoice[];
  /** Active funds, for "Maak hier een aanvraag van" (the apply form with `?jongerenidee=`). */
  funds: { slug: string; name: string }[];
}

/** Youth workers and coordinators: ideas waiting first, every poll with its results. */
export async function moderationPage(db: DbOrTrx, principal: Principal, tenantId: string, locale: Locale): Promise<ModerationPage> {
  authorize(can(principal, 'youth.moderate', { tenantId }));
  const today = localDate(principal.now);
  const [ideas, polls, wijken, funds] = await Promise.all([
    store.ideasForModeration(db, tenantId, 200),
    store.allPolls(db, tenantId),
    youthWijken(db, principal, tenantId),
    listFunds(db, tenantId),
  ]);
  const counts = await store.answerCounts(
    db,
    tenantId,
    polls.map((p) => p.id),
  );
  return {
    ideas: ideas.map((r) => ideaView(r, locale)),
    // Staff see the results at once (state "answered" shows them).
    polls: polls.map((p) => pollView(p, counts.get(p.id), true, today, locale)),
    wijken,
    funds: funds.filter((f) => f.status === 'active').map((f) => ({ slug: f.slug, name: pick(locale, f.nameNl, f.nameEn) })),
  };
}

/**
 * Let an idea through (or hide it) and say what became of it. "Nu niet" needs a reason; every
 * status after "nieuw" needs the idea to be let through or hidden (not left waiting).
 */
export async function moderateIdea(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; id: string; moderation: Moderation; status: IdeaStatus; response: string; reference?: string },
): Promise<void> {
  authorize(can(principal, 'youth.moderate', { tenantId: args.tenantId }));
  const idea = await store.findIdea(db, args.tenantId, args.id);
  if (!idea) throw NotFound();
  if (args.reference) {
    // An adult applied for the idea: link the application; the idea then "werd een initiatief" and is shown.
    const app = await store.applicationIdByReference(db, args.tenantId, args.reference);
    if (!app) throw Invalid({ reference: 'initiatives.youth.error.referenceUnknown' });
    if (args.moderation === 'hidden') throw Invalid({ moderation: 'initiatives.youth.error.linkedHidden' });
    await inTransaction(db, async (trx) => {
      await store.setApplicationIdea(trx, args.tenantId, app.id, idea.id);
      await store.updateIdea(trx, args.tenantId, idea.id, {
        moderation: 'shown',
        status: 'became_initiative',
        response_nl: args.response,
        moderated_on: localDate(principal.now),
        application_id: app.id,
      });
    });
    return;
  }
  if (args.status === 'not_now' && args.response === '') throw Invalid({ response: 'initiatives.youth.error.whyNotNow' });
  if (args.status === 'became_initiative' && idea.application_id === null && args.response === '') {
    throw Invalid({ response: 'initiatives.youth.error.whichInitiative' });
  }
  if (args.moderation === 'pending' && args.status !== 'new') throw Invalid({ moderation: 'initiatives.youth.error.stillPending' });
  await store.updateIdea(db, args.tenantId, args.id, {
    moderation: args.moderation,
    status: args.status,
    response_nl: args.response,
    moderated_on: localDate(principal.now),
  });
}

/** A youth worker or coordinator opens a short poll for a wijk (or the whole municipality: `areaCode` ''). */
export async function createPoll(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; areaCode: string; question: string; options: readonly string[]; opensOn: string; closesOn: string },
): Promise<string> {
  authorize(can(principal, 'youth.moderate', { tenantId: args.tenantId }));
  if (args.areaCode !== '') {
    await wijkOf(db, args.tenantId, args.areaCode).catch(() => Promise.reject(Invalid({ area: 'initiatives.youth.error.area' })));
  }
  if (args.closesOn < args.opensOn) throw Invalid({ closesOn: 'initiatives.youth.error.closesBeforeOpens' });
  if (new Set(args.options).size !== args.options.length) throw Invalid({ options: 'initiatives.youth.error.options' });
  return store.insertPoll(db, {
    tenantId: args.tenantId,
    areaCode: args.areaCode === '' ? null : args.areaCode,
    question: args.question,
    options: args.options.map((o, i) => ({ key: `o${i + 1}`, nl: o, en: '' })),
    opensOn: args.opensOn,
    closesOn: args.closesOn,
  });
}

/** The idea a youth worker starts an application from (for the apply form's "from a youth idea"). */
export async function ideaForApplication(db: DbOrTrx, principal: Principal, tenantId: string, id: string): Promise<IdeaView> {
  authorize(can(principal, 'youth.moderate', { tenantId }));
  const idea = await store.findIdea(db, tenantId, id);
  if (!idea || idea.moderation !== 'shown') throw NotFound();
  return ideaView(idea, 'nl');
}

/** Links an application started from the idea; the idea then says "werd een initiatief". */
export async function linkApplication(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; ideaId: string; applicationId: string },
): Promise<void> {
  authorize(can(principal, 'youth.moderate', { tenantId: args.tenantId }) || principal.system === true);
  const idea = await store.findIdea(db, args.tenantId, args.ideaId);
  if (!idea) throw NotFound();
  await store.updateIdea(db, args.tenantId, args.ideaId, {
    moderation: 'shown',
    status: 'became_initiative',
    response_nl: idea.response_nl,
    moderated_on: localDate(principal.now),
    application_id: args.applicationId,
  });
}
