import { readFragment, type FragmentOf } from '@huanjie/client';
import { Breadcrumb } from 'antd';
import { Link } from 'react-router';
import { RegionBreadcrumbFragment, regionPath, scopedCrumbs } from '@huanjie/ui';

interface Props {
  region: FragmentOf<typeof RegionBreadcrumbFragment>;
  rootIds: readonly string[];
}

export function RegionBreadcrumb({ region: data, rootIds }: Props) {
  const region = readFragment(RegionBreadcrumbFragment, data);
  const items = [
    ...scopedCrumbs(region.ancestors, region.id, rootIds).map((crumb) => ({
      key: crumb.id,
      title: crumb.browsable ? <Link to={regionPath(crumb.id)}>{crumb.name}</Link> : crumb.name,
    })),
    { key: region.id, title: region.name },
  ];
  return (
    <nav data-testid="breadcrumb">
      <Breadcrumb items={items} />
    </nav>
  );
}
