import { graphql, readFragment, type FragmentOf } from '@huanjie/client';
import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n.js';

export const ElectionEntryFragment = graphql(`
  fragment ElectionEntry on ElectionUnit {
    id
    track
    bodyLabel
    electionDay
    result {
      id
      status
      statusLabel
    }
  }
`);

/** On a village's page: its elections (党组织, 村/居委会) with the state of their results. */
export function ElectionEntry({
  units: data,
}: {
  units: readonly FragmentOf<typeof ElectionEntryFragment>[];
}) {
  const navigate = useNavigate();
  const t = useT();
  const units = data.map((u) => readFragment(ElectionEntryFragment, u));
  if (units.length === 0) return null;
  return (
    <List mode="card" header={t('village.elections.header')} data-testid="election-entry">
      {units.map((u) => (
        <List.Item
          key={u.id}
          clickable
          data-testid={`election-unit-${u.track}`}
          description={t('village.electionDay', { day: u.electionDay })}
          extra={
            <Tag
              color={u.result?.status === 'approved' ? 'success' : u.result ? 'primary' : 'default'}
            >
              {u.result?.statusLabel ?? t('village.elections.notEntered')}
            </Tag>
          }
          onClick={() => void navigate(`/elections/${encodeURIComponent(u.id)}`)}
        >
          {u.bodyLabel}
        </List.Item>
      ))}
    </List>
  );
}
