import { useParams } from 'react-router';
import { useRegion } from '@huanjie/ui';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { RegionView } from './region-view.js';

/** `/regions/:id`: any region inside the user's scope. */
export function RegionPage() {
  const { id = '' } = useParams();
  const result = useRegion(id);
  switch (result.status) {
    case 'loading':
      return <PageLoading />;
    case 'error':
      return <PageError code={result.code} />;
    case 'ok':
      return (
        <RegionView region={result.data.region} rootIds={result.data.myRegions.map((r) => r.id)} />
      );
  }
}
