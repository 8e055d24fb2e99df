import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Descriptions } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api-client.ts';
import { getPartyFull } from '../cases.api.ts';
import type { Party } from '../cases.types.ts';

/**
 * 查看完整信息: asks first (the server records every full view in the audit log), then shows the
 * party's unmasked ID number and phone in a dialog. Nothing is kept in the page's cache.
 */
export function PartyFullViewButton({ caseId, party }: { caseId: number; party: Party }) {
  const { modal, message } = App.useApp();
  const [isLoading, setLoading] = useState(false);

  const show = async () => {
    setLoading(true);
    try {
      const full = await getPartyFull(caseId, party.id);
      modal.info({
        title: `当事人完整信息 · ${full.name}`,
        width: 480,
        okText: '关闭',
        content: (
          <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
            {full.kind === 'person' ? (
              <Descriptions.Item label="身份证号">{full.idNumber ?? '—'}</Descriptions.Item>
            ) : (
              <Descriptions.Item label="统一社会信用代码">{full.uscc ?? '—'}</Descriptions.Item>
            )}
            <Descriptions.Item label="联系电话">{full.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="地址">{full.address ?? '—'}</Descriptions.Item>
          </Descriptions>
        ),
      });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };

  const confirm = () =>
    modal.confirm({
      title: '查看当事人完整信息',
      content:
        '完整的身份证号码和联系电话属于个人信息。本次查看将记入审计日志（查看人、时间、案件），请仅在办案需要时查看。',
      okText: '确认查看',
      cancelText: '取消',
      onOk: show,
    });

  return (
    <Button size="small" type="link" icon={<EyeOutlined />} loading={isLoading} onClick={confirm}>
      查看完整信息
    </Button>
  );
}
