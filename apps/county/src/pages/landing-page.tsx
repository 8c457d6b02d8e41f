import { useMe } from '@huanjie/client';
import { PageLoading } from '@huanjie/desktop';
import { useCan } from '@huanjie/ui';
import { Navigate } from 'react-router';

/**
 * `/` after sign-in: whoever reads the whole county's campaign (the admin, the leader) lands on
 * its overview; a county supervisor, who reads only the townships assigned to them, on their
 * inspections; anyone else on the region list.
 */
export function LandingPage() {
  const { me, error } = useMe();
  const { can } = useCan();
  if (!me) return error ? <Navigate to="/regions" replace /> : <PageLoading />;
  if (can('campaign.read')) return <Navigate to="/overview" replace />;
  if (can('inspection.record', true)) return <Navigate to="/supervision" replace />;
  return <Navigate to="/regions" replace />;
}
