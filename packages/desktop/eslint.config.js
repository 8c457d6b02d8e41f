import config from '@huanjie/eslint-config/react';

export default config;
