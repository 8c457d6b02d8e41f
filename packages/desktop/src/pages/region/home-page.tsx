import { List, Result } from 'antd';
import { Link } from 'react-router';
import {
  emptyHomeKey,
  formatCount,
  type HomeData,
  levelLabel,
  regionPath,
  useHomeRegions,
  useLanguage,
  useT,
} from '@huanjie/ui';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { RegionView } from './region-view.js';

/** The user's own region; a picker when they have several roots; a notice when they have none. */
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
  if (!first) {
    return (
      <div data-testid="home-empty">
        <Result status="info" title={t(emptyHomeKey(me.role))} />
      </div>
    );
  }
  if (myRegions.length === 1) return <RegionView region={first} rootIds={[first.id]} />;
  return <RegionPicker regions={myRegions} />;
}

function RegionPicker({ regions }: { regions: HomeData['myRegions'] }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <List
      data-testid="region-picker"
      header={t('home.pick')}
      bordered
      dataSource={regions}
      renderItem={(region) => (
        <List.Item key={region.id} extra={levelLabel(region.level, language)}>
          <Link to={regionPath(region.id)}>{region.name}</Link>
          <span style={{ marginInlineStart: 12, color: '#888' }}>
            {t('region.villageCount')} {formatCount(region.villageCount, language)}
          </span>
        </List.Item>
      )}
    />
  );
}
