import type {
  ElectedTrack,
  ElectionCandidate,
  ElectionRules,
  MeetingCountField,
  PersonGender,
  Post,
  ResultEvaluation,
  ResultSheet,
  Round,
  RuleEntry,
} from '@huanjie/domain';
import { MEETING_COUNT_FIELDS, evaluateResult, resolveElectionRules } from '@huanjie/domain';

/** "Candidate:12" → 12: the domain rules work on numeric ids. */
export function numericId(gid: string): number {
  return Number(gid.split(':')[1]);
}

export function rulesFromList(
  list: readonly { code: string; valueJson: string; citation: string }[],
): ElectionRules {
  const values: Record<string, RuleEntry> = {};
  for (const r of list)
    values[r.code] = { value: JSON.parse(r.valueJson) as RuleEntry['value'], citation: r.citation };
  return resolveElectionRules(values);
}

export interface VoteForm {
  votesFor: string;
  against: string;
  abstain: string;
}

/** 另选他人: a person voters wrote in, with the votes they got (V and C only). */
export interface WriteInForm {
  name: string;
  gender: PersonGender;
  birthDate: string;
  post: Post;
  votesFor: string;
}

/** One meeting as typed: numbers stay strings until checked, so a half-typed field is never lost. */
export interface MeetingForm {
  round: Round;
  heldOn: string;
  counts: Record<MeetingCountField, string>;
  /** Candidate global ids in the order they are listed (finding paths index into it). */
  candidateIds: string[];
  votes: Record<string, VoteForm>;
  /** Absent in sheets kept on the phone before write-ins were recorded. */
  writeIns?: WriteInForm[];
}

export function emptyWriteIn(post: Post): WriteInForm {
  return { name: '', gender: 'male', birthDate: '', post, votesFor: '' };
}

export function emptyMeeting(
  round: Round,
  heldOn: string,
  candidateIds: string[],
  entitled = '',
): MeetingForm {
  const counts = Object.fromEntries(MEETING_COUNT_FIELDS.map((f) => [f, ''])) as Record<
    MeetingCountField,
    string
  >;
  counts.entitled = entitled;
  return {
    round,
    heldOn,
    counts,
    candidateIds,
    votes: Object.fromEntries(
      candidateIds.map((id) => [id, { votesFor: '', against: '', abstain: '' }]),
    ),
  };
}

function num(text: string): number {
  const t = text.trim();
  return t === '' ? Number.NaN : Number(t);
}

/** The form as the API input (candidate global ids) and as the domain sheet (numeric ids). */
export function toSheets(forms: readonly MeetingForm[], party: boolean) {
  const input = {
    meetings: forms.map((m) => ({
      round: m.round,
      heldOn: m.heldOn,
      ...(Object.fromEntries(MEETING_COUNT_FIELDS.map((f) => [f, num(m.counts[f])])) as Record<
        MeetingCountField,
        number
      >),
      votes: m.candidateIds.map((id) => {
        const v = m.votes[id] ?? { votesFor: '', against: '', abstain: '' };
        return {
          candidateId: id,
          votesFor: num(v.votesFor),
          ...(party ? { against: num(v.against || '0'), abstain: num(v.abstain || '0') } : {}),
        };
      }),
      // sent only when there are any, so a sheet without write-ins is the same input as before
      ...(m.writeIns && m.writeIns.length > 0
        ? {
            writeIns: m.writeIns.map((w) => ({
              name: w.name.trim(),
              gender: w.gender,
              birthDate: w.birthDate || null,
              post: w.post,
              votesFor: num(w.votesFor),
            })),
          }
        : {}),
    })),
  };
  const domain: ResultSheet = {
    meetings: input.meetings.map((m) => ({
      ...m,
      votes: m.votes.map((v) => ({ ...v, candidateId: numericId(v.candidateId) })),
    })),
  };
  return { input, domain };
}

/** GraphQL refuses NaN: blank fields go to the server as -1 only in drafts, where checks are advisory. */
export function draftInput(forms: readonly MeetingForm[], party: boolean) {
  const { input } = toSheets(forms, party);
  const fix = (n: number) => (Number.isFinite(n) ? n : -1);
  return {
    meetings: input.meetings.map((m) => ({
      ...m,
      ...(Object.fromEntries(MEETING_COUNT_FIELDS.map((f) => [f, fix(m[f])])) as Record<
        MeetingCountField,
        number
      >),
      votes: m.votes.map((v) => ({
        ...v,
        votesFor: fix(v.votesFor),
        ...(party ? { against: fix(v.against ?? 0), abstain: fix(v.abstain ?? 0) } : {}),
      })),
      ...(m.writeIns
        ? { writeIns: m.writeIns.map((w) => ({ ...w, votesFor: fix(w.votesFor) })) }
        : {}),
    })),
  };
}

export interface CheckContext {
  track: ElectedTrack;
  rules: ElectionRules;
  seats: Partial<Record<Post, number>>;
  candidates: ElectionCandidate[];
  today: string;
  formalListPostedOn: string | null;
}

/** The same checks the server runs, on every keystroke. */
export function check(forms: readonly MeetingForm[], ctx: CheckContext): ResultEvaluation {
  return evaluateResult(toSheets(forms, ctx.track === 'P').domain, ctx);
}

const STORAGE_PREFIX = 'huanjie.result.';

/** The clerk's sheet is kept on the phone as it is typed, so a dropped connection or a closed tab loses nothing. */
export function loadLocal(unitId: string): MeetingForm[] | null {
  try {
    const raw = localStorage.getItem(STORAGE_PREFIX + unitId);
    return raw ? (JSON.parse(raw) as MeetingForm[]) : null;
  } catch {
    return null;
  }
}

export function saveLocal(unitId: string, forms: readonly MeetingForm[]): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + unitId, JSON.stringify(forms));
  } catch {
    // storage full or private mode: the server draft is still there
  }
}

export function clearLocal(unitId: string): void {
  try {
    localStorage.removeItem(STORAGE_PREFIX + unitId);
  } catch {
    // nothing to clear
  }
}

/** The field a finding points at, e.g. "0.ballotsValid" or "0.votes.Candidate:5". */
export function fieldKey(
  path: readonly string[] | null | undefined,
  forms: readonly MeetingForm[],
): string | null {
  if (!path || path[0] !== 'meetings' || path[1] === undefined) return null;
  const i = Number(path[1]);
  if (path[2] === 'votes' && path[3] !== undefined) {
    const id = forms[i]?.candidateIds[Number(path[3])];
    return id ? `${i}.votes.${id}` : `${i}.votes`;
  }
  if (path[2] === 'writeIns' && path[3] !== undefined) return `${i}.writeIns.${path[3]}`;
  return path[2] ? `${i}.${path[2]}` : `${i}`;
}

/**
 * The fields a restored sheet already holds, as finding keys: a sheet reopened from a draft shows
 * the checks of what was typed, an empty one none.
 */
export function filledKeys(forms: readonly MeetingForm[]): Set<string> {
  const keys = new Set<string>();
  forms.forEach((m, i) => {
    const typed = [
      ...MEETING_COUNT_FIELDS.filter((f) => m.counts[f] !== '').map((f) => `${i}.${f}`),
      ...m.candidateIds.filter((id) => m.votes[id]?.votesFor).map((id) => `${i}.votes.${id}`),
      ...(m.writeIns ?? []).flatMap((w, wi) => (w.name ? [`${i}.writeIns.${String(wi)}`] : [])),
    ];
    if (typed.length > 0) keys.add(`${i}.heldOn`);
    for (const k of typed) keys.add(k);
  });
  return keys;
}

/**
 * Whether a finding about `key` is shown yet: once its field is touched. A finding about a meeting's
 * votes together (a missing candidate, a total) shows once any of its votes is touched, one about
 * the meeting as a whole once any of its fields is.
 */
export function isShown(key: string, touched: ReadonlySet<string>): boolean {
  if (touched.has(key)) return true;
  const [meeting, field] = key.split('.');
  // write-in votes are on the same ballots: they count in a post's total, too
  const prefixes =
    field === 'votes'
      ? [`${meeting}.votes.`, `${meeting}.writeIns.`]
      : field === undefined || field === 'round'
        ? [`${meeting}.`]
        : [];
  return [...touched].some((t) => prefixes.some((p) => t.startsWith(p)));
}

/** Touched keys once meeting `index` is removed: later meetings move up one. */
export function withoutMeeting(touched: ReadonlySet<string>, index: number): Set<string> {
  const keys = new Set<string>();
  for (const key of touched) {
    const [meeting = '', ...rest] = key.split('.');
    const i = Number(meeting);
    if (i !== index) keys.add([String(i > index ? i - 1 : i), ...rest].join('.'));
  }
  return keys;
}
