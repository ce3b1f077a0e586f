import type { FastifyInstance } from 'fastify';
import { overviewRoutes } from './routes/overview.tsx';
import { requestRoutes } from './routes/requests.tsx';
import { offerRoutes } from './routes/offers.tsx';
import { matchRoutes } from './routes/matches.tsx';
import { vacancyRoutes } from './routes/vacancies.tsx';
import { coordinatorRoutes } from './routes/coordinator.tsx';

/** Core pages of the help marketplace under /{tenant}/hulp; each area has its own route file under routes/. */
export async function coreRoutes(app: FastifyInstance): Promise<void> {
  await overviewRoutes(app);
  await requestRoutes(app);
  await offerRoutes(app);
  await matchRoutes(app);
  await vacancyRoutes(app);
  await coordinatorRoutes(app);
}
