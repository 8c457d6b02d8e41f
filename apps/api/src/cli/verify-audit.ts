import { createDb, defaultDataDir } from '@huanjie/db';
import { verifyAuditChains } from '../modules/audit/audit.service.js';

/** `pnpm --filter @huanjie/api audit:verify`: exits non-zero when any audit chain is broken. */
const database = await createDb(
  process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL }
    : { dataDir: process.env.HUANJIE_DATA_DIR ?? defaultDataDir() },
);
try {
  const report = await verifyAuditChains(database.db);
  if (report.ok) {
    process.stdout.write(
      `audit log intact: ${report.entries} entries in ${report.chains} chains\n`,
    );
  } else {
    console.error(
      `audit log broken in chain ${report.chain} at entry ${report.seq}: ${report.reason}`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
