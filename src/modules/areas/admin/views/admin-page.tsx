import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, fieldId, Form, SelectField, SubmitButton, TextField } from '../../../../ui/form.tsx';
import type { Area, ImportReport } from '../../areas.service.ts';
import { DataTable } from '../../../../ui/table.tsx';

export interface UploadValues {
  level: string;
  year: string;
  codeProperty: string;
  nameProperty: string;
}

/** Areas of the tenant with counts, and the upload form. */
export function AdminPage(props: {
  ctx: ViewContext;
  slug: string;
  counts: Record<string, number>;
  areas: Area[];
  errors?: Record<string, string>;
  values?: UploadValues;
}) {
  const { ctx, slug, counts, areas, errors, values } = props;
  const { t } = ctx;
  const levels = ['municipality', 'district', 'neighbourhood'] as const;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('areas.admin.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h2 class="utrecht-heading-2">{t('areas.admin.counts')}</h2>
      <dl class="area-facts">
        {levels.map((l) => (
          <>
            <dt>{t(`areas.level.${l}`)}</dt>
            <dd>{counts[l] ?? 0}</dd>
          </>
        ))}
      </dl>
      <h2 class="utrecht-heading-2">{t('areas.admin.upload')}</h2>
      <p class="utrecht-paragraph">{t('areas.admin.uploadHint')}</p>
      <Form ctx={ctx} action={`/${slug}/beheer/gebieden`} enctype="multipart/form-data" label={t('areas.admin.upload')}>
        <SelectField
          name="level"
          label={t('areas.admin.level')}
          value={values?.level ?? 'district'}
          options={[
            { value: 'district', label: t('areas.level.district') },
            { value: 'neighbourhood', label: t('areas.level.neighbourhood') },
          ]}
        />
        <TextField
          name="year"
          label={t('areas.admin.year')}
          type="number"
          inputMode="numeric"
          value={values?.year ?? '2024'}
          error={errors?.year}
        />
        <TextField
          name="codeProperty"
          label={t('areas.admin.codeProperty')}
          hint={t('areas.admin.codePropertyHint')}
          value={values?.codeProperty}
          error={errors?.codeProperty}
        />
        <TextField
          name="nameProperty"
          label={t('areas.admin.nameProperty')}
          hint={t('areas.admin.namePropertyHint')}
          value={values?.nameProperty}
          error={errors?.nameProperty}
        />
        <div class={`utrecht-form-field${errors?.file ? ' utrecht-form-field--invalid' : ''}`}>
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for={fieldId('file')}>
              {t('areas.admin.file')}
            </label>
          </div>
          {errors?.file && (
            <div class="utrecht-form-field-error-message" id={`${fieldId('file')}-error`}>
              {errors.file}
            </div>
          )}
          <div class="utrecht-form-field__input">
            <input
              type="file"
              id={fieldId('file')}
              name="file"
              accept=".geojson,.json,application/geo+json,application/json"
              aria-invalid={errors?.file ? 'true' : undefined}
              aria-describedby={errors?.file ? `${fieldId('file')}-error` : undefined}
            />
          </div>
        </div>
        <SubmitButton>{t('areas.admin.submit')}</SubmitButton>
      </Form>
      <h2 class="utrecht-heading-2">{t('areas.admin.list')}</h2>
      <DataTable
        class="utrecht-table"
        caption={t('areas.admin.list')}
        columns={[t('areas.admin.table.area'), t('areas.page.code'), t('areas.page.level'), t('areas.page.year')]}
      >
        {areas.map((a) => (
          <tr>
            <th scope="row">
              <a class="utrecht-link" href={`/${slug}/wijken/${a.code}`}>
                {a.name}
              </a>
            </th>
            <td>{a.code}</td>
            <td>
              {t(`areas.level.${a.level}`)}
              {a.approximate && ` (${t('areas.page.approximateShort')})`}
            </td>
            <td>{a.year}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** The result of an upload: counts and every rejected feature with its reason. */
export function ImportReportPage({ ctx, slug, report }: { ctx: ViewContext; slug: string; report: ImportReport }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('areas.admin.reportTitle')}</h1>
      <ul class="utrecht-unordered-list">
        <li>{t('areas.admin.created', { n: report.created })}</li>
        <li>{t('areas.admin.updated', { n: report.updated })}</li>
        <li>{t('areas.admin.rejectedCount', { n: report.rejected.length })}</li>
      </ul>
      {report.rejected.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{t('areas.admin.rejected')}</h2>
          <table class="data-table utrecht-table">
            <thead>
              <tr>
                <th scope="col">{t('areas.page.code')}</th>
                <th scope="col">{t('areas.admin.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((r) => (
                <tr>
                  <td>{r.code ?? t('areas.admin.noCode')}</td>
                  <td>{t(r.reasonKey, r.vars)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}/beheer/gebieden`}>
          {t('areas.admin.back')}
        </a>
      </p>
    </>
  );
}
