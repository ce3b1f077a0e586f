import type { Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../../platform/module.ts';
import { assignDemoApplicant } from './review.store.ts';

const SHORT: Record<string, string> = { GM0542: 'krimpen', GM1980: 'heerhugowaard', GM0014: 'groningen' };

/**
 * After the module's demo applications exist: the demo resident ("Demo Bewoner", a role account,
 * never a person from the seeds) is their applicant, so a demo visitor signed in as resident can
 * follow a decision letter and account for a funded initiative.
 */
export async function reviewDemoSeed(trx: Trx, args: DemoSeedArgs): Promise<void> {
  for (const tenant of args.tenants) {
    const short = SHORT[tenant.id];
    const resident = short ? args.users.get(`bewoner.${short}@demo.samenhang.nl`) : undefined;
    if (resident) await assignDemoApplicant(trx, tenant.id, resident);
  }
}
