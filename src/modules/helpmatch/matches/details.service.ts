import type { DbOrTrx } from '../../../platform/db/database.ts';
import { mayChoose } from './choose.service.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { getUserProfile } from '../../people/people.service.ts';
import { type RequestRow, listRequestsOfUser, listRequests } from '../requests/requests.store.ts';
import { type MatchRow, listMessages, listMatchesOfVolunteer, listMatchesOfRequests } from './matches.store.ts';
import type { HelpType, MatchState, RequestState, Urgency, WeeklySlot } from '../helpmatch.tables.ts';
import { type Actor, auditOf, ownTenant } from '../actor.ts';
import { requesterSide } from '../requests/requests.service.ts';
import { loadMatch } from './matches.service.ts';
import { authorize } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { type MatchSide, sideOf } from './followup.service.ts';
import { matchView, type MatchView } from './matches.presenter.ts';
import { listSessions } from './sessions.store.ts';
import { recordableWeeks, weekView, type WeekView } from './sessions.service.ts';

/** What anyone involved may see of a request: no address, no names, no contact details. */
export interface RequestSummary {
  id: string;
  category: string;
  helpType: HelpType;
  summary: string;
  buurtCode: string | null;
  wijkCode: string | null;
  scheduleKind: 'once' | 'weekly';
  date: string | null;
  from: string | null;
  to: string | null;
  slots: WeeklySlot[];
  urgency: Urgency;
  state: RequestState;
  onBehalf: boolean;
  createdAt: Date;
}

/** Strip a request to what may be shown before acceptance. */
export function summarise(r: RequestRow): RequestSummary {
  return {
    id: r.id,
    category: r.category,
    helpType: r.help_type,
    summary: r.summary,
    buurtCode: r.buurt_code,
    wijkCode: r.wijk_code,
    scheduleKind: r.schedule_kind,
    date: r.on_date,
    from: r.time_from,
    to: r.time_to,
    slots: r.slots ?? [],
    urgency: r.urgency,
    state: r.state,
    onBehalf: r.on_behalf,
    createdAt: r.created_at,
  };
}

export interface ContactDetails {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface MatchDetails {
  side: MatchSide;
  match: MatchView;
  request: RequestSummary;
  /** Only after acceptance (for the two parties) or for coordinators; null otherwise. */
  contacts: { requester: ContactDetails & { remarks: string | null }; volunteer: ContactDetails } | null;
  /** First name of the other side before acceptance (no surname). */
  volunteerFirstName: string | null;
  messages: { mine: boolean; authorSide: 'volunteer' | 'requester' | 'other'; body: string; createdAt: Date }[];
  /** A weekly arrangement once accepted: its weeks, and the weeks one may still record hours for (none both confirmed). */
  weekly: { weeks: WeekView[]; recordable: string[] } | null;
  /** The actor may accept or decline the volunteer who said yes (the asking side, `match.choose`). */
  canChoose: boolean;
}

const REVEALED: readonly MatchState[] = ['accepted', 'done'];

async function profileOrNull(db: DbOrTrx, userId: string | null) {
  if (!userId) return null;
  try {
    return await getUserProfile(db, userId);
  } catch {
    return null;
  }
}

/**
 * A match as the actor may see it. Contact details (address, phone, e-mail, names, remarks) are
 * included only once the match is accepted (for its two parties) or for coordinators; every such
 * view of someone else's personal data is audited.
 */
export async function getMatchDetails(db: DbOrTrx, tenantId: string, actor: Actor, matchId: string): Promise<MatchDetails> {
  const { match: m, request: r } = await loadMatch(db, actor, tenantId, matchId);
  const side = sideOf(actor, m, r);
  const volunteer = await profileOrNull(db, m.volunteer_user_id);
  let contacts: MatchDetails['contacts'] = null;
  if (side === 'coordinator' || (REVEALED.includes(m.state) && (side === 'volunteer' || side === 'requester'))) {
    const asker = r.on_behalf ? null : await profileOrNull(db, r.requester_user_id);
    contacts = {
      requester: {
        name: r.on_behalf ? (r.subject_name ?? '') : (asker?.name ?? ''),
        email: r.on_behalf ? r.subject_email : (asker?.email ?? null),
        phone: r.on_behalf ? r.subject_phone : (asker?.phone ?? null),
        address: r.address,
        remarks: r.remarks,
      },
      volunteer: { name: volunteer?.name ?? '', email: volunteer?.email ?? null, phone: volunteer?.phone ?? null, address: null },
    };
    await recordAudit(db, { ...auditOf(actor, tenantId), action: 'view', entity: 'help_match_contacts', entityId: m.id, detail: { side } });
  }
  const asking = requesterSide(r);
  const messages = (await listMessages(db, tenantId, m.id)).map((msg) => ({
    mine: msg.author_user_id === actor.userId,
    authorSide: (msg.author_user_id === m.volunteer_user_id
      ? 'volunteer'
      : msg.author_user_id && asking.includes(msg.author_user_id)
        ? 'requester'
        : 'other') as 'volunteer' | 'requester' | 'other',
    body: msg.body,
    createdAt: msg.created_at,
  }));
  let weekly: MatchDetails['weekly'] = null;
  if (r.schedule_kind === 'weekly' && m.accepted_at !== null) {
    const weeks = (await listSessions(db, tenantId, m.id)).map(weekView);
    const closed = new Set(weeks.filter((w) => w.confirmedByVolunteer && w.confirmedByRequester).map((w) => w.week));
    const recordable = m.state === 'accepted' ? recordableWeeks(m.accepted_at, actor.now).filter((w) => !closed.has(w)) : [];
    weekly = { weeks, recordable };
  }
  return {
    side,
    weekly,
    canChoose: m.state === 'awaiting_requester' && (side === 'requester' || side === 'coordinator') && mayChoose(actor, r),
    match: matchView(m, side),
    request: summarise(r),
    contacts,
    volunteerFirstName: volunteer ? (volunteer.name.split(/\s+/)[0] ?? null) : null,
    messages,
  };
}

/** The actor's own matches in their municipality (any state; as volunteer or asking side), newest first, with request summaries (`match.view`, own). */
export async function listMyMatches(
  db: DbOrTrx,
  actor: Actor,
): Promise<{ match: MatchRow; request: RequestSummary; role: 'volunteer' | 'requester' }[]> {
  const tenantId = ownTenant(actor);
  const userId = actor.userId;
  authorize(can(actor, 'match.view', { tenantId, userIds: [userId] }));
  const asVolunteer = await listMatchesOfVolunteer(db, tenantId, userId);
  const myRequests = await listRequestsOfUser(db, tenantId, userId);
  const asRequester = await listMatchesOfRequests(
    db,
    tenantId,
    myRequests.map((r) => r.id),
  );
  const requestIds = [...new Set([...asVolunteer, ...asRequester].map((m) => m.request_id))];
  const requests = new Map((await listRequests(db, tenantId, { ids: requestIds, limit: requestIds.length })).map((r) => [r.id, r]));
  const out: { match: MatchRow; request: RequestSummary; role: 'volunteer' | 'requester' }[] = [];
  for (const m of asVolunteer) {
    const r = requests.get(m.request_id);
    if (r) out.push({ match: m, request: summarise(r), role: 'volunteer' });
  }
  for (const m of asRequester) {
    const r = requests.get(m.request_id);
    if (r && m.volunteer_user_id !== userId && m.state !== 'suggested') out.push({ match: m, request: summarise(r), role: 'requester' });
  }
  return out.sort((a, b) => b.match.created_at.getTime() - a.match.created_at.getTime());
}
