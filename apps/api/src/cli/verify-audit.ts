import { createDb, defaultDataDir } from '@huanjie/db';
import { auditAnchorFile, readAnchors } from '../modules/audit/audit-anchor.js';
import { DEVELOPMENT_AUDIT_CHAIN_KEY, setAuditChainKey } from '../modules/audit/audit-key.js';
import { verifyAuditChains } from '../modules/audit/audit.service.js';

/**
 * `pnpm --filter @huanjie/api audit:verify`: exits non-zero when any audit chain is broken.
 * Needs the API's AUDIT_CHAIN_KEY, and checks the chains against the anchor file
 * (AUDIT_ANCHOR_FILE, or the embedded database's default) when there is one.
 */
const key = process.env.AUDIT_CHAIN_KEY;
if (!key) console.error('AUDIT_CHAIN_KEY unset: verifying with the development key');
setAuditChainKey(key || DEVELOPMENT_AUDIT_CHAIN_KEY);

const dataDir = process.env.HUANJIE_DATA_DIR ?? defaultDataDir();
const anchorFile = auditAnchorFile(process.env, dataDir);
const anchors = anchorFile ? await readAnchors(anchorFile) : new Map<string, Map<number, string>>();
if (!anchorFile) {
  console.error('no anchor file (AUDIT_ANCHOR_FILE): deleted newest entries cannot be detected');
} else if (anchors.size === 0) {
  console.error(`no anchors in ${anchorFile}: deleted newest entries cannot be detected`);
}

const database = await createDb(
  process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir },
);
try {
  const report = await verifyAuditChains(database.db, anchors);
  if (report.ok) {
    const anchored = [...anchors.values()].reduce((n, chain) => n + chain.size, 0);
    process.stdout.write(
      `audit log intact: ${report.entries} entries in ${report.chains} chains` +
        ` (${report.unkeyedEntries} from before the chain was keyed;` +
        ` ${anchored} anchored heads matched)\n`,
    );
  } else {
    console.error(
      `audit log broken in chain ${report.chain} at entry ${report.seq}: ${report.reason}`,
    );
    if (report.seq === 1) console.error('(or AUDIT_CHAIN_KEY is not the key the API writes with)');
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
