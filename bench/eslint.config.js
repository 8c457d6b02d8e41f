import config from '@huanjie/eslint-config/base';

export default [...config, { ignores: ['postgraphile/**'] }];
