import type { ViewContext } from '../../../../ui/context.ts';
import type { Leaflet } from '../find.service.ts';
import { formatDate, formatOccurrence } from './format.ts';

/** At most this many dates per activity (a weekly activity has about twelve in four weeks): the leaflet must fit on one A4. */
const DATES_SHOWN = 4;

/**
 * The printable leaflet "Wat is er te doen in mijn buurt?" of a buurt or wijk: the coming dates of
 * the next four weeks, meeting places and phone numbers, on one A4 page (print CSS in app.css hides
 * the site's header, navigation and footer). A print button with JavaScript
 * (`/static/socialmap-print.js`), else a sentence "Ctrl+P".
 */
export function LeafletPage({
  ctx,
  slug,
  data,
  now,
  siteUrl,
}: {
  ctx: ViewContext;
  slug: string;
  data: Leaflet;
  now: Date;
  siteUrl: string;
}) {
  const { t, locale } = ctx;
  // The numbers of the places (those of the activities stand beside each activity already).
  const shown = new Set([...data.activities, ...data.other].map((a) => a.phone).filter(Boolean));
  const phones = new Map<string, string>();
  for (const p of data.places) {
    for (const ph of p.phones) if (!phones.has(ph.number) && !shown.has(ph.number)) phones.set(ph.number, p.name ?? '');
  }
  const lastDay = new Date(data.period.to.getTime() - 1);
  return (
    <div class="sm-leaflet">
      <h1 class="utrecht-heading-1">{t('socialmap.find.leaflet.title')}</h1>
      <p class="sm-leaflet__subtitle">
        {t('socialmap.find.leaflet.subtitle', {
          name: data.area.name,
          from: formatDate(locale, data.period.from),
          to: formatDate(locale, lastDay),
        })}
      </p>
      <div class="sm-noprint sm-leaflet__print">
        <p class="utrecht-paragraph" id="sm-print-hint">
          {t('socialmap.find.leaflet.print')}
        </p>
        <button type="button" class="utrecht-button utrecht-button--primary-action" id="sm-print" hidden>
          {t('socialmap.find.leaflet.printButton')}
        </button>
      </div>

      <section aria-labelledby="sm-l-activities">
        <h2 class="utrecht-heading-2" id="sm-l-activities">
          {t('socialmap.find.leaflet.activities')}
        </h2>
        {data.activities.length === 0 && <p class="utrecht-paragraph">{t('socialmap.find.leaflet.noActivities')}</p>}
        {data.activities.map((a) => (
          <article class="sm-leaflet__item" aria-labelledby={`sm-a-${a.id}`}>
            <h3 class="utrecht-heading-3" id={`sm-a-${a.id}`}>
              {a.name}
            </h3>
            {(a.place || a.phone) && (
              <p class="utrecht-paragraph">
                {a.place && (
                  <>
                    <strong>{t('socialmap.find.leaflet.where')}:</strong> {a.place}
                  </>
                )}
                {a.place && a.phone && ' · '}
                {a.phone && (
                  <>
                    <strong>{t('socialmap.find.service.phone')}:</strong> {a.phone}
                  </>
                )}
              </p>
            )}
            <ul class="sm-leaflet__dates">
              {a.dates.slice(0, DATES_SHOWN).map((o) =>
                o.cancelled ? (
                  <li>
                    <del>{formatOccurrence(locale, o, true)}</del> ({t('socialmap.find.service.cancelled')})
                  </li>
                ) : (
                  <li>{formatOccurrence(locale, o, true)}</li>
                ),
              )}
              {a.dates.length > DATES_SHOWN && <li>{t('socialmap.find.leaflet.moreDates', { count: a.dates.length - DATES_SHOWN })}</li>}
            </ul>
          </article>
        ))}
      </section>

      {data.other.length > 0 && (
        <section aria-labelledby="sm-l-other">
          <h2 class="utrecht-heading-2" id="sm-l-other">
            {t('socialmap.find.leaflet.other')}
          </h2>
          <ul class="sm-leaflet__list">
            {data.other.map((a) => (
              <li>
                <strong>{a.name}</strong>
                {a.place && <> – {a.place}</>}
                {a.phone && <> – {a.phone}</>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div class="sm-leaflet__columns">
        <section aria-labelledby="sm-l-places">
          <h2 class="utrecht-heading-2" id="sm-l-places">
            {t('socialmap.find.leaflet.places')}
          </h2>
          {data.places.length === 0 ? (
            <p class="utrecht-paragraph">{t('socialmap.find.leaflet.noPlaces')}</p>
          ) : (
            <ul class="sm-leaflet__list">
              {data.places.map((p) => (
                <li>
                  <strong>{p.name ?? p.address1}</strong>
                  {p.address1 && p.name && <> – {p.address1}</>}
                  {p.accessibility.length > 0 && <> ({p.accessibility.join(', ')})</>}
                </li>
              ))}
            </ul>
          )}
        </section>

        {(phones.size > 0 || shown.size === 0) && (
          <section aria-labelledby="sm-l-phones">
            <h2 class="utrecht-heading-2" id="sm-l-phones">
              {t('socialmap.find.leaflet.phones')}
            </h2>
            {phones.size === 0 ? (
              <p class="utrecht-paragraph">{t('socialmap.find.leaflet.noPhones')}</p>
            ) : (
              <dl class="sm-facts sm-leaflet__phones">
                {[...phones].map(([number, name]) => (
                  <>
                    <dt>{name}</dt>
                    <dd>{number}</dd>
                  </>
                ))}
              </dl>
            )}
          </section>
        )}
      </div>

      <p class="utrecht-paragraph sm-leaflet__more">{t('socialmap.find.leaflet.more', { url: `${siteUrl}/${slug}/sociale-kaart` })}</p>
      <p class="utrecht-paragraph sm-noprint">
        <a class="utrecht-link" href={`/${slug}/sociale-kaart/agenda/${data.area.code}.ics`} type="text/calendar">
          {t('socialmap.find.leaflet.ical')}
        </a>
      </p>
      <p class="sm-leaflet__made">{t('socialmap.find.leaflet.made', { date: formatDate(locale, now) })}</p>
      <script src="/static/socialmap-print.js" defer></script>
    </div>
  );
}
