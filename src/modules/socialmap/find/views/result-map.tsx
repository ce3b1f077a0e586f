import type { ViewContext } from '../../../../ui/context.ts';
import { METRES_PER_DEGREE as M_PER_DEG } from '../../../../platform/geo.ts';
import type { ResultCard } from '../find.service.ts';

const SIZE = 320;

/**
 * A small map of the results around the search point, as an enhancement beside the list: the
 * circle is the chosen distance, the numbers match the numbered list. Plain SVG, no tiles.
 */
export function ResultMap({
  ctx,
  origin,
  radius,
  items,
  first,
}: {
  ctx: ViewContext;
  origin: { lat: number; lon: number };
  radius: number;
  items: readonly ResultCard[];
  first: number;
}) {
  const { t } = ctx;
  const scale = (SIZE / 2 - 14) / radius;
  const cos = Math.cos((origin.lat * Math.PI) / 180);
  const at = (lat: number, lon: number) => ({
    x: SIZE / 2 + (lon - origin.lon) * cos * M_PER_DEG * scale,
    y: SIZE / 2 - (lat - origin.lat) * M_PER_DEG * scale,
  });
  const points = items
    .map((item, i) => ({ item, n: first + i, loc: item.location }))
    .filter((p) => p.loc && p.loc.lat !== null && p.loc.lon !== null)
    .map((p) => ({ ...p, ...at(p.loc!.lat!, p.loc!.lon!) }));
  if (points.length === 0) return null;
  return (
    <figure class="sm-map">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby="sm-map-title sm-map-desc" class="sm-map__svg">
        <title id="sm-map-title">{t('socialmap.find.map.title')}</title>
        <desc id="sm-map-desc">{t('socialmap.find.map.desc', { count: points.length })}</desc>
        <circle cx={SIZE / 2} cy={SIZE / 2} r={radius * scale} class="sm-map__range" />
        <circle cx={SIZE / 2} cy={SIZE / 2} r={5} class="sm-map__origin" />
        {points.map((p) => (
          <g>
            <circle cx={p.x.toFixed(1)} cy={p.y.toFixed(1)} r={10} class="sm-map__pin" />
            <text x={p.x.toFixed(1)} y={(p.y + 4).toFixed(1)} text-anchor="middle" class="sm-map__label">
              {p.n}
            </text>
          </g>
        ))}
      </svg>
      <figcaption class="sm-map__caption">{t('socialmap.find.map.caption')}</figcaption>
    </figure>
  );
}
