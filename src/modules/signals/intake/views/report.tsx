import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { Category, CategoryTree } from '../../config/categories.presenter.ts';
import { MAX_DESCRIPTION, MAX_EMAIL, MAX_NAME } from '../../signals.schemas.ts';
import { ReportPlace, WorryPlace } from './report-place.tsx';
import { MAX_ANSWER_LENGTH } from '../../config/questions.ts';
import { Checkbox, Radios, TextArea } from '../../views/parts.tsx';
import type { PendingPhoto } from '../../photos/photos.service.ts';
import { PhotoField } from '../../photos/views/photos.tsx';
import { FollowWithAccount } from '../../mine/views/mine.tsx';
import type { NearbyItem } from '../intake.presenter.ts';

/** Step 1: choose a subject, grouped. */
export function ChooseCategoryPage({ ctx, slug, tree }: { ctx: ViewContext; slug: string; tree: CategoryTree[] }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.report.title')}</h1>
      <p class="utrecht-paragraph">{t('signals.report.intro')}</p>
      <p class="utrecht-paragraph">{t('signals.report.emergency')}</p>
      {tree.map(({ group, categories }) => (
        <section class="section" aria-labelledby={`groep-${group.code}`}>
          <h2 class="utrecht-heading-2" id={`groep-${group.code}`}>
            {group.name}
          </h2>
          {group.description && <p class="utrecht-paragraph">{group.description}</p>}
          <ul class="utrecht-unordered-list">
            {categories.map((c) => (
              <li>
                <a class="utrecht-link" href={`/${slug}/meldingen/nieuw/${c.serviceCode}`}>
                  {c.name}
                </a>
                {c.description ? ` — ${c.description}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export interface ReportValues {
  description: string;
  address: string;
  /** A worry: the neighbour's buurt (code). */
  buurt: string;
  lat: string;
  lon: string;
  name: string;
  email: string;
  phone: string;
  wantsFeedback: boolean;
  onBehalf: boolean;
  answers: Record<string, string>;
  submissionId: string;
}

/** Step 2: the form for one category: extra questions, description, place, contact. */
export function ReportFormPage({
  ctx,
  slug,
  category,
  values,
  errors,
  nearby,
  pending = [],
  canActOnBehalf,
  place,
}: {
  ctx: ViewContext;
  slug: string;
  category: Category;
  values: ReportValues;
  errors?: FieldErrors;
  nearby?: NearbyItem[];
  /** Photos added on an earlier round trip of this form. */
  pending?: readonly PendingPhoto[];
  canActOnBehalf: boolean;
  /** Where the map opens; for a worry the buurten to choose from. */
  place: { center: { lat: number; lon: number }; buurten: readonly { code: string; name: string }[] };
}) {
  const { t } = ctx;
  const action = `/${slug}/meldingen/nieuw/${category.serviceCode}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.report.formTitle', { category: category.name })}</h1>
      {category.sensitive && <p class="utrecht-paragraph notice">{t('signals.report.sensitive')}</p>}
      <ErrorSummary ctx={ctx} errors={errors} />
      {nearby && nearby.length > 0 && (
        <section class="section notice" aria-labelledby="dichtbij">
          <h2 class="utrecht-heading-2" id="dichtbij">
            {t('signals.report.nearby.title')}
          </h2>
          <p class="utrecht-paragraph">{t('signals.report.nearby.intro')}</p>
          <ul class="utrecht-unordered-list">
            {nearby.map((n) => (
              <li>
                <p class="utrecht-paragraph">
                  <strong>{n.publicId}</strong> ({t('signals.report.nearby.distance', { m: n.distance })}, {t(`signals.state.${n.state}`)}
                  ): {n.description.slice(0, 200)}
                </p>
                <Form
                  ctx={ctx}
                  action={`/${slug}/meldingen/${n.publicId}/volgen`}
                  label={t('signals.report.nearby.followLabel', { id: n.publicId })}
                >
                  <div class="utrecht-form-field utrecht-form-field--text">
                    <div class="utrecht-form-field__label">
                      <label class="utrecht-form-label" for={`volg-${n.publicId}`}>
                        {t('signals.report.nearby.email', { id: n.publicId })}
                      </label>
                    </div>
                    <div class="utrecht-form-field__input">
                      <input
                        class="utrecht-textbox utrecht-textbox--html-input"
                        id={`volg-${n.publicId}`}
                        name="email"
                        type="email"
                        autocomplete="email"
                        value={values.email}
                        maxLength={MAX_EMAIL}
                      />
                    </div>
                  </div>
                  <SubmitButton>{t('signals.report.nearby.follow', { id: n.publicId })}</SubmitButton>
                </Form>
                <FollowWithAccount ctx={ctx} slug={slug} publicId={n.publicId} />
              </li>
            ))}
          </ul>
          <p class="utrecht-paragraph">{t('signals.report.nearby.stillSubmit')}</p>
        </section>
      )}
      <Form ctx={ctx} action={action} enctype="multipart/form-data" label={t('signals.report.formTitle', { category: category.name })}>
        <input type="hidden" name="submissionId" value={values.submissionId} />
        {nearby && <input type="hidden" name="nearbySeen" value="1" />}
        {category.questions.map((q) => {
          const name = `answer_${q.key}`;
          if (q.type === 'yesno') {
            return (
              <Radios
                name={name}
                legend={q.label + (q.required ? '' : ` (${t('signals.report.optional')})`)}
                options={[
                  { value: 'ja', label: t('signals.report.yes') },
                  { value: 'nee', label: t('signals.report.no') },
                ]}
                value={values.answers[q.key]}
                error={errors?.[name]}
              />
            );
          }
          if (q.type === 'select') {
            return (
              <SelectField
                name={name}
                label={q.label + (q.required ? '' : ` (${t('signals.report.optional')})`)}
                options={[
                  { value: '', label: t('signals.report.choose') },
                  ...(q.options ?? []).map((o, i) => ({ value: o, label: (ctx.locale === 'en' && q.optionsEn?.[i]) || o })),
                ]}
                value={values.answers[q.key]}
                error={errors?.[name]}
              />
            );
          }
          return (
            <TextField
              name={name}
              label={q.label + (q.required ? '' : ` (${t('signals.report.optional')})`)}
              value={values.answers[q.key]}
              error={errors?.[name]}
              maxLength={MAX_ANSWER_LENGTH}
            />
          );
        })}
        <TextArea
          name="description"
          label={t('signals.report.description')}
          hint={t('signals.report.descriptionHint')}
          value={values.description}
          error={errors?.description}
          maxLength={MAX_DESCRIPTION}
        />
        {category.sensitive ? (
          <WorryPlace ctx={ctx} values={values} errors={errors} buurten={place.buurten} />
        ) : (
          <ReportPlace ctx={ctx} slug={slug} values={values} errors={errors} center={place.center} />
        )}
        <h2 class="utrecht-heading-2">{t('signals.report.contact')}</h2>
        <p class="utrecht-paragraph">{category.sensitive ? t('signals.report.contactSensitive') : t('signals.report.contactOptional')}</p>
        {canActOnBehalf && (
          <Checkbox
            name="onBehalf"
            label={t('signals.report.onBehalf')}
            checked={values.onBehalf}
            hint={t('signals.report.onBehalfHint')}
          />
        )}
        <TextField
          name="name"
          label={t('signals.report.name')}
          value={values.name}
          error={errors?.name}
          autocomplete="name"
          maxLength={MAX_NAME}
        />
        <TextField
          name="email"
          type="email"
          label={t('signals.report.email')}
          value={values.email}
          error={errors?.email}
          autocomplete="email"
          maxLength={MAX_EMAIL}
        />
        <TextField
          name="phone"
          type="tel"
          label={t('signals.report.phone')}
          value={values.phone}
          error={errors?.phone}
          autocomplete="tel"
          maxLength={20}
        />
        <Checkbox name="wantsFeedback" label={t('signals.report.wantsFeedback')} checked={values.wantsFeedback} />
        {/* Last in the form: the text fields arrive before the files in the multipart body. */}
        {/* No photos of a neighbour's house: a worry is about a person, not a place. */}
        {!category.sensitive && <PhotoField ctx={ctx} pending={pending} error={errors?.photos} />}
        <SubmitButton>{t('signals.report.submit')}</SubmitButton>
      </Form>
    </>
  );
}
