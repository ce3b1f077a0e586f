/** A schedule in plain words: "Elke maand: eerste, derde dinsdag, 12:00 tot 13:30". */
import type { ViewContext } from '../../../../ui/context.ts';
import { MONTH_WEEKS, WEEKDAY_CODES } from './schedule-form.tsx';

export interface ScheduleLike {
  freq: string | null;
  byday: string | null;
  dtstart: string | null;
  validFrom: string | null;
  validTo: string | null;
  opensAt: string | null;
  closesAt: string | null;
  description: string | null;
}

const isDay = (d: string): d is (typeof WEEKDAY_CODES)[number] => (WEEKDAY_CODES as readonly string[]).includes(d);
const isWeek = (w: string): w is (typeof MONTH_WEEKS)[number] => (MONTH_WEEKS as readonly string[]).includes(w);

const list = (ctx: ViewContext, items: string[]) =>
  new Intl.ListFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'long', type: 'conjunction' }).format(items);

/** Describe a schedule the way a resident would say it. */
export function scheduleText(ctx: ViewContext, s: ScheduleLike): string {
  const { t } = ctx;
  const parts = (s.byday ?? '').split(',').filter(Boolean);
  // A stored rule may hold codes the forms do not make (an import): those are shown as they are.
  const days = [...new Set(parts.map((p) => p.slice(-2)))].map((d) => (isDay(d) ? t(`socialmap.keep.day.${d}`) : d));
  const weeks = [...new Set(parts.map((p) => p.slice(0, -2)).filter(Boolean))].map((w) => {
    const week = String(Number(w));
    return isWeek(week) ? t(`socialmap.keep.sched.week.${week}`).toLowerCase() : w;
  });
  let when: string;
  if (s.freq === 'WEEKLY') when = t('socialmap.keep.sched.everyWeek', { days: list(ctx, days) });
  else if (s.freq === 'MONTHLY') when = t('socialmap.keep.sched.everyMonth', { weeks: list(ctx, weeks), days: list(ctx, days) });
  else when = t('socialmap.keep.sched.onceOn', { date: s.dtstart ?? s.validFrom ?? '' });
  const out = [when];
  if (s.opensAt) out.push(t('socialmap.keep.sched.times', { opens: s.opensAt.slice(0, 5), closes: (s.closesAt ?? '').slice(0, 5) }));
  if (s.freq && (s.validFrom || s.validTo)) {
    out.push(t('socialmap.keep.sched.period', { from: s.validFrom ?? '…', to: s.validTo ?? '…' }));
  }
  if (s.description) out.push(s.description);
  return out.join(', ');
}
