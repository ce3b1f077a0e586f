import { MAX } from '../../helpmatch.schemas.ts';
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { TextAreaField } from './fields.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import type { CircleListItem } from '../circle.presenter.ts';

export const circleBase = (ctx: ViewContext) => tenantPath(ctx, `/hulp/kring`);

/** The circles the user belongs to, and the way to create one. */
export function CircleListPage({
  ctx,
  circles,
  canCreate,
  notice,
}: {
  ctx: ViewContext;
  circles: CircleListItem[];
  canCreate: boolean;
  notice: MessageKey | null;
}) {
  const { t } = ctx;
  const base = circleBase(ctx);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.circle.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">{t('helpmatch.circle.intro')}</p>
      <h2 class="utrecht-heading-2">{t('helpmatch.circle.mine')}</h2>
      {circles.length === 0 ? (
        <p class="utrecht-paragraph">{t('helpmatch.circle.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {circles.map((c) => (
            <li>
              <a class="utrecht-link" href={`${base}/${c.id}`}>
                {t('helpmatch.circle.page.title', { name: c.personName })}
              </a>{' '}
              ({t(c.role === 'owner' ? 'helpmatch.circle.roleOwner' : 'helpmatch.circle.roleMember')})
            </li>
          ))}
        </ul>
      )}
      <p class="utrecht-paragraph">
        {canCreate ? (
          <a class="utrecht-link" href={`${base}/nieuw`}>
            {t('helpmatch.circle.create')}
          </a>
        ) : (
          t('helpmatch.circle.createNeedsRole')
        )}
      </p>
    </>
  );
}

/** The form to create a circle. */
export function NewCirclePage({
  ctx,
  areas,
  values,
  errors,
}: {
  ctx: ViewContext;
  areas: { code: string; name: string }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const action = `${circleBase(ctx)}/nieuw`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.circle.new.title')}</h1>
      <p class="utrecht-paragraph">{t('helpmatch.circle.new.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action}>
        <TextField
          name="personName"
          label={t('helpmatch.circle.form.personName')}
          value={values?.personName}
          error={errors?.personName}
          required
          autocomplete="off"
          maxLength={MAX.title}
        />
        <SelectField
          name="createdAs"
          label={t('helpmatch.circle.form.createdAs')}
          value={values?.createdAs}
          error={errors?.createdAs}
          options={(['self', 'carer', 'on_behalf'] as const).map((v) => ({ value: v, label: t(`helpmatch.circle.form.createdAs.${v}`) }))}
        />
        <TextAreaField
          name="personDetails"
          label={t('helpmatch.circle.form.personDetails')}
          hint={t('helpmatch.circle.form.personDetailsHint')}
          value={values?.personDetails}
          error={errors?.personDetails}
          maxLength={MAX.longText}
        />
        <SelectField
          name="areaCode"
          label={t('helpmatch.circle.form.area')}
          hint={t('helpmatch.circle.form.areaHint')}
          value={values?.areaCode}
          error={errors?.areaCode}
          options={[{ value: '', label: t('helpmatch.circle.form.noArea') }, ...areas.map((a) => ({ value: a.code, label: a.name }))]}
        />
        <SubmitButton>{t('helpmatch.circle.form.submit')}</SubmitButton>
      </Form>
    </>
  );
}
