import { randomInt } from 'node:crypto';
import { hashPassword, verifyPassword } from '@huanjie/db';
import type { Actor, RegionId, Role } from '@huanjie/domain';
import {
  REGION_LEVEL_LABEL,
  ROLE_INFO,
  ROLES,
  accountLevels,
  grantableRoles,
  oneTimePassword,
  passwordProblems,
  roleAllows,
} from '@huanjie/domain';
import { z } from 'zod';
import type { AuthenticatedContext } from '../../context.js';
import { publishSafely } from '../../events/event-bus.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { requireRegion } from '../../shared/scope.js';
import { parseInput, text } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AccountRefusal, AccountRow } from './accounts.repo.js';
import * as repo from './accounts.repo.js';

export type { AccountRow } from './accounts.repo.js';

/** What a slip carries: the one time the one-time password is shown. */
export interface PasswordSlip {
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  regionName: string;
  oneTimePassword: string;
}

export type AccountStatus = 'active' | 'disabled' | 'must_change_password';

export interface AccountFilter {
  text?: string | null;
  role?: Role | null;
  regionId?: RegionId | null;
  status?: AccountStatus | null;
}

/** The caller manages accounts (a county admin, a township coordinator). */
function requireManager(ctx: AuthenticatedContext): Actor {
  if (!roleAllows(ctx.actor.role, 'user.manage')) throw new ForbiddenError('无权管理账号');
  return ctx.actor;
}

const REFUSAL_MESSAGE: Record<AccountRefusal, { message: string; field: string }> = {
  forbidden: { message: '无权管理账号', field: 'id' },
  not_found: { message: '该账号或区划不存在或无权查看', field: 'regionId' },
  role: { message: '无权授予该角色', field: 'role' },
  level: { message: '角色与所属区划的级别不符', field: 'regionId' },
  duplicate: { message: '用户名已被使用', field: 'username' },
  self: { message: '不能停用、重置或改变本人账号的角色和区划', field: 'id' },
  cadre: { message: '该干部不在本乡镇花名册或已有账号', field: 'cadreId' },
};

function refuse(refusal: AccountRefusal, detail?: string): never {
  const { message, field } = REFUSAL_MESSAGE[refusal];
  switch (refusal) {
    case 'forbidden':
      throw new ForbiddenError(message);
    case 'not_found':
      throw new NotFoundError(message);
    case 'role':
    case 'level':
    case 'duplicate':
    case 'self':
    case 'cadre': {
      const full = detail ? `${message}：${detail}` : message;
      throw new ValidationError(full, [{ path: [field], message: full }]);
    }
  }
}

/** Role refusals in words, before the database is asked: names what the caller may grant. */
function checkGrant(actor: Actor, role: Role) {
  const grantable = grantableRoles(actor.role);
  if (!grantable.includes(role)) {
    const roleLabel = ROLE_INFO[role].label.zh;
    const mayGrant = grantable.map((r) => ROLE_INFO[r].label.zh).join('、');
    refuse(
      'role',
      `${ROLE_INFO[actor.role].label.zh}不能创建「${roleLabel}」账号，只能创建${mayGrant}账号`,
    );
  }
}

async function checkRegionFits(ctx: AuthenticatedContext, role: Role, regionId: RegionId) {
  // row-level security: a region outside the scope does not exist for the caller
  const region = await requireRegion(ctx.db, regionId);
  if (!region.path.startsWith(ctx.actor.homePath)) refuse('not_found');
  const levels = accountLevels(role);
  if (!levels.includes(region.level)) {
    refuse(
      'level',
      `「${ROLE_INFO[role].label.zh}」账号应属于${levels.map((l) => REGION_LEVEL_LABEL[l].zh).join('或')}`,
    );
  }
  return region;
}

export async function listAccounts(
  ctx: AuthenticatedContext,
  filter: AccountFilter,
): Promise<AccountRow[]> {
  requireManager(ctx);
  const rows = await repo.listAccounts(ctx.db, ctx.sessionId, ctx.clock.now());
  let regionPath: string | null = null;
  if (filter.regionId) {
    const region = await requireRegion(ctx.db, filter.regionId);
    regionPath = region.path;
  }
  const needle = filter.text?.trim().toLowerCase() ?? '';
  return rows.filter(
    (r) =>
      (!filter.role || r.role === filter.role) &&
      (!regionPath || r.regionPath.startsWith(regionPath)) &&
      (!filter.status || statusOf(r) === filter.status) &&
      (needle === '' ||
        r.username.toLowerCase().includes(needle) ||
        r.displayName.toLowerCase().includes(needle)),
  );
}

export function statusOf(row: Pick<AccountRow, 'disabled' | 'mustChangePassword'>): AccountStatus {
  if (row.disabled) return 'disabled';
  return row.mustChangePassword ? 'must_change_password' : 'active';
}

const usernameShape = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(3, { message: '用户名至少3个字符' })
      .max(64, { message: '用户名不能超过64个字符' })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
        message: '用户名只能由字母、数字、点、下划线和连字符组成，并以字母或数字开头',
      }),
  );

const accountShape = z.object({
  username: usernameShape,
  displayName: text('显示名称', 40, 'line'),
  role: z.enum(ROLES, { message: '请选择角色' }),
});

const editShape = z.object({
  displayName: text('显示名称', 40, 'line'),
  role: z.enum(ROLES, { message: '请选择角色' }),
});

export interface AccountInput {
  username: string;
  displayName: string;
  role: Role;
  regionId: RegionId;
}

function newOneTimePassword(): string {
  return oneTimePassword((n) => randomInt(n));
}

async function findManaged(ctx: AuthenticatedContext, id: number): Promise<AccountRow> {
  const rows = await repo.listAccounts(ctx.db, ctx.sessionId, ctx.clock.now());
  const row = rows.find((r) => r.id === id);
  if (!row) throw new NotFoundError('该账号不存在或无权查看');
  return row;
}

function snapshot(
  row: Pick<AccountRow, 'username' | 'displayName' | 'role' | 'regionId' | 'disabled'>,
) {
  // never a hash, never a password
  return {
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    regionId: row.regionId,
    disabled: row.disabled,
  };
}

interface Planned {
  username: string;
  displayName: string;
  role: Role;
  region: { id: number; name: string; path: string };
  cadreId: number | null;
}

/** Creates each account with a fresh one-time password, or none of them (one transaction). */
async function createAll(ctx: AuthenticatedContext, planned: Planned[]): Promise<PasswordSlip[]> {
  const passwords = planned.map(() => newOneTimePassword());
  // argon2 runs on libuv's pool: a few at a time
  const hashes: string[] = [];
  for (let i = 0; i < passwords.length; i += 4) {
    hashes.push(...(await Promise.all(passwords.slice(i, i + 4).map((p) => hashPassword(p)))));
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const slips: PasswordSlip[] = [];
    for (const [i, account] of planned.entries()) {
      const created = await repo.createAccount(tx, ctx.sessionId, now, {
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        regionId: account.region.id,
        passwordHash: hashes[i] ?? '',
        cadreId: account.cadreId,
      });
      if ('refusal' in created) {
        refuse(created.refusal, planned.length > 1 ? account.username : undefined);
      }
      await recordAudit(tx, ctx, {
        action: 'account.create',
        entityType: 'user_account',
        entityId: created.id,
        regionPath: account.region.path,
        before: null,
        after: {
          ...snapshot({ ...account, regionId: account.region.id, disabled: false }),
          mustChangePassword: true,
        },
      });
      slips.push({
        accountId: created.id,
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        regionName: account.region.name,
        oneTimePassword: passwords[i] ?? '',
      });
    }
    return slips;
  });
}

export async function createAccount(
  ctx: AuthenticatedContext,
  input: AccountInput,
): Promise<PasswordSlip> {
  const actor = requireManager(ctx);
  const { username, displayName, role } = parseInput(accountShape, input, '账号信息有误');
  checkGrant(actor, role);
  const region = await checkRegionFits(ctx, role, input.regionId);
  if ((await repo.takenUsernames(ctx.db, [username])).has(username)) {
    refuse('duplicate', username);
  }
  const [slip] = await createAll(ctx, [{ username, displayName, role, region, cadreId: null }]);
  if (!slip) throw new Error('account not created');
  return slip;
}

export async function updateAccount(
  ctx: AuthenticatedContext,
  id: number,
  input: { displayName: string; role: Role; regionId: RegionId },
): Promise<AccountRow> {
  const actor = requireManager(ctx);
  const before = await findManaged(ctx, id);
  const { displayName, role } = parseInput(editShape, input, '账号信息有误');
  checkGrant(actor, role);
  const region = await checkRegionFits(ctx, role, input.regionId);
  const refusal = await repo.updateAccount(ctx.db, ctx.sessionId, ctx.clock.now(), id, {
    displayName,
    role,
    regionId: region.id,
  });
  if (refusal) refuse(refusal);
  const after = {
    ...before,
    displayName,
    role,
    regionId: region.id,
    regionPath: region.path,
    regionName: region.name,
  };
  await recordAudit(ctx.db, ctx, {
    action: 'account.update',
    entityType: 'user_account',
    entityId: id,
    regionPath: region.path,
    before: snapshot(before),
    after: snapshot(after),
  });
  if (role !== before.role || region.id !== before.regionId) await endLiveConnections(ctx, id);
  return after;
}

/** Tells every API instance to close the account's open live connections (after commit). */
async function endLiveConnections(ctx: AuthenticatedContext, userId: number) {
  await publishSafely(ctx.events, {
    campaignId: 0,
    kind: 'sessions_ended',
    userId,
    regionPath: '',
    regionId: null,
    track: null,
    stageCode: null,
    status: null,
    at: ctx.clock.now().toISOString(),
  });
}

export async function setAccountDisabled(
  ctx: AuthenticatedContext,
  id: number,
  disabled: boolean,
): Promise<AccountRow> {
  requireManager(ctx);
  const before = await findManaged(ctx, id);
  const refusal = await repo.setAccountDisabled(
    ctx.db,
    ctx.sessionId,
    ctx.clock.now(),
    id,
    disabled,
  );
  if (refusal) refuse(refusal);
  const after = { ...before, disabled };
  await recordAudit(ctx.db, ctx, {
    action: disabled ? 'account.disable' : 'account.enable',
    entityType: 'user_account',
    entityId: id,
    regionPath: before.regionPath,
    before: snapshot(before),
    after: snapshot(after),
  });
  if (disabled) await endLiveConnections(ctx, id);
  return after;
}

export async function resetPassword(ctx: AuthenticatedContext, id: number): Promise<PasswordSlip> {
  requireManager(ctx);
  const before = await findManaged(ctx, id);
  const password = newOneTimePassword();
  const refusal = await repo.resetAccountPassword(
    ctx.db,
    ctx.sessionId,
    ctx.clock.now(),
    id,
    await hashPassword(password),
  );
  if (refusal) refuse(refusal);
  await recordAudit(ctx.db, ctx, {
    action: 'account.reset_password',
    entityType: 'user_account',
    entityId: id,
    regionPath: before.regionPath,
    before: { mustChangePassword: before.mustChangePassword },
    after: { mustChangePassword: true },
  });
  await endLiveConnections(ctx, id);
  return {
    accountId: id,
    username: before.username,
    displayName: before.displayName,
    role: before.role,
    regionName: before.regionName,
    oneTimePassword: password,
  };
}

export type BulkKind = 'village_clerks' | 'township_coordinators' | 'guidance_members';

/** A username not yet taken: base, then base2, base3… */
function freeName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}${String(n)}`;
  taken.add(name);
  return name;
}

/**
 * Accounts for everyone who lacks one, all or nothing: a clerk for each village or community
 * without an enabled clerk ("<code>.clerk"), a coordinator for each township without one
 * ("<code>.coordinator"), or a guidance member for each cadre on a township roster without a
 * login ("<township code>.guide<n>"). Under `regionId` when given, else the caller's own region.
 */
export async function bulkCreateAccounts(
  ctx: AuthenticatedContext,
  kind: BulkKind,
  regionId: RegionId | null,
): Promise<PasswordSlip[]> {
  const actor = requireManager(ctx);
  const under = regionId ? await requireRegion(ctx.db, regionId) : null;
  if (under && !under.path.startsWith(actor.homePath)) refuse('not_found');
  const path = under?.path ?? actor.homePath;
  const planned: Planned[] = [];
  switch (kind) {
    case 'village_clerks': {
      checkGrant(actor, 'village_clerk');
      const villages = await repo.regionsUnder(ctx.db, path, ['village', 'community']);
      const have = await repo.regionsWithAccount(
        ctx.db,
        'village_clerk',
        villages.map((v) => v.id),
      );
      const lacking = villages.filter((v) => !have.has(v.id));
      const taken = await repo.takenUsernames(
        ctx.db,
        lacking.map((v) => `${v.code}.clerk`),
      );
      for (const v of lacking) {
        planned.push({
          username: freeName(`${v.code}.clerk`, taken),
          displayName: `${v.name}信息员`,
          role: 'village_clerk',
          region: v,
          cadreId: null,
        });
      }
      break;
    }
    case 'township_coordinators': {
      checkGrant(actor, 'township_coordinator');
      const townships = await repo.regionsUnder(ctx.db, path, ['township']);
      const have = await repo.regionsWithAccount(
        ctx.db,
        'township_coordinator',
        townships.map((t) => t.id),
      );
      const lacking = townships.filter((t) => !have.has(t.id));
      const taken = await repo.takenUsernames(
        ctx.db,
        lacking.map((t) => `${t.code}.coordinator`),
      );
      for (const t of lacking) {
        planned.push({
          username: freeName(`${t.code}.coordinator`, taken),
          displayName: `${t.name}选举办`,
          role: 'township_coordinator',
          region: t,
          cadreId: null,
        });
      }
      break;
    }
    case 'guidance_members': {
      checkGrant(actor, 'guidance_member');
      const cadres = await repo.cadresWithoutLogin(ctx.db, path);
      const takenByTownship = new Map<string, Set<string>>();
      for (const c of cadres) {
        const prefix = `${c.regionCode}.guide`;
        let taken = takenByTownship.get(prefix);
        if (!taken) {
          taken = await repo.usernamesLike(ctx.db, prefix);
          takenByTownship.set(prefix, taken);
        }
        let n = 1;
        while (taken.has(`${prefix}${String(n)}`)) n += 1;
        const username = `${prefix}${String(n)}`;
        taken.add(username);
        planned.push({
          username,
          displayName: c.name,
          role: 'guidance_member',
          region: { id: c.regionId, name: c.regionName, path: c.regionPath },
          cadreId: c.id,
        });
      }
      break;
    }
  }
  if (planned.length === 0) return [];
  return createAll(ctx, planned);
}

const changeShape = z.object({
  currentPassword: z.string().min(1, { message: '请输入当前密码' }).max(256),
  newPassword: z.string().max(256, { message: '密码不能超过128个字符' }),
});

/**
 * The caller sets a new password (after a one-time one, or any time): the current one must be
 * right, the new one must keep the policy. Every other session of the caller ends.
 */
export async function changePassword(
  ctx: AuthenticatedContext,
  input: { currentPassword: string; newPassword: string },
): Promise<number> {
  const { currentPassword, newPassword } = parseInput(changeShape, input, '密码有误');
  const now = ctx.clock.now();
  const own = await repo.ownPassword(ctx.db, ctx.sessionId, now);
  if (!own) throw new ForbiddenError('请重新登录');
  if (!(await verifyPassword(own.passwordHash, currentPassword))) {
    throw new ValidationError('当前密码不正确', [
      { path: ['currentPassword'], message: '当前密码不正确' },
    ]);
  }
  const problems = passwordProblems(newPassword, own.username);
  if (newPassword === currentPassword) problems.push('新密码不能与当前密码相同');
  if (problems.length > 0) {
    throw new ValidationError(
      `新密码不符合要求：${problems.join('；')}`,
      problems.map((message) => ({ path: ['newPassword'], message })),
    );
  }
  const ended = await repo.changeOwnPassword(
    ctx.db,
    ctx.sessionId,
    now,
    await hashPassword(newPassword),
  );
  await recordAudit(ctx.db, ctx, {
    action: 'account.change_password',
    entityType: 'user_account',
    entityId: ctx.actor.userId,
    regionPath: ctx.actor.homePath,
    before: null,
    after: { username: own.username },
  });
  return ended;
}
