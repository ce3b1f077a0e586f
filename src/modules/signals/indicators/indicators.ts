/**
 * The signals' live indicators (issue 13, scope 3): per buurt, wijk and municipality, per quarter
 * for the last eight quarters. The monitor's recompute job calls `compute`; never a request.
 * Definitions and what counts: docs/monitor-live.md.
 */
import type { IndicatorDefinition, IndicatorMeasurement, IndicatorSource } from '../../../platform/module.ts';
import {
  allCodes,
  areaOfGroupingRow,
  cellKey,
  countMeasurements,
  lastQuarters,
  liveAreas,
  percent,
  thresholdMeasurements,
  type CaseValue,
} from '../../../platform/live-indicators.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { listAreas } from '../../areas/areas.service.ts';
import * as store from './indicators.store.ts';

/** Rates and medians need at least this many signals behind them. */
export const SIGNALS_MIN_CASES = 5;
const DAY_S = 86_400;

export const SIGNALS_INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'sig_received',
    nameNl: 'Meldingen ontvangen',
    nameEn: 'Reports received',
    descriptionNl: 'Aantal meldingen over de openbare ruimte dat in het kwartaal binnenkwam. Zorgen over buren tellen niet mee.',
    descriptionEn: 'Number of reports about public space received in the quarter. Worries about neighbours are not counted.',
    unit: 'count',
    direction: 'neutral',
    source: 'platform',
    theme: 'help',
    minRespondents: SIGNALS_MIN_CASES,
    decimals: 0,
  },
  {
    code: 'sig_response_days',
    nameNl: 'Dagen tot eerste reactie (mediaan)',
    nameEn: 'Days to first response (median)',
    descriptionNl:
      'Van de meldingen uit het kwartaal: de middelste tijd in dagen tot de eerste stap die de status verandert of een bericht aan de melder stuurt.',
    descriptionEn:
      "Of the quarter's reports: the median time in days to the first step that changes the status or sends a message to the reporter.",
    unit: 'days',
    direction: 'down',
    source: 'platform',
    theme: 'help',
    formula: 'median(first response − reported), reports of the quarter',
    minRespondents: SIGNALS_MIN_CASES,
    decimals: 1,
  },
  {
    code: 'sig_closure_days',
    nameNl: 'Dagen tot afsluiten (mediaan)',
    nameEn: 'Days to closing (median)',
    descriptionNl: 'Van de meldingen die in het kwartaal zijn afgesloten: de middelste tijd in dagen van melden tot afsluiten.',
    descriptionEn: 'Of the reports closed in the quarter: the median time in days from reporting to closing.',
    unit: 'days',
    direction: 'down',
    source: 'platform',
    theme: 'help',
    formula: 'median(closed − reported), reports closed in the quarter',
    minRespondents: SIGNALS_MIN_CASES,
    decimals: 1,
  },
  {
    code: 'sig_fed_back',
    nameNl: 'Melder kreeg bericht bij afsluiten',
    nameEn: 'Reporter told when closed',
    descriptionNl:
      'Van de meldingen die in het kwartaal zijn afgesloten en waarbij de melder contactgegevens gaf: het deel waarbij de melder het afsluitbericht kreeg.',
    descriptionEn:
      'Of the reports closed in the quarter whose reporter left contact details: the share whose reporter got the closing message.',
    unit: 'percent',
    direction: 'up',
    source: 'platform',
    theme: 'help',
    formula: '100 × closed with closing message sent / closed with contact details',
    minRespondents: SIGNALS_MIN_CASES,
    decimals: 0,
  },
  {
    code: 'sig_satisfied',
    nameNl: 'Melders tevreden',
    nameEn: 'Reporters satisfied',
    descriptionNl: 'Van de melders die in het kwartaal zeiden of ze tevreden waren over de afhandeling: het deel dat "ja" zei.',
    descriptionEn: 'Of the reporters who said in the quarter whether they were satisfied with the handling: the share who said yes.',
    unit: 'percent',
    direction: 'up',
    source: 'platform',
    theme: 'help',
    formula: '100 × satisfied / answers given in the quarter',
    minRespondents: SIGNALS_MIN_CASES,
    decimals: 0,
  },
];

/** Every signals indicator for every area of the tenant and each of the last eight quarters. */
export async function computeSignalsIndicators(args: { db: DbOrTrx; tenantId: string; now: Date }): Promise<IndicatorMeasurement[]> {
  const { db, tenantId, now } = args;
  const quarters = lastQuarters(now);
  const from = quarters[0]!.start;
  const periods = quarters.map((q) => q.period);
  const [areaList, received, closed, feedback] = await Promise.all([
    listAreas(db, tenantId),
    store.receivedByQuarter(db, tenantId, from),
    store.closedByQuarter(db, tenantId, from),
    store.feedbackByQuarter(db, tenantId, from),
  ]);
  const codes = allCodes(liveAreas(tenantId, areaList));

  const counts = new Map<string, number>();
  const response = new Map<string, CaseValue>();
  for (const r of received) {
    const area = areaOfGroupingRow(tenantId, r);
    if (area === null) continue;
    const key = cellKey(area, r.period);
    counts.set(key, r.received);
    response.set(key, { value: r.median_response_s === null ? null : r.median_response_s / DAY_S, cases: r.responded });
  }
  const closure = new Map<string, CaseValue>();
  const fedBack = new Map<string, CaseValue>();
  for (const r of closed) {
    const area = areaOfGroupingRow(tenantId, r);
    if (area === null) continue;
    const key = cellKey(area, r.period);
    closure.set(key, { value: r.median_close_s === null ? null : r.median_close_s / DAY_S, cases: r.closed });
    fedBack.set(key, { value: percent(r.fb_sent, r.fb_base), cases: r.fb_base });
  }
  const satisfied = new Map<string, CaseValue>();
  for (const r of feedback) {
    const area = areaOfGroupingRow(tenantId, r);
    if (area === null) continue;
    satisfied.set(cellKey(area, r.period), { value: percent(r.satisfied, r.answers), cases: r.answers });
  }

  return [
    ...countMeasurements('sig_received', codes, periods, counts),
    ...thresholdMeasurements('sig_response_days', codes, periods, response, SIGNALS_MIN_CASES, 1),
    ...thresholdMeasurements('sig_closure_days', codes, periods, closure, SIGNALS_MIN_CASES, 1),
    ...thresholdMeasurements('sig_fed_back', codes, periods, fedBack, SIGNALS_MIN_CASES, 1),
    ...thresholdMeasurements('sig_satisfied', codes, periods, satisfied, SIGNALS_MIN_CASES, 1),
  ];
}

/** The signals module's live indicators, for the monitor's recompute job. */
export const signalsIndicators: IndicatorSource = {
  id: 'signals',
  definitions: SIGNALS_INDICATORS,
  compute: computeSignalsIndicators,
};
