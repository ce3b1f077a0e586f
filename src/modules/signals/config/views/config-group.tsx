/** Settings page: one category group's name and explanation, in Dutch and English (issue 12); its code never changes. */
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { CategoryGroup } from '../categories.presenter.ts';
import { TextArea } from '../../views/parts.tsx';
import type { FormValues } from './config-categories.tsx';
import { MAX_DESCRIPTION, MAX_NAME } from '../config.schemas.ts';

/** Form values of an existing group. */
export function groupValues(g: CategoryGroup): FormValues {
  return { name: g.name, description: g.description, nameEn: g.nameEn, descriptionEn: g.descriptionEn };
}

/** Edit a group: Dutch name and explanation, and the English ones the English pages and Open311 show. */
export function GroupPage({
  ctx,
  slug,
  group,
  values,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  group: CategoryGroup;
  values: FormValues;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const title = t('signals.config.group.editTitle', { name: group.name });
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        {t('signals.config.field.groupCode')}: <code>{group.code}</code>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`/${slug}/beheer/meldingen/groepen/${group.id}`} label={title}>
        <TextField
          name="name"
          label={t('signals.config.field.name')}
          value={values.name}
          error={errors?.name}
          required
          maxLength={MAX_NAME}
        />
        <TextArea
          name="description"
          label={t('signals.config.field.descriptionOptional')}
          value={values.description}
          error={errors?.description}
          rows={2}
          maxLength={MAX_DESCRIPTION}
        />
        <TextField
          name="nameEn"
          label={t('signals.config.field.nameEn')}
          hint={t('signals.config.field.english.hint')}
          value={values.nameEn}
          error={errors?.nameEn}
          maxLength={MAX_NAME}
        />
        <TextArea
          name="descriptionEn"
          label={t('signals.config.field.descriptionEn')}
          value={values.descriptionEn}
          error={errors?.descriptionEn}
          rows={2}
          maxLength={MAX_DESCRIPTION}
        />
        <SubmitButton>{t('signals.config.group.save')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}/beheer/meldingen/categorieen#groep-${group.code}`}>
          {t('signals.config.back', { name: t('signals.config.categories.title') })}
        </a>
      </p>
    </>
  );
}
