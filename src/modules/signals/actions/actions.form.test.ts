import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { createSignal } from '../signals.service.ts';
import { localDate } from '../../../platform/time.ts';
import { KRIMPEN, newSignal, setupTenant, type TenantFixture } from '../signals.test-support.ts';

const base = `/${KRIMPEN.slug}/meldingen/behandelen`;

/** The action form on the signal page: people per organisation, refused input shown beside the fields, closing not offered while actions are open. */
describe('the action form on the signal page', () => {
  const ctx = useTestApp();
  let k: TenantFixture;
  let welfare: TestBrowser;
  let housingPro = '';
  let municipalityPro = '';
  const db = () => ctx.database.db;
  const actionCount = async (publicId: string) =>
    (
      await db()
        .selectFrom('signals_actions')
        .innerJoin('signals_signals', 'signals_signals.id', 'signals_actions.signal_id')
        .select('signals_actions.id')
        .where('signals_signals.public_id', '=', publicId)
        .execute()
    ).length;
  const newWorry = async (key: string) =>
    (
      await createSignal(
        db(),
        newSignal({
          category: { serviceCode: 'eenzaamheid' },
          idempotencyKey: key,
          links: { baseUrl: 'http://localhost', tenantSlug: KRIMPEN.slug },
          now: ctx.clock.now(),
        }),
      )
    ).signal.public_id;

  before(async () => {
    k = await setupTenant(db(), KRIMPEN);
    welfare = new TestBrowser(ctx.app);
    await signInAs(ctx, welfare, { tenantId: KRIMPEN.id, role: 'professional', organisationId: k.welfare, name: 'Wim Welzijn' });
    housingPro = await signInAs(ctx, new TestBrowser(ctx.app), {
      tenantId: KRIMPEN.id,
      role: 'professional',
      organisationId: k.housing,
      name: 'Hanna Huisvesting',
    });
    municipalityPro = await signInAs(ctx, new TestBrowser(ctx.app), {
      tenantId: KRIMPEN.id,
      role: 'professional',
      organisationId: k.municipality,
      name: 'Gert Gemeente',
    });
  });

  it('groups the people per organisation, and a person of another organisation is refused beside the field with the text kept', async () => {
    const id = await newWorry('form-1');
    const page = await welfare.get(`${base}/${id}`);
    assert.equal(page.statusCode, 200);
    const select = /<select[^>]*id="actie-nieuw-wie"[\s\S]*?<\/select>/.exec(page.body)![0];
    assert.match(select, /<optgroup label="Wonen Krimpen aan den IJssel"><option value="[^"]+">Hanna Huisvesting<\/option><\/optgroup>/);
    assert.match(select, /<optgroup label="Gemeente Krimpen aan den IJssel"><option value="[^"]+">Gert Gemeente<\/option><\/optgroup>/);

    const typed = 'Woonconsulent gaat langs bij de buurvrouw';
    const res = await welfare.post(`${base}/${id}/acties`, {
      organisationId: k.housing,
      description: typed,
      ownerUserId: municipalityPro,
      dueDate: '',
    });
    assert.equal(res.statusCode, 422);
    // The signal page itself, not an error page: the add form is open, the message sits beside the owner field.
    assert.ok(res.body.includes('Acties in het netwerk'), 'the signal page');
    assert.match(res.body, /<details class="signals-action-add" open/);
    assert.match(res.body, /id="actie-nieuw-wie-error"[^>]*>Deze persoon hoort niet bij de gekozen organisatie/);
    assert.match(res.body, /href="#actie-nieuw-wie"/, 'the summary links to the field');
    assert.match(res.body, /aria-describedby="[^"]*actie-nieuw-wie-error"/);
    // What was typed is kept: the text, the organisation and the chosen person.
    assert.ok(res.body.includes(`>${typed}</textarea>`));
    assert.match(res.body, new RegExp(`<option value="${k.housing}" selected`));
    assert.match(res.body, new RegExp(`<option value="${municipalityPro}" selected`));
    assert.ok(!res.body.includes('Naar de startpagina'), 'no dead-end error page');
    assert.equal(await actionCount(id), 0, 'nothing stored');

    // The right person of the chosen organisation goes through.
    const ok = await welfare.post(`${base}/${id}/acties`, { organisationId: k.housing, description: typed, ownerUserId: housingPro });
    assert.equal(ok.statusCode, 303);
    assert.equal(await actionCount(id), 1);
  });

  it('a refused update keeps that action’s form open with the message beside the field', async () => {
    const id = await newWorry('form-2');
    await welfare.post(`${base}/${id}/acties`, { organisationId: k.housing, description: 'Huisbezoek' });
    const action = await db()
      .selectFrom('signals_actions')
      .innerJoin('signals_signals', 'signals_signals.id', 'signals_actions.signal_id')
      .select('signals_actions.id')
      .where('signals_signals.public_id', '=', id)
      .executeTakeFirstOrThrow();
    const res = await welfare.post(`${base}/${id}/acties/${action.id}/wijzigen`, { ownerUserId: '', dueDate: '2026-02-31' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<details class="signals-action-update" open/);
    assert.match(res.body, /id="actie-1-due-error"[^>]*>[^<]*jjjj-mm-dd/);
    assert.match(res.body, /name="dueDate" value="2026-02-31"/);
  });

  it('closing is not offered while an action is open; the reason is a warning, not a success box; due dates read "9 dec 2026"', async () => {
    const id = await newWorry('form-3');
    const due = DateTime.fromISO(localDate(ctx.clock.now())).plus({ days: 3 });
    await welfare.post(`${base}/${id}/acties`, { organisationId: k.housing, description: 'Bellen', dueDate: due.toISODate()! });
    const page = await welfare.get(`${base}/${id}?naar=afgehandeld`);
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes('naar=afgehandeld#'), 'no link to the blocked step');
    assert.ok(!page.body.includes('name="to" value="afgehandeld"'), 'no form for the blocked step');
    assert.match(page.body, /class="utrecht-paragraph notice notice--warning" id="open-acties"><strong>Let op:<\/strong>/);
    assert.ok(page.body.includes('naar=in_behandeling#'), 'the other steps are offered');
    const months = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
    assert.ok(page.body.includes(`${due.day} ${months[due.month - 1]} ${due.year}`), 'one date format');
    assert.ok(!page.body.includes(`>${due.toISODate()}<`));
    // The actions table reflows on a phone: every cell carries its column name.
    assert.match(page.body, /<table class="utrecht-table data-table data-table--reflow" id="acties-tabel">/);
    assert.match(page.body, /<td class="utrecht-table__cell" data-label="Organisatie">Wonen Krimpen aan den IJssel<\/td>/);
  });
});
