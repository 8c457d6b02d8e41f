import { graphql } from '@huanjie/client';

export const AuditLogQuery = graphql(`
  query AuditLog(
    $regionId: ID
    $username: String
    $action: String
    $from: String
    $to: String
    $first: Int
    $offset: Int
  ) {
    auditLog(
      regionId: $regionId
      username: $username
      action: $action
      from: $from
      to: $to
      first: $first
      offset: $offset
    ) {
      total
      items {
        chain
        seq
        at
        userName
        username
        roleLabel
        action
        actionLabel
        summary
        entityType
        entityLabel
        entityId
        region {
          id
          name
        }
        before
        after
        changes {
          field
          label
          before
          after
        }
      }
    }
  }
`);

export const AuditChainStatusQuery = graphql(`
  query AuditChainStatus {
    auditChainStatus {
      ok
      entries
      brokenAtSeq
      reason
    }
  }
`);

// The county's townships (a province's cities, a city's counties), to filter by; its campaigns,
// whose changes refresh the log.
export const AuditRegionsQuery = graphql(`
  query AuditRegions {
    myRegions {
      id
      name
      level
      children {
        id
        name
      }
    }
    campaigns {
      id
      status
    }
  }
`);
