import type { RegionLevel } from '@huanjie/domain';
import {
  ROLE_INFO,
  auditActionLabel,
  auditChanges,
  auditEntityLabel,
  canonicalJson,
} from '@huanjie/domain';
import type { AuditChange as Change } from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { idOf } from '../../shared/ids.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import * as service from './audit-browse.service.js';

type Page = Awaited<ReturnType<typeof service.browse>>;
type Entry = Page['items'][number];

const AuditChange = builder.objectRef<Change>('AuditChange').implement({
  description: 'One field that an entry changed, named and shown in words',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Its path in the snapshot' }),
    label: t.exposeString('label', {
      description: 'Its Chinese name, e.g. "数字 · 本届登记选民数"',
    }),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
});

const AuditEntry = builder.objectRef<Entry>('AuditEntry').implement({
  description: 'One change: who, in which role, when, what, before and after',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    chain: t.exposeString('chain', {
      description:
        'The hash chain it is on: its county’s (or a province’s or city’s own); with seq, unique',
    }),
    at: t.expose('at', { type: 'DateTime' }),
    userName: t.string({ nullable: true, resolve: (e) => e.userName }),
    username: t.string({ nullable: true, resolve: (e) => e.username }),
    role: t.string({ nullable: true, resolve: (e) => e.role }),
    roleLabel: t.string({
      nullable: true,
      resolve: (e) =>
        e.role && e.role in ROLE_INFO ? ROLE_INFO[e.role as keyof typeof ROLE_INFO].label.zh : null,
    }),
    action: t.exposeString('action'),
    actionLabel: t.string({
      description: 'The action in Chinese, e.g. 提交选举结果',
      resolve: (e) => auditActionLabel(e.action),
    }),
    summary: t.exposeString('summary', {
      description: 'Action and object in words, e.g. "提交选举结果 · 柯那村 村民委员会"',
    }),
    entityType: t.exposeString('entityType'),
    entityLabel: t.string({ resolve: (e) => auditEntityLabel(e.entityType) }),
    entityId: t.exposeString('entityId'),
    region: t.field({
      type: RegionCrumb,
      nullable: true,
      resolve: (e) =>
        e.region
          ? { id: e.region.id, name: e.region.name, level: e.region.level as RegionLevel }
          : null,
    }),
    before: t.string({
      nullable: true,
      description: 'JSON',
      resolve: (e) => (e.before === null ? null : canonicalJson(e.before)),
    }),
    after: t.string({
      nullable: true,
      description: 'JSON',
      resolve: (e) => (e.after === null ? null : canonicalJson(e.after)),
    }),
    changes: t.field({
      type: [AuditChange],
      description: 'Before and after, field by field, with Chinese field names',
      resolve: (e) => auditChanges(e.before, e.after),
    }),
    hash: t.exposeString('hash'),
  }),
});

const AuditPage = builder.objectRef<Page>('AuditPage').implement({
  fields: (t) => ({
    total: t.exposeInt('total'),
    items: t.field({ type: [AuditEntry], resolve: (p) => p.items }),
  }),
});

type Report = Awaited<ReturnType<typeof service.chainStatus>>;
const AuditChainStatus = builder.objectRef<Report>('AuditChainStatus').implement({
  description: 'The result of recomputing the county’s hash chain',
  fields: (t) => ({
    ok: t.boolean({ resolve: (r) => r.ok }),
    entries: t.int({ nullable: true, resolve: (r) => (r.ok ? r.entries : null) }),
    brokenAtSeq: t.int({ nullable: true, resolve: (r) => (r.ok ? null : r.seq) }),
    reason: t.string({ nullable: true, resolve: (r) => (r.ok ? null : r.reason) }),
  }),
});

builder.queryFields((t) => ({
  auditLog: t.field({
    type: AuditPage,
    description:
      'The audit log under a region (default: the caller’s), newest first: county admins and leaders, province and city users',
    args: {
      regionId: t.arg.globalID(),
      username: t.arg.string(),
      action: t.arg.string({ description: 'Prefix, e.g. "stage." or "campaign.create"' }),
      from: t.arg.string({ description: 'YYYY-MM-DD (China), inclusive' }),
      to: t.arg.string({ description: 'YYYY-MM-DD (China), inclusive' }),
      first: t.arg.int({ defaultValue: 50 }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: (_root, args, ctx) =>
      service.browse(ctx, {
        regionId: args.regionId ? idOf(args.regionId, 'Region', 'regionId') : null,
        username: args.username ?? null,
        action: args.action ?? null,
        from: args.from ?? null,
        to: args.to ?? null,
        first: args.first ?? 50,
        offset: args.offset ?? 0,
      }),
  }),
  auditChainStatus: t.field({
    type: AuditChainStatus,
    description:
      'Recompute the caller’s county’s audit hash chain now (a province or city user: every chain below them)',
    resolve: (_root, _args, ctx) => service.chainStatus(ctx),
  }),
}));
