import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatDocument, stringifyDocument } from '@urql/core';
import type { DocumentNode } from 'graphql';
import { getOperationAST } from 'graphql';

export interface AppOperation {
  operationName: string;
  /** The text the apps put on the wire: urql's cache adds __typename to every selection. */
  query: string;
}

export interface AppDocuments {
  countyOverview: AppOperation;
  townshipMatrix: AppOperation;
  submitResult: AppOperation;
  resultQueue: AppOperation;
  guidanceBoard: AppOperation;
  assignTeam: AppOperation;
  unassignTeam: AppOperation;
  setTeamMember: AppOperation;
  removeTeamMember: AppOperation;
}

/**
 * The documents the apps send, taken from the pages themselves (not copied), so the bench follows
 * every change to the screens: the county overview page, the township matrix page and the village
 * app's result submission.
 */
export async function loadAppDocuments(root: string): Promise<AppDocuments> {
  const documents = async (path: string) =>
    (await import(pathToFileURL(join(root, path)).href)) as Record<string, DocumentNode>;
  const overview = await documents('packages/desktop/src/pages/campaign/overview-page.graphql.ts');
  const matrix = await documents('packages/desktop/src/pages/campaign/matrix-page.graphql.ts');
  const result = await documents('apps/village/src/pages/elections/result-page.graphql.ts');
  const board = await documents('packages/desktop/src/pages/guidance/board-page.graphql.ts');
  const teams = await documents('packages/desktop/src/pages/guidance/teams-panel.graphql.ts');
  const queue = await documents(
    'packages/desktop/src/pages/elections/results-queue-page.graphql.ts',
  );
  return {
    countyOverview: operation(overview.CampaignOverviewQuery),
    townshipMatrix: operation(matrix.TownshipMatrixQuery),
    submitResult: operation(result.SubmitResultMutation),
    resultQueue: operation(queue.ResultQueueQuery),
    guidanceBoard: operation(board.GuidanceBoardQuery),
    assignTeam: operation(teams.AssignTeamMutation),
    unassignTeam: operation(teams.UnassignTeamMutation),
    setTeamMember: operation(teams.SetMemberMutation),
    removeTeamMember: operation(teams.RemoveMemberMutation),
  };
}

function operation(document: DocumentNode | undefined): AppOperation {
  if (!document) throw new Error('a document the bench needs is gone from its page');
  return {
    operationName: getOperationAST(document)?.name?.value ?? '',
    query: stringifyDocument(formatDocument(document)),
  };
}

/** The township's elections as a list: every village's elections with their candidates and results. */
export const TOWNSHIP_ELECTION_UNITS = `query TownshipElectionUnits($regionId: ID!) {
  electionUnits(regionId: $regionId) {
    id
    track
    bodyLabel
    electionDay
    region { id name __typename }
    candidates { id __typename }
    result { id status statusLabel revision submittedAt __typename }
    __typename
  }
}`;
