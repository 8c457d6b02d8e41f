import { errorCodeOf, useMe, type ResultOf } from '@huanjie/client';
import { Alert, Button, Card, Empty, Input, Select, Space, Tag, Typography, message } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { ExportButton } from '../../sheets/export-button.js';
import { useCampaignChoice } from '../campaign/use-campaign.js';
import {
  SaveWorkSummaryNarrativesMutation,
  SummaryRegionsQuery,
  WorkSummaryDraftQuery,
} from './summary-page.graphql.js';

type Draft = ResultOf<typeof WorkSummaryDraftQuery>['workSummaryDraft'];

const SUMMARY_LEVELS = new Set(['county', 'township']);

/** The townships and counties the caller may draft a summary for: its scope, and a county's townships. */
function useSummaryRegions() {
  const [result] = useQuery({ query: SummaryRegionsQuery });
  const options = useMemo(() => {
    const out: { value: string; label: string }[] = [];
    for (const r of result.data?.myRegions ?? []) {
      if (SUMMARY_LEVELS.has(r.level)) out.push({ value: r.id, label: r.name });
      if (r.level === 'county')
        for (const c of r.children)
          if (c.level === 'township') out.push({ value: c.id, label: `${r.name} · ${c.name}` });
    }
    return out;
  }, [result.data]);
  return { options, fetching: result.fetching };
}

/**
 * `/summary` and `/summary/:regionId`: the 工作总结 draft of a township or the county. The figures
 * come from the records and are shown read-only; the narrative paragraphs are edited here, saved,
 * and the Word document is generated on the server. Test ids: nav-summary (the nav entry),
 * summary-generate, summary-save, narrative-<key>.
 */
export function WorkSummaryPage() {
  const t = useT();
  const { regionId: wanted } = useParams();
  const navigate = useNavigate();
  const { me } = useMe();
  const { campaign, fetching: choosing, error: campaignError } = useCampaignChoice(undefined);
  const regions = useSummaryRegions();
  const regionId = wanted ?? regions.options[0]?.value ?? me?.homeRegion.id ?? '';
  const [result] = useQuery({
    query: WorkSummaryDraftQuery,
    variables: { campaignId: campaign?.id ?? '', regionId },
    pause: !campaign || regionId === '',
    requestPolicy: 'network-only',
  });
  if (campaignError) return <PageError code={errorCodeOf(campaignError)} />;
  if (!campaign)
    return choosing ? <PageLoading /> : <Empty description={t('desktop.summary.noCampaign')} />;
  if (!result.data)
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('desktop.summary.title')}
        </Typography.Title>
        <Tag>{t('desktop.summary.campaign', { name: campaign.name })}</Tag>
        {regions.options.length > 1 && (
          <Select
            data-testid="summary-region"
            aria-label={t('desktop.summary.region')}
            style={{ minWidth: 200 }}
            value={regionId}
            options={regions.options}
            onChange={(value) => void navigate(`/summary/${value}`)}
          />
        )}
      </Space>
      <DraftEditor
        key={`${campaign.id}|${regionId}`}
        campaignId={campaign.id}
        regionId={regionId}
        draft={result.data.workSummaryDraft}
      />
    </Space>
  );
}

function DraftEditor({
  campaignId,
  regionId,
  draft: loaded,
}: {
  campaignId: string;
  regionId: string;
  draft: Draft;
}) {
  const t = useT();
  const [draft, setDraft] = useState(loaded);
  const saved = useMemo(() => narrativeTexts(draft), [draft]);
  const [texts, setTexts] = useState(saved);
  const [saving, save] = useMutation(SaveWorkSummaryNarrativesMutation);
  const dirty = Object.entries(texts).some(([k, v]) => saved[k] !== v);

  const onSave = async () => {
    const res = await save({
      campaignId,
      regionId,
      narratives: Object.entries(texts).map(([key, text]) => ({ key, text })),
    });
    const out = res.data?.saveWorkSummaryNarratives;
    if (out?.__typename === 'WorkSummaryDraft') {
      setDraft(out);
      setTexts(narrativeTexts(out));
      void message.success(t('desktop.summary.saved'));
    } else {
      const reason = out && 'message' in out ? out.message : (res.error?.message ?? '');
      void message.error(t('desktop.summary.saveFailed', { reason }));
    }
  };

  return (
    <>
      <Alert
        type="info"
        showIcon
        title={draft.mayEdit ? t('desktop.summary.intro') : t('desktop.summary.readOnly')}
      />
      <Space wrap>
        <ExportButton
          name="work-summary"
          format="docx"
          type="primary"
          params={{ campaignId, regionId }}
          testId="summary-generate"
          disabled={dirty}
        >
          {t('desktop.summary.generate')}
        </ExportButton>
        {draft.mayEdit && (
          <Button
            data-testid="summary-save"
            loading={saving.fetching}
            disabled={!dirty}
            onClick={() => void onSave()}
          >
            {t('desktop.summary.save')}
          </Button>
        )}
        {dirty && <Typography.Text type="warning">{t('desktop.summary.unsaved')}</Typography.Text>}
      </Space>
      <Card data-testid="summary-draft">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {draft.title}
        </Typography.Title>
        {draft.sections.map((section) => (
          <section key={section.key} data-testid={`summary-section-${section.key}`}>
            <Typography.Title level={4}>{section.heading}</Typography.Title>
            {section.paragraphs.map((p, i) =>
              p.kind === 'narrative' && p.key !== null ? (
                <div key={p.key} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{p.label}</Typography.Text>
                  <Input.TextArea
                    data-testid={`narrative-${p.key}`}
                    aria-label={p.label ?? p.key}
                    autoSize={{ minRows: 2, maxRows: 12 }}
                    maxLength={p.maxLength ?? undefined}
                    showCount={p.maxLength !== null}
                    disabled={!draft.mayEdit}
                    placeholder={t('desktop.summary.placeholder', { label: p.label ?? '' })}
                    value={texts[p.key] ?? ''}
                    onChange={(e) => {
                      const key = p.key ?? '';
                      setTexts((all) => ({ ...all, [key]: e.target.value }));
                    }}
                  />
                </div>
              ) : (
                <Typography.Paragraph
                  key={`figures-${String(i)}`}
                  data-testid="summary-figures"
                  style={{ background: '#f5f5f5', padding: '6px 10px', textIndent: '2em' }}
                  title={t('desktop.summary.figures')}
                >
                  {p.text}
                </Typography.Paragraph>
              ),
            )}
          </section>
        ))}
      </Card>
    </>
  );
}

function narrativeTexts(draft: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of draft.sections)
    for (const p of s.paragraphs) if (p.kind === 'narrative' && p.key !== null) out[p.key] = p.text;
  return out;
}
