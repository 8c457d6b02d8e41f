import { graphql, readFragment, type FragmentOf } from '@huanjie/client';
import type { DisplayStatus } from '@huanjie/domain';
import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { DISPLAY_COLOR, daysLeftText } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { campaignPaths } from '../campaign/campaign-paths.js';

export const ResultTaskFragment = graphql(`
  fragment ResultTask on ElectionUnit {
    id
    bodyLabel
    electionDay
    today
    result {
      id
      status
      statusLabel
    }
  }
`);

const StageTasksQuery = graphql(`
  query StageTasks($campaignId: ID!, $villageId: ID!) {
    villageChecklist(campaignId: $campaignId, villageId: $villageId) {
      units {
        trackLabel
        items {
          key
          unitElectionId
          stageCode
          name
          dueDate
          daysLeft
          displayStatus
          displayLabel
        }
      }
    }
  }
`);

/** A stage not yet started or in draft is a task this many days before it is due. */
const DUE_SOON_DAYS = 7;
/** The rest of a long list is on the campaign's checklist. */
const SHOWN = 6;

interface Task {
  key: string;
  title: string;
  detail: string;
  label: string;
  color: string;
  /** Returned first, then results to enter, then late stages, then by days left. */
  order: [number, number];
  path: string;
}

function stageOrder(status: DisplayStatus, daysLeft: number): [number, number] | null {
  if (status === 'returned') return [0, daysLeft];
  if (status === 'overdue') return [2, daysLeft];
  if ((status === 'draft' || status === 'not_started') && daysLeft <= DUE_SOON_DAYS)
    return [3, daysLeft];
  return null;
}

/**
 * What the clerk must do now, first on the village's page: stages returned by the township,
 * overdue or due within a week (of the latest running campaign), and elections held whose results
 * are not entered or were returned.
 */
export function TodayTasks({
  villageId,
  campaignId,
  units: data,
}: {
  villageId: string;
  /** The latest running campaign; null when none runs. */
  campaignId: string | null;
  units: readonly FragmentOf<typeof ResultTaskFragment>[] | null;
}) {
  const navigate = useNavigate();
  const t = useT();
  const [stages] = useQuery({
    query: StageTasksQuery,
    variables: { campaignId: campaignId ?? '', villageId },
    pause: campaignId === null,
  });
  if (data === null || (campaignId !== null && !stages.data)) return null;

  const tasks: Task[] = [];
  if (campaignId !== null) {
    for (const unit of stages.data?.villageChecklist.units ?? []) {
      for (const item of unit.items) {
        const order = stageOrder(item.displayStatus, item.daysLeft);
        if (!order) continue;
        tasks.push({
          key: item.key,
          title: `${unit.trackLabel} · ${item.name}`,
          detail: `${t('village.due', { date: item.dueDate })} · ${daysLeftText(item.daysLeft, t)}`,
          label: item.displayLabel,
          color: DISPLAY_COLOR[item.displayStatus],
          order,
          path: campaignPaths.stage(campaignId, villageId, item.unitElectionId, item.stageCode),
        });
      }
    }
  }
  for (const unit of data.map((u) => readFragment(ResultTaskFragment, u))) {
    const status = unit.result?.status ?? null;
    if (
      unit.electionDay > unit.today ||
      (status !== null && status !== 'draft' && status !== 'returned')
    )
      continue;
    tasks.push({
      key: unit.id,
      title: t('village.tasks.enterResult', { body: unit.bodyLabel }),
      detail: t('village.electionDay', { day: unit.electionDay }),
      label: unit.result?.statusLabel ?? t('village.elections.notEntered'),
      color: DISPLAY_COLOR[status === 'returned' ? 'returned' : 'draft'],
      order: [status === 'returned' ? 0 : 1, 0],
      path: `/elections/${encodeURIComponent(unit.id)}/result`,
    });
  }
  tasks.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);

  return (
    <List mode="card" header={t('village.tasks.header')} data-testid="today-tasks">
      {tasks.length === 0 && (
        <List.Item data-testid="today-tasks-none">{t('village.tasks.none')}</List.Item>
      )}
      {tasks.slice(0, SHOWN).map((task) => (
        <List.Item
          key={task.key}
          clickable
          data-testid="today-task"
          description={task.detail}
          extra={
            <Tag
              style={{
                '--background-color': task.color,
                '--border-color': task.color,
                '--text-color': '#fff',
              }}
            >
              {task.label}
            </Tag>
          }
          onClick={() => void navigate(task.path)}
        >
          {task.title}
        </List.Item>
      ))}
      {campaignId !== null && tasks.length > SHOWN && (
        <List.Item
          clickable
          data-testid="today-tasks-more"
          onClick={() => void navigate(campaignPaths.checklist(campaignId, villageId))}
        >
          {t('village.tasks.more', { n: tasks.length - SHOWN })}
        </List.Item>
      )}
    </List>
  );
}
