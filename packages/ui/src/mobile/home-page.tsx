import { List } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { levelLabel } from '../i18n/labels.js';
import { useLanguage, useT } from '../i18n/language.js';
import { emptyHomeKey } from '../region/page-error.js';
import { regionPath } from '../region/region-path.js';
import { useHomeRegions, type HomeData } from '../region/region-queries.js';
import { PageError, PageLoading, PageNotice } from './page-state.js';
import { RegionView } from './region-view.js';

/** The user's own village; a picker for a guidance member with several; a notice with none. */
export function HomePage() {
  const home = useHomeRegions();
  const t = useT();
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
  if (myRegions.length === 1) return <RegionView region={first} rootIds={[first.id]} />;
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
