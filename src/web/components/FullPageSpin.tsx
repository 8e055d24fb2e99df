import { Spin } from 'antd';

/** Whole-screen loading, before the session is known. */
export function FullPageSpin() {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" description="正在加载…" />
    </div>
  );
}

/** Loading inside the layout while a page's code arrives. */
export function PageSpin() {
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin description="正在加载…" />
    </div>
  );
}
