import { errorCodeOf, type ResultOf } from '@huanjie/client';
import type { ReactNode } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { PrintNoticeQuery } from './print-page.graphql.js';

type Unit = ResultOf<typeof PrintNoticeQuery>['electionUnit'];
type Translate = ReturnType<typeof useT>;

export const NOTICE_KINDS = ['voters', 'candidates', 'results'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** "2026-03-20" as a notice dates it: 2026年3月20日. */
export function noticeDate(iso: string, t: Translate): string {
  const [y, m, d] = iso.split('-').map(Number);
  return t('village.print.date', { y: y ?? '', m: m ?? '', d: d ?? '' });
}

/**
 * `/elections/:id/print/:notice`: the notices an election posts, each on A4 through the system print
 * dialog (also from a phone) — 选民名单公告 (`voters`), 正式候选人名单公告 in 姓氏笔画 order
 * (`candidates`, also `/elections/:id/print`), 选举结果公告 (`results`); each signed by its issuing
 * body with the date and the place for the seal.
 */
export function NoticePrintPage() {
  const { id = '', notice } = useParams();
  const kind: NoticeKind = NOTICE_KINDS.includes(notice as NoticeKind)
    ? (notice as NoticeKind)
    : 'candidates';
  const [result] = useQuery({ query: PrintNoticeQuery, variables: { id } });
  const t = useT();
  if (!result.data)
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  const unit = result.data.electionUnit;
  const kinds = NOTICE_KINDS.filter((k) => k !== 'voters' || unit.voterListNotice !== null);
  return (
    <NoticeSheet unit={unit} kind={kind} kinds={kinds}>
      {kind === 'voters' ? (
        <VoterListNotice unit={unit} t={t} />
      ) : kind === 'results' ? (
        <ResultsNotice unit={unit} t={t} />
      ) : (
        <CandidateListNotice unit={unit} t={t} />
      )}
    </NoticeSheet>
  );
}

/** The A4 frame every notice shares: toolbar (not printed), body, issuer, date and seal line. */
function NoticeSheet({
  unit,
  kind,
  kinds,
  children,
}: {
  unit: Unit;
  kind: NoticeKind;
  kinds: readonly NoticeKind[];
  children: ReactNode;
}) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const unitPath = `/elections/${encodeURIComponent(unit.id)}`;
  const issued =
    kind === 'voters' && unit.voterListNotice?.postedOn
      ? unit.voterListNotice.postedOn
      : unit.today;
  return (
    <div className="hj-print" data-testid="print-notice" data-notice={kind}>
      <style>{`
        .hj-print { max-width: 760px; margin: 24px auto; padding: 0 16px; font-family: "SimSun", "Songti SC", serif; color: #000; background: #fff; }
        .hj-print h1 { text-align: center; font-size: 24px; margin-bottom: 4px; }
        .hj-print h2 { font-size: 18px; margin: 20px 0 8px; }
        .hj-print p { font-size: 16px; line-height: 1.8; }
        .hj-print .lead { text-indent: 2em; }
        .hj-print table { width: 100%; border-collapse: collapse; }
        .hj-print th, .hj-print td { border: 1px solid #000; padding: 6px 8px; text-align: center; font-size: 15px; }
        .hj-print .note { font-size: 13px; margin-top: 16px; }
        .hj-print .toolbar { display: flex; flex-wrap: wrap; gap: 8px; justify-content: space-between; margin-bottom: 8px; }
        .hj-print .toolbar button { font-size: 16px; padding: 6px 14px; }
        .hj-print .kinds { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 12px; }
        .hj-print .kinds button[aria-pressed="true"] { font-weight: bold; }
        .hj-print .signature { margin-top: 40px; margin-left: auto; width: fit-content; min-width: 45%; text-align: center; font-size: 16px; line-height: 2; }
        .hj-print .seal { display: inline-block; width: 120px; height: 120px; border: 1px dashed #999; border-radius: 50%; line-height: 120px; color: #666; font-size: 14px; margin-bottom: 8px; }
        @media print {
          .hj-print .toolbar, .hj-print .kinds { display: none; }
          .hj-print { max-width: none; margin: 0; padding: 0; }
          .hj-print .seal { border-color: transparent; }
          body { background: #fff; }
          @page { size: A4; margin: 18mm; }
        }
      `}</style>
      <div className="toolbar">
        <button
          type="button"
          data-testid="print-back"
          onClick={() => {
            // opened by a link to this page, there is nothing in the app to go back to
            if (location.key === 'default') void navigate(unitPath);
            else void navigate(-1);
          }}
        >
          {t('village.print.back')}
        </button>
        <button
          type="button"
          data-testid="print-now"
          onClick={() => {
            window.print();
          }}
        >
          {t('village.print.print')}
        </button>
      </div>
      <div className="kinds" role="group" aria-label={t('village.print.pick')}>
        {kinds.map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={k === kind}
            data-testid={`print-kind-${k}`}
            onClick={() => void navigate(`${unitPath}/print/${k}`, { replace: true })}
          >
            {t(`village.print.kind.${k}`)}
          </button>
        ))}
      </div>
      {children}
      <div className="signature" data-testid="print-signature">
        <div className="seal" data-testid="print-seal">
          {t('village.print.seal')}
        </div>
        <div data-testid="print-issuer">{unit.noticeIssuer}</div>
        <div data-testid="print-date">{noticeDate(issued, t)}</div>
      </div>
    </div>
  );
}

function VoterListNotice({ unit, t }: { unit: Unit; t: Translate }) {
  const notice = unit.voterListNotice;
  if (!notice) return null;
  const unknown = t('village.print.unknown');
  const figure = (n: number | null | undefined) =>
    n === null || n === undefined ? unknown : String(n);
  return (
    <>
      <h1>{t('village.print.voters.title', { region: unit.region.name })}</h1>
      <p className="lead">
        {t('village.print.voters.body', {
          registered: figure(notice.registered),
          listed: figure(notice.listed),
          day: noticeDate(unit.electionDay, t),
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th>{t('village.print.number')}</th>
            <th>{t('village.print.voters.group')}</th>
            <th>{t('village.print.voters.count')}</th>
          </tr>
        </thead>
        <tbody>
          {notice.groups.map((g, i) => (
            <tr key={g} data-testid="print-row">
              <td>{i + 1}</td>
              <td>{g}</td>
              <td />
            </tr>
          ))}
          <tr>
            <td colSpan={2}>{t('village.print.voters.total')}</td>
            <td>{figure(notice.listed ?? notice.registered)}</td>
          </tr>
        </tbody>
      </table>
      <p className="note">{t('village.print.voters.notHeld')}</p>
      <p className="lead" data-testid="print-objection">
        {notice.objectionDeadline
          ? t('village.print.voters.objection', {
              deadline: noticeDate(notice.objectionDeadline, t),
              days: notice.objectionDays,
              decision: notice.decisionDays,
              issuer: unit.noticeIssuer,
            })
          : t('village.print.voters.objectionUnposted', {
              days: notice.objectionDays,
              decision: notice.decisionDays,
              issuer: unit.noticeIssuer,
            })}
      </p>
    </>
  );
}

function CandidateListNotice({ unit, t }: { unit: Unit; t: Translate }) {
  const posts = [...new Set(unit.formalListInStrokeOrder.map((c) => c.postLabel))];
  return (
    <div data-testid="print-list">
      <h1>{t('village.print.title', { region: unit.region.name, body: unit.bodyLabel })}</h1>
      <p style={{ textAlign: 'center' }}>{t('village.print.order')}</p>
      <p className="lead">{t('village.print.candidates.intro', { body: unit.bodyLabel })}</p>
      {posts.map((post) => (
        <section key={post}>
          <h2>{t('village.print.postCandidates', { post })}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('village.print.number')}</th>
                <th>{t('village.person.name')}</th>
                <th>{t('village.person.gender')}</th>
                <th>{t('village.person.ageColumn')}</th>
                <th>{t('village.person.ethnicity')}</th>
                <th>{t('village.person.education')}</th>
                <th>{t('village.person.politicalStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {unit.formalListInStrokeOrder
                .filter((c) => c.postLabel === post)
                .map((c, i) => (
                  <tr key={c.id} data-testid="print-row">
                    <td>{i + 1}</td>
                    <td>{c.person.name}</td>
                    <td>
                      {t(
                        c.person.gender === 'female'
                          ? 'village.person.female'
                          : 'village.person.male',
                      )}
                    </td>
                    <td>{c.person.age ?? ''}</td>
                    <td>{c.person.ethnicity}</td>
                    <td>{c.person.educationLabel ?? ''}</td>
                    <td>{c.person.politicalStatusLabel}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <p className="note">
        {t('village.print.note', { campaign: unit.campaignName, day: unit.electionDay })}
      </p>
    </div>
  );
}

function ResultsNotice({ unit, t }: { unit: Unit; t: Translate }) {
  const result = unit.result;
  const title = (
    <h1>{t('village.print.results.title', { region: unit.region.name, body: unit.bodyLabel })}</h1>
  );
  if (!result) {
    return (
      <>
        {title}
        <p data-testid="print-results-missing">{t('village.print.results.none')}</p>
      </>
    );
  }
  if (result.status !== 'approved' && result.status !== 'submitted') {
    return (
      <>
        {title}
        <p data-testid="print-results-missing">
          {t('village.print.results.pending', { status: result.statusLabel })}
        </p>
      </>
    );
  }
  const heldOn = result.meetings[0]?.heldOn ?? unit.electionDay;
  const posts = [...new Set(result.elected.map((e) => e.postLabel))];
  return (
    <>
      {title}
      <p className="lead">
        {t('village.print.results.body', {
          region: unit.region.name,
          body: unit.bodyLabel,
          day: noticeDate(heldOn, t),
        })}
      </p>
      {posts.map((post) => (
        <section key={post}>
          <h2>{t('village.print.results.elected', { post })}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('village.print.number')}</th>
                <th>{t('village.person.name')}</th>
                <th>{t('village.print.results.votes')}</th>
              </tr>
            </thead>
            <tbody>
              {result.elected
                .filter((e) => e.postLabel === post)
                .map((e, i) => (
                  <tr key={`${e.person.id}-${e.post}`} data-testid="print-row">
                    <td>{i + 1}</td>
                    <td>
                      {e.person.name}
                      {e.writeIn ? t('village.print.results.writeIn') : ''}
                    </td>
                    <td>{e.votes}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
