import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/api-client.ts';
import { formatDay } from '../../components/date-time.ts';
import { CertificateStateTag } from '../officers/OfficerTags.tsx';
import { lookUpCertificate, type PublicCertificate } from './disclosure.api.ts';

interface Values {
  number: string;
  name: string;
}

/** 执法证查询 (public, no login): certificate number + holder name → the certificate's public facts. */
export default function CertificateLookupPage() {
  const [result, setResult] = useState<PublicCertificate | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isSearching, setSearching] = useState(false);

  const search = async (values: Values) => {
    setSearching(true);
    setFailure(null);
    setResult(null);
    try {
      setResult(await lookUpCertificate(values.number.trim(), values.name.trim()));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSearching(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#eef2f7', display: 'flex', flexDirection: 'column' }}>
      <header style={{ background: '#0f2c4f', color: '#fff', padding: '18px 16px', textAlign: 'center' }}>
        <div style={{ fontSize: 13, letterSpacing: 2, opacity: 0.85 }}>行政执法监督与绩效考核平台</div>
        <h1 style={{ margin: '4px 0 0', fontSize: 22, fontWeight: 700, letterSpacing: 4, color: '#fff' }}>
          行政执法证查询
        </h1>
      </header>
      <main
        style={{
          flex: 1,
          width: '100%',
          maxWidth: 560,
          margin: '0 auto',
          padding: '20px 12px',
          boxSizing: 'border-box',
        }}
      >
        <Card>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            请输入行政执法证号码和持证人姓名，核验执法人员身份及证件是否有效。
          </Typography.Paragraph>
          <Form<Values> layout="vertical" onFinish={search} requiredMark={false} size="large">
            <Form.Item
              name="number"
              label="执法证号码"
              rules={[{ required: true, whitespace: true, message: '请输入执法证号码' }]}
            >
              <Input placeholder="证件上的执法证号" maxLength={40} autoComplete="off" inputMode="text" />
            </Form.Item>
            <Form.Item
              name="name"
              label="持证人姓名"
              rules={[{ required: true, whitespace: true, message: '请输入持证人姓名' }]}
            >
              <Input placeholder="与证件上的姓名一致" maxLength={50} autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block icon={<SearchOutlined />} loading={isSearching}>
              查询
            </Button>
          </Form>
        </Card>
        {failure && <Alert type="warning" showIcon title={failure} role="alert" style={{ marginTop: 16 }} />}
        {result && (
          <Card
            style={{ marginTop: 16, borderTop: '4px solid #1d4e89' }}
            title={
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                <SafetyCertificateOutlined style={{ color: '#1d4e89' }} />
                查询结果
              </span>
            }
            extra={<CertificateStateTag state={result.state} label={result.stateLabel} />}
            aria-label="查询结果"
          >
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: 96 } }}
              items={[
                { key: 'name', label: '持证人', children: result.name },
                { key: 'agency', label: '执法单位', children: result.agency },
                { key: 'area', label: '执法区域', children: result.area },
                {
                  key: 'categories',
                  label: '执法类别',
                  children: result.categories.length ? result.categories.join('、') : '—',
                },
                {
                  key: 'validity',
                  label: '有效期',
                  children: `${formatDay(result.issuedOn)} 至 ${formatDay(result.validUntil)}`,
                },
                {
                  key: 'state',
                  label: '证件状态',
                  children: <CertificateStateTag state={result.state} label={result.stateLabel} />,
                },
              ]}
            />
            {result.state !== 'valid' && result.state !== 'expiring' && (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 12 }}
                title={`该证件当前状态为“${result.stateLabel}”，持证人不得从事行政执法活动。`}
              />
            )}
          </Card>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 20, textAlign: 'center' }}>
          如对执法人员身份有疑问，请向当地司法局行政执法监督机构反映。
          <br />
          <Link to="/login">工作人员登录</Link>
        </Typography.Paragraph>
      </main>
    </div>
  );
}
