import type { ResultOf } from '@huanjie/client';
import { errorCodeOf, readFragment } from '@huanjie/client';
import { TRACK_LABEL } from '@huanjie/domain';
import { Button, Input, List, NoticeBar, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  DISPLAY_COLOR,
  dateOnlyFromRecords,
  daysLeftText,
  heldFactPath,
  StageItemFragment,
  StageRecordFragment,
  useCampaignEvents,
  useLanguage,
} from '@huanjie/ui';
import { useT, type VillageKey } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { compressPhoto } from './compress-photo.js';
import {
  SaveStageMutation,
  StageItemQuery,
  UploadStagePhotoMutation,
} from './stage-page.graphql.js';
import type { FindingView } from './stage-findings.js';
import { StageFindings } from './stage-findings.js';

type StageData = ResultOf<typeof StageItemQuery>['stageItem'];

/** `/campaigns/:c/villages/:v/stages/:unit/:code`: one stage, its rules and its entry form. */
export function StagePage() {
  const { campaignId = '', villageId = '', unitElectionId = '', stageCode = '' } = useParams();
  const [result, refetch] = useQuery({
    query: StageItemQuery,
    variables: { unitElectionId, stageCode },
    requestPolicy: 'cache-and-network',
  });
  useCampaignEvents(campaignId, () => {
    refetch({ requestPolicy: 'network-only' });
  });
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const data = result.data.stageItem;
  const item = readFragment(StageItemFragment, data);
  const record = item.record ? readFragment(StageRecordFragment, item.record) : null;
  return (
    <Stage
      // a new version (saved, reviewed) resets the form to what is stored
      key={`${item.key}:${record?.version ?? 0}`}
      data={data}
      villageId={villageId}
    />
  );
}

function Stage({ data, villageId }: { data: StageData; villageId: string }) {
  const item = readFragment(StageItemFragment, data);
  const record = item.record ? readFragment(StageRecordFragment, item.record) : null;
  const status = item.displayStatus;
  const editable = item.status !== 'submitted' && item.status !== 'approved';
  const blocked = item.gates.filter((g) => !g.approved);
  const t = useT();
  const { language } = useLanguage();
  return (
    <div data-testid="stage-page" data-stage={`${item.track}.${item.stageCode}`}>
      <div className="hj-m-section">
        <div className="hj-m-crumbs">{TRACK_LABEL[item.track][language]}</div>
        <h1 className="hj-m-title">
          {item.name}{' '}
          <Tag
            data-testid="stage-status"
            data-status={item.status}
            data-display={item.displayStatus}
            style={{
              '--background-color': DISPLAY_COLOR[status],
              '--border-color': DISPLAY_COLOR[status],
              '--text-color': '#fff',
            }}
          >
            {item.displayLabel}
          </Tag>
        </h1>
      </div>
      <List mode="card">
        <List.Item extra={item.dueDate} description={item.dueCitation ?? undefined}>
          {t('village.stage.dueDate', { rule: item.dueRuleText })}
        </List.Item>
        <List.Item extra={daysLeftText(item.daysLeft, t)}>
          {t('village.electionDay', { day: item.electionDay })}
        </List.Item>
        <List.Item>{item.hint}</List.Item>
      </List>
      <HeldFacts data={data} />
      {blocked.length > 0 && (
        <NoticeBar
          color="alert"
          wrap
          data-testid="stage-blocked"
          content={t('village.stage.blocked', {
            names: blocked.map((g) => g.name).join(t('village.listSeparator')),
            citation: blocked[0]?.citation ?? '',
          })}
        />
      )}
      {item.status === 'returned' && record?.reviewComment && (
        <NoticeBar
          color="alert"
          wrap
          data-testid="stage-review-comment"
          content={t('village.stage.returned', {
            name: record.reviewedByName ?? '',
            comment: record.reviewComment,
          })}
        />
      )}
      {editable ? <StageForm data={data} villageId={villageId} /> : <RecordView data={data} />}
      <History data={data} />
    </div>
  );
}

/** What the candidates' or the result's records hold for this stage, read-only, and where to enter it. */
function HeldFacts({ data }: { data: StageData }) {
  const item = readFragment(StageItemFragment, data);
  const t = useT();
  if (!item.fact) return null;
  return (
    <List mode="card" header={t('campaign.held.title')} data-testid="stage-held">
      {item.heldFigures.length === 0 && <List.Item>{t('campaign.held.none')}</List.Item>}
      {item.heldFigures.map((f) => (
        <List.Item key={f.key} extra={f.value} data-testid={`held-${f.key}`}>
          {t(`campaign.held.${f.key}` as VillageKey)}
        </List.Item>
      ))}
      <List.Item clickable>
        <Link to={heldFactPath(item.fact, item.electionUnitId)} data-testid="stage-held-link">
          {t(item.fact === 'result' ? 'campaign.held.toResult' : 'campaign.held.toCandidates')}
        </Link>
      </List.Item>
    </List>
  );
}

interface FormState {
  doneDate: string;
  counts: Record<string, string>;
  note: string;
  explanation: string;
  photoId: string | null;
  photoPreview: string | null;
}

function StageForm({ data, villageId }: { data: StageData; villageId: string }) {
  const item = readFragment(StageItemFragment, data);
  const record = item.record ? readFragment(StageRecordFragment, item.record) : null;
  const [state, setState] = useState<FormState>(() => ({
    doneDate: record?.doneDate ?? '',
    counts: Object.fromEntries(
      item.countFields.map((f) => [
        f.key,
        String(record?.counts.find((c) => c.key === f.key)?.value ?? ''),
      ]),
    ),
    note: record?.note ?? '',
    explanation: record?.explanation ?? '',
    photoId: record?.photo?.id ?? null,
    photoPreview: data.record?.photo?.dataUrl ?? null,
  }));
  const [findings, setFindings] = useState<FindingView[]>(
    item.findings.map((f) => ({ ...f, severity: f.severity })),
  );
  const [needsExplanation, setNeedsExplanation] = useState(
    item.findings.some((f) => f.severity === 'warning'),
  );
  const [message, setMessage] = useState<string | null>(null);
  const [saving, save] = useMutation(SaveStageMutation);
  const [uploading, upload] = useMutation(UploadStagePhotoMutation);
  const [compressing, setCompressing] = useState(false);
  const t = useT();

  const set = (patch: Partial<FormState>) => {
    setState((s) => ({ ...s, ...patch }));
  };

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    setCompressing(true);
    try {
      const photo = await compressPhoto(file);
      const res = await upload({
        villageId,
        mimeType: photo.mimeType,
        dataBase64: photo.dataBase64,
      });
      const out = res.data?.uploadStagePhoto;
      if (out?.__typename === 'StagePhoto') {
        set({ photoId: out.id, photoPreview: `data:${photo.mimeType};base64,${photo.dataBase64}` });
        Toast.show({
          content: t('village.stage.photoUploaded', { kb: Math.round(out.size / 1024) }),
        });
      } else {
        Toast.show({
          content: out && 'message' in out ? out.message : t('village.stage.photoFailed'),
        });
      }
    } catch {
      Toast.show({ content: t('village.stage.photoUnreadable') });
    } finally {
      setCompressing(false);
    }
  };

  const submit = async (submitting: boolean) => {
    setMessage(null);
    const res = await save({
      input: {
        unitElectionId: item.unitElectionId,
        stageCode: item.stageCode,
        expectedVersion: record?.version ?? null,
        // where the records fix the date the server takes theirs
        doneDate:
          item.factDate || dateOnlyFromRecords(item.fact) || state.doneDate === ''
            ? null
            : state.doneDate,
        counts: item.countFields.map((f) => {
          const text = state.counts[f.key]?.trim() ?? '';
          return { key: f.key, value: text === '' ? null : Number(text) };
        }),
        note: state.note,
        explanation: state.explanation,
        photoId: state.photoId,
        submit: submitting,
      },
    });
    const out = res.data?.saveStage;
    if (!out) {
      setMessage(t('village.stage.networkFailed'));
      return;
    }
    switch (out.__typename) {
      case 'StageItem': {
        // the page re-reads the stage (its version changed) and shows what is left to do
        setFindings([]);
        Toast.show({
          icon: 'success',
          content: t(submitting ? 'village.stage.submitted' : 'village.stage.draftSaved'),
        });
        return;
      }
      case 'RuleViolationError': {
        setFindings(out.findings.map((f) => ({ ...f })));
        const onlyWarnings = out.findings.every((f) => f.severity === 'warning');
        setNeedsExplanation(out.findings.some((f) => f.severity === 'warning'));
        setMessage(onlyWarnings ? t('village.stage.explainFirst') : out.message);
        return;
      }
      case 'ConflictError':
      case 'ForbiddenError':
      case 'NotFoundError':
      case 'ValidationError':
        setMessage(out.message);
    }
  };

  const groups: { title: string; group: string }[] = [
    { title: t('village.stage.group.main'), group: 'main' },
    { title: t('village.stage.group.addition'), group: 'addition' },
    { title: t('village.stage.group.removal'), group: 'removal' },
  ];
  const busy = saving.fetching || uploading.fetching || compressing;
  return (
    <div data-testid="stage-form">
      <List mode="card" header={t('village.stage.completion')}>
        {item.factDate ? (
          // one date for one fact: the records fix it (the formal list's posting, the 公示's end)
          <List.Item extra={item.factDate} data-testid="stage-fact-date">
            {t('campaign.held.dateFixed')}
          </List.Item>
        ) : dateOnlyFromRecords(item.fact) ? (
          <List.Item data-testid="stage-fact-date">{t('campaign.held.dateMissing')}</List.Item>
        ) : (
          <List.Item title={t('village.stage.doneDate')}>
            <input
              type="date"
              className="hj-m-date"
              value={state.doneDate}
              data-testid="stage-done-date"
              onChange={(e) => {
                set({ doneDate: e.target.value });
              }}
            />
          </List.Item>
        )}
      </List>
      {groups.map(({ title, group }) => {
        const fields = item.countFields.filter((f) => f.group === group);
        if (fields.length === 0) return null;
        return (
          <List mode="card" header={title} key={group}>
            {fields.map((f) => (
              <List.Item key={f.key} title={`${f.label}${f.required ? ' *' : ''}`}>
                <Input
                  type="number"
                  inputMode="numeric"
                  placeholder="0"
                  value={state.counts[f.key] ?? ''}
                  data-testid={`stage-count-${f.key}`}
                  onChange={(v) => {
                    set({ counts: { ...state.counts, [f.key]: v } });
                  }}
                />
              </List.Item>
            ))}
          </List>
        );
      })}
      {item.photoRequired && (
        <List mode="card" header={t('village.stage.photoHeader')}>
          <List.Item>
            {state.photoPreview && (
              <img
                src={state.photoPreview}
                alt={t('village.stage.photo')}
                className="hj-m-photo"
                data-testid="stage-photo-preview"
              />
            )}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              data-testid="stage-photo-input"
              onChange={(e) => void onPhoto(e.target.files?.[0])}
            />
            {compressing && <div className="hj-m-muted">{t('village.stage.compressing')}</div>}
          </List.Item>
        </List>
      )}
      <List mode="card" header={t('village.stage.note')}>
        <List.Item>
          <TextArea
            value={state.note}
            rows={2}
            maxLength={2000}
            data-testid="stage-note"
            onChange={(v) => {
              set({ note: v });
            }}
          />
        </List.Item>
      </List>
      {(needsExplanation || state.explanation !== '') && (
        <List mode="card" header={t('village.stage.explanationHeader')}>
          <List.Item>
            <TextArea
              value={state.explanation}
              rows={3}
              maxLength={2000}
              placeholder={t('village.stage.explanationExample')}
              data-testid="stage-explanation"
              onChange={(v) => {
                set({ explanation: v });
              }}
            />
          </List.Item>
        </List>
      )}
      {message && <NoticeBar color="alert" wrap content={message} data-testid="stage-message" />}
      <StageFindings findings={findings} title={t('village.stage.checkResults')} />
      <div className="hj-m-actions">
        <Button block disabled={busy} onClick={() => void submit(false)} data-testid="stage-save">
          {t('village.stage.saveDraft')}
        </Button>
        <Button
          block
          color="primary"
          loading={saving.fetching}
          disabled={busy}
          onClick={() => void submit(true)}
          data-testid="stage-submit"
        >
          {t('village.stage.submit')}
        </Button>
      </div>
    </div>
  );
}

function RecordView({ data }: { data: StageData }) {
  const item = readFragment(StageItemFragment, data);
  const record = item.record ? readFragment(StageRecordFragment, item.record) : null;
  const t = useT();
  if (!record) return null;
  return (
    <>
      <NoticeBar
        color={item.status === 'approved' ? 'info' : 'default'}
        wrap
        content={
          item.status === 'approved'
            ? t('village.stage.approved', { name: record.reviewedByName ?? '' })
            : t('village.stage.awaitingReview')
        }
      />
      <List mode="card" header={t('village.stage.record')} data-testid="stage-record">
        <List.Item extra={record.doneDate}>{t('village.stage.doneDate')}</List.Item>
        {record.counts.map((c) => (
          <List.Item key={c.key} extra={c.value}>
            {c.label}
          </List.Item>
        ))}
        {record.note && <List.Item description={record.note}>{t('village.stage.note')}</List.Item>}
        {record.explanation && (
          <List.Item description={record.explanation}>{t('village.stage.explanation')}</List.Item>
        )}
        <List.Item
          extra={t('village.stage.enteredBy', {
            name: record.enteredByName,
            role: record.enteredRoleLabel,
          })}
        >
          {t('village.stage.enteredByLabel')}
        </List.Item>
      </List>
      {data.record?.photo?.dataUrl && (
        <List mode="card" header={t('village.stage.photo')}>
          <List.Item>
            <img
              src={data.record.photo.dataUrl}
              alt={t('village.stage.photo')}
              className="hj-m-photo"
            />
          </List.Item>
        </List>
      )}
      <StageFindings
        findings={record.warnings.map((w) => ({ ...w }))}
        title={t('village.stage.explained')}
      />
    </>
  );
}

function History({ data }: { data: StageData }) {
  const history = data.record?.history ?? [];
  const t = useT();
  const { language } = useLanguage();
  if (history.length === 0) return null;
  return (
    <List mode="card" header={t('village.stage.history')} data-testid="stage-history">
      {history.map((h, i) => (
        <List.Item
          key={`${h.at}-${i}`}
          description={h.comment ?? undefined}
          extra={new Date(h.at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en', {
            hour12: false,
          })}
        >
          {h.actionLabel} · {h.userName ?? t('village.stage.system')}
          {h.roleLabel ? t('village.stage.role', { role: h.roleLabel }) : ''}
        </List.Item>
      ))}
    </List>
  );
}
