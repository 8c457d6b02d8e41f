import type { ResultOf } from '@huanjie/client';
import { errorCodeOf } from '@huanjie/client';
import { Button, Input, List, NoticeBar, Popup, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { compressPhoto } from './compress-photo.js';
import { RecordFollowUpItemMutation, VillageFollowUpQuery } from './follow-up-page.graphql.js';
import { UploadStagePhotoMutation } from './stage-page.graphql.js';

type FollowUp = ResultOf<typeof VillageFollowUpQuery>['villageFollowUp'];
type Item = FollowUp['items'][number];

const STATUS_COLOR: Record<string, string> = {
  done: '#389e0d',
  open: '#8c8c8c',
  overdue: '#cf1322',
};

/** `/campaigns/:c/villages/:v/follow-up`: the handover and the rest of track F, ticked off item by item. */
export function FollowUpPage() {
  const { campaignId = '', villageId = '' } = useParams();
  const [result, refetch] = useQuery({
    query: VillageFollowUpQuery,
    variables: { villageId, campaignId },
    requestPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<Item | null>(null);
  const t = useT();
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const f = result.data.villageFollowUp;
  return (
    <div data-testid="follow-up">
      <div className="hj-m-section">
        <h1 className="hj-m-title">
          {f.village.name} · {t('village.followUp.title')}
        </h1>
        <div className="hj-m-crumbs" data-testid="follow-up-summary">
          {t('village.followUp.summary', {
            day: f.electionDay,
            done: f.done,
            total: f.total,
            overdue: f.overdue,
          })}
        </div>
      </div>
      <List mode="card">
        {f.items.map((item) => (
          <List.Item
            key={item.code}
            clickable={f.canEnter}
            data-testid={`follow-up-item-${item.code}`}
            data-status={item.status}
            onClick={() => {
              if (f.canEnter) setEditing(item);
            }}
            description={
              <>
                <div>
                  {item.stageName} ·{' '}
                  {t('village.followUp.due', { text: item.dueText, date: item.dueDate })}
                </div>
                {item.doneOn ? (
                  <div>
                    {t('village.followUp.doneBy', { date: item.doneOn, who: item.doneBy ?? '' })}
                  </div>
                ) : (
                  <div className="hj-m-muted">{item.hint}</div>
                )}
              </>
            }
            extra={
              <Tag
                style={{
                  '--background-color': STATUS_COLOR[item.status],
                  '--border-color': STATUS_COLOR[item.status],
                  '--text-color': '#fff',
                }}
              >
                {item.statusLabel}
              </Tag>
            }
          >
            {item.name}
          </List.Item>
        ))}
      </List>
      <Popup
        visible={editing !== null}
        onMaskClick={() => {
          setEditing(null);
        }}
        bodyStyle={{ padding: 16, maxHeight: '85vh', overflowY: 'auto' }}
      >
        {editing && (
          <ItemForm
            key={editing.code}
            item={editing}
            villageId={villageId}
            campaignId={campaignId}
            today={f.today}
            onDone={() => {
              setEditing(null);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        )}
      </Popup>
    </div>
  );
}

function ItemForm({
  item,
  villageId,
  campaignId,
  today,
  onDone,
}: {
  item: Item;
  villageId: string;
  campaignId: string;
  today: string;
  onDone: () => void;
}) {
  const t = useT();
  const [doneOn, setDoneOn] = useState(item.doneOn ?? today);
  const [doneBy, setDoneBy] = useState(item.doneBy ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const [fileId, setFileId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, record] = useMutation(RecordFollowUpItemMutation);
  const [uploading, upload] = useMutation(UploadStagePhotoMutation);

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    const photo = await compressPhoto(file);
    const res = await upload({ villageId, mimeType: photo.mimeType, dataBase64: photo.dataBase64 });
    const out = res.data?.uploadStagePhoto;
    if (out?.__typename === 'StagePhoto') setFileId(out.id);
    else setMessage(out && 'message' in out ? out.message : t('village.followUp.failed'));
  };

  const submit = async () => {
    const res = await record({
      input: {
        villageId,
        campaignId,
        itemCode: item.code,
        doneOn,
        doneBy,
        note: note === '' ? null : note,
        fileId,
        expectedVersion: item.version ?? null,
      },
    });
    const out = res.data?.recordFollowUpItem;
    if (out?.__typename === 'VillageFollowUp') {
      Toast.show({ content: t('village.followUp.saved') });
      onDone();
    } else {
      setMessage(out && 'message' in out ? out.message : t('village.followUp.failed'));
    }
  };

  return (
    <div data-testid="follow-up-form">
      <h2 className="hj-m-title">{item.name}</h2>
      <div className="hj-m-muted">
        {t('village.followUp.due', { text: item.dueText, date: item.dueDate })} · {item.citation}
      </div>
      {message && <NoticeBar color="alert" wrap content={message} data-testid="follow-up-error" />}
      <List>
        <List.Item title={t('village.followUp.doneOn')}>
          <Input type="date" value={doneOn} onChange={setDoneOn} data-testid="follow-up-done-on" />
        </List.Item>
        <List.Item title={t('village.followUp.who')}>
          <Input value={doneBy} onChange={setDoneBy} data-testid="follow-up-done-by" />
        </List.Item>
        <List.Item title={t('village.followUp.note')}>
          <TextArea value={note} onChange={setNote} rows={2} />
        </List.Item>
        <List.Item title={t('village.followUp.photo')}>
          <input
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => void onPhoto(e.target.files?.[0])}
          />
        </List.Item>
      </List>
      <Button
        block
        color="primary"
        loading={saving.fetching || uploading.fetching}
        onClick={() => void submit()}
        data-testid="follow-up-save"
        style={{ marginTop: 12 }}
      >
        {t('village.followUp.save')}
      </Button>
      <Button block fill="none" onClick={onDone} style={{ marginTop: 8 }}>
        {t('village.followUp.cancel')}
      </Button>
    </div>
  );
}
