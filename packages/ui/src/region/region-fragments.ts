import { graphql } from '@huanjie/client';

export const RegionBreadcrumbFragment = graphql(`
  fragment RegionBreadcrumb on Region {
    id
    name
    level
    ancestors {
      id
      name
      level
    }
  }
`);

export const RegionFactsFragment = graphql(`
  fragment RegionFacts on Region {
    id
    name
    level
    code
    households: totalHouseholds
    population: totalPopulation
    childCount
    villageCount
    zone {
      id
      name
      headName
    }
  }
`);

export const RegionChildrenFragment = graphql(`
  fragment RegionChildren on Region {
    id
    children {
      id
      name
      level
      childCount
      villageCount
      households: totalHouseholds
      population: totalPopulation
      zone {
        id
        name
      }
    }
  }
`);

/** Everything a region page shows: breadcrumb, facts and children. */
export const RegionViewFragment = graphql(
  `
    fragment RegionView on Region {
      id
      name
      level
      ...RegionBreadcrumb
      ...RegionFacts
      ...RegionChildren
    }
  `,
  [RegionBreadcrumbFragment, RegionFactsFragment, RegionChildrenFragment],
);
