/**
 * The exchange format: the JSON Schema file in docs/schemas/ is the zod schema written out (kept
 * equal here), and an exported file passes both; a broken one fails both.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { projectPath } from '../../../platform/paths.ts';
import { exchangeFileOf } from './library.exchange.ts';
import { exchangeFile, exchangeJsonSchema } from './library.schemas.ts';
import type { Intervention } from './library.store.ts';
import { DEMO_CARDS } from './library.demo.ts';

const SCHEMA_FILE = projectPath('docs', 'schemas', 'intervention-cards-1.json');

const card = (over: Partial<Intervention> = {}): Intervention => ({
  id: '00000000-0000-4000-8000-000000000001',
  tenantId: 'GM0542',
  slug: 'buurtkamer',
  titleNl: 'Buurtkamer',
  titleEn: 'Neighbourhood living room',
  whatNl: 'Een huiskamer in de flat.',
  whatEn: '',
  forWhomNl: 'Bewoners',
  forWhomEn: '',
  whereText: 'Krimpen aan den IJssel',
  costNl: '',
  costEn: '',
  costCentsPerYear: 1_250_000,
  effectNl: 'In de buurt steeg het aandeel actieve bewoners 4 punten meer dan in vergelijkbare buurten (tussen −1 en +9).',
  effectEn: '',
  effect: {
    estimate: 4,
    ciLow: -1,
    ciHigh: 9,
    level: 0.9,
    unit: 'procentpunt',
    indicatorCode: 'actief_in_wijk',
    verdict: 'no_clear_effect',
    evaluationReference: 'EVA-2026-0001',
  },
  lessonsNl: '',
  lessonsEn: '',
  contactOrganisation: 'Welzijnsorganisatie',
  functions: ['ontmoeten'],
  targetGroups: ['ouderen'],
  level: 'neighbourhood',
  origin: 'evaluation',
  evaluationId: null,
  originInstallation: null,
  originMunicipality: '',
  originMunicipalityCode: '',
  published: true,
  sourceNote: '',
  isDemo: false,
  createdBy: null,
  updatedAt: new Date('2026-11-23T10:00:00Z'),
  ...over,
});

function validator() {
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  addFormats.default(ajv);
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  return ajv.compile(schema);
}

describe('evaluation: intervention card exchange format', () => {
  it('the JSON Schema file is the zod schema written out (regenerate it when the format changes, with a new version)', () => {
    const onDisk = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as unknown;
    assert.deepEqual(onDisk, exchangeJsonSchema());
  });

  it('an exported file passes the zod schema and the JSON Schema file; a broken one fails both', () => {
    const here = { code: 'GM0542', name: 'Krimpen aan den IJssel' };
    const demo = DEMO_CARDS.map((d, i) =>
      card({
        slug: d.slug,
        titleNl: d.titleNl,
        whatNl: d.whatNl,
        effectNl: d.effectNl,
        effect: null,
        id: `00000000-0000-4000-8000-00000000010${i}`,
        functions: [...d.functions],
        isDemo: true,
      }),
    );
    const imported = card({
      slug: 'elders',
      origin: 'import',
      originInstallation: 'https://b.example',
      originMunicipality: 'Groningen',
      originMunicipalityCode: 'GM0014',
    });
    const file = exchangeFileOf([card(), imported, ...demo], 'https://a.example', here, new Date('2026-12-07T12:00:00Z'));
    const json = JSON.parse(JSON.stringify(file)) as Record<string, unknown>;
    const validate = validator();
    assert.equal(validate(json), true, JSON.stringify(validate.errors));
    assert.equal(exchangeFile.safeParse(json).success, true);
    assert.deepEqual((json.cards as { origin: unknown }[])[1]!.origin, {
      installation: 'https://b.example',
      municipality: { code: 'GM0014', name: 'Groningen' },
      kind: 'evaluation',
    });

    const broken: ((f: { cards: Record<string, unknown>[] } & Record<string, unknown>) => void)[] = [
      (f) => (f.version = 2),
      (f) => (f.format = 'other'),
      (f) => delete f.cards[0]!.title,
      (f) => (f.cards[0]!.level = 'planet'),
      (f) => (f.cards[0]!.functions = ['dansen']),
      (f) => (f.cards[0]!.slug = 'Met Spatie'),
      (f) => (f.cards[0]!.extra = 1),
      (f) => ((f.cards[0]!.cost as Record<string, unknown>).centsPerYear = 1.5),
      (f) => ((f.cards[0]!.effect as Record<string, unknown>).nl = ''),
    ];
    for (const [i, breakIt] of broken.entries()) {
      const copy = JSON.parse(JSON.stringify(file)) as { cards: Record<string, unknown>[] } & Record<string, unknown>;
      breakIt(copy);
      assert.equal(validate(copy), false, `JSON Schema accepts broken case ${i}`);
      assert.equal(exchangeFile.safeParse(copy).success, false, `zod accepts broken case ${i}`);
    }
  });
});
