import type { ViewContext } from '../../../../ui/context.ts';
import type { Leaflet } from '../find.service.ts';
import { formatDate, formatMonth, formatOccurrence } from './format.ts';

/**
 * The printable leaflet "Wat is er te doen in mijn buurt?" of a buurt or wijk: this month's
 * activities, meeting places and phone numbers in large type. Print CSS (app.css) hides the
 * site navigation, header and footer.
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
  const phones = new Map<string, string>();
  for (const a of [...data.activities, ...data.other]) if (a.phone && !phones.has(a.phone)) phones.set(a.phone, a.name);
  for (const p of data.places) for (const ph of p.phones) if (!phones.has(ph.number)) phones.set(ph.number, p.name ?? '');
  return (
    <div class="sm-leaflet">
      <h1 class="utrecht-heading-1">{t('socialmap.find.leaflet.title')}</h1>
      <p class="sm-leaflet__subtitle">
        {t('socialmap.find.leaflet.subtitle', { name: data.area.name, month: formatMonth(locale, data.month.from) })}
      </p>
      <p class="utrecht-paragraph sm-noprint">{t('socialmap.find.leaflet.print')}</p>

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
            {a.place && (
              <p class="utrecht-paragraph">
                <strong>{t('socialmap.find.leaflet.where')}:</strong> {a.place}
              </p>
            )}
            <ul class="sm-leaflet__dates">
              {a.dates.map((o) =>
                o.cancelled ? (
                  <li>
                    <del>{formatOccurrence(locale, o)}</del> ({t('socialmap.find.service.cancelled')})
                  </li>
                ) : (
                  <li>{formatOccurrence(locale, o)}</li>
                ),
              )}
            </ul>
            {a.phone && (
              <p class="utrecht-paragraph">
                {t('socialmap.find.service.phone')}: {a.phone}
              </p>
            )}
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

      <p class="utrecht-paragraph">{t('socialmap.find.leaflet.more', { url: `${siteUrl}/${slug}/sociale-kaart` })}</p>
      <p class="utrecht-paragraph sm-noprint">
        <a class="utrecht-link" href={`/${slug}/sociale-kaart/agenda/${data.area.code}.ics`} type="text/calendar">
          {t('socialmap.find.leaflet.ical')}
        </a>
      </p>
      <p class="sm-leaflet__made">{t('socialmap.find.leaflet.made', { date: formatDate(locale, now) })}</p>
    </div>
  );
}
