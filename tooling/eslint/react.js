import reactHooks from 'eslint-plugin-react-hooks';
import base from './base.js';

/** Chinese characters (CJK unified ideographs and the full-width punctuation that goes with them). */
const CJK = '/[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]/';
const MESSAGE = '用户看到的文字放进消息目录 (*-messages.ts)，经 useT 取出，英文界面才能翻译整页';

export default [
  ...base,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Every user-facing string goes through a message catalogue, so the language switch translates
    // whole pages. Catalogues (*-messages.ts, and packages/ui's messages.ts that gathers them) and
    // tests may hold Chinese.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*-messages.ts', '**/i18n/messages.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=${CJK}]`, message: MESSAGE },
        { selector: `TemplateElement[value.raw=${CJK}]`, message: MESSAGE },
        { selector: `JSXText[value=${CJK}]`, message: MESSAGE },
      ],
    },
  },
];
