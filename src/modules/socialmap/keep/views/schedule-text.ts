/** A schedule in plain words: "Elke maand: eerste, derde dinsdag, 12:00 tot 13:30". */
import type { ViewContext } from '../../../../ui/context.ts';
import { translateChecked } from '../../../../platform/i18n/index.ts';

export interface ScheduleLike {
  freq: string | null;
  byday: string | null;
  dtstart: string | null;
  valid_from: string | null;
  valid_to: string | null;
  opens_at: string | null;
  closes_at: string | null;
  description: string | null;
}

const list = (ctx: ViewContext, items: string[]) =>
  new Intl.ListFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'long', type: 'conjunction' }).format(items);

/** Describe a schedule the way a resident would say it. */
export function scheduleText(ctx: ViewContext, s: ScheduleLike): string {
  const { t } = ctx;
  const parts = (s.byday ?? '').split(',').filter(Boolean);
  const days = [...new Set(parts.map((p) => p.slice(-2)))].map((d) => translateChecked(t, `socialmap.keep.day.${d}`));
  const weeks = [...new Set(parts.map((p) => p.slice(0, -2)).filter(Boolean))].map((w) =>
    translateChecked(t, `socialmap.keep.sched.week.${Number(w)}`).toLowerCase(),
  );
  let when: string;
  if (s.freq === 'WEEKLY') when = t('socialmap.keep.sched.everyWeek', { days: list(ctx, days) });
  else if (s.freq === 'MONTHLY') when = t('socialmap.keep.sched.everyMonth', { weeks: list(ctx, weeks), days: list(ctx, days) });
  else when = t('socialmap.keep.sched.onceOn', { date: s.dtstart ?? s.valid_from ?? '' });
  const out = [when];
  if (s.opens_at) out.push(t('socialmap.keep.sched.times', { opens: s.opens_at.slice(0, 5), closes: (s.closes_at ?? '').slice(0, 5) }));
  if (s.freq && (s.valid_from || s.valid_to)) {
    out.push(t('socialmap.keep.sched.period', { from: s.valid_from ?? '…', to: s.valid_to ?? '…' }));
  }
  if (s.description) out.push(s.description);
  return out.join(', ');
}
