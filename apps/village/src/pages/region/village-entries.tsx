import { graphql, readFragment } from '@huanjie/client';
import { isVillageLevel, type RegionLevel } from '@huanjie/domain';
import { useQuery } from 'urql';
import { CampaignEntry, CampaignEntryFragment } from './campaign-entry.js';
import { CasesEntry } from './cases-entry.js';
import { ElectionEntry, ElectionEntryFragment } from './election-entry.js';
import { GuidanceEntry } from './guidance-entry.js';
import { ResultTaskFragment, TodayTasks } from './today-tasks.js';

// Two documents, not one: a village without elections still shows its campaigns, and back.
const VillageCampaignsQuery = graphql(
  `
    query VillageCampaigns {
      campaigns {
        id
        status
        ...CampaignEntry
      }
    }
  `,
  [CampaignEntryFragment],
);

const VillageElectionsQuery = graphql(
  `
    query VillageElections($villageId: ID!) {
      electionUnits(regionId: $villageId) {
        id
        ...ElectionEntry
        ...ResultTask
      }
    }
  `,
  [ElectionEntryFragment, ResultTaskFragment],
);

/**
 * What a region route shows of a village before its facts: today's tasks, its campaigns, the
 * guidance member's way in, its elections. The route calls it with the region it shows; nothing
 * is fetched above a village.
 */
export function useVillageEntries(region: { id: string; level: RegionLevel } | null) {
  const villageId = region && isVillageLevel(region.level) ? region.id : null;
  const [campaigns] = useQuery({ query: VillageCampaignsQuery, pause: villageId === null });
  const [elections] = useQuery({
    query: VillageElectionsQuery,
    variables: { villageId: villageId ?? '' },
    pause: villageId === null,
  });
  if (villageId === null) return null;
  // the campaigns come running first, the latest first
  const running = campaigns.data?.campaigns.find((c) => c.status === 'running');
  return (
    <>
      {campaigns.data && (
        <TodayTasks
          villageId={villageId}
          campaignId={running?.id ?? null}
          units={elections.data?.electionUnits ?? null}
        />
      )}
      <CampaignEntry
        villageId={villageId}
        campaigns={campaigns.data?.campaigns ?? []}
        villageDays={[
          ...new Set(
            (elections.data?.electionUnits ?? []).map(
              (u) => readFragment(ElectionEntryFragment, u).electionDay,
            ),
          ),
        ].sort()}
      />
      <GuidanceEntry villageId={villageId} />
      <CasesEntry villageId={villageId} />
      <ElectionEntry units={elections.data?.electionUnits ?? []} />
    </>
  );
}
