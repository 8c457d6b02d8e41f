import type { Db } from '@huanjie/db';
import type {
  CampaignId,
  ElectedTrack,
  Post,
  PreviousTermIssue,
  PreviousTermRow,
  PreviousTermRowInput,
  RegionId,
  Track,
} from '@huanjie/domain';
import {
  BODY_LABEL,
  MAX_SHEET_BYTES,
  checkPreviousTermRows,
  matchPerson,
  previousTermPersonKey,
} from '@huanjie/domain';
import type { AuthenticatedContext } from '../../context.js';
import { ValidationError } from '../../shared/errors.js';
import { decodeUpload } from '../../xlsx/sheet.js';
import { recordAudit } from '../audit/audit.service.js';
import type { CampaignRef } from '../../shared/campaign.js';
import { resolveCampaign } from '../../shared/campaign.js';
import type { RegionRef, VillageRef } from '../../shared/scope.js';
import { authorize, requireRegion, villagesUnder } from '../../shared/scope.js';
import * as repo from './office-holders.repo.js';
import { parsePreviousTerm, previousTermTemplate } from './previous-term-xlsx.js';

/**
 * The previous term's office holders (上届班子成员) of a township's villages: the baseline against
 * which statistics count 连任 and the change against last term. A seat's person is the village's
 * `persons` record (same village, name and birth date), the one a candidate later reuses.
 */

async function requireTownship(
  ctx: AuthenticatedContext,
  townshipId: RegionId,
  mode: 'read' | 'import',
): Promise<RegionRef> {
  const township = await requireRegion(ctx.db, townshipId);
  if (mode === 'read') authorize(ctx.actor, 'election.read', township.path, '无权查看该乡镇');
  else authorize(ctx.actor, 'officeholder.import', township.path, '无权导入该乡镇的上届班子成员');
  if (township.level !== 'township') {
    throw new ValidationError('请选择乡镇(街道)', [
      { path: ['townshipId'], message: '应为乡镇(街道)' },
    ]);
  }
  return township;
}

/** The previous term of each elected body: this campaign's term number minus one. */
export type PreviousTerms = Partial<Record<ElectedTrack, number>>;

async function previousTerms(db: Db, campaign: CampaignRef): Promise<PreviousTerms> {
  const current: Partial<Record<Track, number>> =
    (await repo.campaignTermNumbers(db, campaign.id)) ?? {};
  const terms: PreviousTerms = {};
  for (const track of ['P', 'V', 'C'] as const) {
    const term = current[track];
    if (term !== undefined && Number.isSafeInteger(term) && term > 1) terms[track] = term - 1;
  }
  return terms;
}

export interface PreviousTermMembers {
  campaign: CampaignRef;
  township: RegionRef;
  terms: PreviousTerms;
  members: repo.HolderView[];
}

export async function previousTermMembers(
  ctx: AuthenticatedContext,
  townshipId: RegionId,
  campaignId: CampaignId | null,
): Promise<PreviousTermMembers> {
  const township = await requireTownship(ctx, townshipId, 'read');
  const campaign = await resolveCampaign(ctx.db, township.path, campaignId);
  const terms = await previousTerms(ctx.db, campaign);
  return {
    campaign,
    township,
    terms,
    members: await repo.holdersUnder(ctx.db, township.path, terms),
  };
}

// ---------------------------------------------------------------------------------------------
// Import

export type PreviousTermRowStatus = 'created' | 'matched' | 'rejected';

export interface PreviousTermRowReport {
  row: number;
  village: string;
  name: string;
  /** created: a new person record; matched: the village's existing person of that name and birth date. */
  status: PreviousTermRowStatus;
  issues: PreviousTermIssue[];
}

export interface PreviousTermReport {
  /** True when every row passed and the township's previous term was written; else nothing was written. */
  committed: boolean;
  total: number;
  created: number;
  matched: number;
  rejected: number;
  /** Seats of the bodies in the file (a village's 党组织 or 村委会) that the import replaced. */
  replaced: number;
  /** Those seats one by one (who is replaced), so that a preview shows them before anything is written. */
  replacing: ReplacedSeat[];
  /** A preview: checked and counted as the import would be, then rolled back. */
  preview: boolean;
  rows: PreviousTermRowReport[];
}

export interface ReplacedSeat {
  village: string;
  track: ElectedTrack;
  post: Post;
  name: string;
}

export interface PreviousTermImportInput {
  campaignId: CampaignId;
  townshipId: RegionId;
  /** The sheet as uploaded: an xlsx file, base64. */
  contentBase64: string;
  /** Check and count without writing: what would be created, matched and replaced. */
  dryRun?: boolean;
}

/** Rolls a preview's transaction back, carrying the report it would have committed. */
class PreviewRollback extends Error {
  constructor(readonly report: PreviousTermReport) {
    super('preview');
  }
}

interface Plan {
  row: PreviousTermRow;
  village: VillageRef;
  track: ElectedTrack;
  termNumber: number;
  /** An existing person, or the key of a person this import creates. */
  person: { id: number } | { key: string };
}

function issue(row: number, column: string, message: string): PreviousTermIssue {
  return { column, message: `第${row}行「${column}」${message}` };
}

/** Why the uploaded file cannot be imported at all (not an xlsx, too large, no header …). */
function fileRefused(message: string): ValidationError {
  return new ValidationError(message, [{ path: ['input', 'contentBase64'], message }]);
}

/**
 * Imports the previous term's members of a township's villages from the uploaded sheet,
 * all-or-nothing: every row is checked, and only when none is rejected are the previous-term seats
 * of the bodies named in the file (a village's 党组织 or 村委会) replaced by the file's rows (a
 * re-import replaces, it does not add; a body the file does not name is left as it was). A file that cannot be read is refused before any row is looked at.
 */
export async function importPreviousTerm(
  ctx: AuthenticatedContext,
  input: PreviousTermImportInput,
): Promise<PreviousTermReport> {
  const township = await requireTownship(ctx, input.townshipId, 'import');
  const campaign = await resolveCampaign(ctx.db, township.path, input.campaignId);
  const upload = decodeUpload(input.contentBase64, MAX_SHEET_BYTES);
  if (!upload.ok) throw fileRefused(upload.message);
  const sheet = await parsePreviousTerm(upload.content);
  if (!sheet.ok) throw fileRefused(sheet.message);
  const dryRun = input.dryRun ?? false;
  return importRows(ctx, township, campaign, sheet.rows, dryRun).catch((error: unknown) => {
    if (error instanceof PreviewRollback) return error.report;
    throw error;
  });
}

async function importRows(
  ctx: AuthenticatedContext,
  township: RegionRef,
  campaign: CampaignRef,
  inputRows: PreviousTermRowInput[],
  dryRun: boolean,
): Promise<PreviousTermReport> {
  return ctx.db.transaction(async (tx) => {
    // One import of a township at a time: a second waits and then replaces the first's rows.
    await repo.lockTownshipImport(tx, township.id);
    const terms = await previousTerms(tx, campaign);
    const checked = checkPreviousTermRows(inputRows, ctx.clock.today());
    const villages = await villagesUnder(tx, township.path);
    const byName = new Map<string, VillageRef[]>();
    for (const v of villages) byName.set(v.name, [...(byName.get(v.name) ?? []), v]);
    const committees = await repo.committeeTracks(tx, campaign.id, township.path);

    const located = checked.map((check) => {
      const raw = check.input;
      const issues = [...check.issues];
      const villageName = raw.village.trim();
      let village: VillageRef | null = null;
      let track: ElectedTrack | null = null;
      let termNumber: number | null = null;
      if (villageName !== '' && !issues.some((x) => x.column === '村(社区)')) {
        const found = byName.get(villageName) ?? [];
        if (found.length === 0) {
          issues.push(
            issue(raw.row, '村(社区)', `「${villageName}」不是${township.name}的村(社区)`),
          );
        } else if (found.length > 1) {
          issues.push(
            issue(raw.row, '村(社区)', `${township.name}有多个「${villageName}」，无法区分`),
          );
        } else village = found[0] ?? null;
      }
      if (village && check.value) {
        track =
          check.value.body === 'party'
            ? 'P'
            : (committees.get(village.id) ?? (village.level === 'community' ? 'C' : 'V'));
        termNumber = terms[track] ?? null;
        if (termNumber === null) {
          issues.push(
            issue(
              raw.row,
              '组织',
              `「${campaign.name}」是${BODY_LABEL[track]}的第1届或未设届数，没有上届`,
            ),
          );
        }
      }
      return { raw, check, issues, village, track, termNumber };
    });

    const villageIds = [...new Set(located.flatMap((l) => (l.village ? [l.village.id] : [])))];
    const names = [...new Set(located.flatMap((l) => (l.check.value ? [l.check.value.name] : [])))];
    const known = await repo.personsNamed(tx, villageIds, names);

    const plans: Plan[] = [];
    const seats = new Map<string, number>();
    const rows: PreviousTermRowReport[] = located.map((l) => {
      const report = (status: PreviousTermRowStatus, issues: PreviousTermIssue[]) => ({
        row: l.raw.row,
        village: l.raw.village.trim(),
        name: l.check.value?.name ?? l.raw.name.trim(),
        status,
        issues,
      });
      const value = l.check.value;
      if (l.issues.length > 0 || !value || !l.village || !l.track || l.termNumber === null) {
        return report('rejected', l.issues);
      }
      const village = l.village;
      const { person: match, ambiguous } = matchPerson(
        known.filter((p) => p.regionId === village.id && p.name === value.name),
        value.birthDate,
        value.birthPrecision,
      );
      if (!match && ambiguous > 1) {
        return report('rejected', [
          issue(
            l.raw.row,
            '出生年月',
            `${village.name}有${String(ambiguous)}名同月出生的${value.name}，请填写完整出生日期（YYYY-MM-DD）`,
          ),
        ]);
      }
      const personKey = match
        ? `#${String(match.id)}`
        : `${String(village.id)}\u0000${previousTermPersonKey(value)}`;
      const seat = `${l.track}\u0000${personKey}`;
      const other = seats.get(seat);
      if (other !== undefined) {
        return report('rejected', [
          issue(l.raw.row, '姓名', `${value.name}与第${other}行是同一人，在同一组织中只能填写一次`),
        ]);
      }
      seats.set(seat, l.raw.row);
      plans.push({
        row: value,
        village,
        track: l.track,
        termNumber: l.termNumber,
        person: match ? { id: match.id } : { key: personKey },
      });
      return report(match ? 'matched' : 'created', []);
    });

    const count = (status: PreviousTermRowStatus) => rows.filter((r) => r.status === status).length;
    const report: PreviousTermReport = {
      committed: false,
      total: rows.length,
      created: count('created'),
      matched: count('matched'),
      rejected: count('rejected'),
      replaced: 0,
      replacing: [],
      preview: dryRun,
      rows,
    };
    if (report.rejected > 0) return report;

    const createdIds = new Map<string, number>();
    const values: (repo.HolderValues & { row: number })[] = [];
    for (const plan of plans) {
      let personId: number;
      if ('id' in plan.person) personId = plan.person.id;
      else {
        const key = plan.person.key;
        const existing = createdIds.get(key);
        if (existing !== undefined) personId = existing;
        else {
          personId = await repo.insertPerson(tx, {
            regionId: plan.village.id,
            regionPath: plan.village.path,
            name: plan.row.name,
            gender: plan.row.gender,
            birthDate: plan.row.birthDate,
            birthPrecision: plan.row.birthPrecision,
            ethnicity: plan.row.ethnicity,
            education: plan.row.education,
            politicalStatus: plan.row.politicalStatus,
          });
          createdIds.set(key, personId);
        }
      }
      values.push({
        row: plan.row.row,
        personId,
        regionId: plan.village.id,
        regionPath: plan.village.path,
        track: plan.track,
        post: plan.row.post,
        termNumber: plan.termNumber,
      });
    }
    const fileVillages = [...new Set(plans.map((p) => p.village.id))];
    const bodies = [
      ...new Map(
        plans.map((p) => [
          `${String(p.village.id)}.${p.track}`,
          { regionId: p.village.id, track: p.track },
        ]),
      ).values(),
    ];
    const removed = await repo.replaceHolders(
      tx,
      bodies,
      terms,
      values.map(({ row: _row, ...v }) => v),
    );
    await recordAudit(tx, ctx, {
      action: 'officeholder.import',
      entityType: 'previous_term',
      entityId: township.id,
      regionPath: township.path,
      before: { seats: removed },
      after: {
        campaignId: campaign.id,
        terms,
        villages: fileVillages,
        createdPersons: createdIds.size,
        seats: values.map((v) => ({
          row: v.row,
          regionId: v.regionId,
          track: v.track,
          post: v.post,
          termNumber: v.termNumber,
          personId: v.personId,
        })),
      },
    });
    const replacedNames = await repo.personNames(
      tx,
      removed.map((r) => r.personId),
    );
    const villageNames = new Map(villages.map((v) => [v.id, v.name]));
    const replacing = removed.map((r) => ({
      village: villageNames.get(r.regionId) ?? '',
      track: r.track,
      post: r.post,
      name: replacedNames.get(r.personId) ?? '',
    }));
    const done = { ...report, replaced: removed.length, replacing };
    // a preview ran every step of the import; rolling back leaves nothing written
    if (dryRun) throw new PreviewRollback({ ...done, committed: false });
    return { ...done, committed: true };
  });
}

export async function previousTermTemplateFile(
  ctx: AuthenticatedContext,
  townshipId: RegionId,
): Promise<{ fileName: string; contentBase64: string }> {
  const township = await requireTownship(ctx, townshipId, 'read');
  const content = await previousTermTemplate(`${township.name}上届村(社区)两委班子成员`);
  return {
    fileName: `${township.name}上届班子成员.xlsx`,
    contentBase64: content.toString('base64'),
  };
}
