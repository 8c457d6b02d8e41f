/**
 * The secret the audit chain is MACed with (AUDIT_CHAIN_KEY). The database never holds it, so
 * whoever can write the database cannot recompute a chain after changing a row.
 */

/** Used outside production when AUDIT_CHAIN_KEY is unset (tests, `pnpm dev`). Not a secret. */
export const DEVELOPMENT_AUDIT_CHAIN_KEY = 'huanjie-development-audit-chain-key-not-a-secret';

let configuredKey: string | undefined;

/** Called once at startup (main.ts, the audit:verify CLI) with the configured key. */
export function setAuditChainKey(key: string): void {
  configuredKey = key;
}

export function auditChainKey(): string {
  if (configuredKey !== undefined) return configuredKey;
  if (process.env.NODE_ENV === 'production') {
    throw new Error('AUDIT_CHAIN_KEY is not configured: refusing to write the audit log');
  }
  return DEVELOPMENT_AUDIT_CHAIN_KEY;
}
