import type { GeoJsonGeometry } from '../areas.service.ts';
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
 * A map projected onto its SVG canvas: the expensive part (projection, path data) done once.
 * Plain data, no locale: the areas cache keeps these per tenant and page (areas.cache.ts).
 */
export interface MapDrawing {
  width: number;
  height: number;
  /** Path data of the outline (the area around the shapes), drawn first. */
  outline: string | null;
  shapes: readonly { code: string; name: string; href?: string; current?: boolean; d: string }[];
}

/** Project shapes (and an outline) onto a canvas, north up, with cos(lat) correction; null when nothing has a geometry. */
export function drawMap(shapes: readonly MapShape[], outline?: GeoJsonGeometry | null): MapDrawing | null {
  const drawn = shapes.filter((s): s is MapShape & { geometry: GeoJsonGeometry } => s.geometry !== null);
  const box = mergeBBoxes([...drawn.map((s) => bboxOf(s.geometry)), ...(outline ? [bboxOf(outline)] : [])]);
  if (!box) return null;
  const proj = projectionFor(box);
  return {
    width: proj.width,
    height: proj.height,
    outline: outline ? svgPath(outline, proj) : null,
    shapes: drawn.map((s) => ({
      code: s.code,
      name: s.name,
      ...(s.href !== undefined ? { href: s.href } : {}),
      ...(s.current ? { current: true } : {}),
      d: svgPath(s.geometry, proj),
    })),
  };
}

/**
 * A server-rendered SVG map of areas. The page always shows the same areas as a table or list:
 * that is the accessible equivalent. A map with links is a labelled group (links inside
 * role="img" would be hidden from screen readers); one without is an image.
 */
export function AreaMap({ id, title, desc, drawing }: { id: string; title: string; desc: string; drawing: MapDrawing | null }) {
  if (!drawing) return null;
  const interactive = drawing.shapes.some((s) => s.href);
  return (
    <svg
      class="area-map"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${drawing.width} ${drawing.height}`}
      width={drawing.width}
      height={drawing.height}
      role={interactive ? 'group' : 'img'}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {drawing.outline !== null && <path d={drawing.outline} fill="#e8ecef" stroke="#4d4d4d" stroke-width="2" fill-rule="evenodd" />}
      {drawing.shapes.map((s) => {
        const path = (
          <path d={s.d} fill={s.current ? '#f9c74f' : '#cfe3f5'} stroke="#1f4e79" stroke-width="1" fill-rule="evenodd">
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
