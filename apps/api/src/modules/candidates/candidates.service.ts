import type { Db, ResultStatus } from '@huanjie/db';
import type {
  Action,
  Actor,
  CandidateId,
  ObjectionId,
  PersonId,
  PublicityId,
  RegionId,
  UnitElectionId,
  CandidateStage,
  ElectionCandidate,
  ElectionRules,
  Finding,
  NominationSource,
  PreliminaryNominee,
  ObjectionDecision,
  PersonGender,
  PoliticalStatus,
  Post,
  PublicityKind,
  Education,
  VettingResult,
} from '@huanjie/domain';
import {
  POST_LABEL,
  TEXT_LIMITS,
  candidateBirthProblem,
  checkCandidateList,
  checkPreliminaryElection,
  checkPublicityPeriod,
  checkRecommendationTallies,
  checkSeats,
  checkStageChange,
  hasErrors,
  isIsoDate,
  matchPerson,
  parseBirthDate,
  postFitsTrack,
  resolveElectionRules,
  sourcesFor,
  vettingStatus,
} from '@huanjie/domain';
import type { AuthenticatedContext, Context } from '../../context.js';
import {
  ConflictError,
  NotFoundError,
  RuleViolationError,
  ValidationError,
} from '../../shared/errors.js';
import { z } from 'zod';
import { isoDate, optionalText, parseInput, text } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { publishCampaignEvent } from '../campaigns/campaigns.service.js';
import { assertMayWrite } from '../stages/stages.service.js';
import { currentCampaignOf } from '../../shared/campaign.js';
import { actorOf, authorize, countyIdOf, requireRegion } from '../../shared/scope.js';
import * as repo from './candidates.repo.js';
import { batchLoad } from '../../shared/batch.js';
import type {
  CandidateView,
  PersonRowView,
  PublicityRow,
  UnitRow,
  VettingRow,
} from './candidates.repo.js';

export type { PersonRowView, UnitRow } from './candidates.repo.js';

const FORBIDDEN = '无权访问该村(社区)的选举数据';

/** Elections (P, V, C) of the county's current campaign in a region's subtree, by village. */
export async function electionUnits(ctx: Context, regionId: RegionId): Promise<UnitSource[]> {
  const region = await requireRegion(ctx.db, regionId);
  authorize(actorOf(ctx), 'election.read', region.path, FORBIDDEN);
  const campaign = await currentCampaignOf(ctx.db, countyIdOf(region.path));
  if (!campaign) return [];
  return (await repo.unitsUnder(ctx.db, campaign.id, region.path)).map((unit) => ({ unit }));
}

export async function electionUnit(ctx: Context, unitId: UnitElectionId): Promise<UnitBundle> {
  return loadBundle(ctx.db, await requireUnit(ctx.db, actorOf(ctx), unitId, 'election.read'));
}

/** Unit elections (P, V, C) by id, in that order; other ids are skipped. */
export async function loadUnits(db: Db, unitIds: number[]): Promise<UnitSource[]> {
  return (await repo.unitsByIds(db, unitIds)).map((unit) => ({ unit }));
}

/**
 * What an ElectionUnit's fields resolve from: its bundle when the caller holds it (a write answers
 * with what it saved), else the unit alone. A list (a county's results page, a township's
 * elections) loads no bundle until a field asks for one (bundleOf).
 */
export type UnitSource = UnitBundle | { unit: UnitRow };

/**
 * The unit's bundle: the one the source holds, else loaded together with those of every other
 * unit of the request that asks (one statement per kind of row, however many units).
 */
export async function bundleOf(ctx: Context, source: UnitSource): Promise<UnitBundle> {
  if ('candidates' in source) return source;
  const found = await batchLoad(ctx, 'bundle', source.unit, async (units) => {
    const bundles = await bundlesOf(ctx.db, units);
    return new Map(bundles.map((b) => [b.unit, b]));
  });
  if (!found) throw new Error(`unit ${String(source.unit.id)} loaded no bundle`);
  return found;
}

/**
 * A candidate's 联审 answers, loaded with those of every other candidate of the request that asks
 * (a township's election list shows candidates, not their answers, and loads none).
 */
export async function vettingAnswersOf(ctx: Context, candidateId: number): Promise<VettingRow[]> {
  return (
    (await batchLoad(ctx, 'vetting', candidateId, async (ids) =>
      repo.groupBy(await repo.vettingOf(ctx.db, ids), (a) => a.candidateId),
    )) ?? []
  );
}

/** People of the unit's village already on record, to pick a candidate from. */
export async function knownPersons(ctx: Context, source: UnitSource): Promise<PersonRowView[]> {
  // batched: a list of units asks for all their villages' people at once
  return (
    (await batchLoad(ctx, 'knownPersons', source.unit.regionId, (ids) =>
      repo.personsOfVillages(ctx.db, ids),
    )) ?? []
  );
}

export async function requireUnit(
  db: Db,
  actor: Actor,
  id: UnitElectionId,
  action: Action,
): Promise<UnitRow> {
  const unit = await repo.findUnit(db, id);
  if (!unit) throw new NotFoundError('该选举不存在或无权查看');
  authorize(actor, action, unit.regionPath, FORBIDDEN);
  return unit;
}

export interface CandidateBundle extends CandidateView {
  /** The departments whose 联审 answer the rules require (the answers: vettingAnswersOf). */
  vettingDepartments: string[];
  objectionsPending: number;
  objectionsUpheld: number;
}

/** Everything the entry screens show for one unit election, loaded at once (a village has a handful of candidates). */
export interface UnitBundle {
  unit: UnitRow;
  rules: ElectionRules;
  seats: Partial<Record<Post, number>>;
  partyRoundParticipants: number | null;
  massRoundParticipants: number | null;
  candidates: CandidateBundle[];
  publicity: PublicityRow[];
  resultStatus: string | null;
}

/** Who may vote in this election as the village registered them (null: not entered yet). */
export async function registeredVoters(ctx: Context, source: UnitSource): Promise<number | null> {
  const found = await batchLoad(ctx, 'registeredVoters', source.unit, async (units) => {
    const byId = await repo.registeredVotersOf(ctx.db, units);
    const byUnit = new Map<UnitRow, number>();
    for (const unit of units) {
      const value = byId.get(unit.id);
      if (value !== undefined) byUnit.set(unit, value);
    }
    return byUnit;
  });
  return found ?? null;
}

/** `resultStatus` when the caller already read it (result entry holds the locked result row). */
export async function loadBundle(
  db: Db,
  unit: UnitRow,
  known?: { resultStatus: ResultStatus },
): Promise<UnitBundle> {
  const [bundle] = await bundlesOf(db, [unit], known);
  if (!bundle) throw new Error(`unit ${String(unit.id)} loaded no bundle`);
  return bundle;
}

/**
 * The bundles of several units with one statement per kind of row, however many units: a
 * county's election list is hundreds of units.
 */
async function bundlesOf(
  db: Db,
  units: UnitRow[],
  known?: { resultStatus: ResultStatus },
): Promise<UnitBundle[]> {
  if (units.length === 0) return [];
  const ids = units.map((u) => u.id);
  // one after another: inside a transaction these share one connection
  const setups = new Map((await repo.setupsOf(db, ids)).map((s) => [s.unitElectionId, s]));
  const byUnit = repo.groupBy(await repo.candidatesOfUnits(db, ids), (c) => c.unitElectionId);
  const publicityByUnit = repo.groupBy(
    await repo.publicityOfUnits(db, ids),
    (p) => p.unitElectionId,
  );
  const statuses = known ? null : await repo.resultStatusesOf(db, ids);
  return units.map((unit) =>
    assembleBundle(
      unit,
      setups.get(unit.id) ?? null,
      byUnit.get(unit.id) ?? [],
      publicityByUnit.get(unit.id) ?? [],
      known ? known.resultStatus : (statuses?.get(unit.id) ?? null),
    ),
  );
}

function assembleBundle(
  unit: UnitRow,
  setup: {
    seats: Partial<Record<Post, number>>;
    partyRoundParticipants: number | null;
    massRoundParticipants: number | null;
  } | null,
  candidates: CandidateView[],
  publicity: PublicityRow[],
  resultStatus: string | null,
): UnitBundle {
  const rules = resolveElectionRules(unit.ruleValues);
  const objections = publicity.flatMap((p) => p.objections);
  return {
    unit,
    rules,
    seats: setup?.seats ?? {},
    partyRoundParticipants: setup?.partyRoundParticipants ?? null,
    massRoundParticipants: setup?.massRoundParticipants ?? null,
    publicity,
    resultStatus,
    candidates: candidates.map((c) => ({
      ...c,
      vettingDepartments: rules.vettingDepartments.value,
      objectionsPending: objections.filter(
        (o) => o.candidateId === c.id && o.decision === 'pending',
      ).length,
      objectionsUpheld: objections.filter((o) => o.candidateId === c.id && o.decision === 'upheld')
        .length,
    })),
  };
}

/**
 * requireUnit and the unit's bundle in one statement, for a write that reads both (a result
 * submission); the result's status is the caller's, who holds the result row locked.
 */
export async function requireUnitWithBundle(
  db: Db,
  actor: Actor,
  id: UnitElectionId,
  action: Action,
): Promise<{
  unit: UnitRow;
  bundle: (resultStatus: ResultStatus) => UnitBundle;
  ordering: repo.UnitWithBundle['ordering'];
}> {
  const found = await repo.unitWithBundle(db, id);
  if (!found) throw new NotFoundError('该选举不存在或无权查看');
  authorize(actor, action, found.unit.regionPath, FORBIDDEN);
  return {
    unit: found.unit,
    ordering: found.ordering,
    bundle: (resultStatus) =>
      assembleBundle(found.unit, found.setup, found.candidates, found.publicity, resultStatus),
  };
}

export function electionCandidates(b: UnitBundle): ElectionCandidate[] {
  return b.candidates
    .filter((c) => c.stage !== 'withdrawn')
    .map((c) => ({
      id: c.id,
      name: c.person.name,
      post: c.post,
      female: c.person.gender === 'female',
      formal: c.stage === 'formal',
    }));
}

export function formalListPostedOn(b: UnitBundle): string | null {
  return b.publicity.find((p) => p.kind === 'formal_list')?.startsOn ?? null;
}

function preliminaryNominees(b: UnitBundle): PreliminaryNominee[] {
  return b.candidates.map((c) => ({
    id: c.id,
    name: c.person.name,
    post: c.post,
    stage: c.stage,
    preliminaryVotes: c.preliminaryVotes,
  }));
}

/**
 * Checks of the candidate list as it stands (差额, women, publication deadline, the formal list
 * against the 预选) and the 公示's, as soon as they are typed (not first at result time).
 */
export function candidateFindings(b: UnitBundle): Finding[] {
  const publicity = b.publicity.find((p) => p.kind === 'candidates');
  return [
    ...checkCandidateList({
      track: b.unit.track,
      rules: b.rules,
      seats: b.seats,
      candidates: electionCandidates(b),
      electionDay: b.unit.electionDay,
      formalListPostedOn: formalListPostedOn(b),
    }),
    ...checkPreliminaryElection(preliminaryNominees(b)),
    ...(publicity
      ? checkPublicityPeriod(
          { startsOn: publicity.startsOn, endsOn: publicity.endsOn ?? '' },
          b.rules,
        )
      : []),
  ];
}

async function lockedUnit(tx: Db, actor: Actor, unitId: UnitElectionId): Promise<UnitRow> {
  const unit = await requireUnit(tx, actor, unitId, 'candidate.enter');
  await assertMayWrite(tx, unit, 'candidates', await repo.resultStatusOf(tx, unitId));
  return unit;
}

export interface SetupInput {
  unitId: UnitElectionId;
  seats: { post: Post; seats: number }[];
  partyRoundParticipants: number | null;
  massRoundParticipants: number | null;
}

export async function setSetup(ctx: AuthenticatedContext, input: SetupInput): Promise<UnitBundle> {
  return ctx.db.transaction(async (tx) => {
    const unit = await lockedUnit(tx, ctx.actor, input.unitId);
    const rules = resolveElectionRules(unit.ruleValues);
    const seats: Partial<Record<Post, number>> = {};
    for (const s of input.seats) {
      if (!postFitsTrack(s.post, unit.track)) {
        throw new ValidationError(`${POST_LABEL[s.post].zh}不是该组织的职务`, [
          { path: ['seats', s.post], message: '职务不符' },
        ]);
      }
      seats[s.post] = s.seats;
    }
    const findings = checkSeats(unit.track, seats, rules);
    for (const [field, n] of [
      ['partyRoundParticipants', input.partyRoundParticipants],
      ['massRoundParticipants', input.massRoundParticipants],
    ] as const) {
      if (n !== null && (!Number.isSafeInteger(n) || n < 0)) {
        findings.push({
          severity: 'error',
          rule: 'recommendation.integer',
          citation: '“两推一选”办法',
          message: '参加推荐人数应为不小于0的整数',
          path: [field],
        });
      }
    }
    if (hasErrors(findings)) throw new RuleViolationError('职数设置不符合规定', findings);
    const before = await repo.findSetup(tx, unit.id);
    const after = {
      unitElectionId: unit.id,
      regionPath: unit.regionPath,
      seats,
      partyRoundParticipants: input.partyRoundParticipants,
      massRoundParticipants: input.massRoundParticipants,
    };
    await repo.upsertSetup(tx, after, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'election.setup',
      entityType: 'unit_election',
      entityId: unit.id,
      regionPath: unit.regionPath,
      before,
      after,
    });
    return loadBundle(tx, unit);
  });
}

export interface PersonInput {
  personId: PersonId | null;
  name: string;
  gender: PersonGender;
  birthDate: string | null;
  ethnicity: string;
  education: Education | null;
  politicalStatus: PoliticalStatus;
  tags: string[];
}

export interface CandidateInput {
  unitId: UnitElectionId;
  candidateId: CandidateId | null;
  post: Post;
  nominationSource: NominationSource;
  partyVotes: number | null;
  massVotes: number | null;
  jointNominators: number | null;
  note: string | null;
  person: PersonInput;
}

/** A person as entered for a candidate list or a write-in: the text policy, a plausible birth. */
export function personShape(today: string) {
  return z.object({
    name: text('姓名', TEXT_LIMITS.personName, 'line').refine((n) => n.length >= 2, {
      message: `姓名应为2—${String(TEXT_LIMITS.personName)}个字`,
    }),
    birthDate: z
      .string()
      .nullable()
      .refine((d) => d === null || parseBirthDate(d) !== null, {
        message: '出生日期格式应为 YYYY-MM-DD，只知年月的填 YYYY-MM',
        abort: true,
      })
      .superRefine((d, check) => {
        const birth = d === null ? null : parseBirthDate(d);
        const problem = birth === null ? null : candidateBirthProblem(birth, today);
        if (problem !== null) check.addIssue({ code: 'custom', message: problem });
      }),
    ethnicity: optionalText('民族', TEXT_LIMITS.ethnicity, 'line'),
    tags: z.array(text('标签', TEXT_LIMITS.tag, 'line')).max(10, { message: '标签最多10个' }),
  });
}

const candidateShape = (today: string) =>
  z.object({
    person: personShape(today),
    note: optionalText('备注', TEXT_LIMITS.shortNote),
  });

const vettingShape = z.array(
  z.object({ note: optionalText('联审意见说明', TEXT_LIMITS.shortNote) }),
);

const objectionShape = z.object({
  receivedOn: isoDate('收到日期'),
  content: text('异议内容', TEXT_LIMITS.longText).refine((c) => c.length >= 2, {
    message: `异议内容应为2—${String(TEXT_LIMITS.longText)}字`,
  }),
});

const decisionShape = z.object({
  decision: z.enum(['upheld', 'rejected'], { error: '应为成立或不成立' }),
  decidedOn: isoDate('处理日期'),
  note: optionalText('处理说明', TEXT_LIMITS.shortNote),
});

/** Creates or updates a candidate and the person record behind them (the same person across bodies and terms). */
/**
 * After the transaction commits: the candidates, their vetting or a 公示 changed, which the
 * nomination stages' progress follows (domain stage-facts.ts), so the cached overview is dropped.
 */
async function publishCandidates(ctx: Context, saved: UnitBundle): Promise<UnitBundle> {
  const { unit } = saved;
  await publishCampaignEvent(ctx, {
    campaignId: unit.campaignId,
    kind: 'candidates',
    regionPath: unit.regionPath,
    regionId: unit.regionId,
    track: unit.track,
  });
  return saved;
}

export async function saveCandidate(
  ctx: AuthenticatedContext,
  input: CandidateInput,
): Promise<UnitBundle> {
  const saved = await ctx.db.transaction(async (tx) => {
    const unit = await lockedUnit(tx, ctx.actor, input.unitId);
    const rules = resolveElectionRules(unit.ruleValues);
    const today = ctx.clock.today();
    parseInput(candidateShape(today), input, '人员信息有误');
    if (!postFitsTrack(input.post, unit.track)) {
      throw new ValidationError(`${POST_LABEL[input.post].zh}不是该组织的职务`, [
        { path: ['post'], message: '职务不符' },
      ]);
    }
    if (!sourcesFor(unit.track).includes(input.nominationSource)) {
      throw new ValidationError('提名方式不适用于该选举', [
        { path: ['nominationSource'], message: '提名方式不符' },
      ]);
    }
    const setup = await repo.findSetup(tx, unit.id);
    const findings = checkRecommendationTallies(
      input.person.name.trim(),
      { partyVotes: input.partyVotes, massVotes: input.massVotes },
      {
        partyParticipants: setup?.partyRoundParticipants ?? null,
        massParticipants: setup?.massRoundParticipants ?? null,
      },
    );
    if (
      input.jointNominators !== null &&
      (!Number.isSafeInteger(input.jointNominators) || input.jointNominators < 0)
    ) {
      findings.push({
        severity: 'error',
        rule: 'nomination.integer',
        citation:
          unit.track === 'P'
            ? rules.committeeMargin.citation
            : rules.committee[unit.track].competitive.citation,
        message: '联名人数应为不小于0的整数',
        path: ['jointNominators'],
      });
    }
    if (hasErrors(findings)) throw new RuleViolationError('推荐票数不符合规定', findings);

    const p = input.person;
    // "1980-05" keeps its precision: stored as the 1st with birth_precision 'month'
    const birth = p.birthDate === null ? null : parseBirthDate(p.birthDate);
    const personValues = {
      name: p.name.trim(),
      gender: p.gender,
      birthDate: birth?.date ?? null,
      birthPrecision: birth?.precision ?? 'day',
      ethnicity: p.ethnicity.trim() || '汉族',
      education: p.education,
      politicalStatus: p.politicalStatus,
      tags: p.tags.map((t) => t.trim()),
      updatedAt: ctx.clock.now(),
    };
    let personId: number;
    if (p.personId !== null) {
      const existing = await repo.findPerson(tx, p.personId);
      if (!existing || existing.regionId !== unit.regionId)
        throw new NotFoundError('该人员不属于本村(社区)');
      await repo.updatePerson(tx, existing.id, personValues);
      personId = existing.id;
    } else {
      // the village's person of that name and birth date (domain matchPerson: a month-only
      // roster date counts), so a re-elected member stays one person and 连任 is counted
      const sameName = await repo.personsNamedIn(tx, unit.regionId, personValues.name);
      const same = matchPerson(
        sameName,
        personValues.birthDate,
        personValues.birthPrecision,
      ).person;
      if (same) {
        // a month-only entry does not blur the full date already recorded for that person
        const keepDay = same.birthPrecision === 'day' && personValues.birthPrecision === 'month';
        await repo.updatePerson(
          tx,
          same.id,
          keepDay
            ? { ...personValues, birthDate: same.birthDate, birthPrecision: 'day' }
            : personValues,
        );
        personId = same.id;
      } else {
        personId = await repo.insertPerson(tx, {
          ...personValues,
          regionId: unit.regionId,
          regionPath: unit.regionPath,
        });
      }
    }
    const values = {
      post: input.post,
      nominationSource: input.nominationSource,
      partyVotes: input.partyVotes,
      massVotes: input.massVotes,
      jointNominators: input.jointNominators,
      note: input.note?.trim() || null,
      personId,
      updatedAt: ctx.clock.now(),
    };
    const duplicate = await repo.candidaciesOfPerson(tx, unit.id, personId);
    let candidateId: number;
    let before: unknown = null;
    if (input.candidateId !== null) {
      const existing = await repo.findCandidate(tx, input.candidateId);
      if (!existing || existing.unitElectionId !== unit.id)
        throw new NotFoundError('该候选人不存在或无权查看');
      if (duplicate.some((d) => d.id !== existing.id))
        throw new ConflictError(`${personValues.name}已是本次选举的候选人`);
      before = existing;
      await repo.updateCandidate(tx, existing.id, values);
      candidateId = existing.id;
    } else {
      if (duplicate.length > 0) throw new ConflictError(`${personValues.name}已是本次选举的候选人`);
      candidateId = await repo.insertCandidate(tx, {
        ...values,
        unitElectionId: unit.id,
        regionPath: unit.regionPath,
      });
    }
    await recordAudit(tx, ctx, {
      action: input.candidateId === null ? 'candidate.create' : 'candidate.update',
      entityType: 'candidate',
      entityId: candidateId,
      regionPath: unit.regionPath,
      before,
      after: { ...values, person: personValues },
    });
    return loadBundle(tx, unit);
  });
  return publishCandidates(ctx, saved);
}

async function requireCandidate(tx: Db, actor: Actor, id: CandidateId) {
  const candidate = await repo.findCandidate(tx, id);
  if (!candidate) throw new NotFoundError('该候选人不存在或无权查看');
  authorize(actor, 'candidate.enter', candidate.regionPath, FORBIDDEN);
  const unit = await lockedUnit(tx, actor, candidate.unitElectionId as UnitElectionId);
  return { candidate, unit };
}

export async function setStage(
  ctx: AuthenticatedContext,
  candidateId: CandidateId,
  stage: CandidateStage,
): Promise<UnitBundle> {
  const saved = await ctx.db.transaction(async (tx) => {
    const { candidate, unit } = await requireCandidate(tx, ctx.actor, candidateId);
    const bundle = await loadBundle(tx, unit);
    const c = bundle.candidates.find((x) => x.id === candidate.id);
    if (!c) throw new NotFoundError('该候选人不存在或无权查看');
    const publicity = bundle.publicity.find((p) => p.kind === 'candidates');
    const findings = checkStageChange(
      {
        name: c.person.name,
        from: c.stage,
        to: stage,
        vetting: vettingStatus(c.vettingDepartments, await repo.vettingOf(tx, [c.id])),
        publicity: publicity
          ? { startsOn: publicity.startsOn, endsOn: publicity.endsOn ?? publicity.startsOn }
          : null,
        objections: { pending: c.objectionsPending, upheld: c.objectionsUpheld },
        today: ctx.clock.today(),
      },
      bundle.rules,
    );
    findings.push(...preliminaryBreaches(bundle, c.id, stage));
    if (hasErrors(findings))
      throw new RuleViolationError(findings[0]?.message ?? '不能变更候选人阶段', findings);
    await repo.updateCandidate(tx, c.id, { stage, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'candidate.stage',
      entityType: 'candidate',
      entityId: c.id,
      regionPath: unit.regionPath,
      before: { stage: c.stage },
      after: { stage },
    });
    return loadBundle(tx, unit);
  });
  return publishCandidates(ctx, saved);
}

/**
 * The 预选 errors a stage change would add: promoting a nominee over one with more 预选 votes (or
 * dropping one for a nominee with fewer) is refused; a change that leaves the list as wrong as it
 * was, or mends it, goes through.
 */
function preliminaryBreaches(
  bundle: UnitBundle,
  candidateId: number,
  stage: CandidateStage,
): Finding[] {
  const now = preliminaryNominees(bundle);
  const after = now.map((c) => (c.id === candidateId ? { ...c, stage } : c));
  const known = new Set(
    checkPreliminaryElection(now)
      .filter((f) => f.severity === 'error')
      .map((f) => f.message),
  );
  return checkPreliminaryElection(after).filter(
    (f) => f.severity === 'error' && !known.has(f.message),
  );
}

export interface PreliminaryVote {
  candidateId: CandidateId;
  /** null clears a count typed by mistake. */
  votes: number | null;
}

/**
 * 预选 (V, C): the votes of the nominees in the preliminary vote. What the vote gave is recorded as
 * it was; the formal list is then checked against it (candidateFindings, and every stage change).
 */
export async function recordPreliminaryVotes(
  ctx: AuthenticatedContext,
  unitId: UnitElectionId,
  votes: PreliminaryVote[],
): Promise<UnitBundle> {
  const saved = await ctx.db.transaction(async (tx) => {
    const unit = await lockedUnit(tx, ctx.actor, unitId);
    if (unit.track === 'P') {
      throw new ValidationError('预选只适用于村(居)民委员会选举', [
        { path: ['unitId'], message: '党组织选举不登记预选票数' },
      ]);
    }
    const bundle = await loadBundle(tx, unit);
    const byId = new Map(bundle.candidates.map((c) => [c.id, c]));
    const issues = votes.flatMap((v, i) => {
      const c = byId.get(v.candidateId);
      if (!c)
        return [{ path: ['votes', String(i), 'candidateId'], message: '该候选人不属于本次选举' }];
      if (c.stage !== 'preliminary' && c.stage !== 'formal')
        return [
          {
            path: ['votes', String(i), 'candidateId'],
            message: `${c.person.name}不是预备人选，不参加预选`,
          },
        ];
      if (v.votes !== null && (!Number.isSafeInteger(v.votes) || v.votes < 0))
        return [
          {
            path: ['votes', String(i), 'votes'],
            message: `${c.person.name}的预选票数应为不小于0的整数`,
          },
        ];
      return [];
    });
    if (new Set(votes.map((v) => v.candidateId)).size !== votes.length)
      issues.push({ path: ['votes'], message: '同一候选人只能填写一个票数' });
    if (issues.length > 0) throw new ValidationError(issues[0]?.message ?? '预选票数有误', issues);
    const changed = votes.filter((v) => byId.get(v.candidateId)?.preliminaryVotes !== v.votes);
    for (const v of changed) {
      await repo.updateCandidate(tx, v.candidateId, {
        preliminaryVotes: v.votes,
        updatedAt: ctx.clock.now(),
      });
    }
    if (changed.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'candidate.preliminary_votes',
        entityType: 'unit_election',
        entityId: unit.id,
        regionPath: unit.regionPath,
        before: changed.map((v) => ({
          candidateId: v.candidateId,
          votes: byId.get(v.candidateId)?.preliminaryVotes ?? null,
        })),
        after: changed,
      });
    }
    return loadBundle(tx, unit);
  });
  return publishCandidates(ctx, saved);
}

export interface VettingInput {
  department: string;
  result: VettingResult;
  note: string | null;
}

export async function recordVetting(
  ctx: AuthenticatedContext,
  candidateId: CandidateId,
  answers: VettingInput[],
): Promise<UnitBundle> {
  const saved = await ctx.db.transaction(async (tx) => {
    const { candidate, unit } = await requireCandidate(tx, ctx.actor, candidateId);
    const departments = resolveElectionRules(unit.ruleValues).vettingDepartments.value;
    parseInput(vettingShape, answers, '联审意见有误');
    const issues = answers.flatMap((a, i) => {
      if (!departments.includes(a.department))
        return [
          {
            path: ['answers', String(i), 'department'],
            message: `${a.department.slice(0, 20)}不在联审部门名单(${departments.join('、')})中`,
          },
        ];
      if (a.result === 'fail' && !a.note?.trim())
        return [
          {
            path: ['answers', String(i), 'note'],
            message: `${a.department}意见为不通过时，请填写原因`,
          },
        ];
      return [];
    });
    if (new Set(answers.map((a) => a.department)).size !== answers.length)
      issues.push({ path: ['answers'], message: '同一部门只能填写一条意见' });
    if (issues.length > 0) throw new ValidationError(issues[0]?.message ?? '联审意见有误', issues);
    const before = await repo.vettingOf(tx, [candidate.id]);
    for (const a of answers) {
      await repo.upsertVettingAnswer(
        tx,
        {
          candidateId: candidate.id,
          department: a.department,
          result: a.result,
          note: a.note?.trim() || null,
          enteredBy: ctx.actor.userId,
        },
        ctx.clock.now(),
      );
    }
    await recordAudit(tx, ctx, {
      action: 'candidate.vetting',
      entityType: 'candidate',
      entityId: candidate.id,
      regionPath: unit.regionPath,
      before: before.map((b) => ({ department: b.department, result: b.result, note: b.note })),
      after: answers,
    });
    return loadBundle(tx, unit);
  });
  return publishCandidates(ctx, saved);
}

export async function savePublicity(
  ctx: AuthenticatedContext,
  input: { unitId: UnitElectionId; kind: PublicityKind; startsOn: string; endsOn: string | null },
): Promise<UnitBundle> {
  const saved = await ctx.db.transaction(async (tx) => {
    const unit = await lockedUnit(tx, ctx.actor, input.unitId);
    const rules = resolveElectionRules(unit.ruleValues);
    const findings: Finding[] =
      input.kind === 'candidates'
        ? checkPublicityPeriod({ startsOn: input.startsOn, endsOn: input.endsOn ?? '' }, rules)
        : isIsoDate(input.startsOn)
          ? []
          : [
              {
                severity: 'error',
                rule: 'publicity.dates',
                citation: rules.formalListDaysBefore.citation,
                message: '请填写公布日期',
                path: ['startsOn'],
              },
            ];
    if (hasErrors(findings))
      throw new RuleViolationError(findings[0]?.message ?? '公示日期有误', findings);
    const endsOn = input.kind === 'candidates' ? input.endsOn : null;
    const before = await repo.findPublicityOfKind(tx, unit.id, input.kind);
    if (before) {
      await repo.updatePublicity(tx, before.id, { startsOn: input.startsOn, endsOn });
    } else {
      await repo.insertPublicity(tx, {
        unitElectionId: unit.id,
        regionPath: unit.regionPath,
        kind: input.kind,
        startsOn: input.startsOn,
        endsOn,
        createdBy: ctx.actor.userId,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'publicity.save',
      entityType: 'unit_election',
      entityId: unit.id,
      regionPath: unit.regionPath,
      before: before ?? null,
      after: { kind: input.kind, startsOn: input.startsOn, endsOn },
    });
    return loadBundle(tx, unit);
  });
  return publishCandidates(ctx, saved);
}

export async function recordObjection(
  ctx: AuthenticatedContext,
  input: {
    publicityId: PublicityId;
    candidateId: CandidateId | null;
    receivedOn: string;
    content: string;
  },
): Promise<UnitBundle> {
  return ctx.db.transaction(async (tx) => {
    const notice = await repo.findPublicity(tx, input.publicityId);
    if (!notice) throw new NotFoundError('该公示不存在或无权查看');
    authorize(ctx.actor, 'candidate.enter', notice.regionPath, FORBIDDEN);
    const unit = await lockedUnit(tx, ctx.actor, notice.unitElectionId as UnitElectionId);
    if (input.candidateId !== null) {
      const c = await repo.findCandidate(tx, input.candidateId);
      if (!c || c.unitElectionId !== unit.id) throw new NotFoundError('该候选人不存在或无权查看');
    }
    parseInput(objectionShape, input, '异议登记有误');
    const content = input.content.trim();
    const objectionId = await repo.insertObjection(tx, {
      publicityId: notice.id,
      candidateId: input.candidateId,
      receivedOn: input.receivedOn,
      content,
    });
    await recordAudit(tx, ctx, {
      action: 'objection.create',
      entityType: 'objection',
      entityId: objectionId,
      regionPath: unit.regionPath,
      after: input,
    });
    return loadBundle(tx, unit);
  });
}

export async function decideObjection(
  ctx: AuthenticatedContext,
  input: {
    objectionId: ObjectionId;
    decision: ObjectionDecision;
    decidedOn: string;
    note: string | null;
  },
): Promise<UnitBundle> {
  return ctx.db.transaction(async (tx) => {
    const objection = await repo.findObjection(tx, input.objectionId);
    if (!objection) throw new NotFoundError('该异议不存在或无权查看');
    const unit = await lockedUnit(tx, ctx.actor, objection.unitElectionId as UnitElectionId);
    parseInput(decisionShape, input, '异议处理有误');
    await repo.decideObjection(tx, objection.id, {
      decision: input.decision,
      decidedOn: input.decidedOn,
      decisionNote: input.note?.trim() || null,
    });
    await recordAudit(tx, ctx, {
      action: 'objection.decide',
      entityType: 'objection',
      entityId: objection.id,
      regionPath: unit.regionPath,
      before: { decision: objection.decision },
      after: input,
    });
    return loadBundle(tx, unit);
  });
}
