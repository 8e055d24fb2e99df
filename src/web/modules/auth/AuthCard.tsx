import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card on a navy backdrop shared by the login and first-login password pages. */
export function AuthCard({ subtitle, children }: { subtitle: string; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: '24px 16px',
        boxSizing: 'border-box',
        background: 'linear-gradient(160deg, #0f2c4f 0%, #1d4e89 55%, #e9eef5 55.1%)',
      }}
    >
      <div style={{ textAlign: 'center', color: '#fff', marginBottom: 20 }}>
        <div style={{ fontSize: 30, fontWeight: 700, letterSpacing: 6 }}>法治</div>
        <div style={{ fontSize: 16, marginTop: 4, letterSpacing: 1 }}>行政执法监督与绩效考核平台</div>
      </div>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(15,44,79,0.18)' }}>
        <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 20, textAlign: 'center' }}>
          {subtitle}
        </Typography.Title>
        {children}
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        忘记密码请联系本单位系统管理员重置
      </Typography.Text>
    </div>
  );
}
