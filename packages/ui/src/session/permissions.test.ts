import { describe, expect, it } from 'vitest';
import { mayAtHome } from './permissions.js';

/** What each county role is offered in the county app, by PRODUCT.md §1. */
describe('mayAtHome', () => {
  it('offers the new-campaign form and result approval only to whom they belong', () => {
    expect(mayAtHome('county_admin', 'campaign.manage')).toBe(true);
    expect(mayAtHome('county_leader', 'campaign.manage')).toBe(false);
    expect(mayAtHome('county_leader', 'result.review')).toBe(false);
    expect(mayAtHome('township_coordinator', 'result.review')).toBe(true);
  });

  it('gives the leader the audit log and comments, the supervisor neither', () => {
    expect(mayAtHome('county_leader', 'audit.read')).toBe(true);
    expect(mayAtHome('county_leader', 'record.comment')).toBe(true);
    expect(mayAtHome('county_supervisor', 'audit.read')).toBe(false);
    expect(mayAtHome('county_supervisor', 'record.comment')).toBe(false);
  });

  it('keeps county-wide screens from the supervisor, who reads only assigned townships', () => {
    expect(mayAtHome('county_supervisor', 'guidance.read')).toBe(false);
    expect(mayAtHome('county_supervisor', 'campaign.read')).toBe(false);
    expect(mayAtHome('county_supervisor', 'inspection.record', true)).toBe(true);
    expect(mayAtHome('county_leader', 'campaign.read')).toBe(true);
  });
});
