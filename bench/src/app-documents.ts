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
}

/**
 * The documents the apps send, taken from the UI package itself (not copied), so the bench follows
 * every change to the screens: the county overview page, the township matrix page and the village
 * app's result submission.
 */
export async function loadAppDocuments(root: string): Promise<AppDocuments> {
  const campaign = (await import(
    pathToFileURL(join(root, 'packages/ui/src/campaign/documents.ts')).href
  )) as Record<string, DocumentNode>;
  const elections = (await import(
    pathToFileURL(join(root, 'packages/ui/src/elections/documents.ts')).href
  )) as Record<string, DocumentNode>;
  return {
    countyOverview: operation(campaign.CampaignOverviewQuery),
    townshipMatrix: operation(campaign.TownshipMatrixQuery),
    submitResult: operation(elections.SubmitResultMutation),
  };
}

function operation(document: DocumentNode | undefined): AppOperation {
  if (!document) throw new Error('a document the bench needs is gone from packages/ui');
  return {
    operationName: getOperationAST(document)?.name?.value ?? '',
    query: stringifyDocument(formatDocument(document)),
  };
}
