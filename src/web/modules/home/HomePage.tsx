import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { useMenuLinks } from '../../app/menu-links.ts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../app/roles.ts';
import { formatDateTime } from '../../components/date-time.ts';
import { OrgChain } from '../../components/OrgChain.tsx';
import { AlertPanel } from '../workbench/AlertPanel.tsx';
import { TodoPanel } from '../workbench/TodoPanel.tsx';

/** What each quick link is for; pages without a line here are still in the menu. */
const QUICK_LINK_HINTS: Record<string, string> = {
  '/orgs': '查看和维护本级及下级机构',
  '/users': '查看和管理账号、角色、启用状态',
  '/audit': '查询谁在何时做了什么修改',
  '/calendar': '维护节假日调整，推算工作日期限',
  '/account': '查看个人信息，修改登录密码',
};

/**
 * 工作台: the account's to-dos and warnings first (side by side on a wide screen, stacked on a phone),
 * then who they are, their roles and links to the pages they can use.
 */
export default function HomePage() {
  const user = useCurrentUser();
  const links = useMenuLinks().filter((page) => page.path !== '/');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <TodoPanel />
        </Col>
        <Col xs={24} lg={10}>
          <AlertPanel />
        </Col>
      </Row>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {user.displayName}，您好
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          欢迎使用行政执法监督与绩效考核平台。
          {user.previousLoginAt ? `上次登录：${formatDateTime(user.previousLoginAt)}` : '本次为首次登录'}
        </Typography.Paragraph>
        <OrgChain chain={user.orgChain} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="我的角色" style={{ height: '100%' }}>
            <List
              dataSource={user.roles}
              renderItem={(role) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Tag color="blue">{ROLE_LABELS[role] ?? role}</Tag>}
                    description={ROLE_DESCRIPTIONS[role] ?? ''}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="常用功能" style={{ height: '100%' }}>
            <List
              dataSource={links}
              renderItem={(page) => (
                <List.Item extra={<ArrowRightOutlined style={{ color: '#1d4e89' }} />}>
                  <List.Item.Meta
                    avatar={<span style={{ fontSize: 18, color: '#1d4e89' }}>{page.icon}</span>}
                    title={<Link to={page.path}>{page.label}</Link>}
                    description={QUICK_LINK_HINTS[page.path]}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
