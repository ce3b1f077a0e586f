import type { ViewContext } from '../../../../ui/context.ts';
import type { Area } from '../../../areas/areas.service.ts';
import { drawMap, MapLabels, type MapDrawing } from '../../../areas/views/area-map.tsx';
import { MapAssets, PointsMap } from '../../../../ui/map.tsx';
import { bboxOf, mergeBBoxes, projectionFor } from '../../../areas/geo.ts';
import type { SignalListItem } from '../list.presenter.ts';

export interface SignalDot {
  publicId: string;
  x: number;
  y: number;
  label: string;
  /** Where the dot is (WGS84): for a sensitive signal its buurt's label point, for the tiled map. */
  lat: number;
  lon: number;
  /** Drawn at the centre of its buurt, not at the reported spot (sensitive signals). */
  approximate: boolean;
}

export interface SignalMapDrawing {
  areas: MapDrawing;
  dots: SignalDot[];
  /** Signals of the page that are not on the map (no coordinates, or sensitive without a buurt). */
  missing: number;
}

/**
 * Project the wijk outlines (the areas module's drawing) and one dot per signal onto the same
 * canvas. Sensitive signals are drawn at their buurt's label point, never at the reported spot;
 * without a buurt they are not drawn (they stay in the list).
 */
export function signalMap(
  wijken: readonly Area[],
  buurtLabels: ReadonlyMap<string, [number, number]>,
  rows: readonly SignalListItem[],
  label: (r: SignalListItem, approximate: boolean) => string,
): SignalMapDrawing | null {
  const shapes = wijken.map((w) => ({ code: w.code, name: w.name, geometry: w.geometry }));
  const areas = drawMap(shapes);
  const box = mergeBBoxes(wijken.flatMap((w) => (w.geometry ? [bboxOf(w.geometry)] : [])));
  if (!areas || !box) return null;
  const proj = projectionFor(box);
  const dots: SignalDot[] = [];
  let missing = 0;
  for (const r of rows) {
    const approximate = r.sensitive;
    const point = approximate
      ? r.buurtCode
        ? buurtLabels.get(r.buurtCode)
        : undefined
      : r.latitude !== null && r.longitude !== null
        ? ([r.longitude, r.latitude] as [number, number])
        : undefined;
    if (!point) {
      missing += 1;
      continue;
    }
    const [x, y] = proj.project(point);
    if (x < 0 || y < 0 || x > proj.width || y > proj.height) {
      missing += 1;
      continue;
    }
    dots.push({ publicId: r.publicId, x, y, label: label(r, approximate), approximate, lon: point[0], lat: point[1] });
  }
  return { areas, dots, missing };
}

/**
 * The signals on a map of the wijken. The list below the map is the accessible equivalent: the
 * map is a labelled group whose only focusable parts are the dots, each a link with a name.
 * With JavaScript and tiles, a Leaflet map with the same dots (streets beneath) stands in for it.
 */
export function SignalMap({ ctx, slug, drawing }: { ctx: ViewContext; slug: string; drawing: SignalMapDrawing | null }) {
  const { t } = ctx;
  if (!drawing) return <p class="utrecht-paragraph">{t('signals.list.map.none')}</p>;
  const { areas, dots } = drawing;
  const points = dots.map((d) => ({ lat: d.lat, lon: d.lon, label: d.label, href: `/${slug}/meldingen/behandelen/${d.publicId}` }));
  return (
    <>
      <svg
        class="area-map signal-map"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${areas.width} ${areas.height}`}
        width={areas.width}
        height={areas.height}
        role="group"
        aria-labelledby="signal-map-title"
        aria-describedby="signal-map-desc"
      >
        <title id="signal-map-title">{t('signals.list.map.title')}</title>
        <desc id="signal-map-desc">{t('signals.list.map.desc', { n: dots.length })}</desc>
        <g aria-hidden="true">
          {areas.shapes.map((s) => (
            <path d={s.d} fill="#e3edf7" stroke="#1f4e79" stroke-width="1" fill-rule="evenodd" />
          ))}
        </g>
        <MapLabels labels={areas.labels} />
        {dots.map((d) => (
          <a href={`/${slug}/meldingen/behandelen/${d.publicId}`} aria-label={d.label}>
            {d.approximate ? (
              <rect x={d.x - 6} y={d.y - 6} width="12" height="12" fill="#5b2a86" stroke="#ffffff" stroke-width="2" />
            ) : (
              <circle cx={d.x} cy={d.y} r="7" fill="#b3261e" stroke="#ffffff" stroke-width="2" />
            )}
          </a>
        ))}
      </svg>
      <PointsMap points={points} label={t('signals.list.map.title')} replaces=".signal-map" />
      <MapAssets />
    </>
  );
}
