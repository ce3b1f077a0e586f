import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { CERTAINTIES } from '../calc.ts';

export type Values = Record<string, string | string[]>;

const str = (v: Values, k: string, d = ''): string => {
  const x = v[k];
  return typeof x === 'string' ? x : d;
};

const certaintyOptions = (ctx: ViewContext) =>
  [...CERTAINTIES].reverse().map((c) => ({ value: c, label: ctx.t(`evaluation.sr.certainty.${c}`) }));

/** Form: the shadow price per volunteer hour, its source and certainty. */
export function PriceFields({ ctx, action, values, errors }: { ctx: ViewContext; action: string; values: Values; errors: FieldErrors }) {
  return (
    <section class="section" aria-labelledby="sr-form-price">
      <h2 class="utrecht-heading-2" id="sr-form-price">
        {ctx.t('evaluation.sr.form.price')}
      </h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={ctx.t('evaluation.sr.form.price')}>
        <TextField
          name="price"
          label={ctx.t('evaluation.sr.form.priceAmount')}
          hint={ctx.t('evaluation.sr.form.priceHint')}
          value={str(values, 'price')}
          error={errors.price}
          inputMode="decimal"
          maxLength={12}
        />
        <TextAreaField
          name="priceSource"
          label={ctx.t('evaluation.sr.form.source')}
          hint={ctx.t('evaluation.sr.form.priceSourceHint')}
          value={str(values, 'priceSource')}
          error={errors.priceSource}
          maxLength={1000}
          rows={2}
        />
        <SelectField
          name="priceCertainty"
          label={ctx.t('evaluation.sr.form.certainty')}
          options={certaintyOptions(ctx)}
          value={str(values, 'priceCertainty', 'medium')}
          error={errors.priceCertainty}
        />
        <SubmitButton>{ctx.t('evaluation.sr.form.savePrice')}</SubmitButton>
      </Form>
    </section>
  );
}

/** Form: an avoided cost or other valued outcome with its amount, certainty and (required) source. */
export function ItemFields({
  ctx,
  action,
  heading,
  values,
  errors,
}: {
  ctx: ViewContext;
  action: string;
  heading: string;
  values: Values;
  errors: FieldErrors;
}) {
  return (
    <section class="section" aria-labelledby="sr-form-item">
      <h2 class="utrecht-heading-2" id="sr-form-item">
        {heading}
      </h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={heading}>
        <SelectField
          name="kind"
          label={ctx.t('evaluation.sr.form.kind')}
          options={[
            { value: 'avoided_cost', label: ctx.t('evaluation.sr.kind.avoided_cost') },
            { value: 'valued_outcome', label: ctx.t('evaluation.sr.kind.valued_outcome') },
          ]}
          value={str(values, 'kind', 'avoided_cost')}
          error={errors.kind}
        />
        <TextField
          name="labelNl"
          label={ctx.t('evaluation.sr.form.label')}
          value={str(values, 'labelNl')}
          error={errors.labelNl}
          maxLength={200}
          required
        />
        <TextField
          name="labelEn"
          label={ctx.t('evaluation.sr.form.labelEn')}
          value={str(values, 'labelEn')}
          error={errors.labelEn}
          maxLength={200}
        />
        <TextField
          name="amount"
          label={ctx.t('evaluation.sr.form.amount')}
          hint={ctx.t('evaluation.sr.form.amountHint')}
          value={str(values, 'amount')}
          error={errors.amount}
          inputMode="decimal"
          maxLength={16}
          required
        />
        <SelectField
          name="certainty"
          label={ctx.t('evaluation.sr.form.certainty')}
          options={certaintyOptions(ctx)}
          value={str(values, 'certainty', 'low')}
          error={errors.certainty}
        />
        <TextAreaField
          name="source"
          label={ctx.t('evaluation.sr.form.source')}
          hint={ctx.t('evaluation.sr.form.itemSourceHint')}
          value={str(values, 'source')}
          error={errors.source}
          maxLength={1000}
          rows={2}
        />
        <SubmitButton>{ctx.t('evaluation.sr.form.saveItem')}</SubmitButton>
      </Form>
    </section>
  );
}
