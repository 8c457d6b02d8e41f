import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';

/** The caller's province or city, its cities or counties, and a province's cities' counties. */
export const UpperTreeQuery = graphql(`
  query UpperTree {
    myRegions {
      id
      name
      level
      divisionCode
      children {
        id
        name
        level
        divisionCode
        children {
          id
          name
          level
          divisionCode
        }
      }
    }
  }
`);

export const CreateCountyAdminMutation = graphql(
  `
    mutation CreateCountyAdmin($input: AccountInput!) {
      createAccount(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on IssuedPasswords {
          count
          slips {
            username
            displayName
            roleLabel
            app
            regionName
            oneTimePassword
          }
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
