import { List } from 'antd-mobile';
import { useNavigate } from 'react-router';
import {
  emptyHomeKey,
  type HomeData,
  levelLabel,
  regionPath,
  useHomeRegions,
  useLanguage,
  useT,
} from '@huanjie/ui';
import { PageError, PageLoading, PageNotice } from '../../layout/page-state.js';
import { RegionView } from './region-view.js';
import { useVillageEntries } from './village-entries.js';

/** The user's own village; a picker for a guidance member with several; a notice with none. */
export function HomePage() {
  const home = useHomeRegions();
  const t = useT();
  const only =
    home.status === 'ok' && home.data.myRegions.length === 1 ? home.data.myRegions[0] : null;
  const entries = useVillageEntries(only ?? null);
  switch (home.status) {
    case 'loading':
      return <PageLoading />;
    case 'error':
      return <PageError code={home.code} />;
    case 'ok':
      break;
  }
  const { me, myRegions } = home.data;
  const [first] = myRegions;
  if (!first) return <PageNotice testId="home-empty" text={t(emptyHomeKey(me.role))} />;
  if (myRegions.length === 1) {
    return (
      <RegionView region={first} rootIds={[first.id]}>
        {entries}
      </RegionView>
    );
  }
  return <RegionPicker regions={myRegions} />;
}

function RegionPicker({ regions }: { regions: HomeData['myRegions'] }) {
  const t = useT();
  const { language } = useLanguage();
  const navigate = useNavigate();
  return (
    <List mode="card" header={t('home.pick')} data-testid="region-picker">
      {regions.map((region) => (
        <List.Item
          key={region.id}
          data-region-id={region.id}
          extra={levelLabel(region.level, language)}
          onClick={() => void navigate(regionPath(region.id))}
        >
          {region.name}
        </List.Item>
      ))}
    </List>
  );
}
