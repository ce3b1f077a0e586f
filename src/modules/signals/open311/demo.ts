/** Demo data of the Open311 API: the documented demo key for a demo client in every demo tenant. */
import type { Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../../platform/module.ts';
import { DEMO_API_KEY, issueApiKey } from './apikeys.service.ts';

/** Issue `demo-open311-key` (report and handle) to "Demo-app (Open311)" in each demo tenant. */
export async function seedOpen311Demo(trx: Trx, args: DemoSeedArgs): Promise<void> {
  for (const tenant of args.tenants) {
    await issueApiKey(
      trx,
      {
        tenantId: tenant.id,
        clientName: 'Demo-app (Open311, demodata)',
        canReport: true,
        canHandle: true,
        organisationId: null,
        now: args.now,
        fixedKey: DEMO_API_KEY,
        isDemo: true,
      },
      { actorUserId: null, ip: null },
    );
  }
}
