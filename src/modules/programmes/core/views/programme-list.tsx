import type { ViewContext } from '../../../../ui/context.ts';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { Programme } from '../../programmes.service.ts';
import { tenantPath } from '../../../../ui/context.ts';
import { periodOf } from './programme-page.tsx';

const k = (key: string) => key as MessageKey;

/** The municipality's programmes (public: active and closed; staff also see drafts). */
export function ProgrammeList({
  ctx,
  programmes,
  canManage,
  notice,
}: {
  ctx: ViewContext;
  programmes: Programme[];
  canManage: boolean;
  notice: MessageKey | null;
}) {
  const nl = ctx.locale === 'nl';
  return (
    <>
      <h1 class="utrecht-heading-1">{ctx.t('programmes.list.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p>{ctx.t('programmes.list.intro')}</p>
      {canManage && (
        <p>
          <a class="utrecht-link" href={tenantPath(ctx, `/beheer/programmas/nieuw`)}>
            {ctx.t('programmes.list.new')}
          </a>
        </p>
      )}
      {programmes.length === 0 ? (
        <p>{ctx.t('programmes.list.none')}</p>
      ) : (
        <ul class="card-list">
          {programmes.map((p) => (
            <li>
              <a class="utrecht-link" href={tenantPath(ctx, `/programmas/${p.slug}`)}>
                {nl ? p.titleNl : p.titleEn || p.titleNl}
              </a>{' '}
              · {periodOf(ctx, p)} · {ctx.t(k(`programmes.status.${p.status}`))}
              {p.isDemo && <span class="demo-label"> ({ctx.t('programmes.demo')})</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Create or edit a programme (the coordinator). */
export function ProgrammeForm({
  ctx,
  action,
  heading,
  values,
  errors,
}: {
  ctx: ViewContext;
  action: string;
  heading: string;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const field = (name: string, label: MessageKey, hint?: MessageKey) => (
    <TextField name={name} label={ctx.t(label)} hint={hint ? ctx.t(hint) : undefined} value={values[name]} error={errors[name]} />
  );
  return (
    <>
      <h1 class="utrecht-heading-1">{heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action}>
        {field('titleNl', 'programmes.pform.title')}
        {field('slug', 'programmes.pform.slug', 'programmes.pform.slugHint')}
        <TextAreaField name="summaryNl" label={ctx.t('programmes.pform.summary')} value={values['summaryNl']} error={errors['summaryNl']} />
        {field('ownerRole', 'programmes.pform.ownerRole')}
        {field('startYear', 'programmes.pform.startYear')}
        {field('endYear', 'programmes.pform.endYear')}
        <SelectField
          name="status"
          label={ctx.t('programmes.pform.status')}
          options={(['draft', 'active', 'closed'] as const).map((s) => ({ value: s, label: ctx.t(k(`programmes.status.${s}`)) }))}
          value={values['status'] ?? 'draft'}
          error={errors['status']}
        />
        <SubmitButton>{ctx.t('programmes.pform.save')}</SubmitButton>
      </Form>
    </>
  );
}
