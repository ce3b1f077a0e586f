import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { importDemoAreas } from '../areas.service.ts';
import { placeLabels, splitName, type MapLabel } from './map-labels.ts';

/** The box a label takes, as the placement estimates it. */
function box(l: MapLabel) {
  const w = Math.max(...l.lines.map((x) => x.length)) * l.size * 0.64;
  const top = l.y - l.size * 0.9;
  return { x0: l.x - w / 2, x1: l.x + w / 2, y0: top, y1: top + l.lines.length * l.size * 1.15 };
}

function assertNoOverlap(labels: readonly MapLabel[]) {
  const boxes = labels.map(box);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
      assert.ok(apart, `labels "${labels[i]!.lines.join(' ')}" and "${labels[j]!.lines.join(' ')}" overlap`);
    }
  }
}

describe('map labels', () => {
  it('splits a long name at the space or hyphen nearest its middle, never a short one or one without a break', () => {
    assert.deepEqual(splitName('Centrum'), ['Centrum']);
    assert.deepEqual(splitName('Oosterparkwijk Noord-Oost'), ['Oosterparkwijk', 'Noord-Oost']);
    assert.deepEqual(splitName('Krimpen-aan-den-IJssel'), ['Krimpen-aan-', 'den-IJssel']);
    assert.deepEqual(splitName('Hoofdstadsgebiedwijk'), ['Hoofdstadsgebiedwijk']);
  });

  it('places labels that do not overlap, on the canvas; the bigger area wins a contested spot', () => {
    const labels = placeLabels(
      [
        { text: 'Klein', x: 100, y: 100, weight: 1 },
        { text: 'Groot', x: 100, y: 100, weight: 100 },
        { text: 'Midden', x: 102, y: 101, weight: 50 },
        { text: 'Rand', x: 599, y: 2, weight: 10 },
      ],
      600,
      300,
    );
    assertNoOverlap(labels);
    assert.equal(labels[0]!.lines[0], 'Groot');
    assert.deepEqual(
      [labels[0]!.x, labels[0]!.y],
      [100, 100 - 13 * 1.15 * 0.5 + 13 * 0.9].map((v) => Math.round(v * 10) / 10),
    );
    for (const l of labels) {
      const b = box(l);
      assert.ok(b.x0 >= 0 && b.x1 <= 600 && b.y0 >= 0 && b.y1 <= 300, `${l.lines.join(' ')} stays on the canvas`);
    }
    // Five labels on one spot: some are moved, the rest left out (the list beside the map names them).
    const crowded = placeLabels(
      Array.from({ length: 12 }, (_, i) => ({ text: `Buurt ${i}`, x: 50, y: 50, weight: i })),
      100,
      100,
    );
    assertNoOverlap(crowded);
    assert.ok(crowded.length >= 2 && crowded.length < 12, `some but not all fit: ${crowded.length}`);
    assert.equal(crowded[0]!.lines[0], 'Buurt 11');
  });
});

describe('labels on the area maps', () => {
  const ctx = useTestApp();
  before(async () => {
    await importDemoAreas(ctx.database.db, {
      now: new Date('2026-11-23T10:00:00Z'),
      tenants: [{ id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' }],
      dataDir: 'seed-data/cbs',
    });
  });

  it('names the wijken on the municipality map, with a halo, hidden from screen readers, without overlap', async () => {
    const res = await new TestBrowser(ctx.app).get('/heerhugowaard/');
    assert.equal(res.statusCode, 200);
    const svg = /<svg[^>]*aria-labelledby="map-districts-title"[\s\S]*?<\/svg>/.exec(res.body)?.[0] ?? '';
    assert.match(svg, /<title id="map-districts-title">/, 'the map keeps its title');
    assert.match(svg, /<desc id="map-districts-desc">/, 'and its description');
    const group = /<g class="area-map__labels" aria-hidden="true" pointer-events="none"[^>]*>([\s\S]*?)<\/g>/.exec(svg);
    assert.ok(group, 'a label group that screen readers and the mouse pass by');
    const texts = [
      ...group[1]!.matchAll(
        /<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)" stroke="#ffffff"[^>]*paint-order="stroke"[^>]*>(.*?)<\/text>/g,
      ),
    ];
    const labels: MapLabel[] = texts.map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      size: Number(m[3]),
      lines: m[4]!.includes('<tspan') ? [...m[4]!.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]!) : [m[4]!],
    }));
    assert.ok(labels.length >= 10, `most of the 19 wijken are named on the map (${labels.length})`);
    assert.ok(
      labels.some((l) => l.lines.join(' ') === 'Schrijverswijk'),
      'Schrijverswijk is named',
    );
    assertNoOverlap(labels);
    // The table beside the map still names every wijk.
    assert.equal((res.body.match(/<tr><th scope="row">/g) ?? []).length, 19);
  });

  it('names the buurten on a wijk page', async () => {
    const res = await new TestBrowser(ctx.app).get('/heerhugowaard/wijken/WK198010');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<g class="area-map__labels"[^>]*>[\s\S]*?<text /);
  });
});
