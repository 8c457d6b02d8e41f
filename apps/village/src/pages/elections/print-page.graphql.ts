import { graphql } from '@huanjie/client';

/** Everything the three notices of an election print (选民名单, 正式候选人名单, 选举结果). */
export const PrintNoticeQuery = graphql(`
  query PrintNotice($id: ID!) {
    electionUnit(id: $id) {
      id
      track
      bodyLabel
      campaignName
      electionDay
      today
      noticeIssuer
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
      voterListNotice {
        postedOn
        listed
        registered
        objectionDays
        decisionDays
        objectionDeadline
        groups
      }
      result {
        id
        status
        statusLabel
        meetings {
          round
          heldOn
        }
        elected {
          post
          postLabel
          votes
          writeIn
          person {
            id
            name
          }
        }
      }
    }
  }
`);
