/**
 * The "Ontmoeten" section of the neighbourhood page (/{tenant}/wijken/{code}) for a wijk or buurt:
 * the activities of the coming 7 days (today and six more, also on a Sunday), the meeting places, what is missing (white spots), the number of stale
 * entries, and links to the social map search and the printable leaflet.
 * Computed by the area-summaries job (`summarize`, counting from the job's moment); `render` only
 * shows the stored data and says when it was computed.
 */
import './section.messages.ts';
import type { AreaSummaryArgs, SummaryRenderArgs, SummarySection } from '../../../platform/module.ts';
import type { Range } from '../schedule.ts';
import { coverageRow, entriesIn, type BasicFunction, type CoverageQuestion } from './coverage.ts';
import { allServiceIds, coverageEntries, servicePlacesIn, staleCountIn } from '../keep/keep.coverage.ts';
import { occurrencesOfServices } from '../records/schedules.service.ts';
import { comingFromNow } from '../coming-days.ts';
import { FUNCTIE } from '../taxonomy/taxonomy.ts';
import { ZONE } from '../../../platform/time.ts';

const MAX_ACTIVITIES = 12;
/** Above this many services of a tenant the week's occurrences are read per area (bound parameters stay far below 65,535). */
const SHARED_OCCURRENCES_MAX = 30_000;

/**
 * The occurrences in `week` of these services, as `occurrencesOfServices` gives them (in the
 * schedules' order). In the summaries job (`args.shared`) the occurrences of every service of the
 * tenant are expanded once per run and each area keeps those of its own services: the same rows in
 * the same order, since every schedule is expanded on its own and the filter keeps the order.
 */
async function weekOccurrences({ db, tenantId, shared }: AreaSummaryArgs, serviceIds: readonly string[], week: Range) {
  if (!shared || serviceIds.length === 0) return occurrencesOfServices(db, tenantId, serviceIds, week);
  const everyService = await shared(`socialmap:week-occurrences|${week.from.toISOString()}|${week.to.toISOString()}`, async () => {
    const ids = await allServiceIds(db, tenantId);
    return ids.length > SHARED_OCCURRENCES_MAX ? null : occurrencesOfServices(db, tenantId, ids, week);
  });
  if (everyService === null) return occurrencesOfServices(db, tenantId, serviceIds, week);
  const wanted = new Set(serviceIds);
  return everyService.filter((o) => wanted.has(o.serviceId));
}

/** What the area-summaries job stores for a wijk or buurt (null for the municipality): plain JSON. */
export interface OntmoetenSummary {
  /** The first MAX_ACTIVITIES activities of the coming 7 days, counted from the job's moment. */
  items: { serviceId: string; name: string; place: string | null; start: string; allDay: boolean; cancelled: boolean }[];
  /** How many activities there are in those 7 days (more than `items` when over MAX_ACTIVITIES). */
  itemCount: number;
  /** Meeting places ("name, address"), each once, sorted. */
  places: string[];
  whiteSpots: { questions: CoverageQuestion[]; functions: BasicFunction[] };
  staleCount: number;
}

function when(locale: 'nl' | 'en', start: Date, allDay: boolean): string {
  const f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(allDay ? {} : { hour: '2-digit', minute: '2-digit' }),
    timeZone: ZONE,
  });
  return f.format(start);
}

function time(locale: 'nl' | 'en', at: Date): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: ZONE }).format(at);
}

async function summarize(args: AreaSummaryArgs): Promise<OntmoetenSummary | null> {
  const { db, tenantId, area, areaCodes, now } = args;
  if (area.level === 'municipality') return null;
  const [entries, places, staleCount] = await Promise.all([
    coverageEntries(db, tenantId, now, areaCodes),
    servicePlacesIn(db, tenantId, areaCodes),
    staleCountIn(db, tenantId, now, areaCodes),
  ]);
  const here = entriesIn({ code: area.code, level: area.level }, entries);
  const row = coverageRow({ code: area.code, name: area.name, level: area.level, parentCode: null }, here);
  const active = new Map(entries.map((e) => [e.id, e]));

  // What is still to come in the coming 7 days (today and six more) of the active services offered here.
  const week = comingFromNow(now);
  const placeOf = new Map(places.map((p) => [p.serviceId, p.locationName]));
  const items = (await weekOccurrences(args, [...active.keys()], week))
    .map(({ serviceId, occurrence }) => ({
      serviceId,
      name: active.get(serviceId)?.name ?? '',
      place: placeOf.get(serviceId) ?? null,
      occurrence,
    }))
    .sort((a, b) => a.occurrence.start.getTime() - b.occurrence.start.getTime());

  // Meeting places: locations of active meeting services, each once.
  const meeting = new Map<string, string>();
  for (const p of places) {
    if (active.get(p.serviceId)?.functions.includes(FUNCTIE.ontmoeting)) {
      meeting.set(p.locationId, [p.locationName, p.address].filter(Boolean).join(', ') || '—');
    }
  }
  return {
    items: items.slice(0, MAX_ACTIVITIES).map((i) => ({
      serviceId: i.serviceId,
      name: i.name,
      place: i.place,
      start: i.occurrence.start.toISOString(),
      allDay: i.occurrence.allDay,
      cancelled: i.occurrence.cancelled,
    })),
    itemCount: items.length,
    places: [...meeting.values()].sort(),
    whiteSpots: { questions: [...row.whiteSpots.questions], functions: row.whiteSpots.functions.filter((f) => f !== FUNCTIE.ontmoeting) },
    staleCount,
  };
}

function render({ ctx, tenantSlug: slug, area, data, computedAt }: SummaryRenderArgs<OntmoetenSummary | null>) {
  if (!data) return null;
  const { t } = ctx;
  const { items, places: meeting, staleCount } = data;
  const missing = [
    ...data.whiteSpots.questions.map((q) => t(`socialmap.keep.q.${q}.short`)),
    ...data.whiteSpots.functions.map((f) => t(`socialmap.keep.fn.${f}`).toLowerCase()),
  ];
  const headingId = `ontmoeten-${area.code}`;
  return (
    <section class="section area-ontmoeten" aria-labelledby={headingId}>
      <h2 class="utrecht-heading-2" id={headingId}>
        {t('socialmap.keep.area.title', { name: area.name })}
      </h2>
      <h3 class="utrecht-heading-3">{t('socialmap.keep.area.week')}</h3>
      <p class="utrecht-paragraph">{t('socialmap.section.updated', { time: time(ctx.locale, computedAt) })}</p>
      {items.length === 0 ? (
        <p class="utrecht-paragraph">{t('socialmap.keep.area.noActivities')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {items.map((i) => (
            <li>
              {when(ctx.locale, new Date(i.start), i.allDay)}:{' '}
              <a class="utrecht-link" href={`/${slug}/sociale-kaart/aanbod/${i.serviceId}`}>
                {i.name}
              </a>
              {i.place && ` (${i.place})`}
              {i.cancelled && <strong>{` — ${t('socialmap.keep.area.cancelled')}`}</strong>}
            </li>
          ))}
          {data.itemCount > items.length && <li>{t('socialmap.keep.area.more', { count: data.itemCount - items.length })}</li>}
        </ul>
      )}
      <h3 class="utrecht-heading-3">{t('socialmap.keep.area.places')}</h3>
      {meeting.length === 0 ? (
        <p class="utrecht-paragraph">{t('socialmap.keep.area.noPlaces')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {meeting.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      )}
      <p class="utrecht-paragraph">
        {missing.length === 0
          ? t('socialmap.keep.area.noWhiteSpots', { name: area.name })
          : t('socialmap.keep.area.whiteSpots', { name: area.name, list: missing.join(', ') })}
      </p>
      {staleCount > 0 && <p class="utrecht-paragraph">{t('socialmap.keep.area.stale', { count: staleCount })}</p>}
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={`/${slug}/sociale-kaart`}>
            {t('socialmap.keep.area.search')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`/${slug}/sociale-kaart/folder/${area.code}`}>
            {t('socialmap.keep.area.leaflet', { name: area.name })}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** The ontmoeten section (function "meet"), shown on the page of every wijk and buurt. */
export const ontmoetenSection: SummarySection<OntmoetenSummary | null> = {
  id: 'socialmap-ontmoeten',
  order: 10,
  fn: 'meet',
  summarize,
  render,
};
