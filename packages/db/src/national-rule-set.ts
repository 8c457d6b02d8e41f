import { canonicalJson, nationalRuleValues } from '@huanjie/domain';
import { desc, isNull, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { ruleSets } from './schema/rule-sets.js';

export const NATIONAL_RULE_SET_NAME = '全国默认规则';

/**
 * The national default rule set, created on first use. Rows are never edited: when the code's
 * catalogue gains rules, a new version holding them is added, based on the previous one.
 */
export async function ensureNationalRuleSet(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('huanjie:national-rule-set'))`);
    const [latest] = await tx
      .select({ id: ruleSets.id, version: ruleSets.version, values: ruleSets.values })
      .from(ruleSets)
      .where(isNull(ruleSets.countyId))
      .orderBy(desc(ruleSets.version))
      .limit(1);
    const defaults = nationalRuleValues();
    if (latest) {
      const missing = Object.keys(defaults).filter((code) => !(code in latest.values));
      if (missing.length === 0) return latest.id;
    }
    const values = latest ? { ...defaults, ...latest.values } : defaults;
    const [row] = await tx
      .insert(ruleSets)
      .values({
        countyId: null,
        name: NATIONAL_RULE_SET_NAME,
        version: (latest?.version ?? 0) + 1,
        basedOnId: latest?.id ?? null,
        values: JSON.parse(canonicalJson(values)) as typeof values,
      })
      .returning({ id: ruleSets.id });
    if (!row) throw new Error('rule set insert returned nothing');
    return row.id;
  });
}
