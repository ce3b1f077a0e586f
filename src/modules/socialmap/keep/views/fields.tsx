/** Small view helpers of the maintenance pages: notices and freshness (form parts come from the shared ui/form.tsx). */
import type { ViewContext } from '../../../../ui/context.ts';
export { ButtonForm, ChoiceGroup, TextAreaField } from '../../../../ui/form.tsx';
import { formatCheckedDate, isStale, needsCheck } from '../freshness.ts';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import type { SERVICE_STATUSES } from '../../socialmap.schemas.ts';

/** Notices after a redirect (`?melding=code`); only these codes are accepted. */
const NOTICES: Record<string, MessageKey> = {
  opgeslagen: 'socialmap.keep.saved',
  toegevoegd: 'socialmap.keep.created',
  gecontroleerd: 'socialmap.keep.confirmed',
  'locatie-opgeslagen': 'socialmap.keep.loc.saved',
  'tijd-toegevoegd': 'socialmap.keep.sched.saved',
  'tijd-verwijderd': 'socialmap.keep.sched.removed',
  afgelast: 'socialmap.keep.sched.cancelled',
  verwerkt: 'socialmap.keep.handle.done',
};

/** The i18n key of the notice named in the query string (`melding`), or null. */
export function noticeKey(code: string | undefined): MessageKey | null {
  return code !== undefined && Object.hasOwn(NOTICES, code) ? (NOTICES[code] ?? null) : null;
}

/** "Laatst gecontroleerd op 23 november 2026" (or never). */
export function lastCheckedText(ctx: ViewContext, lastCheckedAt: Date | null): string {
  return ctx.t('socialmap.keep.lastChecked', {
    date: lastCheckedAt ? formatCheckedDate(lastCheckedAt, ctx.locale) : ctx.t('socialmap.keep.never'),
  });
}

/** The freshness of an entry in words (never by colour alone). */
export function FreshnessLabel({ ctx, lastCheckedAt, now }: { ctx: ViewContext; lastCheckedAt: Date | null; now: Date }) {
  if (isStale(lastCheckedAt, now)) return <strong class="freshness freshness--stale">{`! ${ctx.t('socialmap.keep.fresh.stale')}`}</strong>;
  if (needsCheck(lastCheckedAt, now)) return <span class="freshness freshness--due">{ctx.t('socialmap.keep.fresh.due')}</span>;
  return <span class="freshness">{ctx.t('socialmap.keep.fresh.ok')}</span>;
}

/** Status of a service in words. */
export function statusLabel(ctx: ViewContext, status: (typeof SERVICE_STATUSES)[number]): string {
  return ctx.t(`socialmap.keep.status.${status === 'temporarily closed' ? 'closed' : status}`);
}
