/**
 * Starting an application from a youth idea or an open call (issue 15, scopes 5 and 6): the apply
 * form opened with `?jongerenidee=<id>` or `?oproep=<id>` is filled in with what the idea or call
 * says (and, for a call for one buurt, where), and on sending the application is linked to it: the
 * call's id is kept on the application, and the idea then says "er is een aanvraag van gemaakt".
 * An unknown, closed or foreign id (another fund, another municipality, an idea not let through, or
 * someone who may not start from ideas) opens the form empty with a plain notice: never an error page.
 */
import { AppError, type FieldErrors } from '../../../platform/errors.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Locale, MessageKey } from '../../../platform/i18n/index.ts';
import type { Principal } from '../../../platform/principal.ts';
import { isUuid } from '../../../platform/ids.ts';
import { getArea } from '../../areas/areas.service.ts';
import { openCall, type CallView } from '../joined/joined.service.ts';
import { ideaForApplication, type IdeaView } from '../youth/youth.service.ts';

export interface Prefill {
  /** Form values to start with (title, what, areaCode, and the hidden callId / youthIdeaId). */
  values: Record<string, string>;
  /** What the form was started from, shown above it. */
  from: { kind: 'call' | 'idea'; text: string } | null;
  /** A plain notice when the id did not lead anywhere. */
  notice: MessageKey | null;
}

/** null when the principal may not read it or it does not exist; other errors go on. */
async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && (e.status === 403 || e.status === 404)) return null;
    throw e;
  }
}

/** The open call `id` of this fund, or null. */
export async function callOfFund(db: DbOrTrx, principal: Principal, tenantId: string, fundId: string, id: string, locale: Locale) {
  if (!isUuid(id)) return null;
  const call = await orNull<CallView>(openCall(db, principal, tenantId, id, locale));
  return call && call.fundId === fundId ? call : null;
}

/** The youth idea `id` (let through, without an application yet, and the principal may start from ideas), or null. */
export async function ideaToStartFrom(db: DbOrTrx, principal: Principal, tenantId: string, id: string) {
  if (!isUuid(id)) return null;
  const idea = await orNull<IdeaView>(ideaForApplication(db, principal, tenantId, id));
  return idea && idea.applicationId === null ? idea : null;
}

const firstLine = (text: string, max: number) => {
  const line = text.split(/[\n.!?]/)[0]!.trim() || text.trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
};

/** What the apply form starts with for `?oproep=` / `?jongerenidee=`. */
export async function applyPrefill(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; fundId: string; oproep?: string | undefined; jongerenidee?: string | undefined; locale: Locale },
): Promise<Prefill> {
  if (args.oproep !== undefined) {
    const call = await callOfFund(db, principal, args.tenantId, args.fundId, args.oproep, args.locale);
    if (!call) return { values: {}, from: null, notice: 'initiatives.apply.from.unknownCall' };
    const area = call.areaCode ? await getArea(db, args.tenantId, call.areaCode) : null;
    return {
      values: {
        callId: call.id,
        title: firstLine(call.title, 160),
        what: call.text,
        ...(area?.level === 'neighbourhood' ? { areaCode: area.code } : {}),
      },
      from: { kind: 'call', text: call.title },
      notice: null,
    };
  }
  if (args.jongerenidee !== undefined) {
    const idea = await ideaToStartFrom(db, principal, args.tenantId, args.jongerenidee);
    if (!idea) return { values: {}, from: null, notice: 'initiatives.apply.from.unknownIdea' };
    return {
      values: { youthIdeaId: idea.id, title: firstLine(idea.text, 160), what: idea.text },
      from: { kind: 'idea', text: idea.text },
      notice: null,
    };
  }
  return { values: {}, from: null, notice: null };
}

/** On sending: the call or idea named in the form must still be one to start from (else a field error). */
export async function checkLinks(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; fundId: string; callId: string | null; youthIdeaId: string | null },
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (args.callId && !(await callOfFund(db, principal, args.tenantId, args.fundId, args.callId, 'nl'))) {
    errors['callId'] = 'initiatives.apply.from.unknownCall';
  }
  if (args.youthIdeaId && !(await ideaToStartFrom(db, principal, args.tenantId, args.youthIdeaId))) {
    errors['youthIdeaId'] = 'initiatives.apply.from.unknownIdea';
  }
  return errors;
}
