import type { ViewContext } from '../../../../ui/context.ts';
import { tenantPath } from '../../../../ui/context.ts';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { EvaluationWarning } from '../register.checks.ts';
import type { EvaluationDetail } from '../register.service.ts';

/** The municipality's evaluations with their status (staff see drafts; others only published ones). */
export function EvaluationList({
  ctx,
  evaluations,
  canManage,
  saved,
  warnings,
}: {
  ctx: ViewContext;
  evaluations: readonly EvaluationDetail[];
  canManage: boolean;
  saved: string | null;
  /** The warnings of the evaluation just saved. */
  warnings: readonly EvaluationWarning[];
}) {
  const { t, locale } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('evaluation.list.title')}</h1>
      {saved && (
        <>
          <Notice ctx={ctx} messageKey="evaluation.list.saved" vars={{ reference: saved }} />
          <p>
            <a class="utrecht-link" href={tenantPath(ctx, `/evaluaties/${saved}`)}>
              {t('evaluation.list.result')}: {saved}
            </a>
          </p>
          {warnings.length > 0 && (
            <div class="utrecht-alert utrecht-alert--warning" role="status" aria-labelledby="waarschuwingen">
              <h2 class="utrecht-heading-2" id="waarschuwingen">
                {t('evaluation.form.warnings')}
              </h2>
              <ul>
                {warnings.map((w) => (
                  <li>{t(w.key, w.vars)}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      <p>{t('evaluation.list.intro')}</p>
      {canManage && (
        <p>
          <a class="utrecht-link" href={tenantPath(ctx, '/evaluaties/nieuw')}>
            {t('evaluation.list.new')}
          </a>
        </p>
      )}
      {evaluations.length === 0 ? (
        <p>{t('evaluation.list.empty')}</p>
      ) : (
        <DataTable
          columns={[
            t('evaluation.list.reference'),
            t('evaluation.list.titleCol'),
            t('evaluation.list.start'),
            t('evaluation.list.status'),
            t('evaluation.list.published'),
          ]}
        >
          {evaluations.map(({ evaluation: e }) => (
            <tr>
              <th scope="row">
                <a class="utrecht-link" href={tenantPath(ctx, `/evaluaties/${e.reference}`)}>
                  {e.reference}
                </a>
              </th>
              <td>
                {locale === 'nl' ? e.titleNl : e.titleEn || e.titleNl}
                {e.isDemo && <span class="demo-label"> ({t('evaluation.demoLabel')})</span>}
                {canManage && (
                  <>
                    {' '}
                    <a
                      class="utrecht-link"
                      href={tenantPath(ctx, `/evaluaties/${e.reference}/bewerken`)}
                      aria-label={`${t('evaluation.list.edit')} ${e.reference}`}
                    >
                      {t('evaluation.list.edit')}
                    </a>
                  </>
                )}
              </td>
              <td>{e.startDay}</td>
              <td>{t(`evaluation.status.${e.status}`)}</td>
              <td>{e.published ? t('evaluation.list.yes') : t('evaluation.list.no')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
