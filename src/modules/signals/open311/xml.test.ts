import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeXml, toXml } from './xml.ts';
import { ITEM_NAMES } from './format.ts';
import { childrenNamed, parseXml, record } from './xml-check.test-support.ts';

describe('Open311 XML writer', () => {
  it('writes arrays as wrapper elements with the spec item names', () => {
    const xml = toXml('services', [{ service_code: 'verlichting', metadata: true, group: null }], ITEM_NAMES);
    assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<services>\n {2}<service>/);
    const root = parseXml(xml);
    assert.equal(root.name, 'services');
    const [service] = childrenNamed(root, 'service');
    assert.deepEqual(record(service!), { service_code: 'verlichting', metadata: 'true', group: '' });
  });

  it('nests attribute values (service definition) and empty arrays', () => {
    const xml = toXml(
      'service_definition',
      {
        service_code: 'x',
        attributes: [
          { code: 'a', values: [{ key: '1', name: 'Ja' }] },
          { code: 'b', values: [] },
        ],
      },
      ITEM_NAMES,
    );
    const root = parseXml(xml);
    const attrs = childrenNamed(childrenNamed(root, 'attributes')[0]!, 'attribute');
    assert.equal(attrs.length, 2);
    assert.equal(record(childrenNamed(childrenNamed(attrs[0]!, 'values')[0]!, 'value')[0]!).name, 'Ja');
    assert.equal(childrenNamed(attrs[1]!, 'values')[0]!.children.length, 0);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    assert.equal(escapeXml(`<script>alert("x") & 'y'</script>`), '&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;');
    assert.equal(escapeXml('a\u0001b\u0000c\uD800d'), 'abcd');
    const root = parseXml(toXml('errors', [{ code: 400, description: '<b>]]></b>' }], ITEM_NAMES));
    assert.equal(record(childrenNamed(root, 'error')[0]!).description, '<b>]]></b>');
  });

  it('refuses element names that are not XML names and arrays without an item name', () => {
    assert.throws(() => toXml('a b', 'x'));
    assert.throws(() => toXml('root', { '1x': 'y' }));
    assert.throws(() => toXml('root', { list: [1] }));
  });

  it('round-trips any text (property test)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const root = parseXml(toXml('request', { description: s }));
        // What comes back is the text without the characters XML 1.0 forbids.
        assert.equal(record(root).description, escapeXmlDecoded(s));
      }),
      { numRuns: 200 },
    );
  });

  it('the checker itself rejects broken documents', () => {
    const decl = '<?xml version="1.0" encoding="utf-8"?>';
    for (const bad of [
      `${decl}<a><b></a></b>`,
      `${decl}<a>x & y</a>`,
      `${decl}<a></a><b/>`,
      `${decl}<a>`,
      '<a/>',
      `${decl}<a>&foo;</a>`,
      `${decl}<a><</a>`,
    ]) {
      assert.throws(() => parseXml(bad), Error, bad);
    }
  });
});

/** The text after escaping and parsing: the input minus forbidden characters. */
function escapeXmlDecoded(s: string): string {
  return escapeXml(s).replace(
    /&(amp|lt|gt|quot|apos|#13);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#13': '\r' })[e]!,
  );
}
