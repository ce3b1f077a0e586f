import type { ViewContext } from '../../../../ui/context.ts';
import { ChoiceGroup, ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { QuestionItem, SurveyView } from '../respond.service.ts';

type Values = Record<string, string | string[]>;
const str = (v: Values | undefined, k: string): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : '';
};

/** "Demo, verzonnen": shown on every page of a demo survey. */
export function DemoLabel({ ctx, isDemo }: { ctx: ViewContext; isDemo: boolean }) {
  if (!isDemo) return null;
  return (
    <p class="utrecht-alert utrecht-alert--warning sv-demo" role="note">
      {ctx.t('surveys.demoLabel')}
    </p>
  );
}

/** Enter a personal code (from a letter or a paper form). */
export function CodePage({ ctx, slug, errors, values }: { ctx: ViewContext; slug: string; errors?: FieldErrors; values?: Values }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('surveys.respond.codeTitle')}</h1>
      <p class="utrecht-paragraph">{t('surveys.respond.codeIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`/${slug}/enquete/code`} label={t('surveys.respond.codeTitle')}>
        <TextField
          name="code"
          label={t('surveys.respond.code')}
          hint={t('surveys.respond.codeHint')}
          error={errors?.code}
          value={str(values, 'code')}
          autocomplete="off"
          maxLength={40}
          required
        />
        <SubmitButton>{t('surveys.respond.codeNext')}</SubmitButton>
      </Form>
    </>
  );
}

function Question({
  ctx,
  item,
  errors,
  values,
}: {
  ctx: ViewContext;
  item: QuestionItem;
  errors?: FieldErrors | undefined;
  values?: Values | undefined;
}) {
  const hint = item.optional ? ctx.t('surveys.respond.optional') : undefined;
  if (item.kind === 'scale') {
    return (
      <ChoiceGroup
        type="radio"
        name={item.name}
        legend={item.text}
        options={item.options}
        checked={[str(values, item.name)]}
        hint={hint}
        error={errors?.[item.name]}
      />
    );
  }
  return (
    <TextField
      name={item.name}
      label={item.text}
      hint={[hint, item.max !== null ? ctx.t('surveys.respond.numberHint', { min: item.min ?? 0, max: item.max }) : undefined]
        .filter(Boolean)
        .join(' ')}
      error={errors?.[item.name]}
      value={str(values, item.name)}
      inputMode="numeric"
      maxLength={6}
    />
  );
}

/**
 * The questionnaire on one page: the buurt (from a list, or by postcode), then each item set with
 * a fieldset per question. `code`: hidden (a resident's code, checked on the page before), a field
 * (paper entry) or absent (open link).
 */
export function QuestionnairePage({
  ctx,
  action,
  view,
  code,
  errors,
  values,
  paper = false,
}: {
  ctx: ViewContext;
  action: string;
  view: SurveyView;
  code?: { mode: 'hidden' | 'field'; value: string } | undefined;
  errors?: FieldErrors | undefined;
  values?: Values | undefined;
  paper?: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{paper ? t('surveys.paper.formTitle', { title: view.title }) : view.title}</h1>
      <DemoLabel ctx={ctx} isDemo={view.isDemo} />
      {view.intro && <p class="utrecht-paragraph">{view.intro}</p>}
      <p class="utrecht-paragraph">{paper ? t('surveys.paper.anonymous') : t('surveys.respond.anonymous')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={view.title}>
        {code?.mode === 'hidden' && <input type="hidden" name="code" value={code.value} />}
        {code?.mode === 'field' && (
          <TextField
            name="code"
            label={t('surveys.paper.code')}
            hint={t('surveys.respond.codeHint')}
            error={errors?.code}
            value={code.value}
            autocomplete="off"
            maxLength={40}
            required
          />
        )}
        <fieldset class="utrecht-form-fieldset sv-buurt">
          <legend class="utrecht-form-fieldset__legend utrecht-form-label">{t('surveys.respond.buurtLegend')}</legend>
          <SelectField
            name="buurt"
            label={t('surveys.respond.buurt')}
            options={[{ value: '', label: t('surveys.respond.buurtNone') }, ...view.buurten]}
            value={str(values, 'buurt')}
            error={errors?.buurt}
          />
          <p class="utrecht-paragraph">{t('surveys.respond.orPostcode')}</p>
          <TextField
            name="postcode"
            label={t('surveys.respond.postcode')}
            hint={t('surveys.respond.postcodeHint')}
            error={errors?.postcode}
            value={str(values, 'postcode')}
            autocomplete="postal-code"
            maxLength={10}
          />
          <TextField
            name="huisnummer"
            label={t('surveys.respond.houseNumber')}
            error={errors?.huisnummer}
            value={str(values, 'huisnummer')}
            maxLength={10}
          />
        </fieldset>
        {view.sets.map((s) => (
          <section class="sv-set" aria-labelledby={`set-${s.set}`}>
            <h2 class="utrecht-heading-2" id={`set-${s.set}`}>
              {s.title}
            </h2>
            {s.items.map((item) => (
              <Question ctx={ctx} item={item} errors={errors} values={values} />
            ))}
          </section>
        ))}
        <SubmitButton>{paper ? t('surveys.paper.save') : t('surveys.respond.send')}</SubmitButton>
      </Form>
    </>
  );
}

/** A survey that is closed or not open yet. */
export function UnavailablePage({ ctx, view }: { ctx: ViewContext; view: SurveyView }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{view.title}</h1>
      <DemoLabel ctx={ctx} isDemo={view.isDemo} />
      <p class="utrecht-paragraph" role="status">
        {view.availability === 'closed'
          ? t('surveys.respond.closed')
          : view.opensOn
            ? t('surveys.respond.notYetOpenOn', { date: view.opensOn })
            : t('surveys.respond.notYetOpen')}
      </p>
    </>
  );
}

/** After sending. */
export function ThanksPage({ ctx, slug }: { ctx: ViewContext; slug: string }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('surveys.respond.thanksTitle')}</h1>
      <p class="utrecht-paragraph" role="status">
        {t('surveys.respond.thanks')}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}`}>
          {t('surveys.respond.backHome')}
        </a>
      </p>
    </>
  );
}
