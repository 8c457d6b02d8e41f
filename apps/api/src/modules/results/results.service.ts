import type { Db, ResultStatus } from '@huanjie/db';
import { z } from 'zod';
import type {
  Finding,
  RegionId,
  ResultEvaluation,
  ResultSheet,
  UnitElectionId,
  WriteInVote,
} from '@huanjie/domain';
import {
  MIN_EXPLANATION_CHARS,
  evaluateResult,
  TEXT_LIMITS,
  hasErrors,
  hasRefusedChars,
  refusedCharsMessage,
  isExplained,
  matchPerson,
  writeInKey,
} from '@huanjie/domain';
import type { AuthenticatedContext } from '../../context.js';
import {
  ConflictError,
  NotFoundError,
  RuleViolationError,
  ValidationError,
} from '../../shared/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { publishCampaignEvent } from '../campaigns/campaigns.service.js';
import { assertMayWrite } from '../stages/stages.service.js';
import type { UnitBundle, UnitSource } from '../candidates/candidates.service.js';
import {
  electionCandidates,
  formalListPostedOn,
  loadBundle,
  loadUnits,
  requireUnit,
  requireUnitWithBundle,
} from '../candidates/candidates.service.js';
import type { UnitRow } from '../candidates/candidates.service.js';
import type { Context } from '../../context.js';
import { actorOf, authorize, requireRegion } from '../../shared/scope.js';
import { assertNotOwnReview } from '../../shared/reviewers.js';
import type { MeetingView, ResultRow, RevisionView } from './results.repo.js';
import { optionalText, parseInput, text } from '../../shared/validation.js';
import * as repo from './results.repo.js';
import { batchLoad } from '../../shared/batch.js';

export function evaluate(bundle: UnitBundle, sheet: ResultSheet, today: string): ResultEvaluation {
  return evaluateResult(sheet, {
    track: bundle.unit.track,
    rules: bundle.rules,
    seats: bundle.seats,
    candidates: electionCandidates(bundle),
    today,
    formalListPostedOn: formalListPostedOn(bundle),
  });
}

/** Elections under a region whose results are in the given statuses: the township's review queue. */
export async function resultQueue(
  ctx: Context,
  regionId: RegionId,
  statuses: ResultStatus[],
): Promise<UnitSource[]> {
  const region = await requireRegion(ctx.db, regionId);
  authorize(actorOf(ctx), 'election.read', region.path, '无权访问该村(社区)的选举数据');
  return loadUnits(ctx.db, await repo.resultUnitIdsUnder(ctx.db, region.path, statuses));
}

/** A unit election's result, null before anything was entered. */
export async function resultOf(ctx: Context, unitId: number): Promise<ResultRow | null> {
  // batched: a list of units asks for all their results at once
  return (await batchLoad(ctx, 'result', unitId, (ids) => repo.findResults(ctx.db, ids))) ?? null;
}

export async function meetingsOf(ctx: Context, result: ResultRow): Promise<MeetingView[]> {
  return (
    (await batchLoad(ctx, 'meetings', result.id, (ids) => repo.meetingsOfResults(ctx.db, ids))) ??
    []
  );
}

export async function revisionsOf(ctx: Context, result: ResultRow): Promise<RevisionView[]> {
  return (
    (await batchLoad(ctx, 'revisions', result.id, (ids) => repo.revisionsOfResults(ctx.db, ids))) ??
    []
  );
}

/** The persons written in (另选他人) and elected, as stored with the result. */
export function writeInPersonsOf(ctx: Context, result: ResultRow) {
  return repo.writeInPersonsOf(ctx.db, result.id);
}

/**
 * Each written-in person of an accepted sheet as a person record of the village: the one of that
 * name and birth date (domain matchPerson, as candidates are matched), else a new record. A ballot
 * says nothing of party membership: a new record is 群众 unless the clerk said otherwise.
 */
async function writeInPersons(
  tx: Db,
  unit: { regionId: number; regionPath: string },
  sheet: ResultSheet,
): Promise<(w: WriteInVote) => number> {
  const ids = new Map<string, number>();
  for (const w of sheet.meetings.flatMap((m) => m.writeIns ?? [])) {
    const key = writeInKey(w);
    if (ids.has(key)) continue;
    const name = w.name.trim();
    const birthDate = w.birthDate ?? null;
    const same = matchPerson(await repo.personsNamedIn(tx, unit.regionId, name), birthDate, 'day');
    ids.set(
      key,
      same.person?.id ??
        (await repo.insertPerson(tx, {
          regionId: unit.regionId,
          regionPath: unit.regionPath,
          name,
          gender: w.gender,
          birthDate,
          politicalStatus: w.politicalStatus ?? 'masses',
        })),
    );
  }
  return (w) => {
    const id = ids.get(writeInKey(w));
    if (id === undefined) throw new Error('written-in person not resolved');
    return id;
  };
}

/** The revision the result stands at, null while it has none. */
export async function latestRevision(
  ctx: Context,
  result: ResultRow,
): Promise<RevisionView | null> {
  if (result.revision === 0) return null;
  const all = await revisionsOf(ctx, result);
  return all.find((x) => x.revision === result.revision) ?? null;
}

const KEY = /^[A-Za-z0-9_-]{8,100}$/;

const keyShape = z.object({
  idempotencyKey: z.string().regex(KEY, { message: '应为8—100位字母、数字、-或_' }),
});

function refuse(findings: Finding[]): never {
  const errors = findings.filter((f) => f.severity === 'error');
  throw new RuleViolationError(
    `数据未通过校验(${errors.length}项错误)，未保存：${errors[0]?.message ?? ''}`,
    findings,
  );
}

function parseExplanation(explanation: string | null): string | null {
  return parseInput(
    z.object({ explanation: optionalText('情况说明', TEXT_LIMITS.longText) }),
    { explanation },
    '情况说明有误',
  ).explanation;
}

/**
 * Every text of a sheet (write-in names, dates) under the input-text policy, drafts included: a
 * draft is stored as typed, but not a NUL that PostgreSQL refuses or a character that reorders a
 * printed line.
 */
function assertSheetText(sheet: unknown, path: string[] = ['sheet']): void {
  if (typeof sheet === 'string') {
    if (hasRefusedChars(sheet, 'line') || sheet.length > TEXT_LIMITS.longText) {
      throw new ValidationError('计票单含有不可见或控制字符，或内容过长，请删除后重新输入', [
        { path, message: refusedCharsMessage('该项') },
      ]);
    }
  } else if (Array.isArray(sheet)) {
    sheet.forEach((item, i) => {
      assertSheetText(item, [...path, String(i)]);
    });
  } else if (sheet !== null && typeof sheet === 'object') {
    for (const [key, value] of Object.entries(sheet)) assertSheetText(value, [...path, key]);
  }
}

/**
 * Errors refuse the sheet; warnings (procedure: an uncontested race, a late posting, a vacancy…)
 * are what really happened and are accepted with a written explanation the township reads.
 */
function assertAcceptable(findings: Finding[], explanation: string | null): string | null {
  if (hasErrors(findings)) refuse(findings);
  const warnings = findings.filter((f) => f.severity === 'warning');
  const written = parseExplanation(explanation) ?? '';
  if (warnings.length > 0 && !isExplained(written)) {
    throw new RuleViolationError(
      `有${String(warnings.length)}项需要说明：${warnings[0]?.message ?? ''}。请填写情况说明(至少${String(MIN_EXPLANATION_CHARS)}个字)后再上报`,
      findings,
    );
  }
  return written === '' ? null : written;
}

function outcomeOf(
  e: ResultEvaluation,
  personOfWriteIn: (w: WriteInVote) => number,
): repo.StoredOutcome {
  return {
    elected: e.elected,
    electedWriteIns: e.electedWriteIns.map((w) => ({
      ...w,
      personId: personOfWriteIn({ ...w.writeIn, post: w.post, votesFor: w.votes }),
    })),
    vacancies: e.vacancies,
    oneTimeSuccess: e.oneTimeSuccess,
    warnings: e.findings.filter((f) => f.severity === 'warning'),
  };
}

/** Saves the clerk's sheet as typed; checks are returned, not enforced. */
export async function saveDraft(
  ctx: AuthenticatedContext,
  unitId: UnitElectionId,
  sheet: ResultSheet,
) {
  return ctx.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, ctx.actor, unitId, 'result.enter');
    assertSheetText(sheet);
    const result = await repo.lockResult(tx, unit.id, unit.regionPath);
    await assertMayWrite(tx, unit, 'result', result.status);
    await repo.updateResult(tx, result.id, { draft: sheet, draftSavedAt: ctx.clock.now() });
    // read back first: the audit entry takes the county's chain lock, held until commit
    const saved = await loadBundle(tx, unit);
    await recordAudit(tx, ctx, {
      action: 'result.draft',
      entityType: 'election_result',
      entityId: result.id,
      regionPath: unit.regionPath,
      before: result.draft,
      after: sheet,
    });
    return saved;
  });
}

interface WriteInput {
  unitId: UnitElectionId;
  sheet: ResultSheet;
  idempotencyKey: string;
  /** 情况说明 of the sheet's warnings; required when it has any. */
  explanation: string | null;
}

/** A retry with the same key returns what the first call stored, whether it is still running or done. */
async function replay(
  tx: Db,
  key: string,
  unitId: number,
  resultId: number | null,
): Promise<boolean> {
  const previous: RevisionView | null = await repo.revisionByKey(tx, key);
  if (!previous) return false;
  if (resultId === null || previous.resultId !== resultId)
    throw new ConflictError(`提交编号已用于其他选举(${unitId})`);
  return true;
}

/** Thrown inside a submission whose key a stored revision holds: its savepoint rolls back. */
class Replayed extends Error {
  constructor(
    readonly unit: UnitRow,
    readonly resultId: number,
    /** The unit's bundle as this attempt read it, before it wrote anything. */
    readonly bundle: UnitBundle,
  ) {
    super('replayed submission');
  }
}

/**
 * 上报: validated in full by the rule set; refused submissions store nothing. The unit and its
 * bundle are one statement, the revision and the result's move to it another; a retry (its key
 * held by a stored revision, the revision's unique key says so) stores nothing and is answered
 * with the result as it stands.
 */
export async function submit(ctx: AuthenticatedContext, input: WriteInput) {
  parseInput(keyShape, input, '提交编号无效');
  let saved: UnitBundle;
  try {
    saved = await ctx.db.transaction(async (tx) => {
      const read = await requireUnitWithBundle(tx, ctx.actor, input.unitId, 'result.enter');
      const { unit } = read;
      assertSheetText(input.sheet);
      const result = await repo.lockResult(tx, unit.id, unit.regionPath);
      const bundle = read.bundle(result.status);
      let evaluation: ResultEvaluation;
      let explanation: string | null;
      try {
        await assertMayWrite(tx, unit, 'result', result.status, { ordering: read.ordering });
        evaluation = evaluate(bundle, input.sheet, ctx.clock.today());
        explanation = assertAcceptable(evaluation.findings, input.explanation);
      } catch (refused) {
        // a retry is answered as the first call was, whatever changed since (the result approved…)
        if (await replay(tx, input.idempotencyKey, unit.id, result.id)) return bundle;
        throw refused;
      }
      const personOfWriteIn = await writeInPersons(tx, unit, input.sheet);
      const revision = result.revision + 1;
      const stored = await repo.insertRevision(
        tx,
        {
          resultId: result.id,
          revision,
          kind: result.revision === 0 ? 'submit' : 'resubmit',
          reason: null,
          explanation,
          sheet: input.sheet,
          outcome: outcomeOf(evaluation, personOfWriteIn),
          idempotencyKey: input.idempotencyKey,
          createdBy: ctx.actor.userId,
        },
        {
          status: 'submitted',
          draft: null,
          draftSavedAt: null,
          submittedAt: ctx.clock.now(),
          submittedBy: ctx.actor.userId,
          selfReviewed: false,
          returnReason: null,
        },
      );
      if (!stored) throw new Replayed(unit, result.id, bundle);
      await repo.replaceMeetings(
        tx,
        result.id,
        input.sheet,
        evaluation,
        postLookup(bundle),
        unit.track === 'P',
        result.revision > 0,
        personOfWriteIn,
      );
      await recordAudit(tx, ctx, {
        action: 'result.submit',
        entityType: 'election_result',
        entityId: result.id,
        regionPath: unit.regionPath,
        before: { status: result.status, revision: result.revision },
        after: {
          status: 'submitted',
          revision,
          sheet: input.sheet,
          elected: evaluation.elected,
          electedWriteIns: evaluation.electedWriteIns,
          explanation,
        },
      });
      // the unit's bundle as read above: the submission changed only its result's status
      return { ...bundle, resultStatus: 'submitted' };
    });
  } catch (error) {
    if (!(error instanceof Replayed)) throw error;
    const { unit, resultId, bundle } = error;
    if (!(await replay(ctx.db, input.idempotencyKey, unit.id, resultId)))
      throw new Error('idempotency key conflicted but no revision holds it', { cause: error });
    saved = bundle;
  }
  return publishResult(ctx, saved);
}

function postLookup(bundle: UnitBundle) {
  const posts = new Map(bundle.candidates.map((c) => [c.id, c.post]));
  return (id: number) => {
    const post = posts.get(id);
    if (!post) throw new NotFoundError('候选人不存在或无权查看');
    return post;
  };
}

/**
 * After the transaction commits: the result moved (submitted, approved, returned, amended), so
 * the live overview and statistics re-read and the cached overview of the campaign is dropped.
 */
async function publishResult(ctx: Context, saved: UnitBundle) {
  const { unit } = saved;
  await publishCampaignEvent(ctx, {
    campaignId: unit.campaignId,
    kind: 'result',
    regionPath: unit.regionPath,
    regionId: unit.regionId,
    track: unit.track,
    status: saved.resultStatus,
  });
  return saved;
}

export type ReviewDecision = 'approve' | 'return';

/** The township approves (locks) or returns a submitted result. */
export async function review(
  ctx: AuthenticatedContext,
  unitId: UnitElectionId,
  decision: ReviewDecision,
  reason: string | null,
) {
  const saved = await ctx.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, ctx.actor, unitId, 'result.review');
    const result = await repo.lockResult(tx, unit.id, unit.regionPath);
    if (result.status !== 'submitted') {
      throw new ConflictError(
        result.status === 'approved' ? '该结果已审核通过' : '该结果尚未上报，不能审核',
      );
    }
    const why =
      parseInput(
        z.object({ reason: optionalText('退回原因', TEXT_LIMITS.reason) }),
        { reason },
        '退回原因有误',
      ).reason ?? '';
    if (decision === 'return' && why.length < 2)
      throw new ValidationError('退回时请填写原因', [
        { path: ['reason'], message: '请填写退回原因' },
      ]);
    const selfReviewed = await assertNotOwnReview(
      tx,
      { action: 'result.review', regionPath: unit.regionPath, reviewerId: ctx.actor.userId },
      [result.submittedBy],
    );
    const status: ResultStatus = decision === 'approve' ? 'approved' : 'returned';
    await repo.updateResult(tx, result.id, {
      status,
      reviewedAt: ctx.clock.now(),
      reviewedBy: ctx.actor.userId,
      selfReviewed,
      returnReason: decision === 'return' ? why : null,
    });
    // read back first: the audit entry takes the county's chain lock, held until commit
    const saved = await loadBundle(tx, unit);
    await recordAudit(tx, ctx, {
      action: decision === 'approve' ? 'result.approve' : 'result.return',
      entityType: 'election_result',
      entityId: result.id,
      regionPath: unit.regionPath,
      before: { status: result.status },
      after: { status, reason: why || null },
    });
    return saved;
  });
  return publishResult(ctx, saved);
}

/** 更正: a change to an approved (locked) result, with its reason; the earlier revisions stay. */
export async function amend(ctx: AuthenticatedContext, input: WriteInput & { reason: string }) {
  parseInput(keyShape, input, '提交编号无效');
  const saved = await ctx.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, ctx.actor, input.unitId, 'result.review');
    assertSheetText(input.sheet);
    const result = await repo.lockResult(tx, unit.id, unit.regionPath);
    if (await replay(tx, input.idempotencyKey, unit.id, result.id)) return loadBundle(tx, unit);
    if (result.status !== 'approved')
      throw new ConflictError('只有审核通过(已锁定)的结果才能更正；未审核的结果可退回村里修改');
    await assertMayWrite(tx, unit, 'amend', result.status);
    const reason = parseInput(
      z.object({ reason: text('更正原因', TEXT_LIMITS.reason) }),
      { reason: input.reason },
      '更正原因有误',
    ).reason;
    if (reason.length < 4)
      throw new ValidationError('请填写更正原因(至少4个字)', [
        { path: ['reason'], message: '请填写更正原因' },
      ]);
    const bundle = await loadBundle(tx, unit);
    const evaluation = evaluate(bundle, input.sheet, ctx.clock.today());
    // the township's reason for the correction explains the sheet's warnings unless it wrote more
    const explanation = assertAcceptable(evaluation.findings, input.explanation ?? reason);
    const before = await repo.meetingsOf(tx, result.id);
    const personOfWriteIn = await writeInPersons(tx, unit, input.sheet);
    await repo.replaceMeetings(
      tx,
      result.id,
      input.sheet,
      evaluation,
      postLookup(bundle),
      unit.track === 'P',
      true,
      personOfWriteIn,
    );
    const revision = result.revision + 1;
    const stored = await repo.insertRevision(
      tx,
      {
        resultId: result.id,
        revision,
        kind: 'amend',
        reason,
        explanation,
        sheet: input.sheet,
        outcome: outcomeOf(evaluation, personOfWriteIn),
        idempotencyKey: input.idempotencyKey,
        createdBy: ctx.actor.userId,
      },
      {},
    );
    // the key was free under this result's lock: another election's request took it meanwhile
    if (!stored) throw new ConflictError(`提交编号已用于其他选举(${String(unit.id)})`);
    // read back first: the audit entry takes the county's chain lock, held until commit
    const saved = await loadBundle(tx, unit);
    await recordAudit(tx, ctx, {
      action: 'result.amend',
      entityType: 'election_result',
      entityId: result.id,
      regionPath: unit.regionPath,
      before: { revision: result.revision, meetings: before },
      after: {
        revision,
        reason,
        explanation,
        sheet: input.sheet,
        elected: evaluation.elected,
        electedWriteIns: evaluation.electedWriteIns,
      },
    });
    return saved;
  });
  return publishResult(ctx, saved);
}
