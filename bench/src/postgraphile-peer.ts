import type pg from 'pg';

/**
 * regions.parent_id has no foreign key in the product schema (the tree is kept by the API and the
 * materialized path), so PostGraphile would not see a township's villages. A smart comment in the
 * bench database alone declares the relation; the product schema is left as it is.
 */
export async function declareRelationsForPostGraphile(client: pg.Client): Promise<void> {
  await client.query(
    `comment on table regions is E'@foreignKey (parent_id) references regions (id)|@fieldName parent|@foreignFieldName children'`,
  );
}

/**
 * The township matrix's data as an entity graph in PostGraphile's own shape: the township, its
 * villages in order, each with its zone, its risk level in the campaign, and its committee
 * election (V for villages, C for communities) with the stage records. Our API answers the same
 * screen with computed due dates and display statuses for every stage, recorded or not.
 */
export const TOWNSHIP_LIST_POSTGRAPHILE = `query TownshipList($townshipId: Int!, $campaignId: Int!) {
  regionById(id: $townshipId) {
    id
    name
    children(orderBy: [SORT_ORDER_ASC, ID_ASC]) {
      nodes {
        id
        name
        level
        zoneByZoneId { id name }
        villageRisksByRegionId(condition: { campaignId: $campaignId }) { nodes { level } }
        v: unitElectionsByRegionId(condition: { campaignId: $campaignId, track: "V" }) {
          nodes { id track stageRecordsByUnitElectionId { nodes { id stageCode status doneDate } } }
        }
        c: unitElectionsByRegionId(condition: { campaignId: $campaignId, track: "C" }) {
          nodes { id track stageRecordsByUnitElectionId { nodes { id stageCode status doneDate } } }
        }
      }
    }
  }
}`;
