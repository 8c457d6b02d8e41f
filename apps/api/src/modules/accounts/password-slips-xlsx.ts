import { PassThrough } from 'node:stream';
import { ROLE_INFO } from '@huanjie/domain';
import { exportTitle, writeWorkbook } from '../../xlsx/export-writer.js';
import type { PasswordSlip } from './accounts.service.js';

/**
 * The admin's copy of a batch of one-time passwords, as an xlsx (base64): made once, when the
 * passwords are issued; the server keeps no copy of them.
 */
export async function passwordSlipsXlsx(slips: PasswordSlip[], now: Date): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeWorkbook(out, [
    {
      name: '账号和一次性密码',
      title: exportTitle(['账号和一次性密码（首次登录须修改密码，请妥善保管）'], now),
      columns: [
        { key: 'n', header: '序号', kind: 'number' },
        { key: 'region', header: '所属区划', kind: 'text', width: 24 },
        { key: 'displayName', header: '显示名称', kind: 'text', width: 20 },
        { key: 'role', header: '角色', kind: 'text', width: 16 },
        { key: 'username', header: '用户名', kind: 'text', width: 26 },
        { key: 'password', header: '一次性密码', kind: 'text', width: 18 },
      ],
      rows: slips.map((s, i) => ({
        n: i + 1,
        region: s.regionName,
        displayName: s.displayName,
        role: ROLE_INFO[s.role].label.zh,
        username: s.username,
        password: s.oneTimePassword,
      })),
      policy: { decimals: 1, rounding: 'half_up' },
    },
  ]);
  await ended;
  return Buffer.concat(chunks).toString('base64');
}
