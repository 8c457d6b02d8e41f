declare const entity: unique symbol;

/**
 * The database id of one kind of record. A RegionId is a number, but not a CampaignId: passing
 * one where the other belongs fails to compile. Ids are branded where they enter the API (its one
 * global-id decoder, apps/api/src/shared/ids.ts).
 */
export type Id<E extends string> = number & { readonly [entity]: E };

export type RegionId = Id<'region'>;
export type ZoneId = Id<'zone'>;
export type CampaignId = Id<'campaign'>;
export type RuleSetId = Id<'rule_set'>;
export type UnitElectionId = Id<'unit_election'>;
export type StageRecordId = Id<'stage_record'>;
export type StoredFileId = Id<'stored_file'>;
export type CandidateId = Id<'candidate'>;
export type ObjectionId = Id<'objection'>;
export type PublicityId = Id<'publicity'>;
export type PersonId = Id<'person'>;
export type CadreId = Id<'cadre'>;
export type GuidanceTeamId = Id<'guidance_team'>;
export type InspectionId = Id<'inspection'>;
export type CorrectionOrderId = Id<'correction_order'>;
export type RecordCommentId = Id<'record_comment'>;
export type CaseId = Id<'case'>;
export type RiskPlanId = Id<'risk_plan'>;
export type RiskMeasureId = Id<'risk_measure'>;
