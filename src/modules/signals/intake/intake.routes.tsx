import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, NotFound } from '../../../platform/errors.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { CSRF_COOKIE } from '../../../platform/http/csrf.ts';
import type { Upload } from '../../../platform/http/multipart.ts';
import { formErrorsOf, routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { findCategoryByCode, listCategoryTree } from '../config/categories.service.ts';
import { categoryIn, categoryTree } from '../config/categories.presenter.ts';
import { nearbySignals } from '../tracking/feedback.service.ts';
import { nearbyItem } from './intake.presenter.ts';
import { findHardStop } from '../config/questions.ts';
import { createSignal } from '../signals.service.ts';
import { followSignal, signalToFollow, trackingPath, type LinkBase } from '../tracking/tracking.service.ts';
import { ChooseCategoryPage, ReportFormPage, type ReportValues } from './views/report.tsx';
import { FollowedPage, HardStopPage, ThanksPage } from './views/thanks.tsx';
import {
  attachPhotos,
  listPendingPhotos,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  ownerHash,
  pendingPhotoView,
  PhotoError,
  processPhotos,
  savePendingPhotos,
  tooLarge,
  tooMany,
  type PendingKey,
  type PendingMeta,
  type ProcessedPhoto,
} from '../photos/photos.service.ts';
import { can } from '../policies.ts';
import { rawAnswers } from './form-input.ts';
import { buurtChoices, mapCenter, placeReport } from './intake.place.ts';
import './intake.messages.ts';
import {
  CATEGORY_CODE_RE,
  MAX_COORDINATE,
  MAX_DESCRIPTION,
  MAX_DESCRIPTION_INPUT,
  MAX_EMAIL,
  MAX_LINE_INPUT,
  MAX_PHONE,
  MAX_REMOVED_PHOTOS,
  optionalText,
  publicIdParam,
  SUBMISSION_ID_RE,
} from '../signals.schemas.ts';

/** Submissions per client per minute (report and follow forms). */
export const SUBMIT_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };

/** Where links in mails point for a request under `/:tenant/`. */
export function linkBase(app: FastifyInstance, req: { tenant: RequestTenant | null }): LinkBase {
  if (!req.tenant) throw NotFound();
  return { baseUrl: app.config.baseUrl, tenantSlug: req.tenant.slug };
}

/** The pending photos the reporter unticked ("do not send"): ids from repeated `removePhoto` fields. */
function removedPhotos(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string' && SUBMISSION_ID_RE.test(x)).slice(0, MAX_REMOVED_PHOTOS);
}

/** The report form; `answer_<key>` fields (the category's extra questions) pass through as they are. */
const reportForm = z.looseObject({
  description: z.string().max(MAX_DESCRIPTION_INPUT, 'signals.error.descriptionTooLong').optional().default(''),
  address: optionalText(MAX_LINE_INPUT),
  buurt: optionalText(20),
  lat: optionalText(MAX_COORDINATE),
  lon: optionalText(MAX_COORDINATE),
  name: optionalText(MAX_LINE_INPUT),
  email: optionalText(MAX_LINE_INPUT),
  phone: optionalText(MAX_PHONE),
  wantsFeedback: z.literal('1').optional(),
  onBehalf: z.literal('1').optional(),
  submissionId: z.string().regex(SUBMISSION_ID_RE, 'form.invalidValue'),
  nearbySeen: z.literal('1').optional(),
  removePhoto: z.unknown().optional().transform(removedPhotos),
});

const followForm = z.object({ email: z.email('signals.error.email').max(MAX_EMAIL, 'signals.error.email') });

/** The report form's values to fill it in again (cut to what the fields hold). */
function reportValues(fields: Record<string, unknown>, submissionId: string): ReportValues {
  const s = (k: string, max = MAX_LINE_INPUT) => {
    const v = fields[k];
    return typeof v === 'string' ? v.slice(0, max) : '';
  };
  return {
    description: s('description', MAX_DESCRIPTION),
    address: s('address'),
    buurt: s('buurt', 20),
    lat: s('lat', MAX_COORDINATE),
    lon: s('lon', MAX_COORDINATE),
    name: s('name'),
    email: s('email'),
    phone: s('phone', MAX_PHONE),
    wantsFeedback: fields.wantsFeedback === '1',
    onBehalf: fields.onBehalf === '1',
    answers: rawAnswers(fields),
    submissionId,
  };
}

/** The photos of an upload, processed; a PhotoError when there are too many (with the `kept` pending ones), one is too large or not a photo. */
async function uploadedPhotos(upload: Upload | null, kept: number): Promise<ProcessedPhoto[]> {
  if (upload?.tooMany || kept + (upload?.files.length ?? 0) > MAX_PHOTOS) throw tooMany();
  if (upload?.tooLarge.length) throw tooLarge(upload.tooLarge[0]);
  return processPhotos(upload?.files ?? []);
}

/** A refused photo as the message beside the photo field. */
function photoMessage(e: PhotoError, t: Translate): string {
  const message = t(e.message);
  const name = String(e.vars?.name ?? '');
  return name ? t('signals.photos.error.withName', { name, message }) : message;
}

/** Multipart limits of the report form: up to MAX_PHOTOS photos of MAX_PHOTO_BYTES each (a bigger one is told, not refused). */
const REPORT_UPLOAD = { fileField: 'photos', maxFiles: MAX_PHOTOS, maxFileBytes: MAX_PHOTO_BYTES, maxFields: 60 };

/** Resident pages: choose a subject, report, thank-you, follow a nearby signal; plus the tracking and handling pages. */
export async function signalRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const canActOnBehalf = (req: FastifyRequest) => can(req.principal, 'signal.reportOnBehalf');

  route.get('/:tenant/meldingen', { policy: 'public' }, async (req, reply) => {
    const tree = await listCategoryTree(req.db, req.tenant.id, { activeOnly: true });
    return reply.page(<ChooseCategoryPage ctx={req.viewContext()} slug={req.tenant.slug} tree={categoryTree(tree, req.locale)} />, {
      title: req.t('signals.report.title'),
    });
  });

  /** The active category of a report URL, or a 404 (a malformed code is never looked up). */
  const categoryOf = async (req: FastifyRequest & { tenant: RequestTenant }, code: string) => {
    const category = CATEGORY_CODE_RE.test(code) ? await findCategoryByCode(req.db, req.tenant.id, code) : null;
    if (!category || !category.active) throw NotFound('signals.error.categoryNotFound');
    return category;
  };
  const codeParam = { code: z.string() };

  route.get('/:tenant/meldingen/nieuw/:code', { policy: 'public', params: codeParam }, async (req, reply) => {
    const category = await categoryOf(req, req.params.code);
    const values: ReportValues = {
      description: '',
      address: '',
      buurt: '',
      lat: '',
      lon: '',
      name: req.user?.name ?? '',
      email: req.user?.email ?? '',
      phone: '',
      wantsFeedback: false,
      onBehalf: false,
      answers: {},
      submissionId: randomUUID(),
    };
    return reply.page(
      <ReportFormPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        category={categoryIn(req.locale)(category)}
        values={values}
        place={await placeChoices(req, category.sensitive)}
        canActOnBehalf={canActOnBehalf(req)}
      />,
      {
        title: req.t('signals.report.formTitle', { category: categoryIn(req.locale)(category).name }),
        breadcrumbs: [{ href: `/${req.tenant.slug}/meldingen`, label: req.t('signals.report.title') }],
      },
    );
  });

  /** Where the map opens, and for a worry the buurten to choose from. */
  const placeChoices = async (req: FastifyRequest & { tenant: RequestTenant }, worry: boolean) => ({
    center: await mapCenter(req.db, req.tenant.id),
    buurten: worry ? await buurtChoices(req.db, req.tenant.id) : [],
  });

  /** The report form again, with messages, the nearby signals to follow or the pending photos. */
  const reportAgain = async (
    req: FastifyRequest & { tenant: RequestTenant },
    reply: FastifyReply,
    category: Awaited<ReturnType<typeof categoryOf>>,
    form: {
      values: ReportValues;
      errors: Record<string, string>;
      status: number;
      nearby?: Parameters<typeof ReportFormPage>[0]['nearby'];
      pending?: PendingMeta[];
    },
  ) =>
    reply.page(
      <ReportFormPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        category={categoryIn(req.locale)(category)}
        values={form.values}
        place={await placeChoices(req, category.sensitive)}
        errors={form.errors}
        nearby={form.nearby}
        pending={(form.pending ?? []).map(pendingPhotoView)}
        canActOnBehalf={canActOnBehalf(req)}
      />,
      { title: req.t('signals.report.formTitle', { category: categoryIn(req.locale)(category).name }), status: form.status },
    );

  route.post(
    '/:tenant/meldingen/nieuw/:code',
    {
      policy: 'public',
      params: codeParam,
      rateLimit: SUBMIT_RATE_LIMIT,
      multipart: REPORT_UPLOAD,
      form: reportForm,
      // A form that does not fit: its messages, together with what is wrong with the photos sent with it.
      invalid: async (req, reply, errors, values, status) => {
        const category = await categoryOf(req, req.params.code);
        let photoStatus: number | null = null;
        const all = { ...errors };
        try {
          await uploadedPhotos(req.upload, 0);
        } catch (e) {
          if (!(e instanceof PhotoError)) throw e;
          all.photos = photoMessage(e, req.t);
          photoStatus = e.status;
        }
        return reportAgain(req, reply, category, {
          values: reportValues(values, randomUUID()),
          errors: all,
          status: photoStatus ?? status,
        });
      },
    },
    async (req, reply) => {
      const category = await categoryOf(req, req.params.code);
      const ctx = req.viewContext();
      const slug = req.tenant.slug;
      const form = req.body;
      const values = reportValues(form, form.submissionId);
      const now = app.clock.now();
      const key: PendingKey = { tenantId: req.tenant.id, submissionId: form.submissionId, owner: ownerHash(req.cookies[CSRF_COOKIE]!) };
      const remove = form.removePhoto;
      let pending: PendingMeta[] = await listPendingPhotos(req.db, key, now);
      const again = (errors: Record<string, string>, status = 422, nearby?: Parameters<typeof ReportFormPage>[0]['nearby']) =>
        reportAgain(req, reply, category, { values, errors, status, nearby, pending });
      // A worry about a neighbour never carries photos (the form has no photo field): refused, nothing stored.
      if (category.sensitive && (req.upload?.files.length || req.upload?.tooMany || req.upload?.tooLarge.length || pending.length)) {
        return again({ photos: req.t('signals.photos.error.worry') });
      }
      // Photos first: a refused photo stores nothing and keeps the photos added before.
      let photos: ProcessedPhoto[] = [];
      try {
        photos = await uploadedPhotos(req.upload, pending.filter((p) => !remove.includes(p.id)).length);
      } catch (e) {
        if (!(e instanceof PhotoError)) throw e;
        return again({ photos: photoMessage(e, req.t) }, e.status);
      }
      // A round trip back to the form keeps the new photos as pending uploads: the reporter need not choose them again.
      const keep = async () => {
        if (photos.length || remove.length) pending = await savePendingPhotos(req.db, key, photos, now, remove);
      };
      const hard = findHardStop(category.questions, values.answers);
      if (hard?.hardStop) {
        return reply.page(<HardStopPage ctx={ctx} message={hard.hardStop.message} back={`/${slug}/meldingen`} />, {
          title: req.t('signals.report.hardStopTitle'),
        });
      }
      // Placed before anything is stored: a pin, else the typed address (a worry: the buurt or street).
      const placed = await placeReport(
        req.db,
        req.tenant.id,
        { lat: values.lat, lon: values.lon, address: values.address, buurt: values.buurt },
        category.sensitive,
      );
      if (!placed.ok) {
        await keep();
        return again({ [placed.field]: req.t(placed.key, placed.params) });
      }
      const { lat, lon } = placed;
      if (!category.sensitive && !form.nearbySeen) {
        const nearby = await nearbySignals(req.db, req.tenant.id, category.id, lat, lon, now);
        if (nearby.length > 0) {
          await keep();
          return again({}, 200, nearby.map(nearbyItem));
        }
      }
      const onBehalf = !!form.onBehalf && canActOnBehalf(req);
      try {
        // The signal, its photos, its mail and its audit record commit together (createSignal's `also`).
        let attached = 0;
        const created = await createSignal(
          req.db,
          {
            tenantId: req.tenant.id,
            category: { id: category.id },
            description: form.description,
            latitude: lat,
            longitude: lon,
            address: placed.address,
            reporter: { name: form.name, email: form.email, phone: form.phone },
            wantsFeedback: !!form.wantsFeedback,
            reporterUserId: onBehalf ? null : (req.user?.id ?? null),
            createdBy: onBehalf ? req.user!.id : null,
            source: 'web',
            answers: values.answers,
            idempotencyKey: `web:${form.submissionId}`,
            locale: req.locale,
            links: linkBase(app, req),
            now,
          },
          async (trx, fresh) => {
            attached = await attachPhotos(trx, key, fresh.signal.id, photos, now, remove);
          },
        );
        // A replay attaches nothing: the photos went with the first submission.
        const photoCount = created.replayed ? created.signal.photo_count : attached;
        const s = created.signal;
        return reply.page(
          <ThanksPage
            ctx={ctx}
            publicId={s.public_id}
            trackingUrl={created.trackingToken ? trackingPath(slug, created.trackingToken) : null}
            mailed={!!s.reporter_email}
            photoCount={photoCount}
            summary={{
              category: categoryIn(req.locale)(category).name,
              sensitive: category.sensitive,
              place: placed.address,
              note: placed.note ? req.t(placed.note.key, placed.note.params) : null,
              description: s.description,
              deadline: s.deadline_at,
            }}
          />,
          {
            title: req.t('signals.thanks.title'),
          },
        );
      } catch (e) {
        // The service's field messages go beside the fields (its `location` is the address field), with the photos kept.
        const mapped = e instanceof AppError && e.status === 422 ? formErrorsOf(e, req.t) : null;
        if (!mapped) throw e;
        await keep();
        return again(
          Object.fromEntries(Object.entries(mapped.errors).map(([k, v]) => [k === 'location' ? 'address' : k, v])),
          mapped.status,
        );
      }
    },
  );

  route.post(
    '/:tenant/meldingen/:publicId/volgen',
    {
      policy: 'public',
      params: publicIdParam,
      rateLimit: SUBMIT_RATE_LIMIT,
      form: followForm,
      invalid: (_req, _reply, _errors, _values, _status, failure) => {
        throw new AppError(422, 'invalid', 'signals.error.email', failure.fields, failure.vars);
      },
    },
    async (req, reply) => {
      const { publicId } = req.params;
      const tenantId = req.tenant.id;
      const now = app.clock.now();
      await inTransaction(req.db, async (trx) => {
        // Sensitive signals cannot be followed by others and do not reveal that they exist (404).
        const { signal, sensitive } = await signalToFollow(trx, req.principal, tenantId, publicId);
        await followSignal(trx, signal, {
          email: req.body.email,
          userId: req.user?.id ?? null,
          sensitive,
          links: linkBase(app, req),
          locale: req.locale,
          now,
        });
      });
      return reply.page(<FollowedPage ctx={req.viewContext()} publicId={publicId} />, {
        title: req.t('signals.follow.title', { id: publicId }),
      });
    },
  );
}
