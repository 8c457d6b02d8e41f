import type { RiskLevel } from './campaign.js';
import type { Finding } from './findings.js';
import type { CadreRank, GuidanceRules, TeamRole } from './guidance.js';
import { CADRE_RANK_LABEL, TEAM_ROLE_LABEL, isSeniorRank } from './guidance.js';

/** A coverage problem on the assignment board, pointing at the villages and cadre it is about. */
export interface CoverageFinding extends Finding {
  villageIds: number[];
  cadreId: number | null;
  townshipIds: number[];
}

export interface CoverageVillage {
  id: number;
  name: string;
  /** null when no risk level has been set: then it is not treated as difficult. */
  riskLevel: RiskLevel | null;
  /** The days of its election meetings (ISO dates), any track. */
  electionDays: readonly string[];
  /** The teams assigned to it, directly or through its zone. */
  teamIds: readonly number[];
  hasFirstResponsible: boolean;
}

export interface CoverageTeam {
  id: number;
  name: string;
  members: readonly { cadreId: number; role: TeamRole }[];
}

export interface CoverageCadre {
  id: number;
  name: string;
  rank: CadreRank;
}

export interface CoverageInput {
  villages: readonly CoverageVillage[];
  teams: readonly CoverageTeam[];
  cadres: readonly CoverageCadre[];
  rules: GuidanceRules;
}

export const COVERAGE_RULES = {
  villageWithoutTeam: 'guidance.village_without_team',
  tooFewCadres: 'guidance.min_cadres_per_village',
  difficultWithoutLeader: 'guidance.difficult_village_without_leader',
  cadreOverloaded: 'guidance.max_villages_per_cadre',
  sameDayVillages: 'guidance.same_day_villages',
  noFirstResponsible: 'guidance.no_first_responsible',
  townshipWithoutSupervision: 'supervision.township_without_team',
} as const;

const CITATION = {
  villageWithoutTeam: '乡镇换届选举工作方案：每村(社区)明确包村指导组',
  difficultWithoutLeader: '一村一策：难点村由副科级以上领导干部包村',
  sameDayVillages: '选举日指导组成员须在所包村(社区)选举现场指导',
  noFirstResponsible: '换届选举工作责任制：每村(社区)明确第一责任人',
  townshipWithoutSupervision: '县换届选举工作实施方案：县级督导组包联乡镇',
};

export interface CoverageSummary {
  /** Distinct cadres covering each village, through its teams. */
  cadresOfVillage: Map<number, Map<number, TeamRole[]>>;
  /** Distinct villages each cadre covers. */
  villagesOfCadre: Map<number, number[]>;
}

/** Who covers which village: a cadre covers every village of every team they belong to. */
export function summarizeCoverage(
  input: Pick<CoverageInput, 'villages' | 'teams'>,
): CoverageSummary {
  const teams = new Map(input.teams.map((t) => [t.id, t]));
  const cadresOfVillage = new Map<number, Map<number, TeamRole[]>>();
  const villagesOfCadre = new Map<number, number[]>();
  for (const village of input.villages) {
    const cadres = new Map<number, TeamRole[]>();
    for (const teamId of new Set(village.teamIds)) {
      for (const member of teams.get(teamId)?.members ?? []) {
        const roles = cadres.get(member.cadreId) ?? [];
        roles.push(member.role);
        cadres.set(member.cadreId, roles);
      }
    }
    cadresOfVillage.set(village.id, cadres);
    for (const cadreId of cadres.keys()) {
      const list = villagesOfCadre.get(cadreId) ?? [];
      list.push(village.id);
      villagesOfCadre.set(cadreId, list);
    }
  }
  return { cadresOfVillage, villagesOfCadre };
}

/** Every coverage problem of one township's villages: villages first, then cadres. */
export function checkCoverage(input: CoverageInput): CoverageFinding[] {
  const { rules } = input;
  const { cadresOfVillage, villagesOfCadre } = summarizeCoverage(input);
  const cadres = new Map(input.cadres.map((c) => [c.id, c]));
  const villages = new Map(input.villages.map((v) => [v.id, v]));
  const findings: CoverageFinding[] = [];
  const about = (villageIds: number[], cadreId: number | null = null) => ({
    villageIds,
    cadreId,
    townshipIds: [],
  });

  for (const village of input.villages) {
    const covering = cadresOfVillage.get(village.id) ?? new Map<number, TeamRole[]>();
    if (village.teamIds.length === 0) {
      findings.push({
        severity: 'error',
        rule: COVERAGE_RULES.villageWithoutTeam,
        citation: CITATION.villageWithoutTeam,
        message: `${village.name}尚未分配指导组`,
        ...about([village.id]),
      });
    } else if (covering.size < rules.minCadresPerVillage.value) {
      findings.push({
        severity: 'warning',
        rule: COVERAGE_RULES.tooFewCadres,
        citation: rules.minCadresPerVillage.citation,
        message: `${village.name}仅有${covering.size}名包村干部，少于规定的${rules.minCadresPerVillage.value}名`,
        ...about([village.id]),
      });
    }
    if (village.riskLevel === 'difficult') {
      const hasLeader = [...covering].some(([cadreId, roles]) => {
        const cadre = cadres.get(cadreId);
        return cadre !== undefined && isSeniorRank(cadre.rank) && roles.includes('leader');
      });
      if (!hasLeader) {
        findings.push({
          severity: 'error',
          rule: COVERAGE_RULES.difficultWithoutLeader,
          citation: CITATION.difficultWithoutLeader,
          message: `${village.name}为难点村，尚无${CADRE_RANK_LABEL.deputy_section}以上的${TEAM_ROLE_LABEL.leader}`,
          ...about([village.id]),
        });
      }
    }
    if (!village.hasFirstResponsible) {
      findings.push({
        severity: 'warning',
        rule: COVERAGE_RULES.noFirstResponsible,
        citation: CITATION.noFirstResponsible,
        message: `${village.name}尚未明确第一责任人`,
        ...about([village.id]),
      });
    }
  }

  const nameOf = (id: number) => villages.get(id)?.name ?? String(id);
  for (const [cadreId, villageIds] of villagesOfCadre) {
    const cadreName = cadres.get(cadreId)?.name ?? String(cadreId);
    if (villageIds.length > rules.maxVillagesPerCadre.value) {
      findings.push({
        severity: 'warning',
        rule: COVERAGE_RULES.cadreOverloaded,
        citation: rules.maxVillagesPerCadre.citation,
        message: `${cadreName}包联${villageIds.length}个村(社区)，超过上限${rules.maxVillagesPerCadre.value}个：${villageIds.map(nameOf).join('、')}`,
        ...about(villageIds, cadreId),
      });
    }
    const byDay = new Map<string, number[]>();
    for (const villageId of villageIds) {
      for (const day of new Set(villages.get(villageId)?.electionDays ?? [])) {
        byDay.set(day, [...(byDay.get(day) ?? []), villageId]);
      }
    }
    for (const [day, sameDay] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
      if (sameDay.length < 2) continue;
      findings.push({
        severity: 'warning',
        rule: COVERAGE_RULES.sameDayVillages,
        citation: CITATION.sameDayVillages,
        message: `${cadreName}包联的${sameDay.map(nameOf).join('、')}同在${day}选举`,
        ...about(sameDay, cadreId),
      });
    }
  }
  return findings;
}

export interface SupervisedTownship {
  id: number;
  name: string;
  /** Supervision teams assigned to it. */
  teamIds: readonly number[];
}

/** Townships that no county supervision team covers. */
export function checkSupervision(townships: readonly SupervisedTownship[]): CoverageFinding[] {
  return townships
    .filter((t) => t.teamIds.length === 0)
    .map((t) => ({
      severity: 'warning',
      rule: COVERAGE_RULES.townshipWithoutSupervision,
      citation: CITATION.townshipWithoutSupervision,
      message: `${t.name}尚未分配县级督导组`,
      villageIds: [],
      cadreId: null,
      townshipIds: [t.id],
    }));
}
