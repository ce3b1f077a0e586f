import type { ViewContext } from '../../../../ui/context.ts';
import type { ServicePage as ServicePageData } from '../find.service.ts';
import { formatDate, formatOccurrence } from './format.ts';

function telHref(n: string): string {
  return `tel:${n.replace(/[^\d+]/g, '')}`;
}

function safeUrl(u: string | null): string | null {
  return u && /^https?:\/\//i.test(u) ? u : null;
}

/** The page of one service: what, for whom, when, where, contact, freshness, correction and iCal links. */
export function ServicePage({ ctx, slug, data }: { ctx: ViewContext; slug: string; data: ServicePageData }) {
  const { t, locale } = ctx;
  const s = data.service;
  const base = `/${slug}/sociale-kaart/aanbod/${s.id}`;
  const age =
    s.minimumAge !== null && s.maximumAge !== null
      ? t('socialmap.find.service.ageRange', { min: s.minimumAge, max: s.maximumAge })
      : s.minimumAge !== null
        ? t('socialmap.find.service.ageMin', { min: s.minimumAge })
        : s.maximumAge !== null
          ? t('socialmap.find.service.ageMax', { max: s.maximumAge })
          : null;
  const website = safeUrl(s.url) ?? safeUrl(s.organizationWebsite);
  const email = s.email ?? s.organizationEmail;
  return (
    <>
      <h1 class="utrecht-heading-1">{s.name}</h1>
      <p class="sm-result__org">{t('socialmap.find.results.by', { organisation: s.organizationName })}</p>
      {s.isDemo && <p class="sm-demo">{t('socialmap.find.demo')}</p>}
      {s.alert && (
        <div class="notice notice--warning" role="note">
          <strong>{t('socialmap.find.service.alert')}:</strong> {s.alert}
        </div>
      )}

      <section class="section" aria-labelledby="sm-what">
        <h2 class="utrecht-heading-2" id="sm-what">
          {t('socialmap.find.service.what')}
        </h2>
        {s.description && <p class="utrecht-paragraph sm-text">{s.description}</p>}
        <dl class="sm-facts">
          {data.functions.length > 0 && (
            <>
              <dt>{t('socialmap.find.service.functions')}</dt>
              <dd>{data.functions.join(', ')}</dd>
            </>
          )}
          {s.feesDescription && (
            <>
              <dt>{t('socialmap.find.service.costs')}</dt>
              <dd>{s.feesDescription}</dd>
            </>
          )}
          {s.applicationProcess && (
            <>
              <dt>{t('socialmap.find.service.howTo')}</dt>
              <dd>{s.applicationProcess}</dd>
            </>
          )}
          {data.languages.length > 0 && (
            <>
              <dt>{t('socialmap.find.service.languages')}</dt>
              <dd>{data.languages.join(', ')}</dd>
            </>
          )}
        </dl>
      </section>

      {(data.targetGroups.length > 0 || age || s.eligibilityDescription) && (
        <section class="section" aria-labelledby="sm-for">
          <h2 class="utrecht-heading-2" id="sm-for">
            {t('socialmap.find.service.forWhom')}
          </h2>
          <dl class="sm-facts">
            {data.targetGroups.length > 0 && (
              <>
                <dt>{t('socialmap.find.service.targetGroups')}</dt>
                <dd>{data.targetGroups.join(', ')}</dd>
              </>
            )}
            {age && (
              <>
                <dt>{t('socialmap.find.service.age')}</dt>
                <dd>{age}</dd>
              </>
            )}
          </dl>
          {s.eligibilityDescription && <p class="utrecht-paragraph">{s.eligibilityDescription}</p>}
        </section>
      )}

      <section class="section" aria-labelledby="sm-when">
        <h2 class="utrecht-heading-2" id="sm-when">
          {t('socialmap.find.service.when')}
        </h2>
        {data.openNow && <p class="sm-badge">{t('socialmap.find.service.openNow')}</p>}
        {data.schedules
          .map((sc) => sc.description ?? sc.notes)
          .filter((x): x is string => !!x)
          .map((x) => (
            <p class="utrecht-paragraph">{x}</p>
          ))}
        {data.upcoming.length === 0 ? (
          <p class="utrecht-paragraph">{t('socialmap.find.service.noDates')}</p>
        ) : (
          <>
            <h3 class="utrecht-heading-3">{t('socialmap.find.service.nextDates')}</h3>
            <ul class="utrecht-unordered-list sm-dates">
              {data.upcoming.map((o) =>
                o.cancelled ? (
                  <li class="sm-cancelled">
                    <del>{formatOccurrence(locale, o)}</del> <strong>({t('socialmap.find.service.cancelled')})</strong>
                  </li>
                ) : (
                  <li>{formatOccurrence(locale, o)}</li>
                ),
              )}
            </ul>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`${base}.ics`} type="text/calendar">
                {t('socialmap.find.service.ical')}
              </a>
            </p>
          </>
        )}
      </section>

      <section class="section" aria-labelledby="sm-where">
        <h2 class="utrecht-heading-2" id="sm-where">
          {t('socialmap.find.service.where')}
        </h2>
        {data.locations.length === 0 && <p class="utrecht-paragraph">{t('socialmap.find.service.noLocation')}</p>}
        {data.locations.map((l) => (
          <div class="sm-place">
            {l.name && <h3 class="utrecht-heading-3">{l.name}</h3>}
            {l.address1 && (
              <address class="sm-address">
                {l.address1}
                {l.address2 && (
                  <>
                    <br />
                    {l.address2}
                  </>
                )}
                <br />
                {[l.postalCode, l.city].filter(Boolean).join(' ')}
              </address>
            )}
            {l.buurtName && l.buurtCode && (
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href={`/${slug}/wijken/${l.buurtCode}`}>
                  {t('socialmap.find.service.inBuurt', { name: l.buurtName })}
                </a>
                {' · '}
                <a class="utrecht-link" href={`/${slug}/sociale-kaart/folder/${l.buurtCode}`}>
                  {t('socialmap.find.service.leaflet')}
                </a>
              </p>
            )}
            <p class="utrecht-paragraph">
              <strong>{t('socialmap.find.service.accessibility')}</strong>
            </p>
            {l.accessibility.length === 0 && l.accessibilityNotes.length === 0 ? (
              <p class="utrecht-paragraph">{t('socialmap.find.service.noAccessibility')}</p>
            ) : (
              <ul class="utrecht-unordered-list">
                {[...l.accessibility, ...l.accessibilityNotes].map((a) => (
                  <li>{a}</li>
                ))}
              </ul>
            )}
            {l.transportation && (
              <p class="utrecht-paragraph">
                <strong>{t('socialmap.find.service.transport')}:</strong> {l.transportation}
              </p>
            )}
          </div>
        ))}
      </section>

      <section class="section" aria-labelledby="sm-contact">
        <h2 class="utrecht-heading-2" id="sm-contact">
          {t('socialmap.find.service.contact')}
        </h2>
        {s.isDemo && <p class="sm-demo">{t('socialmap.find.service.demoContact')}</p>}
        <dl class="sm-facts">
          <dt>{t('socialmap.find.service.organisation')}</dt>
          <dd>{s.organizationName}</dd>
          {[...data.phones, ...data.locations.flatMap((l) => l.phones)].slice(0, 4).map((p) => (
            <>
              <dt>{t('socialmap.find.service.phone')}</dt>
              <dd>
                <a class="utrecht-link" href={telHref(p.number)}>
                  {p.number}
                </a>
                {p.description && <> ({p.description})</>}
              </dd>
            </>
          ))}
          {email && (
            <>
              <dt>{t('socialmap.find.service.email')}</dt>
              <dd>
                <a class="utrecht-link" href={`mailto:${email}`}>
                  {email}
                </a>
              </dd>
            </>
          )}
          {website && (
            <>
              <dt>{t('socialmap.find.service.website')}</dt>
              <dd>
                <a class="utrecht-link" href={website} rel="noopener">
                  {website}
                </a>
              </dd>
            </>
          )}
        </dl>
      </section>

      <p class="utrecht-paragraph sm-checked">
        {s.lastCheckedAt
          ? t('socialmap.find.service.lastChecked', { date: formatDate(locale, new Date(s.lastCheckedAt)) })
          : t('socialmap.find.service.neverChecked', { date: formatDate(locale, new Date(s.updatedAt)) })}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/correctie`}>
          {t('socialmap.find.service.correction')}
        </a>
      </p>
    </>
  );
}
