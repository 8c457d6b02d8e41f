/** Campaign screens link by global ids; keep them readable in URLs. */
export const campaignPaths = {
  checklist: (campaignId: string, villageId: string) =>
    `/campaigns/${encodeURIComponent(campaignId)}/villages/${encodeURIComponent(villageId)}`,
  followUp: (campaignId: string, villageId: string) =>
    `/campaigns/${encodeURIComponent(campaignId)}/villages/${encodeURIComponent(villageId)}/follow-up`,
  representatives: (campaignId: string, villageId: string) =>
    `/campaigns/${encodeURIComponent(campaignId)}/villages/${encodeURIComponent(villageId)}/representatives`,
  stage: (campaignId: string, villageId: string, unitElectionId: string, stageCode: string) =>
    `/campaigns/${encodeURIComponent(campaignId)}/villages/${encodeURIComponent(villageId)}/stages/${encodeURIComponent(unitElectionId)}/${stageCode}`,
};
