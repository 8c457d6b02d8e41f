import { randomInt } from 'node:crypto';
import { childPath, oneTimePassword } from '@huanjie/domain';
import { eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { hashPassword } from './passwords.js';
import { queryRows } from './raw.js';
import { regions } from './schema/regions.js';
import { users } from './schema/users.js';

export interface FirstAdminInput {
  /** The county's 12-digit 统计用区划代码. */
  regionCode: string;
  /** The county's name; needed only when the county does not exist yet. */
  name?: string;
  username: string;
  displayName?: string;
}

export interface FirstAdmin {
  username: string;
  oneTimePassword: string;
  countyName: string;
  /** The county region was created by this call (an empty installation). */
  countyCreated: boolean;
}

/**
 * A county admin for a county region, with a one-time password to be changed at first sign-in:
 * how an empty installation gets its first user. The county region is created when no region has
 * the code. Runs with the owner's rights (a command on the server), not through the API.
 */
export async function createFirstAdmin(db: Db, input: FirstAdminInput): Promise<FirstAdmin> {
  if (!/^\d{12}$/.test(input.regionCode)) {
    throw new Error(`区划代码应为12位数字：${input.regionCode}`);
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/.test(input.username)) {
    throw new Error(
      '用户名只能由字母、数字、点、下划线和连字符组成（3至64个字符），并以字母或数字开头',
    );
  }
  const password = oneTimePassword((n) => randomInt(n));
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, input.username));
    if (taken) throw new Error(`用户名已被使用：${input.username}`);
    let [county] = await tx
      .select({ id: regions.id, name: regions.name, level: regions.level })
      .from(regions)
      .where(eq(regions.code, input.regionCode));
    let countyCreated = false;
    if (county && county.level !== 'county') {
      throw new Error(`区划代码 ${input.regionCode} 是${county.name}，不是县级区划`);
    }
    if (!county) {
      const name = input.name?.trim() ?? '';
      if (name === '') throw new Error('该县尚不存在：请用 --name 给出县名');
      const [{ id } = { id: 0 }] = await queryRows<{ id: number }>(
        tx,
        sql`select nextval(pg_get_serial_sequence('regions', 'id'))::int as id`,
      );
      await tx.insert(regions).values({
        id,
        parentId: null,
        level: 'county',
        name,
        code: input.regionCode,
        path: childPath(null, id),
      });
      county = { id, name, level: 'county' };
      countyCreated = true;
    }
    await tx.insert(users).values({
      username: input.username,
      passwordHash,
      displayName: input.displayName?.trim() || `${county.name}换届办管理员`,
      role: 'county_admin',
      regionId: county.id,
      mustChangePassword: true,
    });
    return {
      username: input.username,
      oneTimePassword: password,
      countyName: county.name,
      countyCreated,
    };
  });
}
