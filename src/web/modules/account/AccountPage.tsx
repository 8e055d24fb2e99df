import { Card, Col, Descriptions, Row } from 'antd';
import { maskPhone } from '../../../common/phone.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { formatDateTime } from '../../components/date-time.ts';
import { OrgChain } from '../../components/OrgChain.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RoleTags } from '../../components/RoleTags.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** 我的账号: own profile and password change. */
export default function AccountPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title="我的账号" description="个人信息由系统管理员维护；如有变动请联系管理员。" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="基本信息">
            <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}>
              <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
              <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
              <Descriptions.Item label="所属机构">
                <OrgChain chain={user.orgChain} />
              </Descriptions.Item>
              <Descriptions.Item label="角色">
                <RoleTags roles={user.roles} />
              </Descriptions.Item>
              <Descriptions.Item label="手机号">
                {user.phone ? maskPhone(user.phone) : '未填写'}
              </Descriptions.Item>
              <Descriptions.Item label="上次登录">
                {user.previousLoginAt ? formatDateTime(user.previousLoginAt) : '本次为首次登录'}
              </Descriptions.Item>
              <Descriptions.Item label="创建时间">{formatDateTime(user.createdAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="修改密码">
            <ChangePasswordForm username={user.username} onChanged={() => undefined} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
