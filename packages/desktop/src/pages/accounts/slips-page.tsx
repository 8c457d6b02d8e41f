import { Button, Empty } from 'antd';
import { useSession } from '@huanjie/ui';
import { Link } from 'react-router';
import { useT } from '../../i18n.js';
import { appAddress, issuedSlips } from './issued-slips.js';
import './slips.css';

/**
 * `/accounts/slips`: the last batch of one-time passwords as an A4 sheet of slips, one per account
 * (app address, username, one-time password, region), with cut lines between them.
 */
export function PasswordSlipsPage() {
  const t = useT();
  const { app } = useSession();
  const slips = issuedSlips();
  if (slips.length === 0) {
    return (
      <div style={{ padding: 48 }} data-testid="slips-empty">
        <Empty description={t('slips.empty')}>
          <Link to="/accounts">
            <Button>{t('slips.back')}</Button>
          </Link>
        </Empty>
      </div>
    );
  }
  return (
    <div className="hj-slips" data-testid="slips-page">
      <div className="hj-slips-toolbar">
        <Link to="/accounts">
          <Button>{t('slips.back')}</Button>
        </Link>
        <Button
          type="primary"
          onClick={() => {
            window.print();
          }}
          data-testid="slips-print"
        >
          {t('accounts.print')}
        </Button>
      </div>
      <div className="hj-slips-sheet">
        {slips.map((s) => (
          <section className="hj-slip" key={s.username} data-testid="slip">
            <div className="hj-slip-head">
              {t(`app.title.${s.app}`)} · {s.regionName}
            </div>
            <table>
              <tbody>
                <tr>
                  <th>{t('slips.app')}</th>
                  <td>{appAddress(s.app, app)}</td>
                </tr>
                <tr>
                  <th>{t('accounts.displayName')}</th>
                  <td>{t('slips.person', { name: s.displayName, role: s.roleLabel })}</td>
                </tr>
                <tr>
                  <th>{t('accounts.username')}</th>
                  <td className="hj-slip-mono" data-testid="slip-username">
                    {s.username}
                  </td>
                </tr>
                <tr>
                  <th>{t('accounts.oneTimePassword')}</th>
                  <td className="hj-slip-mono" data-testid="slip-password">
                    {s.oneTimePassword}
                  </td>
                </tr>
              </tbody>
            </table>
            <div className="hj-slip-note">{t('slips.note')}</div>
            <div className="hj-slip-cut">{t('slips.cut')}</div>
          </section>
        ))}
      </div>
    </div>
  );
}
