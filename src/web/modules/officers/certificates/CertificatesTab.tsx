import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DATE_RULES } from '../../../../common/date-rules.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { dateRuleItem, disabledDateOf } from '../../../components/date-rules.ts';
import { formatDay } from '../../../components/date-time.ts';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { fromIsoDay, optionalText, toIsoDay } from '../form-dates.ts';
import { CertificateStateTag } from '../OfficerTags.tsx';
import { addCertificateReview, createCertificate, OFFICERS_KEY, updateCertificate } from '../officers.api.ts';
import type { Certificate, CertificateReview, Officer } from '../officers.types.ts';

function expiryText(certificate: Certificate): string {
  if (certificate.isRevoked || certificate.isSuspended) return '';
  if (certificate.daysLeft < 0) return `已过期 ${-certificate.daysLeft} 天`;
  if (certificate.warningLevel) return `还有 ${certificate.daysLeft} 天到期`;
  return '';
}

interface CertificateValues {
  number: string;
  issuer: string;
  area: string;
  categories: string[];
  issuedOn: Dayjs;
  validUntil: Dayjs;
  note?: string;
  isSuspended: boolean;
  isRevoked: boolean;
}

/** 登记 or 修改 a 行政执法证; editing also sets 暂扣 and 注销. */
function CertificateFormDrawer({
  officerId,
  certificate,
  onClose,
}: {
  officerId: number;
  certificate: Certificate | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<CertificateValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [isSaving, setSaving] = useState(false);
  const isCreate = certificate === null;
  const initialValues: Partial<CertificateValues> = certificate
    ? {
        number: certificate.number,
        issuer: certificate.issuer,
        area: certificate.area,
        categories: certificate.categories,
        issuedOn: fromIsoDay(certificate.issuedOn),
        validUntil: fromIsoDay(certificate.validUntil),
        note: certificate.note ?? '',
        isSuspended: certificate.isSuspended,
        isRevoked: certificate.isRevoked,
      }
    : { categories: [], isSuspended: false, isRevoked: false };

  const submit = async (values: CertificateValues) => {
    setSaving(true);
    const input = {
      number: values.number.trim(),
      issuer: values.issuer.trim(),
      area: values.area.trim(),
      categories: values.categories.map((category) => category.trim()).filter(Boolean),
      issuedOn: toIsoDay(values.issuedOn)!,
      validUntil: toIsoDay(values.validUntil)!,
      note: optionalText(values.note),
    };
    try {
      if (isCreate) await createCertificate(officerId, input);
      else
        await updateCertificate(certificate.id, {
          ...input,
          isSuspended: values.isSuspended,
          isRevoked: values.isRevoked,
        });
      message.success(isCreate ? '执法证已登记' : '执法证已保存');
      await queryClient.invalidateQueries({ queryKey: [OFFICERS_KEY] });
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };

  const half = isPhone ? 24 : 12;
  return (
    <Drawer
      open
      title={isCreate ? '登记执法证' : `修改执法证 · ${certificate.number}`}
      size={isPhone ? '100%' : 560}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
            {isCreate ? '登记' : '保存'}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} preserve={false}>
        <Form.Item
          name="number"
          label="执法证编号"
          rules={[
            { required: true, whitespace: true, message: '请填写执法证编号' },
            { pattern: /^[A-Za-z0-9-]+$/, message: '执法证编号只能包含字母、数字和连字符' },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="issuer"
          label="发证机关"
          rules={[{ required: true, whitespace: true, message: '请填写发证机关' }]}
        >
          <Input maxLength={100} placeholder="如：新疆维吾尔自治区人民政府" />
        </Form.Item>
        <Form.Item
          name="area"
          label="执法区域"
          rules={[{ required: true, whitespace: true, message: '请填写执法区域' }]}
        >
          <Input maxLength={100} placeholder="如：博湖县" />
        </Form.Item>
        <Form.Item name="categories" label="执法类别" extra="可输入多项，每项回车确认">
          <Select
            mode="tags"
            open={false}
            placeholder="如：市场监督管理"
            tokenSeparators={['，', ',', '、']}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={half}>
            <Form.Item
              name="issuedOn"
              label="发证日期"
              rules={[{ required: true, message: '请选择发证日期' }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item
              name="validUntil"
              label="有效期至"
              dependencies={['issuedOn']}
              rules={[
                { required: true, message: '请选择有效期' },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: Dayjs | undefined) => {
                    const issuedOn = getFieldValue('issuedOn') as Dayjs | undefined;
                    return value && issuedOn && value.isBefore(issuedOn, 'day')
                      ? Promise.reject(new Error('有效期至不能早于发证日期'))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {!isCreate && (
          <Form.Item label="证件处理">
            <Space size={24}>
              <Form.Item name="isSuspended" valuePropName="checked" noStyle>
                <Checkbox>暂扣</Checkbox>
              </Form.Item>
              <Form.Item name="isRevoked" valuePropName="checked" noStyle>
                <Checkbox>注销</Checkbox>
              </Form.Item>
            </Space>
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

interface ReviewValues {
  reviewedOn: Dayjs;
  result: 'pass' | 'fail';
  note?: string;
}

/** 登记年审 for one certificate. */
function ReviewModal({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const [form] = Form.useForm<ReviewValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: ReviewValues) => {
    setSaving(true);
    try {
      await addCertificateReview(certificate.id, {
        reviewedOn: toIsoDay(values.reviewedOn)!,
        result: values.result,
        note: optionalText(values.note),
      });
      message.success('年审已登记');
      await queryClient.invalidateQueries({ queryKey: [OFFICERS_KEY] });
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
      title={`登记年审 · ${certificate.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reviewedOn: dayjs(), result: 'pass' }}
        onFinish={submit}
        preserve={false}
      >
        <Form.Item
          name="reviewedOn"
          label="年审日期"
          rules={[
            { required: true, message: '请选择年审日期' },
            ...dateRuleItem(DATE_RULES.certificateReviewedOn).rules,
          ]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={disabledDateOf(DATE_RULES.certificateReviewedOn)}
          />
        </Form.Item>
        <Form.Item name="result" label="年审结果" rules={[{ required: true, message: '请选择年审结果' }]}>
          <Radio.Group
            options={[
              { value: 'pass', label: '合格' },
              { value: 'fail', label: '不合格' },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CertificateCard({
  certificate,
  canWrite,
  onEdit,
  onReview,
}: {
  certificate: Certificate;
  canWrite: boolean;
  onEdit: () => void;
  onReview: () => void;
}) {
  const expiry = expiryText(certificate);
  return (
    <Card
      size="small"
      title={
        <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          {certificate.number}
          <CertificateStateTag state={certificate.state} label={certificate.stateLabel} />
          {certificate.isReviewOverdue && <Tag color="error">年审逾期</Tag>}
        </span>
      }
      extra={
        canWrite && (
          <Space size={4} wrap>
            <Button size="small" type="link" onClick={onReview}>
              登记年审
            </Button>
            <Button size="small" type="link" icon={<EditOutlined />} onClick={onEdit}>
              修改
            </Button>
          </Space>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, xl: 3 }}
        items={[
          { key: 'issuer', label: '发证机关', children: certificate.issuer },
          { key: 'area', label: '执法区域', children: certificate.area },
          {
            key: 'categories',
            label: '执法类别',
            children: certificate.categories.length ? certificate.categories.join('、') : '—',
          },
          { key: 'issuedOn', label: '发证日期', children: formatDay(certificate.issuedOn) },
          {
            key: 'validUntil',
            label: '有效期至',
            children: (
              <>
                {formatDay(certificate.validUntil)}
                {expiry && (
                  <Typography.Text
                    type={certificate.daysLeft < 0 ? 'danger' : 'warning'}
                    style={{ marginLeft: 8 }}
                  >
                    {expiry}
                  </Typography.Text>
                )}
              </>
            ),
          },
          ...(certificate.note ? [{ key: 'note', label: '备注', children: certificate.note }] : []),
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>
        年审记录
      </Typography.Text>
      <Table<CertificateReview>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={certificate.reviews}
        locale={{ emptyText: '暂无年审记录' }}
        columns={[
          { title: '年审日期', dataIndex: 'reviewedOn', width: 140, render: formatDay },
          {
            title: '结果',
            dataIndex: 'resultLabel',
            width: 90,
            render: (label: string, review) => (
              <Tag color={review.result === 'pass' ? 'success' : 'error'}>{label}</Tag>
            ),
          },
          { title: '备注', dataIndex: 'note', render: (note: string | null) => note ?? '—' },
        ]}
      />
    </Card>
  );
}

/** 执法证 tab: every certificate with its state and annual reviews; add/edit for writers. */
export function CertificatesTab({ officer, canWrite }: { officer: Officer; canWrite: boolean }) {
  const [editing, setEditing] = useState<Certificate | 'new' | null>(null);
  const [reviewing, setReviewing] = useState<Certificate | null>(null);
  return (
    <>
      {canWrite && (
        <div style={{ marginBottom: 12, textAlign: 'right' }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            登记执法证
          </Button>
        </div>
      )}
      {officer.certificates.some((certificate) => certificate.isReviewOverdue) && (
        <Alert
          type="error"
          showIcon
          title="有执法证年审逾期，请尽快组织年审。"
          style={{ marginBottom: 12 }}
        />
      )}
      {officer.certificates.length === 0 ? (
        <Empty description="尚未登记行政执法证。" />
      ) : (
        officer.certificates.map((certificate) => (
          <CertificateCard
            key={certificate.id}
            certificate={certificate}
            canWrite={canWrite}
            onEdit={() => setEditing(certificate)}
            onReview={() => setReviewing(certificate)}
          />
        ))
      )}
      {editing && (
        <CertificateFormDrawer
          officerId={officer.id}
          certificate={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {reviewing && <ReviewModal certificate={reviewing} onClose={() => setReviewing(null)} />}
    </>
  );
}
