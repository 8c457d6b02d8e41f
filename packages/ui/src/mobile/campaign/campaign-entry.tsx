import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { readFragment } from '@huanjie/client';
import { CampaignSummaryFragment, CampaignsQuery } from '../../campaign/documents.js';
import { campaignPaths } from '../../campaign/presentation.js';

/** On a village's page: the running campaigns, each opening the village's checklist. */
export function CampaignEntry({ villageId }: { villageId: string }) {
  const [result] = useQuery({ query: CampaignsQuery });
  const navigate = useNavigate();
  const running = (result.data?.campaigns ?? [])
    .map((c) => readFragment(CampaignSummaryFragment, c))
    .filter((c) => c.status === 'running');
  if (running.length === 0) return null;
  return (
    <List mode="card" header="换届工作进度填报" data-testid="campaign-entry">
      {running.map((c) => (
        <List.Item
          key={c.id}
          clickable
          data-testid="campaign-entry-item"
          description={`县定选举日 ${c.electionDay} · ${c.orderingLabel}`}
          extra={<Tag color="primary">进行中</Tag>}
          onClick={() => void navigate(campaignPaths.checklist(c.id, villageId))}
        >
          {c.name}
        </List.Item>
      ))}
    </List>
  );
}
