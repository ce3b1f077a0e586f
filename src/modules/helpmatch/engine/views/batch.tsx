import { formatDateTime, formatNumber, type MessageKey } from '../../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form } from '../../../../ui/form.tsx';
import type { BatchProposal } from '../batch.ts';
import { Explanation, scoreText } from './common.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';

/** The batch page: intro and "compute now"; with a proposal, the pairs with explanations and a confirm form. */
export function BatchPage({
  ctx,
  slug,
  proposal,
  computedAt,
  buurtNames,
  notice,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  proposal: BatchProposal | null;
  computedAt: Date | null;
  buurtNames: ReadonlyMap<string, string>;
  notice?: MessageKey | null;
  errors?: Record<string, string>;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.engine.batch.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="utrecht-paragraph">{t('helpmatch.engine.batch.intro')}</p>
      <form method="get" action={`/${slug}/hulp/batch`} class="form">
        <input type="hidden" name="berekenen" value="1" />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('helpmatch.engine.batch.run')}
        </button>
      </form>
      {proposal && computedAt && (
        <section class="section" aria-labelledby="batch-result">
          <h2 class="utrecht-heading-2" id="batch-result">
            {t('helpmatch.engine.batch.caption')}
          </h2>
          <p class="utrecht-paragraph">
            {t('helpmatch.engine.batch.computed', {
              when: formatDateTime(ctx.locale, computedAt),
              assigned: proposal.items.length,
              requests: proposal.requests,
              total: formatNumber(ctx.locale, proposal.total, 2),
            })}
          </p>
          {proposal.items.length === 0 ? (
            <p class="utrecht-paragraph">{t('helpmatch.engine.batch.empty')}</p>
          ) : (
            <Form ctx={ctx} action={`/${slug}/hulp/batch`}>
              <DataTable
                id="veld-pair"
                caption={t('helpmatch.engine.batch.caption')}
                columns={[
                  t('helpmatch.engine.batch.include'),
                  t('helpmatch.engine.suggest.request'),
                  t('helpmatch.engine.forYou.buurt'),
                  t('helpmatch.engine.suggest.volunteer'),
                  t('helpmatch.engine.suggest.score'),
                  t('helpmatch.engine.suggest.why'),
                ]}
              >
                {proposal.items.map((i, n) => (
                  <tr>
                    <td>
                      <input
                        type="checkbox"
                        class="utrecht-checkbox utrecht-checkbox--html-input"
                        id={`pair-${n}`}
                        name="pair"
                        value={`${i.requestId}:${i.userId}`}
                        checked
                        aria-label={t('helpmatch.engine.batch.includeLabel', { summary: i.summary, name: i.volunteerName })}
                      />
                    </td>
                    <th scope="row">{i.summary}</th>
                    <td>{(i.buurtCode && buurtNames.get(i.buurtCode)) || t('helpmatch.engine.unknownBuurt')}</td>
                    <td>{i.volunteerName}</td>
                    <td>{scoreText(ctx, i.score)}</td>
                    <td>
                      <Explanation ctx={ctx} parts={i.explanation} />
                    </td>
                  </tr>
                ))}
              </DataTable>
              <p class="utrecht-paragraph">{t('helpmatch.engine.batch.confirmHint')}</p>
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                {t('helpmatch.engine.batch.confirm')}
              </button>
            </Form>
          )}
        </section>
      )}
    </>
  );
}

/** After confirming: how many proposals were sent and how many skipped. */
export function BatchDonePage({ ctx, slug, created, skipped }: { ctx: ViewContext; slug: string; created: number; skipped: number }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.engine.batch.title')}</h1>
      <Notice ctx={ctx} messageKey="helpmatch.engine.batch.done" vars={{ created }} />
      {skipped > 0 && <p class="utrecht-paragraph">{t('helpmatch.engine.batch.skipped', { skipped })}</p>}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}/hulp/batch`}>
          {t('helpmatch.engine.batch.back')}
        </a>
      </p>
    </>
  );
}
