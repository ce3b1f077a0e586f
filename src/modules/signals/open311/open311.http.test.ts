/**
 * A black-box Open311 client over real HTTP (the app listening on a free port, plain fetch): it
 * starts from discovery, reads services and a definition, answers the attributes, creates a
 * request and reads it back — once speaking JSON, once XML.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { KRIMPEN, KRIMPEN_POINT, setupTenant } from '../signals.test-support.ts';
import { childrenNamed, parseXml, record, type XmlElement } from './xml-check.test-support.ts';
import { newKey, schemaErrors } from './open311.test-support.ts';

type Rec = Record<string, unknown>;

/** What a client needs from either format: services, a definition, create, read. */
interface Client {
  services(): Promise<Rec[]>;
  definition(code: string): Promise<{ attributes: { code: string; required: boolean; datatype: string; values: string[] }[] }>;
  create(form: Record<string, string>): Promise<string>;
  read(id: string): Promise<Rec>;
}

async function ok(res: Response, type: RegExp): Promise<string> {
  const body = await res.text();
  assert.ok(res.ok, `${res.status} ${body}`);
  assert.match(res.headers.get('content-type') ?? '', type);
  return body;
}

function jsonClient(endpoint: string): Client {
  return {
    async services() {
      const list = JSON.parse(await ok(await fetch(`${endpoint}/services.json`), /^application\/json; charset=utf-8/)) as Rec[];
      assert.deepEqual(schemaErrors('services', list), []);
      return list;
    },
    async definition(code) {
      const def = JSON.parse(await ok(await fetch(`${endpoint}/services/${encodeURIComponent(code)}.json`), /json/)) as {
        attributes: Rec[];
      };
      assert.deepEqual(schemaErrors('service-definition', def), []);
      return {
        attributes: def.attributes.map((a) => ({
          code: String(a.code),
          required: a.required === true,
          datatype: String(a.datatype),
          values: ((a.values as Rec[] | undefined) ?? []).map((v) => String(v.key)),
        })),
      };
    },
    async create(form) {
      const res = await fetch(`${endpoint}/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: new URLSearchParams(form),
      });
      const [first] = JSON.parse(await ok(res, /json/)) as Rec[];
      return String(first!.service_request_id);
    },
    async read(id) {
      const list = JSON.parse(await ok(await fetch(`${endpoint}/requests/${encodeURIComponent(id)}.json`), /json/)) as Rec[];
      assert.deepEqual(schemaErrors('requests', list), []);
      return list[0]!;
    },
  };
}

function only(el: XmlElement, name: string): XmlElement {
  const found = childrenNamed(el, name);
  assert.equal(found.length, 1, `one <${name}> in <${el.name}>`);
  return found[0]!;
}

function xmlClient(endpoint: string): Client {
  const get = async (path: string, root: string) => {
    const doc = parseXml(await ok(await fetch(`${endpoint}/${path}`), /^text\/xml; charset=utf-8/));
    assert.equal(doc.name, root);
    return doc;
  };
  return {
    async services() {
      return childrenNamed(await get('services.xml', 'services'), 'service').map(record);
    },
    async definition(code) {
      const doc = await get(`services/${encodeURIComponent(code)}.xml`, 'service_definition');
      const attrs = childrenNamed(only(doc, 'attributes'), 'attribute');
      return {
        attributes: attrs.map((a) => {
          const r = record(a);
          const values = childrenNamed(a, 'values')[0];
          return {
            code: r.code!,
            required: r.required === 'true',
            datatype: r.datatype!,
            values: values ? childrenNamed(values, 'value').map((v) => record(v).key!) : [],
          };
        }),
      };
    },
    async create(form) {
      const res = await fetch(`${endpoint}/requests.xml`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: new URLSearchParams(form),
      });
      const doc = parseXml(await ok(res, /xml/));
      return record(only(doc, 'request')).service_request_id!;
    },
    async read(id) {
      return record(only(await get(`requests/${encodeURIComponent(id)}.xml`, 'service_requests'), 'request'));
    },
  };
}

describe('Open311 black-box client over HTTP', () => {
  const ctx = useTestApp();
  let base = '';
  let key = '';

  before(async () => {
    await setupTenant(ctx.database.db, KRIMPEN);
    key = await newKey(ctx.database.db, KRIMPEN.id);
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  });

  for (const [name, make] of [
    ['JSON', jsonClient],
    ['XML', xmlClient],
  ] as const) {
    it(`${name}: discover, pick a service with questions, create a request and read it back`, async () => {
      const discovery = (await (await fetch(`${base}/${KRIMPEN.slug}/open311/v2/discovery.json`)).json()) as {
        endpoints: { url: string; formats: string[] }[];
      };
      // The server's BASE_URL is the configured one; a client on this machine reaches the same path on our port.
      const endpoint = base + new URL(discovery.endpoints[0]!.url).pathname;
      const client = make(endpoint);
      const services = await client.services();
      const service = services.find((s) => String(s.metadata) === 'true' && s.service_code === 'afval')!;
      assert.ok(service, 'a service with metadata');
      const def = await client.definition(String(service.service_code));
      const form: Record<string, string> = {
        api_key: key,
        service_code: String(service.service_code),
        lat: String(KRIMPEN_POINT.latitude),
        long: String(KRIMPEN_POINT.longitude),
        description: `Via ${name}: volle container & <b>troep</b>`,
        email: `client-${name.toLowerCase()}@example.nl`,
      };
      for (const a of def.attributes) if (a.required) form[`attribute[${a.code}]`] = a.values[0] ?? 'antwoord';
      const id = await client.create(form);
      assert.match(id, /^SIG-\d{4}-\d{6}$/);
      const got = await client.read(id);
      assert.equal(got.service_request_id, id);
      assert.equal(got.service_code, 'afval');
      assert.equal(got.status, 'open');
      assert.equal(got.description, form.description);
      assert.equal(Number(got.lat), KRIMPEN_POINT.latitude);
      assert.equal(Number(got.long), KRIMPEN_POINT.longitude);
      assert.match(String(got.requested_datetime), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      assert.ok(!JSON.stringify(got).includes('example.nl'), 'no reporter data');
    });
  }

  it('errors over HTTP: 403 without key, 404 unknown service, both in the spec format', async () => {
    const endpoint = `${base}/${KRIMPEN.slug}/open311/v2`;
    const noKey = await fetch(`${endpoint}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'service_code=afval&lat=51.915&long=4.6',
    });
    assert.equal(noKey.status, 403);
    assert.deepEqual(Object.keys(((await noKey.json()) as Rec[])[0]!).sort(), ['code', 'description']);
    const unknown = await fetch(`${endpoint}/services/onbekend.xml`);
    assert.equal(unknown.status, 404);
    assert.equal(record(only(parseXml(await unknown.text()), 'error')).code, '404');
  });
});
