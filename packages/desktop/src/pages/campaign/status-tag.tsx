import type { DisplayStatus, UnitProgress } from '@huanjie/domain';
import { Tag } from 'antd';
import { DISPLAY_COLOR } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { PROGRESS_COLOR } from './presentation.js';

export function StatusTag({ status }: { status: DisplayStatus }) {
  const t = useT();
  return (
    <Tag color={DISPLAY_COLOR[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`desktop.status.${status}`)}
    </Tag>
  );
}

export function ProgressTag({ progress }: { progress: UnitProgress }) {
  const t = useT();
  return (
    <Tag color={PROGRESS_COLOR[progress]} data-progress={progress}>
      {t(`desktop.progress.${progress}`)}
    </Tag>
  );
}
