import { MAX } from '../../helpmatch.schemas.ts';
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, type FieldErrors } from '../../../../ui/form.tsx';
import type { MyLedger } from '../ledger.ts';
import { hoursText, TextAreaField } from './fields.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

/** My hours given and received, and (after receiving help) the question what I could offer in return. */
export function LedgerPage({
  ctx,
  ledger,
  offerPath,
  notice,
  value,
  errors,
}: {
  ctx: ViewContext;
  ledger: MyLedger;
  offerPath: string;
  notice: MessageKey | null;
  value?: string;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const h = (n: number) => t('helpmatch.ledger.hours', { hours: hoursText(ctx, n) });
  const rows: [string, number, number][] = [
    [t('helpmatch.ledger.matches'), ledger.given.matches, ledger.received.matches],
    [t('helpmatch.ledger.circles'), ledger.given.circles, ledger.received.circles],
  ];
  const asked = ledger.received.total > 0 || ledger.answer !== null;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.ledger.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">{t('helpmatch.ledger.intro')}</p>
      <div class="table-scroll">
        <table class="data-table">
          <caption class="visually-hidden">{t('helpmatch.ledger.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('helpmatch.ledger.source')}</th>
              <th scope="col" class="num">
                {t('helpmatch.ledger.given')}
              </th>
              <th scope="col" class="num">
                {t('helpmatch.ledger.received')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, given, received]) => (
              <tr>
                <th scope="row">{label}</th>
                <td class="num">{h(given)}</td>
                <td class="num">{h(received)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('helpmatch.ledger.total')}</th>
              <td class="num" data-testid="uren-gegeven">
                {h(ledger.given.total)}
              </td>
              <td class="num" data-testid="uren-gekregen">
                {h(ledger.received.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {asked && (
        <section aria-labelledby="wederkerigheid">
          <h2 class="utrecht-heading-2" id="wederkerigheid">
            {t('helpmatch.ledger.ask.title')}
          </h2>
          <p class="utrecht-paragraph">{t('helpmatch.ledger.ask.intro')}</p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action={tenantPath(ctx, `/hulp/uren/wederkerigheid`)}>
            <TextAreaField
              name="answer"
              label={t('helpmatch.ledger.ask.answer')}
              hint={t('helpmatch.ledger.ask.answerHint')}
              value={value ?? ledger.answer?.text}
              error={errors?.answer}
              maxLength={MAX.text}
            />
            <SubmitButton>{t('helpmatch.ledger.ask.submit')}</SubmitButton>
          </Form>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={offerPath}>
              {t('helpmatch.ledger.ask.offerLink')}
            </a>
          </p>
        </section>
      )}
    </>
  );
}
