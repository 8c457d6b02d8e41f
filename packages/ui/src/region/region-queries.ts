import { errorCodeOf, graphql, type ResultOf } from '@huanjie/client';
import { useQuery, type AnyVariables, type UseQueryState } from 'urql';
import { RegionViewFragment } from './region-fragments.js';

export const HomeQuery = graphql(
  `
    query Home {
      me {
        id
        role
      }
      myRegions {
        id
        name
        level
        villageCount
        ...RegionView
      }
    }
  `,
  [RegionViewFragment],
);

export const RegionQuery = graphql(
  `
    query Region($id: ID!) {
      region(id: $id) {
        id
        ...RegionView
      }
      myRegions {
        id
      }
    }
  `,
  [RegionViewFragment],
);

export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; code: string } | { status: 'ok'; data: T };

function toLoadable<T, V extends AnyVariables>(state: UseQueryState<T, V>): Loadable<T> {
  if (state.data) return { status: 'ok', data: state.data };
  if (state.error) return { status: 'error', code: errorCodeOf(state.error) };
  return { status: 'loading' };
}

export type HomeData = ResultOf<typeof HomeQuery>;
export type RegionData = ResultOf<typeof RegionQuery>;

/** The roots the signed-in user may browse, each with its region view. */
export function useHomeRegions(): Loadable<HomeData> {
  const [state] = useQuery({ query: HomeQuery });
  return toLoadable(state);
}

export function useRegion(id: string): Loadable<RegionData> {
  const [state] = useQuery({ query: RegionQuery, variables: { id } });
  return toLoadable(state);
}
