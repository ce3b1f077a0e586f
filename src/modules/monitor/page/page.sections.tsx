import './page.messages.ts';
import type { CohesionFunction, SummarySection } from '../../../platform/module.ts';
import { summarizeFunction, summarizeOverview } from './page.service.ts';
import type { FunctionSummary, OverviewSummary } from './page.types.ts';
import { FunctionSection } from './views/function-section.tsx';
import { OverviewSection } from './views/overview-section.tsx';

/** One section per function of cohesion: the monitor indicators of that theme for the area. */
function functionSection(fn: CohesionFunction): SummarySection<FunctionSummary> {
  return {
    id: `monitor.${fn}`,
    order: 50,
    fn,
    summarize: (args) => summarizeFunction(args, fn),
    // Called, not wrapped in an element: an empty section must be null (the block then says there is no data).
    render: (args) => FunctionSection({ ...args, fn }),
  };
}

/** The overview at the top: classification, recorded judgement, wijkperspectief link, other themes, figures of the areas below. */
export const overviewSection: SummarySection<OverviewSummary> = {
  id: 'monitor.overview',
  order: 10,
  fn: 'overview',
  summarize: summarizeOverview,
  render: (args) => OverviewSection(args),
};

/** The monitor's parts of the neighbourhood page (registered in the monitor module's `summarySections`). */
export const monitorPageSections: SummarySection[] = [
  overviewSection as SummarySection,
  ...(['meet', 'know', 'help', 'together'] as const).map((fn) => functionSection(fn) as SummarySection),
];
