import { unstableSetRender } from 'antd-mobile';
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';

/**
 * antd-mobile's imperative Toast and Dialog render through ReactDOM.render, which React 19 removed:
 * without this adapter they silently show nothing. (The adapter antd-mobile documents for React 19.)
 */
// eslint-disable-next-line @typescript-eslint/no-deprecated -- the documented React 19 hook; no replacement yet
unstableSetRender((node, container) => {
  const host = container as Element & { __huanjieRoot?: Root };
  host.__huanjieRoot ??= createRoot(container);
  const root = host.__huanjieRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete host.__huanjieRoot;
  };
});
