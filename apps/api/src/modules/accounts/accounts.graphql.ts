import { ROLE_INFO, appOfRole } from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { AppEnum, MUTATION_ERRORS } from '../../graphql/error-types.js';
import { ForbiddenError, ValidationError } from '../../shared/errors.js';
import { idOf, optionalIdOf } from '../../shared/ids.js';
import { RoleEnum } from '../auth/auth.graphql.js';
import type { AccountRow, AccountStatus, PasswordSlip } from './accounts.service.js';
import * as accounts from './accounts.service.js';
import { passwordSlipsXlsx } from './password-slips-xlsx.js';

const AccountStatusEnum = builder.enumType('AccountStatus', {
  values: {
    active: { value: 'active', description: '正常' },
    disabled: { value: 'disabled', description: '已停用' },
    must_change_password: {
      value: 'must_change_password',
      description: '待首次登录（一次性密码未修改）',
    },
  } as const,
});

const BulkAccountKindEnum = builder.enumType('BulkAccountKind', {
  values: {
    village_clerks: { value: 'village_clerks', description: '每个尚无信息员的村(社区)一个信息员' },
    township_coordinators: {
      value: 'township_coordinators',
      description: '每个尚无选举办账号的乡镇一个账号',
    },
    guidance_members: {
      value: 'guidance_members',
      description: '乡镇干部花名册中尚无账号的每名干部一个指导组成员账号',
    },
  } as const,
});

const Account = builder.objectRef<AccountRow>('Account').implement({
  description: 'An account as its manager sees it: never its password',
  fields: (t) => ({
    id: t.globalID({ resolve: (a) => ({ type: 'Account', id: a.id }) }),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: RoleEnum, resolve: (a) => a.role }),
    roleLabel: t.string({ resolve: (a) => ROLE_INFO[a.role].label.zh }),
    app: t.field({ type: AppEnum, resolve: (a) => appOfRole(a.role) }),
    regionId: t.globalID({ resolve: (a) => ({ type: 'Region', id: a.regionId }) }),
    regionName: t.exposeString('regionName'),
    status: t.field({
      type: AccountStatusEnum,
      resolve: (a): AccountStatus => accounts.statusOf(a),
    }),
    disabled: t.exposeBoolean('disabled'),
    mustChangePassword: t.exposeBoolean('mustChangePassword'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastSignInAt: t.expose('lastSignInAt', { type: 'DateTime', nullable: true }),
  }),
});

const PasswordSlipRef = builder.objectRef<PasswordSlip>('PasswordSlip').implement({
  description: 'One account with its one-time password: shown once, never stored readable',
  fields: (t) => ({
    accountId: t.globalID({ resolve: (s) => ({ type: 'Account', id: s.accountId }) }),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: RoleEnum, resolve: (s) => s.role }),
    roleLabel: t.string({ resolve: (s) => ROLE_INFO[s.role].label.zh }),
    app: t.field({ type: AppEnum, resolve: (s) => appOfRole(s.role) }),
    regionName: t.exposeString('regionName'),
    oneTimePassword: t.exposeString('oneTimePassword'),
  }),
});

interface Issued {
  slips: PasswordSlip[];
  xlsxBase64: string;
}

const IssuedPasswords = builder.objectRef<Issued>('IssuedPasswords').implement({
  description:
    'One-time passwords just issued: the slips to print and the same list as an xlsx for the admin',
  fields: (t) => ({
    slips: t.field({ type: [PasswordSlipRef], resolve: (i) => i.slips }),
    count: t.int({ resolve: (i) => i.slips.length }),
    xlsxBase64: t.exposeString('xlsxBase64'),
  }),
});

async function issued(slips: PasswordSlip[], now: Date): Promise<Issued> {
  return { slips, xlsxBase64: slips.length > 0 ? await passwordSlipsXlsx(slips, now) : '' };
}

const PasswordChanged = builder.objectRef<{ endedSessions: number }>('PasswordChanged').implement({
  fields: (t) => ({
    endedSessions: t.exposeInt('endedSessions', {
      description: 'The caller’s other sessions that ended with the change',
    }),
  }),
});

const AccountFilterInput = builder.inputType('AccountFilter', {
  fields: (t) => ({
    text: t.string({ description: 'Part of the username or display name' }),
    role: t.field({ type: RoleEnum }),
    regionId: t.globalID({ description: 'Accounts of this region and below' }),
    status: t.field({ type: AccountStatusEnum }),
  }),
});

const AccountInput = builder.inputType('AccountInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    displayName: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    regionId: t.globalID({ required: true }),
  }),
});

const AccountEditInput = builder.inputType('AccountEditInput', {
  fields: (t) => ({
    displayName: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    regionId: t.globalID({ required: true }),
  }),
});

builder.queryFields((t) => ({
  accounts: t.withAuth({ session: true }).field({
    type: [Account],
    description:
      'The accounts the caller manages (a county admin: the county; a coordinator: its villages’ clerks and its guidance members), filtered',
    args: { filter: t.arg({ type: AccountFilterInput }) },
    resolve: (_root, args, ctx) =>
      accounts.listAccounts(ctx, {
        text: args.filter?.text,
        role: args.filter?.role,
        status: args.filter?.status,
        regionId: optionalIdOf(args.filter?.regionId, 'Region', ['filter', 'regionId']),
      }),
  }),
}));

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  return {
    createAccount: m.field({
      type: IssuedPasswords,
      description: 'Creates one account with a one-time password (to be changed at first sign-in)',
      errors,
      args: { input: t.arg({ type: AccountInput, required: true }) },
      resolve: async (_root, args, ctx) => {
        const slip = await accounts.createAccount(ctx, {
          ...args.input,
          regionId: idOf(args.input.regionId, 'Region', ['input', 'regionId']),
        });
        return issued([slip], ctx.clock.now());
      },
    }),
    bulkCreateAccounts: m.field({
      type: IssuedPasswords,
      description:
        'Creates, all or nothing, an account for each village, township or rostered cadre that lacks one (under regionId, else the caller’s region)',
      errors,
      args: {
        kind: t.arg({ type: BulkAccountKindEnum, required: true }),
        regionId: t.arg.globalID(),
      },
      resolve: async (_root, args, ctx) => {
        const slips = await accounts.bulkCreateAccounts(
          ctx,
          args.kind,
          optionalIdOf(args.regionId, 'Region', 'regionId'),
        );
        return issued(slips, ctx.clock.now());
      },
    }),
    updateAccount: m.field({
      type: Account,
      description: 'Changes an account’s display name, role or region (within the caller’s reach)',
      errors,
      args: {
        id: t.arg.globalID({ required: true }),
        input: t.arg({ type: AccountEditInput, required: true }),
      },
      resolve: (_root, args, ctx) =>
        accounts.updateAccount(ctx, idOf(args.id, 'Account', 'id'), {
          ...args.input,
          regionId: idOf(args.input.regionId, 'Region', ['input', 'regionId']),
        }),
    }),
    setAccountDisabled: m.field({
      type: Account,
      description:
        'Disables an account (its sessions and live connections end at once) or enables it again',
      errors,
      args: {
        id: t.arg.globalID({ required: true }),
        disabled: t.arg.boolean({ required: true }),
      },
      resolve: (_root, args, ctx) =>
        accounts.setAccountDisabled(ctx, idOf(args.id, 'Account', 'id'), args.disabled),
    }),
    resetAccountPassword: m.field({
      type: IssuedPasswords,
      description:
        'Gives an account a new one-time password; its sessions and live connections end at once',
      errors,
      args: { id: t.arg.globalID({ required: true }) },
      resolve: async (_root, args, ctx) =>
        issued(
          [await accounts.resetPassword(ctx, idOf(args.id, 'Account', 'id'))],
          ctx.clock.now(),
        ),
    }),
    changePassword: t.withAuth({ account: true }).field({
      type: PasswordChanged,
      description:
        'The signed-in user sets a new password (current one required); the one call allowed while a one-time password is pending',
      skipTypeScopes: true,
      errors: { types: [ValidationError, ForbiddenError], directResult: true },
      args: {
        currentPassword: t.arg.string({ required: true }),
        newPassword: t.arg.string({ required: true }),
      },
      resolve: async (_root, args, ctx) => ({
        endedSessions: await accounts.changePassword(ctx, args),
      }),
    }),
  };
});
