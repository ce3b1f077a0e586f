import type { GeoJsonGeometry } from '../areas.service.ts';
import { bboxOf, labelPoint, mergeBBoxes, projectionFor, svgPath } from '../geo.ts';
import { placeLabels, type MapLabel } from './map-labels.ts';

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
  /** Area names that fit without overlapping (map-labels.ts); the rest are named by the list beside the map. */
  labels?: readonly MapLabel[];
}

/** Project shapes (and an outline) onto a canvas, north up, with cos(lat) correction; null when nothing has a geometry. */
export function drawMap(shapes: readonly MapShape[], outline?: GeoJsonGeometry | null): MapDrawing | null {
  const drawn = shapes.filter((s): s is MapShape & { geometry: GeoJsonGeometry } => s.geometry !== null);
  const box = mergeBBoxes([...drawn.map((s) => bboxOf(s.geometry)), ...(outline ? [bboxOf(outline)] : [])]);
  if (!box) return null;
  const proj = projectionFor(box);
  const candidates = drawn.map((s) => {
    const [x, y] = proj.project(labelPoint(s.geometry));
    const b = bboxOf(s.geometry);
    const [x0, y0] = proj.project([b.minLon, b.maxLat]);
    const [x1, y1] = proj.project([b.maxLon, b.minLat]);
    return { text: s.name, x, y, weight: (x1 - x0) * (y1 - y0) };
  });
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
    labels: placeLabels(candidates, proj.width, proj.height),
  };
}

/**
 * The names on a map: dark text with a white halo (contrast on any fill), on top of the shapes but not in their way
 * (no pointer events), hidden from assistive technology (the shapes and the list beside the map carry the names).
 */
export function MapLabels({ labels }: { labels: readonly MapLabel[] | undefined }) {
  if (!labels || labels.length === 0) return null;
  return (
    <g class="area-map__labels" aria-hidden="true" pointer-events="none" text-anchor="middle" font-weight="600" fill="#1a1a1a">
      {labels.map((l) => (
        <text x={l.x} y={l.y} font-size={l.size} stroke="#ffffff" stroke-width={l.size / 4} stroke-linejoin="round" paint-order="stroke">
          {l.lines.length === 1
            ? l.lines[0]
            : l.lines.map((line, i) => (
                <tspan x={l.x} dy={i === 0 ? 0 : l.size * 1.15}>
                  {line}
                </tspan>
              ))}
        </text>
      ))}
    </g>
  );
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
      <MapLabels labels={drawing.labels} />
    </svg>
  );
}
