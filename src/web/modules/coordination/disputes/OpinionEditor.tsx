import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Modal, Row, Typography } from 'antd';
import { useState } from 'react';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { DOCUMENTS_KEY, findRegisters } from '../../documents/documents.api.ts';
import { useOrgs } from '../../org/org.api.ts';
import { COORDINATION_KEY, type DisputeView, disputeAction } from '../coordination.api.ts';

type DisputeDocument = DisputeView['documents'][number];
const HEADING_PATTERN = /^[一二三四五六七八九十]+、/;

/**
 * The preview's 发文机关 and number line: the bureau that holds the coordination register (博司协)
 * with its prefix and this year, the number itself left to 签发; the county's justice bureau when
 * the register cannot be read.
 */
export function useOpinionIssuer(): { name: string; numberLine: string } {
  const registers = useQuery({
    queryKey: [DOCUMENTS_KEY, 'registers'],
    queryFn: findRegisters,
    retry: false,
  });
  const orgs = useOrgs();
  const register = registers.data?.find((item) => item.code === 'coordination' && item.isActive);
  const bureau = orgs.data?.find((org) => org.kind === 'justice_bureau');
  const name = register?.orgName ?? bureau?.name ?? '（发文机关）';
  const numberLine = register
    ? `${register.prefix}〔${register.year}〕　号（文号待签发时编号）`
    : '文号待签发时编号';
  return { name, numberLine };
}

/**
 * 协调意见书 editor with a live preview laid out as the printed page (一、… lines as headings,
 * every other line a paragraph); the Word file itself comes from the server (下载 Word).
 */
export function OpinionEditor({
  dispute,
  draft,
  onClose,
}: {
  dispute: DisputeView;
  draft: DisputeDocument | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ title: string; body: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const title = Form.useWatch('title', form) ?? '';
  const body = Form.useWatch('body', form) ?? '';
  const issuer = useOpinionIssuer();
  const parties = dispute.parties.map((party) => party.orgName).join('、');
  const save = async (values: { title: string; body: string }) => {
    setSaving(true);
    try {
      if (draft) await disputeAction(dispute.id, `opinions/${draft.id}`, values, 'put');
      else await disputeAction(dispute.id, 'opinions', values);
      await queryClient.invalidateQueries({ queryKey: [COORDINATION_KEY] });
      message.success('协调意见书草稿已保存');
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={1100}
      title={draft ? '修改协调意见书草稿' : '起草协调意见书'}
      okText="保存草稿"
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Row gutter={16}>
        <Col xs={24} md={11}>
          <Form
            form={form}
            layout="vertical"
            onFinish={save}
            initialValues={
              draft
                ? { title: draft.title, body: draft.body }
                : { title: `关于${dispute.matter}争议的协调意见书`, body: '一、职责划分\n\n二、协作要求\n' }
            }
          >
            <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="body"
              label="正文（每行一段；以“一、”“二、”开头的行为小标题）"
              rules={[{ required: true, message: '请填写正文' }]}
            >
              <Input.TextArea rows={16} maxLength={20000} />
            </Form.Item>
          </Form>
        </Col>
        <Col xs={24} md={13}>
          <Typography.Text type="secondary">预览（签发时编号、落款日期）</Typography.Text>
          <section
            style={{
              border: '1px solid #d9d9d9',
              padding: 24,
              marginTop: 8,
              fontFamily: 'SimSun, serif',
              minHeight: 420,
            }}
            aria-label="协调意见书预览"
          >
            <Typography.Title level={3} style={{ textAlign: 'center', color: '#c00' }}>
              {issuer.name}
            </Typography.Title>
            <div style={{ textAlign: 'center' }}>{issuer.numberLine}</div>
            <Typography.Title level={4} style={{ textAlign: 'center' }}>
              {title}
            </Typography.Title>
            <p>{parties}：</p>
            {body
              .split(/\r?\n/)
              .map((line) => line.trim())
              .filter(Boolean)
              .map((line, index) =>
                HEADING_PATTERN.test(line) ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines of a text have no other identity
                  <p key={index} style={{ fontWeight: 'bold' }}>
                    {line}
                  </p>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines of a text have no other identity
                  <p key={index} style={{ textIndent: '2em' }}>
                    {line}
                  </p>
                ),
              )}
            <p style={{ textAlign: 'right', marginTop: 32 }}>{issuer.name}</p>
          </section>
        </Col>
      </Row>
    </Modal>
  );
}
