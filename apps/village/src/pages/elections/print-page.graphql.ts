import { graphql } from '@huanjie/client';

export const PrintListQuery = graphql(`
  query PrintCandidateList($id: ID!) {
    electionUnit(id: $id) {
      id
      bodyLabel
      campaignName
      electionDay
      region {
        id
        name
      }
      formalListInStrokeOrder {
        id
        postLabel
        person {
          name
          gender
          age
          educationLabel
          politicalStatusLabel
          ethnicity
        }
      }
    }
  }
`);
