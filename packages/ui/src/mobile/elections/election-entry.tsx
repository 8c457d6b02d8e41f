import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { ElectionUnitsQuery } from '../../elections/documents.js';

/** On a village's page: its elections (党组织, 村/居委会) with the state of their results. */
export function ElectionEntry({ villageId }: { villageId: string }) {
  const [result] = useQuery({ query: ElectionUnitsQuery, variables: { regionId: villageId } });
  const navigate = useNavigate();
  const units = result.data?.electionUnits ?? [];
  if (units.length === 0) return null;
  return (
    <List mode="card" header="换届选举：候选人与选举结果" data-testid="election-entry">
      {units.map((u) => (
        <List.Item
          key={u.id}
          clickable
          data-testid={`election-unit-${u.track}`}
          description={`选举日 ${u.electionDay}`}
          extra={
            <Tag
              color={u.result?.status === 'approved' ? 'success' : u.result ? 'primary' : 'default'}
            >
              {u.result?.statusLabel ?? '未录入'}
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
