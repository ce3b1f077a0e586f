import type { GeoJsonGeometry } from '../areas.tables.ts';
import { bboxOf, mergeBBoxes, projectionFor, svgPath } from '../geo.ts';

export interface MapShape {
  code: string;
  name: string;
  geometry: GeoJsonGeometry | null;
  /** When given, the shape is a link (to the area's page). */
  href?: string;
  /** Drawn highlighted (the area the page is about). */
  current?: boolean;
}

/**
 * A server-rendered SVG map of areas, north up, with cos(lat) correction. The page always shows
 * the same areas as a table or list: that is the accessible equivalent. A map with links is a
 * labelled group (links inside role="img" would be hidden from screen readers); one without is an image.
 */
export function AreaMap({ id, title, desc, shapes, outline }: { id: string; title: string; desc: string; shapes: MapShape[]; outline?: GeoJsonGeometry | null }) {
  const drawn = shapes.filter((s): s is MapShape & { geometry: GeoJsonGeometry } => s.geometry !== null);
  const box = mergeBBoxes([...drawn.map((s) => bboxOf(s.geometry)), ...(outline ? [bboxOf(outline)] : [])]);
  if (!box) return null;
  const proj = projectionFor(box);
  const interactive = drawn.some((s) => s.href);
  return (
    <svg
      class="area-map"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${proj.width} ${proj.height}`}
      width={proj.width}
      height={proj.height}
      role={interactive ? 'group' : 'img'}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {outline && <path d={svgPath(outline, proj)} fill="#e8ecef" stroke="#4d4d4d" stroke-width="2" fill-rule="evenodd" />}
      {drawn.map((s) => {
        const path = (
          <path
            d={svgPath(s.geometry, proj)}
            fill={s.current ? '#f9c74f' : '#cfe3f5'}
            stroke="#1f4e79"
            stroke-width="1"
            fill-rule="evenodd"
          >
            <title>{s.name}</title>
          </path>
        );
        return s.href ? (
          <a href={s.href} aria-label={s.name}>
            {path}
          </a>
        ) : (
          path
        );
      })}
    </svg>
  );
}
