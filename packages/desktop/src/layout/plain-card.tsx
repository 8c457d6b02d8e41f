import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A bordered white panel drawn like antd's Card, for the screens of the first load (sign-in,
 * passwords): antd's Card brings its tabs, their overflow menu and the skeleton, about a tenth
 * of the first load, for a box.
 */
export function PlainCard({
  children,
  style,
  testId,
}: {
  children: ReactNode;
  style?: CSSProperties;
  testId?: string;
}) {
  const { token } = theme.useToken();
  return (
    <div
      data-testid={testId}
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        padding: token.paddingLG,
        ...style,
      }}
    >
      {children}
    </div>
  );
}
