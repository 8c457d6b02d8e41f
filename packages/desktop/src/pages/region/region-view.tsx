import { readFragment, type FragmentOf } from '@huanjie/client';
import { Flex, Typography } from 'antd';
import { RegionViewFragment, useT } from '@huanjie/ui';
import { RegionBreadcrumb } from './region-breadcrumb.js';
import { RegionChildrenTable } from './region-children-table.js';
import { RegionFacts } from './region-facts.js';

interface Props {
  region: FragmentOf<typeof RegionViewFragment>;
  /** The user's browsable roots: crumbs above them are not links. */
  rootIds: readonly string[];
}

/** One region: breadcrumb, name, facts and a table of its children. */
export function RegionView({ region: data, rootIds }: Props) {
  const region = readFragment(RegionViewFragment, data);
  const t = useT();
  return (
    <Flex vertical gap={16}>
      <RegionBreadcrumb region={region} rootIds={rootIds} />
      <Typography.Title level={2} style={{ margin: 0 }} data-testid="region-name">
        {region.name}
      </Typography.Title>
      <RegionFacts region={region} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('region.children')}
      </Typography.Title>
      <RegionChildrenTable region={region} />
    </Flex>
  );
}
