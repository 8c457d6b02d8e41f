import { useMe } from '@huanjie/client';
import { List } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useT } from '@huanjie/ui';

/** On a village's page, a guidance member's way to its daily report and visit log. */
export function GuidanceEntry({ villageId }: { villageId: string }) {
  const { me } = useMe();
  const t = useT();
  const navigate = useNavigate();
  if (me?.role !== 'guidance_member') return null;
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
