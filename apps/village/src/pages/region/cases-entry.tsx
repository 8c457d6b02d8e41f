import { List } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n.js';

/** On a village's page, the way to its complaints and reports (信访举报). */
export function CasesEntry({ villageId }: { villageId: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <List mode="card" data-testid="cases-entry">
      <List.Item
        clickable
        onClick={() => void navigate(`/villages/${encodeURIComponent(villageId)}/cases`)}
      >
        {t('village.cases.entry')}
      </List.Item>
    </List>
  );
}
