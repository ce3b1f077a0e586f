import type { ViewContext } from '../../../../ui/context.ts';
import { ChoiceGroup, Form, SelectField, TextAreaField, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { formatEuro } from '../letters.ts';
import { MAX_LETTER, MAX_REASON } from '../review.service.ts';

export interface DecisionValues {
  decision: string;
  granted: string;
  reasons: string;
  template: string;
  locale: string;
  letter: string;
}

export const EMPTY_DECISION: DecisionValues = { decision: '', granted: '', reasons: '', template: 'standard', locale: 'nl', letter: '' };

/**
 * The decision form: decision, amount (partial), reason, standard text and language; "Make the
 * letter" fills the letter in below (no JavaScript needed), "Send" decides with the letter as edited.
 */
export function DecisionForm({
  ctx,
  action,
  requestedCents,
  values,
  errors,
}: {
  ctx: ViewContext;
  action: string;
  requestedCents: number;
  values: DecisionValues;
  errors?: FieldErrors | undefined;
}) {
  const { t, locale } = ctx;
  return (
    <Form ctx={ctx} action={action} label={t('initiatives.review.decision.title')}>
      <p class="utrecht-paragraph">{t('initiatives.review.decision.hint')}</p>
      <ChoiceGroup
        type="radio"
        name="decision"
        legend={t('initiatives.review.decision.decision')}
        options={[
          { value: 'full', label: t('initiatives.review.decision.full') },
          { value: 'partial', label: t('initiatives.review.decision.partial') },
          { value: 'rejected', label: t('initiatives.review.decision.rejected') },
        ]}
        checked={[values.decision]}
        error={errors?.['decision']}
      />
      <TextField
        name="granted"
        label={t('initiatives.review.decision.granted')}
        hint={t('initiatives.review.decision.grantedHint', { requested: formatEuro(requestedCents, locale) })}
        value={values.granted}
        error={errors?.['granted']}
        inputMode="decimal"
        maxLength={20}
      />
      <TextAreaField
        name="reasons"
        label={t('initiatives.review.decision.reasons')}
        value={values.reasons}
        error={errors?.['reasons']}
        maxLength={MAX_REASON}
        rows={3}
      />
      <ChoiceGroup
        type="radio"
        name="template"
        legend={t('initiatives.review.decision.template')}
        options={[
          { value: 'standard', label: t('initiatives.review.template.standard') },
          { value: 'conditions', label: `${t('initiatives.review.template.conditions')} (${t('initiatives.review.decision.full')})` },
          { value: 'ownShare', label: `${t('initiatives.review.template.ownShare')} (${t('initiatives.review.decision.partial')})` },
          { value: 'budget', label: `${t('initiatives.review.template.budget')} (${t('initiatives.review.decision.rejected')})` },
        ]}
        checked={[values.template || 'standard']}
        error={errors?.['template']}
      />
      <SelectField
        name="locale"
        label={t('initiatives.review.decision.locale')}
        options={[
          { value: 'nl', label: t('initiatives.review.locale.nl') },
          { value: 'en', label: t('initiatives.review.locale.en') },
        ]}
        value={values.locale}
      />
      <button type="submit" name="step" value="preview" class="utrecht-button utrecht-button--secondary-action">
        {t('initiatives.review.decision.preview')}
      </button>
      <TextAreaField
        name="letter"
        label={t('initiatives.review.decision.letter')}
        hint={t('initiatives.review.decision.letterHint')}
        value={values.letter}
        error={errors?.['letter']}
        maxLength={MAX_LETTER}
        rows={14}
      />
      <button type="submit" name="step" value="send" class="utrecht-button utrecht-button--primary-action">
        {t('initiatives.review.decision.send')}
      </button>
    </Form>
  );
}
