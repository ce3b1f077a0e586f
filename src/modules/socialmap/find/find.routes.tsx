import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { UUID_SOURCE } from '../../../platform/ids.ts';
import { routes } from '../../../platform/http/route.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { areaFeed, filterOptions, getLeaflet, getServicePage, searchServices, serviceFeed, type When } from './find.service.ts';
import { geocodeAddress, geocodePostcode, type GeocodeResult } from './geocode.ts';
import { feedQuery, icsFileName } from './ical.ts';
import { searchAlternatives } from './find.synonyms.service.ts';
import { LeafletPage } from './views/leaflet-page.tsx';
import { SearchPage, type FindFormValues } from './views/search-page.tsx';
import { ServicePage } from './views/service-page.tsx';

const PAGE_SIZE = 20;
/** A service id, or a service id with `.ics` (its calendar feed). */
const serviceOrFeed = z.string().regex(new RegExp(`^${UUID_SOURCE}(\\.ics)?$`, 'i'));
/** A CBS area code (BU…, WK…); unknown ones are a 404 from the service. */
const areaCode = z.string().regex(/^[A-Za-z0-9]{1,20}$/);
/** The calendar feed of an area: `{code}.ics`. */
const areaFeedFile = z.string().regex(/^[A-Za-z0-9]{1,20}\.ics$/);
const list = z
  .union([z.string().max(100, 'form.tooLong'), z.array(z.string().max(100, 'form.tooLong')).max(20)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== ''));
const text = (max: number) => z.string().max(max, 'form.tooLong').optional().default('');
const querySchema = z.object({
  q: text(200),
  functie: list,
  doelgroep: list,
  toegankelijk: list,
  wanneer: z.enum(['', 'nu', 'vandaag', 'week'], 'form.invalidValue').optional().default(''),
  postcode: text(20),
  huisnummer: text(20),
  adres: text(200),
  lat: text(30),
  lon: text(30),
  afstand: z.enum(['500', '1000', '3000'], 'form.invalidValue').optional().default('1000'),
  pagina: z.coerce
    .number('form.invalidValue')
    .int('form.invalidValue')
    .min(1, 'form.invalidValue')
    .max(500, 'form.invalidValue')
    .optional()
    .default(1),
});

/**
 * The query string as sent: every field of the search form, a text or a repeated text, anything
 * else ignored. The page itself checks it with `querySchema` and shows what is wrong beside the
 * fields (422), so the edge never refuses it.
 */
const sent = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .catch(undefined);
const rawQuery = z.object({
  q: sent,
  functie: sent,
  doelgroep: sent,
  toegankelijk: sent,
  wanneer: sent,
  postcode: sent,
  huisnummer: sent,
  adres: sent,
  lat: sent,
  lon: sent,
  afstand: sent,
  pagina: sent,
});
type RawQuery = z.output<typeof rawQuery>;

function rawValues(q: RawQuery): FindFormValues {
  const s = (k: keyof RawQuery) => {
    const v = q[k];
    return typeof v === 'string' ? v.slice(0, 200) : '';
  };
  const l = (k: keyof RawQuery) => {
    const v = q[k];
    return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
  };
  return {
    q: s('q'),
    functie: l('functie'),
    doelgroep: l('doelgroep'),
    toegankelijk: l('toegankelijk'),
    wanneer: s('wanneer'),
    postcode: s('postcode'),
    huisnummer: s('huisnummer'),
    adres: s('adres'),
    lat: s('lat'),
    lon: s('lon'),
    afstand: s('afstand') || '1000',
    pagina: 1,
  };
}

function originText(t: Translate, g: GeocodeResult & { ok: true }): string {
  if (g.precision === 'address' || g.precision === 'postcode') return t('socialmap.find.geo.from', { label: g.label });
  // A PC4 centre is coarse: say so ("we zoeken vanaf het midden van postcodegebied 9712").
  if (g.precision === 'pc4') return t('areas.geocode.note.pc4', { pc4: g.label });
  return t('socialmap.find.geo.fromApprox', { label: g.label });
}

function sendIcs(reply: FastifyReply, name: string, ics: string): FastifyReply {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${icsFileName(name)}"`)
    .header('cache-control', 'public, max-age=900')
    .send(ics);
}

/** Resident pages of the social map: search, service page, leaflet and iCalendar feeds (all public). */
export async function findRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get('/:tenant/sociale-kaart', { policy: 'public', query: rawQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const t = req.t;
    const now = app.clock.now();
    const query = req.query;
    const options = await filterOptions(req.db, tenant.id, req.locale);
    const parsed = parseForm(querySchema, query, t);
    const values: FindFormValues = parsed.ok ? { ...parsed.data, pagina: parsed.data.pagina } : rawValues(query);
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    const known = (tax: string) => new Set((options[tax] ?? []).map((o) => o.code));
    for (const [field, tax] of [
      ['functie', 'functie'],
      ['doelgroep', 'doelgroep'],
      ['toegankelijk', 'toegankelijkheid'],
    ] as const) {
      if (values[field].some((c) => !known(tax).has(c))) errors[field] = t('socialmap.find.form.unknownTerm');
    }

    let point: { lat: number; lon: number } | null = null;
    let origin: string | null = null;
    if (!errors.postcode && !errors.adres && !errors.huisnummer) {
      let g: GeocodeResult | null = null;
      if (values.postcode.trim()) g = await geocodePostcode(req.db, tenant.id, values.postcode, values.huisnummer);
      else if (values.adres.trim()) g = await geocodeAddress(req.db, tenant.id, values.adres);
      if (g && g.ok) {
        point = { lat: g.lat, lon: g.lon };
        origin = originText(t, g);
      } else if (g) errors[g.field] = t(g.messageKey, g.params);
      else if (values.lat.trim() || values.lon.trim()) {
        const lat = Number(values.lat);
        const lon = Number(values.lon);
        if (
          values.lat.trim() &&
          values.lon.trim() &&
          Number.isFinite(lat) &&
          Number.isFinite(lon) &&
          Math.abs(lat) <= 90 &&
          Math.abs(lon) <= 180
        ) {
          point = { lat, lon };
          origin = t('socialmap.find.geo.fromMyLocation');
        } else errors.lat = t('socialmap.find.form.invalidPoint');
      }
    }

    const hasErrors = Object.keys(errors).length > 0;
    const filtered = !!(
      values.q ||
      values.functie.length ||
      values.doelgroep.length ||
      values.toegankelijk.length ||
      values.wanneer ||
      point
    );
    const result = hasErrors
      ? null
      : await searchServices(
          req.db,
          tenant.id,
          {
            text: values.q,
            functions: values.functie,
            targetGroups: values.doelgroep,
            accessibility: values.toegankelijk,
            when: (values.wanneer || null) as When | null,
            point,
            radius: Number(values.afstand),
            page: values.pagina,
            pageSize: PAGE_SIZE,
            locale: req.locale,
            alternatives: await searchAlternatives(req.db, tenant.id, values.q),
          },
          now,
        );
    return reply.page(
      <SearchPage
        ctx={req.viewContext()}
        slug={tenant.slug}
        values={values}
        options={options}
        errors={errors}
        result={result}
        origin={origin}
        filtered={filtered}
        point={point}
      />,
      { title: t('socialmap.find.title'), status: hasErrors ? 422 : 200, breadcrumbs: [{ href: `/${tenant.slug}/`, label: tenant.name }] },
    );
  });

  // The query (`van`, `tot`) only matters to the feed (`{id}.ics`); the page ignores it.
  route.get(
    '/:tenant/sociale-kaart/aanbod/:id',
    { policy: 'public', params: { id: serviceOrFeed }, query: feedQuery },
    async (req, reply) => {
      const tenant = req.tenant;
      const { id } = req.params;
      const now = app.clock.now();
      if (id.endsWith('.ics')) {
        const serviceId = id.slice(0, -4);
        const feed = await serviceFeed(
          req.db,
          tenant.id,
          serviceId,
          now,
          `${app.config.baseUrl}/${tenant.slug}/sociale-kaart/aanbod/${serviceId}`,
          req.query,
        );
        return sendIcs(reply, feed.name, feed.ics);
      }
      const data = await getServicePage(req.db, tenant.id, id, now, req.locale);
      return reply.page(<ServicePage ctx={req.viewContext()} slug={tenant.slug} data={data} />, {
        title: data.service.name,
        breadcrumbs: [
          { href: `/${tenant.slug}/`, label: tenant.name },
          { href: `/${tenant.slug}/sociale-kaart`, label: req.t('socialmap.find.title') },
        ],
      });
    },
  );

  route.get('/:tenant/sociale-kaart/folder/:code', { policy: 'public', params: { code: areaCode } }, async (req, reply) => {
    const tenant = req.tenant;
    const { code } = req.params;
    const now = app.clock.now();
    const data = await getLeaflet(req.db, tenant.id, code, now, req.locale);
    return reply.page(<LeafletPage ctx={req.viewContext()} slug={tenant.slug} data={data} now={now} siteUrl={app.config.baseUrl} />, {
      title: `${req.t('socialmap.find.leaflet.title')} – ${data.area.name}`,
      breadcrumbs: [
        { href: `/${tenant.slug}/`, label: tenant.name },
        { href: `/${tenant.slug}/wijken/${data.area.code}`, label: data.area.name },
      ],
    });
  });

  route.get(
    '/:tenant/sociale-kaart/agenda/:file',
    { policy: 'public', params: { file: areaFeedFile }, query: feedQuery },
    async (req, reply) => {
      const tenant = req.tenant;
      const { file } = req.params;
      const feed = await areaFeed(
        req.db,
        tenant.id,
        file.slice(0, -4),
        app.clock.now(),
        (id) => `${app.config.baseUrl}/${tenant.slug}/sociale-kaart/aanbod/${id}`,
        req.query,
      );
      return sendIcs(reply, feed.name, feed.ics);
    },
  );
}
