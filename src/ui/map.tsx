/**
 * Maps as progressive enhancement (issue 12, docs/maps.md). The server renders a fallback note, hidden inputs and
 * data- attributes; the island public/map.js turns them into Leaflet maps. Without JavaScript, or when the tiles do
 * not load, every page works through its address fields and lists: a map is never the only way in.
 */
import type { JSX } from 'preact';
import { useContext } from 'preact/hooks';
import { translator, type Translate } from '../platform/i18n/index.ts';
import type { MapTiles } from '../platform/config.ts';
import { PageContext } from './context.ts';
import './map.messages.ts';

export interface MapPoint {
  lat: number;
  lon: number;
  label: string;
  href?: string;
}

/** Texts and tiles of the current page (a Dutch map without tiles when rendered outside a request). */
function usePage(): { t: Translate; tiles: MapTiles | null; decimal: string } {
  const ctx = useContext(PageContext);
  return { t: ctx?.t ?? translator('nl'), tiles: ctx?.mapTiles ?? null, decimal: ctx?.locale === 'en' ? '.' : ',' };
}

/** data- attributes for the tile layer; none when no tiles are configured. */
function tileAttributes(tiles: MapTiles | null): Record<string, string> {
  return tiles?.url ? { 'data-tiles': tiles.url, 'data-attribution': tiles.attribution } : {};
}

const coordinate = (v: number | null | undefined): string => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(6) : '');

/** An id for the elements of one map, from a name the page chose (lat input name, label). */
const idFrom = (prefix: string, name: string): string => `${prefix}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/**
 * A pin picker: renders nothing visible without JavaScript except the fallback note; with JS a Leaflet map whose pin
 * fills the hidden inputs `lat` and `lon` (names configurable) + a "gebruik mijn locatie" button. Place it inside the
 * form, near the address fields (which stay the accessible path); include `<MapAssets />` once on the page.
 */
export function MapPicker(props: {
  latName?: string;
  lonName?: string;
  lat?: number | null;
  lon?: number | null;
  center: { lat: number; lon: number };
  label: string;
  hint?: string;
}): JSX.Element {
  const { t, tiles, decimal } = usePage();
  const shown = (v: number | null | undefined) => coordinate(v).slice(0, -1).replace('.', decimal);
  const latName = props.latName ?? 'lat';
  const lonName = props.lonName ?? 'lon';
  const id = idFrom('kaart', latName);
  const hasPin = coordinate(props.lat) !== '' && coordinate(props.lon) !== '';
  return (
    <div
      class="map-picker"
      data-map="picker"
      data-lat-input={`${id}-lat`}
      data-lon-input={`${id}-lon`}
      data-center={`${coordinate(props.center.lat)},${coordinate(props.center.lon)}`}
      data-msg-pin-at={t('map.pinAt', { lat: '{lat}', lon: '{lon}' })}
      data-msg-removed={t('map.pinRemoved')}
      data-msg-locating={t('map.locating')}
      data-msg-denied={t('map.locationDenied')}
      data-msg-tiles-failed={t('map.tilesFailed')}
      data-msg-marker={t('map.marker')}
      data-decimal={decimal}
      {...tileAttributes(tiles)}
    >
      <input type="hidden" id={`${id}-lat`} name={latName} value={hasPin ? coordinate(props.lat) : ''} />
      <input type="hidden" id={`${id}-lon`} name={lonName} value={hasPin ? coordinate(props.lon) : ''} />
      <p class="map-fallback utrecht-paragraph" data-map-fallback>
        {t('map.noScript')}
      </p>
      <div class="map-picker__body" data-map-body hidden>
        <p class="map-picker__label utrecht-form-label" id={`${id}-label`}>
          {props.label}
        </p>
        <p class="map-picker__hint utrecht-form-field-description" id={`${id}-hint`}>
          {props.hint ?? t('map.pickerHint')} {t('map.keyboardHint')}
        </p>
        <div
          class="map-canvas map-canvas--picker"
          id={`${id}-canvas`}
          data-map-canvas
          role="region"
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-hint`}
        ></div>
        <p class="map-picker__tools">
          <button type="button" class="utrecht-button utrecht-button--secondary-action" data-map-locate hidden>
            {t('map.useMyLocation')}
          </button>{' '}
          <button type="button" class="utrecht-button utrecht-button--subtle" data-map-clear hidden={!hasPin}>
            {t('map.removePin')}
          </button>
        </p>
        <p class="map-picker__status utrecht-paragraph" aria-live="polite" data-map-status>
          {hasPin ? t('map.pinAt', { lat: shown(props.lat), lon: shown(props.lon) }) : t('map.pinNone')}
        </p>
      </div>
    </div>
  );
}

/**
 * Points on a map (with JS) — always accompanied by the list the page already has. Nothing without points or tiles.
 * `replaces`: a CSS selector of a server-drawn map (an SVG) that this map stands in for once its tiles show; without
 * JavaScript, without tiles or when they fail, that map stays.
 */
export function PointsMap(props: { points: readonly MapPoint[]; label: string; replaces?: string }): JSX.Element | null {
  const { t, tiles } = usePage();
  const points = props.points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  // Without points, or without tiles (MAP_TILE_URL=none), pins on a blank canvas add nothing to the list.
  if (points.length === 0 || !tiles?.url) return null;
  const id = idFrom('puntenkaart', props.label).slice(0, 60);
  const data = points.map((p) => ({ lat: Number(p.lat.toFixed(6)), lon: Number(p.lon.toFixed(6)), label: p.label, href: p.href }));
  return (
    <div
      class="points-map"
      data-map="points"
      data-points={JSON.stringify(data)}
      data-msg-tiles-failed={t('map.tilesFailed')}
      {...(props.replaces ? { 'data-replaces': props.replaces } : {})}
      hidden
      {...tileAttributes(tiles)}
    >
      <p class="points-map__hint utrecht-paragraph" id={`${id}-hint`}>
        {t('map.pointsHint')}
      </p>
      <div
        class="map-canvas map-canvas--points"
        data-map-canvas
        role="region"
        aria-label={props.label}
        aria-describedby={`${id}-hint`}
      ></div>
      <p class="utrecht-paragraph map-status" aria-live="polite" data-map-status></p>
    </div>
  );
}

/** Leaflet's css and js and our island; once per page that shows a MapPicker or PointsMap (stylesheet links may stand in body). */
export function MapAssets(): JSX.Element {
  return (
    <>
      <link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css" />
      <link rel="stylesheet" href="/static/map.css" />
      <script src="/static/vendor/leaflet/leaflet.js" defer></script>
      <script src="/static/map.js" defer></script>
    </>
  );
}
