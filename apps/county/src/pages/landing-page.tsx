import { useMe } from '@huanjie/client';
import { PageLoading } from '@huanjie/desktop';
import { useCan } from '@huanjie/ui';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';

/**
 * `/` after sign-in, by what the domain's policy gives the user: whoever manages the county's
 * regions (the admin) sees the region tree; whoever else reads the whole county's campaign (the
 * leader) lands on its overview; a county supervisor, who reads only the townships assigned to
 * them, on their inspections; a province's or city's user on the rollup of the counties below.
 */
export function LandingPage({ regions }: { regions: ReactNode }) {
  const { me, error } = useMe();
  const { can } = useCan();
  if (!me) return error ? regions : <PageLoading />;
  if (can('rollup.read')) return <Navigate to="/rollup" replace />;
  if (can('region.manage')) return regions;
  if (can('campaign.read')) return <Navigate to="/overview" replace />;
  if (can('inspection.record', true)) return <Navigate to="/supervision" replace />;
  return regions;
}
