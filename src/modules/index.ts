import type { ModuleDefinition } from '../platform/module.ts';
import { areasModule } from './areas/index.ts';
import { peopleModule } from './people/index.ts';
import { socialmapModule } from './socialmap/index.ts';
import { helpmatchModule } from './helpmatch/index.ts';
import { signalsModule } from './signals/index.ts';
import { surveysModule } from './surveys/index.ts';
import { monitorModule } from './monitor/index.ts';
import { programmesModule } from './programmes/index.ts';
import { projectIndicators } from './programmes/indicators/indicators.ts';
import { initiativesModule } from './initiatives/index.ts';
import { evaluationModule } from './evaluation/index.ts';
import { adminModule } from '../platform/admin/index.ts';
import { areaSummariesModule } from './areas/summaries/summaries.module.ts';
import { isWithinAdminReach, peopleOfTenant, userNames } from './people/people.service.ts';

/** The modules whose live indicators the monitor computes (it imports none of them). */
const DATA_MODULES: readonly ModuleDefinition[] = [
  areasModule,
  peopleModule,
  socialmapModule,
  helpmatchModule,
  signalsModule,
  surveysModule,
  initiativesModule,
];

/** Every module of the app, in registration order: the app's table of contents. */
export const MODULES: readonly ModuleDefinition[] = [
  ...DATA_MODULES,
  // The programmes' live indicators (projects per area) join the data modules' ones: the monitor
  // computes them without importing programmes, which itself uses the monitor's service.
  monitorModule([...DATA_MODULES.flatMap((m) => m.indicators ?? []), projectIndicators]),
  // After the monitor: programme goals use the monitor's service (targets with programme_goal_id).
  programmesModule(() => MODULES.flatMap((m) => m.projectCardParts ?? []).sort((a, b) => a.order - b.order)),
  // After programmes and the monitor: evaluations use project cards, areas and measurements.
  evaluationModule,
  adminModule({ isWithinAdminReach, userNames, peopleOfTenant }),
  // Last: the job computing the neighbourhood page's sections needs every module's summarySections.
  areaSummariesModule(() => MODULES.flatMap((m) => m.summarySections ?? []).sort((a, b) => a.order - b.order)),
];
