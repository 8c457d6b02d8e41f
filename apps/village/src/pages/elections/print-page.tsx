import { errorCodeOf } from '@huanjie/client';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { PrintListQuery } from './print-page.graphql.js';

/** `/elections/:id/print`: the formal candidate list as posted, names in 姓氏笔画 order; prints on one A4 page. */
export function CandidateListPrintPage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: PrintListQuery, variables: { id } });
  const navigate = useNavigate();
  const location = useLocation();
  const t = useT();
  if (!result.data)
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  const unit = result.data.electionUnit;
  const posts = [...new Set(unit.formalListInStrokeOrder.map((c) => c.postLabel))];
  return (
    <div className="hj-print" data-testid="print-list">
      <style>{`
        .hj-print { max-width: 760px; margin: 24px auto; padding: 0 16px; font-family: "SimSun", "Songti SC", serif; color: #000; background: #fff; }
        .hj-print h1 { text-align: center; font-size: 24px; margin-bottom: 4px; }
        .hj-print h2 { font-size: 18px; margin: 20px 0 8px; }
        .hj-print table { width: 100%; border-collapse: collapse; }
        .hj-print th, .hj-print td { border: 1px solid #000; padding: 6px 8px; text-align: center; font-size: 15px; }
        .hj-print .note { font-size: 13px; margin-top: 16px; }
        .hj-print .toolbar { display: flex; justify-content: space-between; margin-bottom: 8px; }
        .hj-print .toolbar button { font-size: 16px; padding: 6px 14px; }
        @media print { .hj-print .toolbar { display: none; } body { background: #fff; } @page { size: A4; margin: 18mm; } }
      `}</style>
      <div className="toolbar">
        <button
          type="button"
          data-testid="print-back"
          onClick={() => {
            // opened by a link to this page, there is nothing in the app to go back to
            if (location.key === 'default') void navigate(`/elections/${encodeURIComponent(id)}`);
            else void navigate(-1);
          }}
        >
          {t('village.print.back')}
        </button>
        <button
          type="button"
          onClick={() => {
            window.print();
          }}
        >
          {t('village.print.print')}
        </button>
      </div>
      <h1>{t('village.print.title', { region: unit.region.name, body: unit.bodyLabel })}</h1>
      <p style={{ textAlign: 'center' }}>{t('village.print.order')}</p>
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
