/** What the wijkschouw pages and the closing mails show of a session, its participants and its signals (view models, not rows). */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SignalState } from '../workflow.ts';
import type { WijkschouwStatus } from './wijkschouw.tables.ts';
import { getArea } from '../../areas/areas.service.ts';
import { listOrganisations } from '../../people/people.service.ts';
import * as store from './wijkschouw.store.ts';

/** A session as its pages show it. */
export interface SessionView {
  id: string;
  title: string;
  areaCode: string;
  /** The day of the walk, yyyy-mm-dd. */
  walkDate: string;
  meetingPoint: string;
  status: WijkschouwStatus;
}

/** A line of the list of sessions. */
export interface SessionListItem extends SessionView {
  areaName: string;
  signalCount: number;
}

/** A participant as the session page shows them (the e-mail itself is not shown, only that they get the summary). */
export interface ParticipantView {
  name: string;
  role: string;
  getsSummary: boolean;
}

export function sessionView(s: store.SessionRow): SessionView {
  return { id: s.id, title: s.title, areaCode: s.area_code, walkDate: s.walk_date, meetingPoint: s.meeting_point, status: s.status };
}

export function sessionListItem(s: store.SessionRow & { signal_count: number | string | null }, areaName: string): SessionListItem {
  return { ...sessionView(s), areaName, signalCount: Number(s.signal_count ?? 0) };
}

export function participantView(p: store.ParticipantRow): ParticipantView {
  return { name: p.name, role: p.role, getsSummary: !!p.email };
}

export interface SummaryLine {
  publicId: string;
  category: string;
  place: string;
  organisation: string;
  state: SignalState;
  /** Has a point outside the session's wijk or buurt. */
  outsideArea: boolean;
}

/** Per signal: number, category, place (address or buurt), routed organisation; sensitive ones only counted. */
export async function sessionSummary(
  db: DbOrTrx,
  session: store.SessionRow,
): Promise<{ lines: SummaryLine[]; sensitiveCount: number; areaName: string }> {
  const [signals, organisations, area] = await Promise.all([
    store.listSessionSignals(db, session.tenant_id, session.id),
    listOrganisations(db, session.tenant_id),
    getArea(db, session.tenant_id, session.area_code),
  ]);
  const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
  const buurtNames = new Map<string, string>();
  for (const code of new Set(signals.map((s) => s.buurt_code).filter((c): c is string => !!c))) {
    buurtNames.set(code, (await getArea(db, session.tenant_id, code))?.name ?? code);
  }
  const lines = signals
    .filter((s) => !s.sensitive)
    .map((s) => ({
      publicId: s.public_id,
      category: s.category_name,
      place: [s.address, s.buurt_code ? buurtNames.get(s.buurt_code) : null].filter(Boolean).join(', '),
      organisation: s.organisation_id ? (orgNames.get(s.organisation_id) ?? '') : '',
      state: s.state,
      outsideArea: s.latitude !== null && s.buurt_code !== session.area_code && s.wijk_code !== session.area_code,
    }));
  return { lines, sensitiveCount: signals.length - lines.length, areaName: area?.name ?? session.area_code };
}
