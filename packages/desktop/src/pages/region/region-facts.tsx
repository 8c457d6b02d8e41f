import { readFragment, type FragmentOf } from '@huanjie/client';
import { isVillageLevel } from '@huanjie/domain';
import { Card, Descriptions, type DescriptionsProps } from 'antd';
import { formatCount, levelLabel, RegionFactsFragment, useLanguage, useT } from '@huanjie/ui';

export function RegionFacts({ region: data }: { region: FragmentOf<typeof RegionFactsFragment> }) {
  const region = readFragment(RegionFactsFragment, data);
  const t = useT();
  const { language } = useLanguage();
  const items: DescriptionsProps['items'] = [
    { key: 'level', label: t('region.level'), children: levelLabel(region.level, language) },
    { key: 'code', label: t('region.code'), children: region.code },
    {
      key: 'households',
      label: t('region.households'),
      children: formatCount(region.households, language),
    },
    {
      key: 'population',
      label: t('region.population'),
      children: formatCount(region.population, language),
    },
    {
      key: 'childCount',
      label: t('region.childCount'),
      children: formatCount(region.childCount, language),
    },
  ];
  if (!isVillageLevel(region.level) && region.level !== 'group') {
    items.push({
      key: 'villageCount',
      label: t('region.villageCount'),
      children: formatCount(region.villageCount, language),
    });
  }
  if (region.zone) {
    items.push({ key: 'zone', label: t('region.zone'), children: region.zone.name });
    if (region.zone.headName)
      items.push({ key: 'zoneHead', label: t('region.zoneHead'), children: region.zone.headName });
  }
  return (
    <Card size="small" data-testid="region-facts">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
    </Card>
  );
}
