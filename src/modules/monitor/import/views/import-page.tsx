import { formatDateTime, formatNumber } from '../../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, FieldFrame, fieldId, Form, SelectField, SubmitButton, TextField } from '../../../../ui/form.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import { rejectionReason, rejectionWhere } from '../import.presenter.ts';
import type { ImportLogEntry, MonitorImportReport } from '../import.service.ts';

export interface ImportFormValues {
  format: string;
  period: string;
}

/** The monitor import: the summary of the last upload, the upload form, and the earlier imports. */
export function MonitorImportPage({
  ctx,
  slug,
  history,
  errors,
  report,
  values,
}: {
  ctx: ViewContext;
  slug: string;
  history: readonly ImportLogEntry[];
  errors?: Record<string, string> | undefined;
  report?: MonitorImportReport | undefined;
  values?: ImportFormValues | undefined;
}) {
  const { t } = ctx;
  const action = `/${slug}/beheer/monitor/import`;
  const fileId = fieldId('file');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('monitor.import.title')}</h1>
      <p class="utrecht-paragraph">{t('monitor.import.intro')}</p>
      {report && <ImportSummary ctx={ctx} report={report} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} enctype="multipart/form-data" label={t('monitor.import.title')}>
        <FieldFrame id={fileId} label={t('monitor.import.file')} error={errors?.file}>
          <input
            type="file"
            id={fileId}
            name="file"
            accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={errors?.file ? 'true' : undefined}
            aria-describedby={errors?.file ? `${fileId}-error` : undefined}
          />
        </FieldFrame>
        <SelectField
          name="format"
          label={t('monitor.import.format')}
          value={values?.format ?? 'auto'}
          options={[
            { value: 'auto', label: t('monitor.import.format.auto') },
            { value: 'csv', label: t('monitor.import.format.csv') },
            { value: 'xlsx', label: t('monitor.import.format.xlsx') },
            { value: 'cbs', label: t('monitor.import.format.cbs') },
          ]}
        />
        <TextField
          name="period"
          label={t('monitor.import.period')}
          hint={t('monitor.import.periodHint')}
          error={errors?.period}
          value={values?.period ?? ''}
          inputMode="numeric"
          maxLength={4}
        />
        <SubmitButton>{t('monitor.import.submit')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">{t('monitor.import.docs')}</p>
      <h2 class="utrecht-heading-2" id="import-history">
        {t('monitor.import.history')}
      </h2>
      {history.length === 0 ? (
        <p class="utrecht-paragraph">{t('monitor.import.history.none')}</p>
      ) : (
        <DataTable
          caption={t('monitor.import.history')}
          columns={[
            t('monitor.import.history.when'),
            t('monitor.import.history.file'),
            t('monitor.import.history.outcome'),
            t('monitor.import.created'),
            t('monitor.import.updated'),
            t('monitor.import.rejectedCount'),
          ]}
        >
          {history.map((h) => (
            <tr>
              <td>{formatDateTime(ctx.locale, h.createdAt)}</td>
              <td>{h.fileName}</td>
              <td>{t(h.outcome === 'imported' ? 'monitor.import.outcome.imported' : 'monitor.import.outcome.rejected')}</td>
              <td>{formatNumber(ctx.locale, h.created)}</td>
              <td>{formatNumber(ctx.locale, h.updated)}</td>
              <td>{formatNumber(ctx.locale, h.rejected.length)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

/** Created, updated and rejected, with every rejected row and its reason: the same as the command line prints. */
function ImportSummary({ ctx, report }: { ctx: ViewContext; report: MonitorImportReport }) {
  const { t } = ctx;
  const n = (v: number) => formatNumber(ctx.locale, v);
  return (
    <section
      aria-labelledby="import-summary"
      class={`utrecht-alert ${report.written ? 'utrecht-alert--ok' : 'utrecht-alert--error'}`}
      role="status"
    >
      <h2 id="import-summary" class="utrecht-heading-2">
        {report.written ? t('monitor.import.written') : t('monitor.import.rejected', { count: n(report.rejected.length) })}
      </h2>
      <ul class="utrecht-unordered-list">
        <li>
          {t('monitor.import.created')}: {n(report.created)}
        </li>
        <li>
          {t('monitor.import.updated')}: {n(report.updated)}
        </li>
        <li>
          {t('monitor.import.rejectedCount')}: {n(report.rejected.length)}
        </li>
        {report.indicatorsCreated > 0 && (
          <li>
            {t('monitor.import.indicatorsCreated')}: {n(report.indicatorsCreated)}
          </li>
        )}
        {report.skipped > 0 && (
          <li>
            {t('monitor.import.skipped')}: {n(report.skipped)}
          </li>
        )}
      </ul>
      {report.rejected.length > 0 && (
        <DataTable caption={t('monitor.import.problems')} columns={[t('monitor.import.line'), t('monitor.import.reasonColumn')]}>
          {report.rejected.map((r) => (
            <tr>
              <td>{rejectionWhere(t, r)}</td>
              <td>{rejectionReason(t, r)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
