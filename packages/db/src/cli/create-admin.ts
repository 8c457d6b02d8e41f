import { createDb } from '../client.js';
import { createFirstAdmin } from '../first-admin.js';
import { migrate } from '../migrate.js';
import { adminArgs, databaseOptionsFromEnv } from './options.js';

/*
 * The first county admin of an installation:
 *   pnpm --filter @huanjie/db create-admin --region-code 130123000000 --name 'X县' --username admin
 * (add --empty, or HUANJIE_EMPTY=1, for the embedded database of an installation started with
 * `npm start -- --empty`). Creates the county region when no region has the code, and prints a
 * one-time password that the first sign-in replaces.
 */
const args = adminArgs();
const regionCode = args['region-code'];
if (!regionCode) {
  process.stderr.write(
    '用法：create-admin --region-code <12位县级区划代码> [--name <县名>] [--username admin] [--display-name <显示名称>] [--empty]\n',
  );
  process.exit(2);
}
const database = await createDb(databaseOptionsFromEnv(args.empty || undefined));
try {
  await migrate(database);
  const admin = await createFirstAdmin(database.db, {
    regionCode,
    name: args.name,
    username: args.username,
    displayName: args['display-name'],
  });
  const port = process.env.HUANJIE_COUNTY_PORT ?? '5103';
  process.stdout.write(`
  ${admin.countyCreated ? `已创建县级区划：${admin.countyName}（${regionCode}）\n  ` : ''}已创建县换届办管理员账号（${admin.countyName}）
    县级端    http://127.0.0.1:${port}/
    用户名    ${admin.username}
    一次性密码 ${admin.oneTimePassword}
  首次登录后须立即设置新密码；此密码只显示这一次。
`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
