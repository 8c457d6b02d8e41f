import { Spin } from 'antd';

/** A page's spinner, kept apart from PageError (whose Result brings illustrations) for the first load. */
export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin size="large" />
    </div>
  );
}
