import { readFragment } from '@huanjie/client';
import { useParams } from 'react-router';
import { RegionViewFragment, useRegion } from '@huanjie/ui';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { RegionView } from './region-view.js';
import { useVillageEntries } from './village-entries.js';

/** `/regions/:id`: any region inside the user's scope. */
export function RegionPage() {
  const { id = '' } = useParams();
  const result = useRegion(id);
  const entries = useVillageEntries(
    result.status === 'ok' ? readFragment(RegionViewFragment, result.data.region) : null,
  );
  switch (result.status) {
    case 'loading':
      return <PageLoading />;
    case 'error':
      return <PageError code={result.code} />;
    case 'ok':
      return (
        <RegionView region={result.data.region} rootIds={result.data.myRegions.map((r) => r.id)}>
          {entries}
        </RegionView>
      );
  }
}
