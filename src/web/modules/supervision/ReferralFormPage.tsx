import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { AttachmentPicker, uploadEach } from '../../components/AttachmentUpload.tsx';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { toIsoDay } from '../officers/form-dates.ts';
import { createReferral, SUPERVISION_KEY, uploadSupervisionAttachment } from './supervision.api.ts';
import { UnitSelect } from './UnitSelect.tsx';

interface Values {
  unitId: number;
  inspectedOn: Dayjs;
  place: string;
  facts: string;
  findings: string;
  suggestion?: string;
  contactPhone?: string;
  photos?: UploadFile[];
}

/**
 * 提请县司法局处理 (第十七条): the justice office's form, made for a phone on site — the unit
 * inspected, when and where, what was found, a suggestion, a phone number and photos.
 */
export default function ReferralFormPage() {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const referral = await createReferral({
        unitId: values.unitId,
        inspectedOn: toIsoDay(values.inspectedOn) ?? '',
        place: values.place,
        facts: values.facts,
        findings: values.findings,
        suggestion: values.suggestion?.trim() || null,
        contactPhone: values.contactPhone?.trim() || null,
      });
      const failures = await uploadEach(values.photos ?? [], (file) =>
        uploadSupervisionAttachment('referrals', referral.id, file),
      );
      await queryClient.invalidateQueries({ queryKey: [SUPERVISION_KEY] });
      if (failures.length > 0)
        modal.warning({
          title: '已提请，但有照片未能上传，可在提请详情中补传',
          content: failures.join('；'),
        });
      else message.success('已提请县司法局处理');
      navigate(`/supervision/referrals/${referral.id}`, { replace: true });
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <PageHeader
        title="提请县司法局处理"
        description="日常检查中发现的违法或不当行政执法行为（协调监督工作办法第十七条）"
      />
      <Card style={{ maxWidth: 720 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ inspectedOn: dayjs() }}
          size="large"
        >
          <Form.Item
            name="unitId"
            label="被检查单位"
            rules={[{ required: true, message: '请选择被检查单位' }]}
          >
            <UnitSelect placeholder="本乡镇综合行政执法机构或站所" />
          </Form.Item>
          <Form.Item
            name="inspectedOn"
            label="检查日期"
            rules={[{ required: true, message: '请选择检查日期' }]}
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item name="place" label="检查地点" rules={[{ required: true, message: '请填写检查地点' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="facts" label="检查情况" rules={[{ required: true, message: '请填写检查情况' }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item
            name="findings"
            label="发现的违法或不当行政执法行为"
            rules={[{ required: true, message: '请填写发现的问题' }]}
          >
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item name="suggestion" label="处理建议">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话">
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
          <Form.Item name="photos" label="现场照片、材料">
            <AttachmentPicker buttonText="拍照或选择文件" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isSaving}>
            提请处理
          </Button>
          <Button
            block
            type="text"
            style={{ marginTop: 8 }}
            onClick={() => navigate('/supervision/referrals')}
          >
            取消
          </Button>
        </Form>
      </Card>
    </>
  );
}
