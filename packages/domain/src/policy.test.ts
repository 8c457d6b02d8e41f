import { describe, expect, it } from 'vitest';
import type { Actor } from './policy.js';
import { can, writesNothing } from './policy.js';
import { ROLES } from './roles.js';

const clerk: Actor = {
  userId: 1,
  role: 'village_clerk',
  homeRegionId: 37,
  homePath: '1.4.37.',
  scopeRoots: ['1.4.37.'],
};
const coordinator: Actor = {
  userId: 2,
  role: 'township_coordinator',
  homeRegionId: 4,
  homePath: '1.4.',
  scopeRoots: ['1.4.'],
};
const admin: Actor = {
  userId: 3,
  role: 'county_admin',
  homeRegionId: 1,
  homePath: '1.',
  scopeRoots: ['1.'],
};

const provinceLeader: Actor = {
  userId: 4,
  role: 'province_leader',
  homeRegionId: 90,
  homePath: '90/',
  scopeRoots: ['90/'],
};
const cityAdmin: Actor = {
  userId: 5,
  role: 'city_admin',
  homeRegionId: 91,
  homePath: '90/91/',
  scopeRoots: ['90/91/'],
};

describe('can', () => {
  it.each([
    [clerk, 'region.read', '1.4.37.', true],
    [clerk, 'region.read', '1.4.37.99.', true],
    [clerk, 'region.read', '1.4.38.', false],
    [clerk, 'region.read', '1.4.', false],
    [coordinator, 'region.read', '1.4.38.', true],
    [coordinator, 'region.read', '1.5.', false],
    [coordinator, 'region.read', '1.', false],
    [admin, 'region.read', '1.5.60.', true],
    [admin, 'user.manage', '1.5.', true],
    // a coordinator manages its township's clerks and guidance members (grantableRoles), not others'
    [coordinator, 'user.manage', '1.4.38.', true],
    [coordinator, 'user.manage', '1.5.60.', false],
    [admin, 'region.read', '2.', false],
    [clerk, 'stage.enter', '1.4.37.', true],
    [clerk, 'stage.enter', '1.4.38.', false],
    [clerk, 'stage.review', '1.4.37.', false],
    [coordinator, 'stage.review', '1.4.38.', true],
    [coordinator, 'stage.review', '1.5.60.', false],
    [coordinator, 'campaign.manage', '1.4.', false],
    [admin, 'campaign.manage', '1.', true],
    [admin, 'stage.enter', '1.4.37.', false],
    [coordinator, 'risk.set', '1.4.38.', true],
    [clerk, 'risk.set', '1.4.37.', false],
    [admin, 'audit.read', '1.4.', true],
    [coordinator, 'summary.write', '1.4.', true],
    [coordinator, 'summary.write', '1.', false],
    [clerk, 'summary.write', '1.4.37.', false],
    [admin, 'summary.write', '1.', true],
    // above the county (issue 12): the rollup and the audit log of everything below, nothing to write
    [provinceLeader, 'rollup.read', '90/', true],
    [provinceLeader, 'rollup.read', '90/91/', true],
    [provinceLeader, 'rollup.read', '80/', false],
    [provinceLeader, 'audit.read', '90/91/1.4.', true],
    [provinceLeader, 'audit.read', '80/81/2.', false],
    [provinceLeader, 'county.create', '90/91/', false],
    [provinceLeader, 'campaign.manage', '90/91/1.', false],
    [provinceLeader, 'record.comment', '90/91/1.4.37.', false],
    [cityAdmin, 'rollup.read', '90/91/', true],
    [cityAdmin, 'rollup.read', '90/', false],
    [cityAdmin, 'audit.read', '90/91/1.', true],
    [cityAdmin, 'county.create', '90/91/', true],
    [cityAdmin, 'region.manage', '90/91/1.', false],
    [cityAdmin, 'stage.review', '90/91/1.4.', false],
    // the county's own users have no rollup: their screen is the county's overview
    [admin, 'rollup.read', '1.', false],
  ] as const)('%#: %o %s %s -> %s', (actor, action, regionPath, expected) => {
    expect(can(actor, action, { regionPath })).toBe(expected);
  });

  it('a guidance member with no assignment sees nothing', () => {
    const member: Actor = { ...clerk, role: 'guidance_member', scopeRoots: [] };
    expect(can(member, 'region.read', { regionPath: '1.4.37.' })).toBe(false);
  });
});

describe('writesNothing', () => {
  it('holds for the province and city leaders only: every other role writes something', () => {
    expect(ROLES.filter(writesNothing).sort()).toEqual(['city_leader', 'province_leader']);
  });
});
