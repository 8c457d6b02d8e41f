import { List } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useCan, useT } from '@huanjie/ui';

/** On a village's page, a guidance member's way to its daily report and visit log. */
export function GuidanceEntry({ villageId }: { villageId: string }) {
  const { can } = useCan();
  const t = useT();
  const navigate = useNavigate();
  // logging visits and daily reports is the guidance member's own work (policy.ts, guidance.log)
  if (!can('guidance.log', true)) return null;
  return (
    <List mode="card" data-testid="guidance-entry">
      <List.Item
        clickable
        onClick={() => void navigate(`/guidance/${encodeURIComponent(villageId)}`)}
      >
        {t('guidance.entry')}
      </List.Item>
    </List>
  );
}
