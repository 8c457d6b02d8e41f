import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const AccountFieldsFragment = graphql(`
  fragment AccountFields on Account @_unmask {
    id
    username
    displayName
    role
    roleLabel
    regionId
    regionName
    status
    lastSignInAt
  }
`);

/** One-time passwords just issued: shown once, printed as slips, downloaded as xlsx. */
export const IssuedPasswordsFragment = graphql(`
  fragment IssuedPasswordsFields on IssuedPasswords @_unmask {
    count
    xlsxBase64
    slips {
      accountId
      username
      displayName
      roleLabel
      app
      regionName
      oneTimePassword
    }
  }
`);

export const AccountsQuery = graphql(
  `
    query Accounts($filter: AccountFilter) {
      accounts(filter: $filter) {
        ...AccountFields
      }
    }
  `,
  [AccountFieldsFragment],
);

/** The caller's region tree, three levels (county → townships → villages), for the region picker. */
export const AccountRegionsQuery = graphql(`
  query AccountRegions {
    myRegions {
      id
      name
      level
      children {
        id
        name
        level
        children {
          id
          name
          level
        }
      }
    }
  }
`);

export const CreateAccountMutation = graphql(
  `
    mutation CreateAccount($input: AccountInput!) {
      createAccount(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ...IssuedPasswordsFields
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, IssuedPasswordsFragment],
);

export const BulkCreateAccountsMutation = graphql(
  `
    mutation BulkCreateAccounts($kind: BulkAccountKind!, $regionId: ID) {
      bulkCreateAccounts(kind: $kind, regionId: $regionId) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ...IssuedPasswordsFields
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, IssuedPasswordsFragment],
);

export const ResetAccountPasswordMutation = graphql(
  `
    mutation ResetAccountPassword($id: ID!) {
      resetAccountPassword(id: $id) {
        __typename
        ...ErrorFields
        ...IssuedPasswordsFields
      }
    }
  `,
  [ErrorFieldsFragment, IssuedPasswordsFragment],
);

export const UpdateAccountMutation = graphql(
  `
    mutation UpdateAccount($id: ID!, $input: AccountEditInput!) {
      updateAccount(id: $id, input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ...AccountFields
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, AccountFieldsFragment],
);

export const SetAccountDisabledMutation = graphql(
  `
    mutation SetAccountDisabled($id: ID!, $disabled: Boolean!) {
      setAccountDisabled(id: $id, disabled: $disabled) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ...AccountFields
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, AccountFieldsFragment],
);
