import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, fieldId, Form, SubmitButton } from '../../../../ui/form.tsx';
import type { ImportReport } from '../import.ts';
import { reportCounts } from '../report.ts';

/** The HSDS import form (coordinators), with the report of the last upload when there is one. */
export function HsdsImportPage({
  ctx,
  slug,
  errors,
  report,
}: {
  ctx: ViewContext;
  slug: string;
  errors?: Record<string, string>;
  report?: ImportReport;
}) {
  const { t } = ctx;
  const fileError = errors?.file;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.import.title')}</h1>
      <p class="utrecht-paragraph">{t('socialmap.import.intro')}</p>
      {report && <ImportReportView ctx={ctx} report={report} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`/${slug}/sociale-kaart/beheer/import`} enctype="multipart/form-data" label={t('socialmap.import.title')}>
        <div class={`utrecht-form-field${fileError ? ' utrecht-form-field--invalid' : ''}`}>
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for={fieldId('file')}>
              {t('socialmap.import.file')}
            </label>
          </div>
          {fileError && (
            <div class="utrecht-form-field-error-message" id={`${fieldId('file')}-error`}>
              {fileError}
            </div>
          )}
          <div class="utrecht-form-field__input">
            <input
              type="file"
              id={fieldId('file')}
              name="file"
              accept=".json,application/json"
              aria-invalid={fileError ? 'true' : undefined}
              aria-describedby={fileError ? `${fieldId('file')}-error` : undefined}
            />
          </div>
        </div>
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <input class="utrecht-checkbox" type="checkbox" id={fieldId('outside')} name="outside" value="keep" />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for={fieldId('outside')}>
            {t('socialmap.import.outside')}
          </label>
        </div>
        <SubmitButton>{t('socialmap.import.submit')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}/hsds/export.json`}>
          {t('socialmap.import.exportJson')}
        </a>
      </p>
    </>
  );
}

function ImportReportView({ ctx, report }: { ctx: ViewContext; report: ImportReport }) {
  const { t } = ctx;
  const counts = reportCounts(report);
  return (
    <section
      aria-labelledby="import-report"
      class={`utrecht-alert ${report.written ? 'utrecht-alert--ok' : 'utrecht-alert--error'}`}
      role="status"
    >
      <h2 id="import-report" class="utrecht-heading-2">
        {report.written ? t('socialmap.import.written') : t('socialmap.import.rejected', { count: report.rejected.length })}
      </h2>
      {counts.length > 0 && (
        <ul class="utrecht-unordered-list">
          {counts.map((c) => (
            <li>
              {c.kind}: {t('socialmap.import.counts', { created: c.created, updated: c.updated })}
            </li>
          ))}
        </ul>
      )}
      {[...report.rejected, ...report.warnings].length > 0 && (
        <div class="table-scroll">
          <table class="data-table utrecht-table">
            <caption>{t('socialmap.import.problems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('socialmap.import.part')}</th>
                <th scope="col">{t('socialmap.import.field')}</th>
                <th scope="col">{t('socialmap.import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {[...report.rejected, ...report.warnings].map((p) => (
                <tr>
                  <td>
                    {p.kind} {p.id ?? ''}
                  </td>
                  <td>{p.field}</td>
                  <td>{t(p.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {Object.keys(report.ignored).length > 0 && (
        <p class="utrecht-paragraph">
          {t('socialmap.import.ignored')}:{' '}
          {Object.entries(report.ignored)
            .map(([k, n]) => `${k} (${n})`)
            .join(', ')}
        </p>
      )}
    </section>
  );
}
