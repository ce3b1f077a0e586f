/**
 * The neighbourhood section's figures (open signals by group, median times, share fed back,
 * satisfaction) and the rule behind one of them: every closed signal whose reporter left contact
 * details must have had a message at closure. The public figures leave sensitive categories (worries
 * about a neighbour) out entirely; staff see those as open counts per wijk, from MIN_GROUP on.
 */
import { DateTime, Duration } from 'luxon';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { Invalid } from '../../../platform/errors.ts';
import { translator, type Locale } from '../../../platform/i18n/index.ts';
import * as cats from '../config/categories.store.ts';
import type { SignalRow } from '../signals.store.ts';
import * as store from './section.store.ts';
import { reporterGetsUpdate } from '../tracking/tracking.service.ts';
import { isClosed, OPEN_STATES, type SignalState } from '../workflow.ts';
import { ZONE } from '../../../platform/time.ts';

/** Below this many signals (or answers) a figure is not shown, so no one can be recognised. */
export const MIN_GROUP = 5;
/** The period of the time, feedback and satisfaction figures. */
export const PERIOD_MONTHS = 12;

/**
 * The message to the reporter for a step. A closure of a signal whose reporter left an e-mail
 * address needs one: a person closing by hand must write it (422 otherwise); a closure by the
 * system (no actor, or a `reason` such as open311, merge, retention) gets the standard text for the
 * category and state, or a general text.
 */
export async function closingMessage(
  db: DbOrTrx,
  signal: SignalRow,
  step: { to: SignalState; actorUserId: string | null; reason?: string | null; locale: Locale },
  message: string | null,
): Promise<string | null> {
  if (message || !isClosed(step.to) || !signal.reporter_email) return message;
  if (step.actorUserId !== null && !step.reason) {
    throw Invalid({ publicMessage: 'signals.feedback.messageRequired' }, 'signals.feedback.messageRequired');
  }
  // In the reporter's language (issue 12): the English standard text when they reported in English and one is stored.
  const standard = await cats.findStandardText(db, signal.tenant_id, signal.category_id, step.to, signal.reporter_locale);
  // The two closed states (isClosed above) each have a general text.
  const closedAs = step.to === 'geannuleerd' ? 'geannuleerd' : 'afgehandeld';
  return standard ?? translator(signal.reporter_locale)(`signals.feedback.default.${closedAs}`);
}

/** After a closing step: remember when the reporter's closing message was queued (null when they left no e-mail address). */
export async function recordClosingFeedback(db: DbOrTrx, signal: SignalRow, to: SignalState, now: Date): Promise<Date | null> {
  const at = reporterGetsUpdate(signal, to) ? now : null;
  await store.setFeedbackSent(db, signal.tenant_id, signal.id, at);
  return at;
}

/** A figure with the number it is based on; `value` null when there are fewer than MIN_GROUP. */
export interface Figure {
  value: number | null;
  n: number;
}

export interface PartFigures {
  code: string | null;
  /** Open non-sensitive signals. */
  open: number;
  closed: number;
  medianClose: Figure;
  fedBack: Figure;
  satisfied: Figure;
}

/**
 * The public figures of an area. Every one of them is computed over non-sensitive categories only:
 * filing, handling, closing or answering about a worry about a neighbour changes none of them.
 */
export interface AreaFigures {
  /** Open signals per group, non-sensitive categories only, in group order. */
  openByGroup: { name: string; n: number }[];
  medianResponse: Figure;
  medianClose: Figure;
  /** Share (0..1) of closed signals with contact details whose reporter got a closing message. */
  fedBack: Figure;
  /** Share (0..1) of "tevreden" among the answers. */
  satisfied: Figure;
  closed: number;
  /** Per wijk (municipality) or per buurt (wijk); empty for a buurt. */
  parts: PartFigures[];
}

const figure = (value: number | null, n: number): Figure => ({ value: n >= MIN_GROUP ? value : null, n });
const share = (part: number, whole: number): Figure => figure(whole > 0 ? part / whole : null, whole);

/** The section's public figures for an area on a date (non-sensitive signals only); counts only, no personal data. */
export async function areaFigures(
  db: DbOrTrx,
  args: { tenantId: string; level: 'municipality' | 'district' | 'neighbourhood'; areaCodes: readonly string[]; now: Date },
): Promise<AreaFigures> {
  const scope: store.AreaScope = {
    tenantId: args.tenantId,
    codes: args.level === 'municipality' ? null : args.areaCodes,
    splitBy: args.level === 'municipality' ? 'wijk_code' : args.level === 'district' ? 'buurt_code' : null,
  };
  const since = DateTime.fromJSDate(args.now, { zone: ZONE }).minus({ months: PERIOD_MONTHS }).toJSDate();
  const [open, rows] = await Promise.all([store.openCounts(db, scope, OPEN_STATES), store.measures(db, scope, since)]);

  const groups = new Map<string, { name: string; position: number; n: number }>();
  const openByPart = new Map<string | null, number>();
  for (const r of open) {
    const g = groups.get(r.group_id) ?? { name: r.group_name, position: r.position, n: 0 };
    g.n += r.n;
    groups.set(r.group_id, g);
    openByPart.set(r.part, (openByPart.get(r.part) ?? 0) + r.n);
  }
  const total = rows.find((r) => r.is_total === 1);
  const parts = new Map<string, PartFigures>();
  const partOf = (code: string): PartFigures => {
    const existing = parts.get(code);
    if (existing) return existing;
    const p: PartFigures = { code, open: 0, closed: 0, medianClose: figure(null, 0), fedBack: figure(null, 0), satisfied: figure(null, 0) };
    parts.set(code, p);
    return p;
  };
  if (scope.splitBy) {
    for (const r of rows) {
      if (r.is_total === 1 || r.part === null) continue;
      Object.assign(partOf(r.part), {
        closed: r.closed,
        medianClose: figure(r.median_close_s, r.closed),
        fedBack: share(r.fb_sent, r.fb_base),
        satisfied: share(r.satisfied, r.answers),
      });
    }
    for (const [code, n] of openByPart) if (code !== null) partOf(code).open = n;
  }
  return {
    openByGroup: [...groups.values()]
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
      .map(({ name, n }) => ({ name, n })),
    medianResponse: figure(total?.median_response_s ?? null, total?.responded ?? 0),
    medianClose: figure(total?.median_close_s ?? null, total?.closed ?? 0),
    fedBack: share(total?.fb_sent ?? 0, total?.fb_base ?? 0),
    satisfied: share(total?.satisfied ?? 0, total?.answers ?? 0),
    closed: total?.closed ?? 0,
    parts: [...parts.values()],
  };
}

/** Open worries about neighbours in one wijk, for staff: `n` null below MIN_GROUP (0 included, so a row never tells whether there is one). */
export interface SensitiveCount {
  code: string;
  n: number | null;
}

/**
 * Staff only: open signals in sensitive categories per wijk, for the given wijken (every wijk of the
 * municipality, or the one wijk of the page); never per buurt, never a total over suppressed wijken.
 */
export async function sensitiveByWijk(db: DbOrTrx, args: { tenantId: string; wijkCodes: readonly string[] }): Promise<SensitiveCount[]> {
  const rows = await store.openSensitiveByWijk(db, args.tenantId, args.wijkCodes, OPEN_STATES);
  const counts = new Map(rows.map((r) => [r.wijk_code, r.n]));
  return args.wijkCodes.map((code) => {
    const n = counts.get(code) ?? 0;
    return { code, n: n >= MIN_GROUP ? n : null };
  });
}

/** A duration in plain words: "minder dan 1 uur", "5 uur", "1 dag", "3 dagen" (calendar time, rounded). */
export function plainDuration(seconds: number, locale: Locale): string {
  const t = translator(locale);
  if (seconds < 3600) return t('signals.section.lessThanHour');
  const d =
    seconds < 86_400
      ? Duration.fromObject({ hours: Math.round(seconds / 3600) })
      : Duration.fromObject({ days: Math.round(seconds / 86_400) });
  return d.reconfigure({ locale: locale === 'nl' ? 'nl-NL' : 'en-GB' }).toHuman({ unitDisplay: 'long' });
}
