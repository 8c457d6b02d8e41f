import { readFragment, type FragmentOf, type ResultOf } from '@huanjie/client';
import { Flex, Table, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import {
  formatCount,
  levelLabel,
  RegionChildrenFragment,
  regionPath,
  useLanguage,
  useT,
} from '@huanjie/ui';
import { ExportButton } from '../../sheets/export-button.js';

type Child = ResultOf<typeof RegionChildrenFragment>['children'][number];

export function RegionChildrenTable({
  region: data,
}: {
  region: FragmentOf<typeof RegionChildrenFragment>;
}) {
  const region = readFragment(RegionChildrenFragment, data);
  const t = useT();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const count = (value: number | null) => formatCount(value, language);

  // a village's villageCount is itself (1): only worth a column above the village level
  const showVillages = region.children.some((c) => c.level === 'township');
  const showZones = region.children.some((c) => c.zone);

  const columns: TableColumnsType<Child> = [
    {
      key: 'name',
      title: t('region.name'),
      render: (_, child) => (
        <Link
          to={regionPath(child.id)}
          onClick={(e) => {
            e.stopPropagation();
          }}
        >
          {child.name}
        </Link>
      ),
    },
    {
      key: 'level',
      title: t('region.level'),
      render: (_, child) => levelLabel(child.level, language),
    },
    ...(showZones
      ? [
          {
            key: 'zone',
            title: t('region.zone'),
            render: (_: unknown, c: Child) => c.zone?.name ?? '—',
          },
        ]
      : []),
    {
      key: 'childCount',
      title: t('region.childCount'),
      align: 'right',
      render: (_, c) => count(c.childCount),
    },
    ...(showVillages
      ? [
          {
            key: 'villageCount',
            title: t('region.villageCount'),
            align: 'right' as const,
            render: (_: unknown, c: Child) => count(c.villageCount),
          },
        ]
      : []),
    {
      key: 'households',
      title: t('region.households'),
      align: 'right',
      render: (_, c) => count(c.households),
    },
    {
      key: 'population',
      title: t('region.population'),
      align: 'right',
      render: (_, c) => count(c.population),
    },
  ];

  return (
    <div data-testid="region-children">
      {region.children.length > 0 && (
        <Flex justify="end" style={{ marginBottom: 8 }}>
          <ExportButton
            name="region-children"
            testId="region-children-export"
            params={{ regionId: region.id }}
          />
        </Flex>
      )}
      <Table<Child>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={region.children}
        pagination={region.children.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('region.noChildren') }}
        onRow={(child) => ({
          onClick: () => void navigate(regionPath(child.id)),
          style: { cursor: 'pointer' },
        })}
      />
    </div>
  );
}
