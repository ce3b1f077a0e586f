import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, fieldId, TextField } from '../../../../ui/form.tsx';
import { Checkboxes, Radios } from './choices.tsx';
import type { ResultCard, SearchResult } from '../find.service.ts';
import { formatDistance, formatOccurrence } from './format.ts';
import { ResultMap } from './result-map.tsx';
import { MapAssets, PointsMap } from '../../../../ui/map.tsx';

/** The submitted (GET) search form, as strings. */
export interface FindFormValues {
  q: string;
  functie: string[];
  doelgroep: string[];
  toegankelijk: string[];
  wanneer: string;
  postcode: string;
  huisnummer: string;
  adres: string;
  lat: string;
  lon: string;
  afstand: string;
  pagina: number;
}

export interface SearchPageProps {
  ctx: ViewContext;
  slug: string;
  values: FindFormValues;
  options: Record<string, { code: string; name: string }[]>;
  errors: Record<string, string>;
  result: SearchResult | null;
  /** Where the distance is measured from (already translated), or null. */
  origin: string | null;
  /** Whether the visitor used any filter (for the "no results" suggestions). */
  filtered: boolean;
  /** The point distances are measured from (for the small map), or null. */
  point: { lat: number; lon: number } | null;
}

function Card({ ctx, slug, item }: { ctx: ViewContext; slug: string; item: ResultCard }) {
  const { t, locale } = ctx;
  const loc = item.location;
  const where = loc ? [loc.name, loc.address, loc.city].filter(Boolean).join(', ') : null;
  return (
    <li class="sm-result">
      <h3 class="utrecht-heading-3 sm-result__title">
        <a class="utrecht-link" href={`/${slug}/sociale-kaart/aanbod/${item.id}`}>
          {item.name}
        </a>
      </h3>
      <p class="sm-result__org">{t('socialmap.find.results.by', { organisation: item.organisation })}</p>
      {item.openNow && <p class="sm-badge">{t('socialmap.find.results.openNow')}</p>}
      <dl class="sm-facts">
        {where && (
          <>
            <dt>{t('socialmap.find.results.where')}</dt>
            <dd>
              {where}
              {loc?.buurtName && <> ({t('socialmap.find.results.buurt', { name: loc.buurtName })})</>}
            </dd>
          </>
        )}
        {item.distance !== null && (
          <>
            <dt>{t('socialmap.find.results.distance')}</dt>
            <dd>{formatDistance(t, locale, item.distance)}</dd>
          </>
        )}
        <dt>{t('socialmap.find.results.next')}</dt>
        <dd>{item.next ? formatOccurrence(locale, item.next) : t('socialmap.find.results.noNext')}</dd>
        {item.accessibility.length > 0 && (
          <>
            <dt>{t('socialmap.find.results.access')}</dt>
            <dd>{item.accessibility.join(', ')}</dd>
          </>
        )}
      </dl>
      {item.isDemo && <p class="sm-demo">{t('socialmap.find.demo')}</p>}
    </li>
  );
}

function pageHref(slug: string, values: FindFormValues, page: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (k === 'pagina') continue;
    for (const x of Array.isArray(v) ? v : [v]) if (x !== '' && x !== undefined) p.append(k, String(x));
  }
  if (page > 1) p.set('pagina', String(page));
  const qs = p.toString();
  return `/${slug}/sociale-kaart${qs ? `?${qs}` : ''}`;
}

function Results({
  ctx,
  slug,
  values,
  result,
  filtered,
  point,
}: {
  ctx: ViewContext;
  slug: string;
  values: FindFormValues;
  result: SearchResult;
  filtered: boolean;
  point: { lat: number; lon: number } | null;
}) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  if (result.total === 0) {
    return (
      <div class="sm-none">
        <p class="utrecht-paragraph">
          <strong>{t('socialmap.find.results.none')}</strong>
        </p>
        <p class="utrecht-paragraph">{t('socialmap.find.results.suggestions')}</p>
        <ul class="utrecht-unordered-list">
          {values.q && <li>{t('socialmap.find.results.tryFewerWords')}</li>}
          {(values.postcode || values.adres || values.lat) && values.afstand !== '3000' && (
            <li>{t('socialmap.find.results.tryFarther')}</li>
          )}
          {values.wanneer && <li>{t('socialmap.find.results.tryAnyTime')}</li>}
          {(values.functie.length > 0 || values.doelgroep.length > 0 || values.toegankelijk.length > 0) && (
            <li>{t('socialmap.find.results.tryFewerFilters')}</li>
          )}
          {filtered && (
            <li>
              <a class="utrecht-link" href={`/${slug}/sociale-kaart`}>
                {t('socialmap.find.results.allOffers')}
              </a>
            </li>
          )}
        </ul>
      </div>
    );
  }
  return (
    <>
      <p class="utrecht-paragraph">
        {result.capped
          ? t('socialmap.find.results.capped', { count: result.total })
          : result.total === 1
            ? t('socialmap.find.results.countOne')
            : t('socialmap.find.results.count', { count: result.total })}
      </p>
      <div class="sm-results-wrap">
        <ol class="sm-results" start={(result.page - 1) * result.pageSize + 1}>
          {result.items.map((item) => (
            <Card ctx={ctx} slug={slug} item={item} />
          ))}
        </ol>
        {point && (
          <ResultMap
            ctx={ctx}
            origin={point}
            radius={Number(values.afstand) || 1000}
            items={result.items}
            first={(result.page - 1) * result.pageSize + 1}
          />
        )}
        {/* With JavaScript and tiles: the results on a street map, in place of the drawn one (docs/maps.md). */}
        <PointsMap
          label={t('socialmap.find.map.title')}
          replaces=".sm-map"
          points={result.items.flatMap((item, i) =>
            item.location && item.location.lat !== null && item.location.lon !== null
              ? [
                  {
                    lat: item.location.lat,
                    lon: item.location.lon,
                    label: `${(result.page - 1) * result.pageSize + 1 + i}. ${item.name}`,
                    href: `/${slug}/sociale-kaart/aanbod/${item.id}`,
                  },
                ]
              : [],
          )}
        />
        <MapAssets />
      </div>
      {pages > 1 && (
        <nav class="sm-pager" aria-label={t('socialmap.find.results.pages')}>
          {result.page > 1 && (
            <a class="utrecht-link" href={pageHref(slug, values, result.page - 1)} rel="prev">
              {t('socialmap.find.results.previous')}
            </a>
          )}
          <span>{t('socialmap.find.results.pageOf', { page: result.page, pages })}</span>
          {result.page < pages && (
            <a class="utrecht-link" href={pageHref(slug, values, result.page + 1)} rel="next">
              {t('socialmap.find.results.nextPage')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}

/** The resident search page: a GET form that works without JavaScript, and the results as a list. */
export function SearchPage({ ctx, slug, values, options, errors, result, origin, filtered, point }: SearchPageProps) {
  const { t } = ctx;
  // The folded filters (kind, for whom, accessibility, distance): the <details> is open when one is in use or wrong.
  const foldedActive =
    values.functie.length +
    values.doelgroep.length +
    values.toegankelijk.length +
    (values.afstand && values.afstand !== '1000' ? 1 : 0) +
    (['functie', 'doelgroep', 'toegankelijk', 'afstand'].some((f) => errors[f]) ? 1 : 0);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.find.title')}</h1>
      <p class="utrecht-paragraph">{t('socialmap.find.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {result && result.total > 0 && (
        <p class="utrecht-paragraph sm-skip">
          <a class="utrecht-link" href="#resultaten">
            {t('socialmap.find.results.skip')}
          </a>
        </p>
      )}
      <form method="get" action={`/${slug}/sociale-kaart`} class="form sm-form" aria-label={t('socialmap.find.form.label')} novalidate>
        <TextField
          name="q"
          type="search"
          label={t('socialmap.find.form.words')}
          hint={t('socialmap.find.form.wordsHint')}
          value={values.q}
          error={errors.q}
          maxLength={200}
        />
        <fieldset class="utrecht-form-fieldset sm-fieldset" aria-describedby="sm-where-hint">
          <legend class="utrecht-form-fieldset__legend">{t('socialmap.find.form.where')}</legend>
          <p class="utrecht-form-field-description" id="sm-where-hint">
            {t('socialmap.find.form.whereHint')}
          </p>
          <div class="sm-row">
            <TextField
              name="postcode"
              label={t('socialmap.find.form.postcode')}
              value={values.postcode}
              error={errors.postcode}
              autocomplete="postal-code"
              maxLength={7}
            />
            <TextField
              name="huisnummer"
              label={t('socialmap.find.form.houseNumber')}
              value={values.huisnummer}
              error={errors.huisnummer}
              maxLength={10}
            />
          </div>
          <TextField
            name="adres"
            label={t('socialmap.find.form.address')}
            hint={t('socialmap.find.form.addressHint')}
            value={values.adres}
            error={errors.adres}
            autocomplete="street-address"
            maxLength={200}
            data={{
              'data-address-autocomplete': `/${slug}/adressen/zoek`,
              'data-suggest-label': t('areas.geocode.suggest.label'),
              'data-msg-count': t('areas.geocode.suggest.count'),
              'data-msg-one': t('areas.geocode.suggest.one'),
            }}
          />
          <input type="hidden" name="lat" id="sm-lat" value={values.lat} />
          <input type="hidden" name="lon" id="sm-lon" value={values.lon} />
          <div
            class="sm-geo"
            id="sm-geo"
            hidden
            data-msg-set={t('socialmap.find.form.myLocationSet')}
            data-msg-denied={t('socialmap.find.form.myLocationDenied')}
          >
            <button type="button" class="utrecht-button utrecht-button--secondary-action" id="sm-geo-button">
              {t('socialmap.find.form.myLocation')}
            </button>
            <p class="sm-geo__status" id="sm-geo-status" role="status"></p>
          </div>
          {errors.lat && (
            <p class="utrecht-form-field-error-message" id={fieldId('lat')}>
              {errors.lat}
            </p>
          )}
        </fieldset>
        <Radios
          name="wanneer"
          legend={t('socialmap.find.form.when')}
          value={values.wanneer}
          options={[
            { value: '', label: t('socialmap.find.form.whenAny') },
            { value: 'nu', label: t('socialmap.find.form.whenNow') },
            { value: 'vandaag', label: t('socialmap.find.form.whenToday') },
            { value: 'week', label: t('socialmap.find.form.whenWeek') },
          ]}
        />
        <details class="sm-more" open={foldedActive > 0}>
          <summary class="sm-more__summary">
            {t('socialmap.find.form.moreFilters')}
            {foldedActive > 0 && <> ({t('socialmap.find.form.moreFiltersActive', { count: foldedActive })})</>}
          </summary>
          <Checkboxes name="functie" legend={t('socialmap.find.form.what')} options={options.functie ?? []} checked={values.functie} />
          <Checkboxes
            name="doelgroep"
            legend={t('socialmap.find.form.forWhom')}
            options={options.doelgroep ?? []}
            checked={values.doelgroep}
          />
          <Checkboxes
            name="toegankelijk"
            legend={t('socialmap.find.form.access')}
            hint={t('socialmap.find.form.accessHint')}
            options={options.toegankelijkheid ?? []}
            checked={values.toegankelijk}
          />
          <Radios
            name="afstand"
            legend={t('socialmap.find.form.distance')}
            value={values.afstand}
            options={[
              { value: '500', label: t('socialmap.find.form.distance500') },
              { value: '1000', label: t('socialmap.find.form.distance1000') },
              { value: '3000', label: t('socialmap.find.form.distance3000') },
            ]}
          />
        </details>
        <div class="sm-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {t('socialmap.find.form.submit')}
          </button>
          <a class="utrecht-link" href={`/${slug}/sociale-kaart`}>
            {t('socialmap.find.form.reset')}
          </a>
        </div>
      </form>
      {/* The results area: the count, the list and its maps (an SVG sketch; helper blocks such as a tile map go here too). */}
      <section class="section sm-results-section" id="resultaten" aria-labelledby="sm-results-title" tabindex={-1}>
        <h2 class="utrecht-heading-2" id="sm-results-title">
          {t('socialmap.find.results.title')}
        </h2>
        {origin && <p class="utrecht-paragraph">{origin}</p>}
        {result && <Results ctx={ctx} slug={slug} values={values} result={result} filtered={filtered} point={point} />}
      </section>
      <script src="/static/socialmap.js" defer></script>
      <script src="/static/address-autocomplete.js" defer></script>
    </>
  );
}
