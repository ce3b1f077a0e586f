import './jobs.messages.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditFrom } from '../../../platform/audit/audit.service.ts';
import { routes } from '../../../platform/http/route.ts';
import { getJobSettings, jobSettingsSchema, saveJobSettings, type JobSettings } from './jobs.settings.ts';
import { JobSettingsPage, type JobSettingsValues } from './views/settings-jobs.tsx';
import type { Translate } from '../../../platform/i18n/index.ts';

const MANAGERS = { roles: ['coordinator', 'admin'] } as const;
/** `?opgeslagen=1` after a save; anything else is ignored. */
const savedQuery = z.object({ opgeslagen: z.string().optional().catch(undefined) });

function asValues(s: JobSettings): JobSettingsValues {
  return {
    reminderDays: String(s.reminderDays),
    escalationEnabled: s.escalationEnabled,
    anonymiseAfterMonths: String(s.anonymiseAfterMonths),
    deleteCancelledAfterMonths: String(s.deleteCancelledAfterMonths),
    deleteClosedAfterMonths: String(s.deleteClosedAfterMonths),
  };
}

/** The submitted values to show again (each cut at 10 characters: the fields hold numbers of at most 4 digits). */
function submitted(values: Record<string, string | string[]>): JobSettingsValues {
  const str = (k: string) => {
    const v = values[k];
    return typeof v === 'string' ? v.slice(0, 10) : '';
  };
  return {
    reminderDays: str('reminderDays'),
    escalationEnabled: values.escalationEnabled === '1',
    anonymiseAfterMonths: str('anonymiseAfterMonths'),
    deleteCancelledAfterMonths: str('deleteCancelledAfterMonths'),
    deleteClosedAfterMonths: str('deleteClosedAfterMonths'),
  };
}

/** Routes of the signals jobs part: the deadline and retention settings page `/{tenant}/beheer/meldingen/termijnen`. */
export async function jobsSettingsRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const crumbs = (slug: string, t: Translate) => [{ href: `/${slug}/beheer/meldingen`, label: t('signals.jobs.hub') }];

  route.get('/:tenant/beheer/meldingen/termijnen', { policy: MANAGERS, query: savedQuery }, async (req, reply) => {
    const { slug, id } = req.tenant;
    const settings = await getJobSettings(req.db, id);
    return reply.page(
      <JobSettingsPage ctx={req.viewContext()} slug={slug} values={asValues(settings)} saved={req.query.opgeslagen === '1'} />,
      { title: req.t('signals.jobs.title'), breadcrumbs: crumbs(slug, req.t) },
    );
  });

  route.post(
    '/:tenant/beheer/meldingen/termijnen',
    {
      policy: MANAGERS,
      form: jobSettingsSchema,
      invalid: (req, reply, errors, values, status) =>
        reply.page(<JobSettingsPage ctx={req.viewContext()} slug={req.tenant.slug} values={submitted(values)} errors={errors} />, {
          title: req.t('signals.jobs.title'),
          status,
          breadcrumbs: crumbs(req.tenant.slug, req.t),
        }),
    },
    async (req, reply) => {
      const audit = auditFrom(req);
      await saveJobSettings(req.db, {
        tenantId: req.tenant.id,
        settings: req.body,
        actorUserId: audit.actorUserId,
        ip: audit.ip,
        now: app.clock.now(),
      });
      return reply.redirect(`/${req.tenant.slug}/beheer/meldingen/termijnen?opgeslagen=1`, 303);
    },
  );
}
