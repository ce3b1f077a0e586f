import type { ViewContext } from '../../../../ui/context.ts';
import { ButtonForm, ErrorSummary, Form, SelectField, SubmitButton, TextField } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import { formatNumber, type MessageKey } from '../../../../platform/i18n/index.ts';
import type { CourseAssessment, IndicatorRow, MeasurementRow, TargetRow } from '../../monitor.service.ts';
import { formatValue } from './format.ts';
import { indicatorPath } from './overview.tsx';

export type TargetFormValues = Record<string, string>;

/** An indicator's page: its definition, its targets (with "on course"), and the latest value per area. */
export function IndicatorPage(props: {
  ctx: ViewContext;
  slug: string;
  indicator: IndicatorRow;
  targets: readonly (TargetRow & { course: CourseAssessment })[];
  latest: readonly MeasurementRow[];
  canManage: boolean;
  notice?: MessageKey | null;
  errors?: Record<string, string> | undefined;
  values?: TargetFormValues | undefined;
}) {
  const { ctx, slug, indicator: ind, targets, latest, canManage, errors, values } = props;
  const { t } = ctx;
  const fmt = (v: number) => formatValue(ctx, v, ind.unit, ind.decimals);
  const base = indicatorPath(slug, ind.code);
  const anyDemo = latest.some((m) => m.isDemo);
  return (
    <>
      <h1 class="utrecht-heading-1">{ctx.locale === 'nl' ? ind.nameNl : ind.nameEn}</h1>
      <Notice ctx={ctx} messageKey={props.notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h2 class="utrecht-heading-2">{t('monitor.ind.definition')}</h2>
      <dl class="area-facts">
        <dt>{t('monitor.ind.field.code')}</dt>
        <dd>{ind.code}</dd>
        {(ctx.locale === 'nl' ? ind.descriptionNl : ind.descriptionEn) && (
          <>
            <dt>{t('monitor.ind.field.description')}</dt>
            <dd>{ctx.locale === 'nl' ? ind.descriptionNl : ind.descriptionEn}</dd>
          </>
        )}
        <dt>{t('monitor.ind.field.unit')}</dt>
        <dd>{t(`monitor.ind.unit.${ind.unit}`)}</dd>
        <dt>{t('monitor.ind.field.direction')}</dt>
        <dd>{t(`monitor.ind.direction.${ind.direction}`)}</dd>
        <dt>{t('monitor.ind.field.source')}</dt>
        <dd>{t(`monitor.ind.source.${ind.source}`)}</dd>
        <dt>{t('monitor.ind.field.theme')}</dt>
        <dd>{t(`monitor.ind.theme.${ind.theme}`)}</dd>
        {ind.formula && (
          <>
            <dt>{t('monitor.ind.field.formula')}</dt>
            <dd>{ind.formula}</dd>
          </>
        )}
        <dt>{t('monitor.ind.field.threshold')}</dt>
        <dd>{formatNumber(ctx.locale, ind.minRespondents)}</dd>
      </dl>
      {canManage && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/bewerken`}>
            {t('monitor.ind.edit')}
          </a>
        </p>
      )}

      <h2 class="utrecht-heading-2" id="streefwaarden">
        {t('monitor.target.title')}
      </h2>
      <p class="utrecht-paragraph">{t('monitor.target.rule')}</p>
      {targets.length === 0 ? (
        <p class="utrecht-paragraph">{t('monitor.target.none')}</p>
      ) : (
        <DataTable
          caption={t('monitor.target.title')}
          columns={[
            t('monitor.target.col.area'),
            t('monitor.target.col.baseline'),
            t('monitor.target.col.target'),
            t('monitor.target.col.year'),
            t('monitor.target.col.status'),
            t('monitor.target.col.note'),
            ...(canManage ? [''] : []),
          ]}
        >
          {targets.map((tg) => {
            const goal = t(tg.comparator === 'at_least' ? 'monitor.target.atLeast' : 'monitor.target.atMost', {
              value: fmt(tg.targetValue),
            });
            const baseline = tg.course.baseline;
            return (
              <tr>
                <th scope="row">{tg.areaCode ?? t('monitor.target.whole')}</th>
                <td>
                  {tg.baselinePeriod}
                  {baseline !== null && `: ${fmt(baseline)}`}
                </td>
                <td>{goal}</td>
                <td>{tg.targetYear}</td>
                <td>
                  {t(`monitor.target.status.${tg.course.status}`)}
                  {tg.course.latest && tg.course.latest.value !== null && ` (${tg.course.latest.period}: ${fmt(tg.course.latest.value)})`}
                </td>
                <td>
                  {ctx.locale === 'nl' ? tg.noteNl : tg.noteEn}
                  {tg.sourceNote && <span class="muted"> ({tg.sourceNote})</span>}
                </td>
                {canManage && (
                  <td>
                    <ButtonForm
                      ctx={ctx}
                      action={`${base}/streefwaarden/${tg.id}/verwijderen`}
                      label={t('monitor.target.removeLabel', { target: goal, year: tg.targetYear })}
                    >
                      {t('monitor.target.remove')}
                    </ButtonForm>
                  </td>
                )}
              </tr>
            );
          })}
        </DataTable>
      )}
      {canManage && (
        <>
          <h3 class="utrecht-heading-3">{t('monitor.target.add')}</h3>
          <Form ctx={ctx} action={`${base}/streefwaarden`} label={t('monitor.target.add')}>
            <TextField name="areaCode" label={t('monitor.target.field.area')} value={values?.areaCode} error={errors?.areaCode} />
            <TextField
              name="baselinePeriod"
              label={t('monitor.target.field.baselinePeriod')}
              hint={t('monitor.target.field.baselinePeriodHint')}
              value={values?.baselinePeriod}
              error={errors?.baselinePeriod}
            />
            <TextField
              name="baselineValue"
              label={t('monitor.target.field.baselineValue')}
              inputMode="decimal"
              value={values?.baselineValue}
              error={errors?.baselineValue}
            />
            <TextField
              name="targetValue"
              label={t('monitor.target.field.targetValue')}
              inputMode="decimal"
              value={values?.targetValue}
              error={errors?.targetValue}
            />
            <TextField
              name="targetYear"
              label={t('monitor.target.field.targetYear')}
              inputMode="numeric"
              value={values?.targetYear}
              error={errors?.targetYear}
            />
            <SelectField
              name="comparator"
              label={t('monitor.target.field.comparator')}
              value={values?.comparator ?? (ind.direction === 'down' ? 'at_most' : 'at_least')}
              error={errors?.comparator}
              options={(['at_least', 'at_most'] as const).map((c) => ({ value: c, label: t(`monitor.target.comparator.${c}`) }))}
            />
            <TextField name="noteNl" label={t('monitor.target.field.noteNl')} value={values?.noteNl} error={errors?.noteNl} />
            <TextField name="noteEn" label={t('monitor.target.field.noteEn')} value={values?.noteEn} error={errors?.noteEn} />
            <SubmitButton>{t('monitor.target.add')}</SubmitButton>
          </Form>
        </>
      )}

      <h2 class="utrecht-heading-2">{t('monitor.ind.latestValues')}</h2>
      {latest.length === 0 ? (
        <p class="utrecht-paragraph">{t('monitor.ind.noValues')}</p>
      ) : (
        <>
          {anyDemo && <p class="utrecht-paragraph">{t('monitor.ind.demoNote')}</p>}
          <DataTable
            caption={t('monitor.ind.latestValues')}
            columns={[t('monitor.ind.col.area'), t('monitor.ind.col.period'), t('monitor.ind.col.value'), t('monitor.ind.col.respondents')]}
          >
            {latest.map((m) => (
              <tr>
                <th scope="row">{m.areaCode}</th>
                <td>{m.period}</td>
                <td>
                  {m.value !== null ? fmt(m.value) : t(m.status === 'suppressed' ? 'monitor.ind.suppressed' : 'monitor.ind.unknown')}
                  {m.isDemo && <span class="muted"> ({t('monitor.ind.demo')})</span>}
                </td>
                <td>{m.respondents !== null ? formatNumber(ctx.locale, m.respondents) : '–'}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
