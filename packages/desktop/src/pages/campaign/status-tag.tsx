import type { DisplayStatus, UnitProgress } from '@huanjie/domain';
import { Tag } from 'antd';
import { PROGRESS_COLOR, displayLabel, progressLabel } from './presentation.js';
import { DISPLAY_COLOR } from '@huanjie/ui';

export function StatusTag({ status, label }: { status: DisplayStatus; label?: string }) {
  return (
    <Tag color={DISPLAY_COLOR[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {label ?? displayLabel(status)}
    </Tag>
  );
}

export function ProgressTag({ progress }: { progress: UnitProgress }) {
  return (
    <Tag color={PROGRESS_COLOR[progress]} data-progress={progress}>
      {progressLabel(progress)}
    </Tag>
  );
}
