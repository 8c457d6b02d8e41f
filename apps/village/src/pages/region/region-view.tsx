import { readFragment, type FragmentOf } from '@huanjie/client';
import { isVillageLevel } from '@huanjie/domain';
import { List } from 'antd-mobile';
import { Fragment, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  formatCount,
  type Language,
  levelLabel,
  RegionBreadcrumbFragment,
  RegionChildrenFragment,
  RegionFactsFragment,
  regionPath,
  RegionViewFragment,
  scopedCrumbs,
  type Translate,
  useLanguage,
  useT,
} from '@huanjie/ui';

interface Props {
  region: FragmentOf<typeof RegionViewFragment>;
  /** The user's browsable roots: crumbs above them are not links. */
  rootIds: readonly string[];
  /** Shown before the facts: a village's tasks and entries, what its clerk comes for. */
  children?: ReactNode;
}

/** One region on a phone: breadcrumb, name, a village's tasks and entries, facts, its children. */
export function RegionView({ region: data, rootIds, children }: Props) {
  const region = readFragment(RegionViewFragment, data);
  return (
    <>
      <div className="hj-m-section">
        <RegionCrumbs region={region} rootIds={rootIds} />
        <h1 className="hj-m-title" data-testid="region-name">
          {region.name}
        </h1>
      </div>
      {children}
      <RegionFacts region={region} />
      <RegionChildren region={region} />
    </>
  );
}

function RegionCrumbs({
  region: data,
  rootIds,
}: {
  region: FragmentOf<typeof RegionBreadcrumbFragment>;
  rootIds: readonly string[];
}) {
  const region = readFragment(RegionBreadcrumbFragment, data);
  return (
    <nav className="hj-m-crumbs" data-testid="breadcrumb">
      {scopedCrumbs(region.ancestors, region.id, rootIds).map((crumb) => (
        <Fragment key={crumb.id}>
          {crumb.browsable ? (
            <Link to={regionPath(crumb.id)}>{crumb.name}</Link>
          ) : (
            <span>{crumb.name}</span>
          )}
          {' / '}
        </Fragment>
      ))}
      <span aria-current="page">{region.name}</span>
    </nav>
  );
}

function RegionFacts({ region: data }: { region: FragmentOf<typeof RegionFactsFragment> }) {
  const region = readFragment(RegionFactsFragment, data);
  const t = useT();
  const { language } = useLanguage();
  const showVillages = !isVillageLevel(region.level) && region.level !== 'group';
  return (
    <List mode="card" data-testid="region-facts">
      <List.Item extra={levelLabel(region.level, language)}>{t('region.level')}</List.Item>
      <List.Item extra={region.code}>{t('region.code')}</List.Item>
      <List.Item extra={formatCount(region.households, language)}>
        {t('region.households')}
      </List.Item>
      <List.Item extra={formatCount(region.population, language)}>
        {t('region.population')}
      </List.Item>
      {showVillages && (
        <List.Item extra={formatCount(region.villageCount, language)}>
          {t('region.villageCount')}
        </List.Item>
      )}
      {region.zone && <List.Item extra={region.zone.name}>{t('region.zone')}</List.Item>}
    </List>
  );
}

function RegionChildren({ region: data }: { region: FragmentOf<typeof RegionChildrenFragment> }) {
  const region = readFragment(RegionChildrenFragment, data);
  const t = useT();
  const { language } = useLanguage();
  const navigate = useNavigate();
  return (
    <List mode="card" header={t('region.children')} data-testid="region-children">
      {region.children.length === 0 && <List.Item>{t('region.noChildren')}</List.Item>}
      {region.children.map((child) => (
        <List.Item
          key={child.id}
          data-region-id={child.id}
          extra={levelLabel(child.level, language)}
          description={childSummary(child, t, language)}
          onClick={() => void navigate(regionPath(child.id))}
        >
          {child.name}
        </List.Item>
      ))}
    </List>
  );
}

function childSummary(
  child: { level: string; childCount: number; villageCount: number; households: number | null },
  t: Translate,
  language: Language,
): string {
  const parts = [`${t('region.childCount')} ${formatCount(child.childCount, language)}`];
  if (child.level === 'township')
    parts.push(`${t('region.villageCount')} ${formatCount(child.villageCount, language)}`);
  if (child.households != null)
    parts.push(`${t('region.households')} ${formatCount(child.households, language)}`);
  return parts.join(' · ');
}
