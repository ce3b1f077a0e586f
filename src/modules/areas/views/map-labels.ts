/**
 * Names on the server-side SVG area maps (issue 12: "flat blue polygons with no labels"). Each area's name goes at its
 * label point (geo.ts labelPoint, always inside the shape); the largest areas are placed first, a label that would
 * overlap one already placed is moved up or down a little, set smaller, or left out. A left-out name is never lost:
 * the shape keeps its own title and link name, and the page's table or list beside the map names every area.
 */

export interface LabelCandidate {
  text: string;
  /** Label point on the canvas. */
  x: number;
  y: number;
  /** Size of the area on the canvas (any unit): bigger areas win a contested spot. */
  weight: number;
}

export interface MapLabel {
  x: number;
  /** Baseline of the first line. */
  y: number;
  /** Font size in canvas units. */
  size: number;
  lines: readonly string[];
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A rough width of a text per font size unit (sans-serif, semibold, mixed case). */
const CHAR_WIDTH = 0.64;
const LINE_HEIGHT = 1.15;
const MARGIN = 3;

/** A long name on two lines, split at the space or hyphen nearest to its middle. */
export function splitName(text: string, maxChars = 14): string[] {
  if (text.length <= maxChars) return [text];
  let best = -1;
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] !== ' ' && text[i] !== '-') continue;
    if (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
  }
  if (best < 0) return [text];
  const first = text[best] === '-' ? text.slice(0, best + 1) : text.slice(0, best);
  return [first.trim(), text.slice(best + 1).trim()];
}

function boxOf(lines: readonly string[], size: number, x: number, yMid: number): Box {
  const w = Math.max(...lines.map((l) => l.length)) * size * CHAR_WIDTH;
  const h = lines.length * size * LINE_HEIGHT;
  return { x0: x - w / 2, y0: yMid - h / 2, x1: x + w / 2, y1: yMid + h / 2 };
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 + MARGIN && b.x0 < a.x1 + MARGIN && a.y0 < b.y1 + MARGIN && b.y0 < a.y1 + MARGIN;

/** Place the labels on a canvas of width × height; returns only those that fit without overlapping. */
export function placeLabels(candidates: readonly LabelCandidate[], width: number, height: number): MapLabel[] {
  const base = candidates.length > 30 ? 11 : 13;
  const placed: Box[] = [];
  const labels: MapLabel[] = [];
  const order = [...candidates].filter((c) => c.text.trim() !== '').sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text));
  for (const c of order) {
    const lines = splitName(c.text.trim());
    let done = false;
    for (const size of [base, base - 2]) {
      const step = size * LINE_HEIGHT * 0.9;
      for (const dy of [0, -step, step, -2 * step, 2 * step]) {
        let box = boxOf(lines, size, c.x, c.y + dy);
        // Keep the label on the canvas.
        const shiftX = Math.max(0, MARGIN - box.x0) - Math.max(0, box.x1 - (width - MARGIN));
        const shiftY = Math.max(0, MARGIN - box.y0) - Math.max(0, box.y1 - (height - MARGIN));
        box = { x0: box.x0 + shiftX, x1: box.x1 + shiftX, y0: box.y0 + shiftY, y1: box.y1 + shiftY };
        if (placed.some((p) => overlaps(p, box))) continue;
        placed.push(box);
        // The first baseline: a line's glyphs sit about 0.8 em below its top.
        labels.push({ x: round((box.x0 + box.x1) / 2), y: round(box.y0 + size * 0.9), size, lines });
        done = true;
        break;
      }
      if (done) break;
    }
  }
  return labels;
}

const round = (v: number) => Math.round(v * 10) / 10;
