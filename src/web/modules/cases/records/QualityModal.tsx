import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { QUALITY_GRADE_OPTIONS } from '../case-labels.ts';
import { CASES_KEY, getCaseReviewResult, setCaseQuality } from '../cases.api.ts';
import type { CaseDetail, QualityGrade } from '../cases.types.ts';

interface Values {
  opinion: string;
  grade: QualityGrade;
}

/** 法制部门案件质量分析意见 with its grade (seed 000 填表说明4: filled in by the legal unit). */
export function QualityModal({ item, onClose }: { item: CaseDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const [isFilling, setFilling] = useState(false);

  /** 填表说明4: the grade and opinion from the latest published review of this file. */
  const fillFromReview = async () => {
    setFilling(true);
    try {
      const { result } = await getCaseReviewResult(item.id);
      if (!result) {
        message.info('本案卷尚无已公布的评查结果');
        return;
      }
      form.setFieldsValue({ grade: result.band, opinion: result.suggestedOpinion });
      message.success(`已按「${result.campaignName}」的评查结果填写，请核对后保存`);
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setFilling(false);
    }
  };

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const saved = await setCaseQuality(item.id, { opinion: values.opinion.trim(), grade: values.grade });
      queryClient.setQueryData([CASES_KEY, 'detail', item.id], saved);
      await queryClient.invalidateQueries({ queryKey: [CASES_KEY, 'list'] });
      message.success('案件质量分析意见已保存');
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
      title="法制部门案件质量分析意见"
      okText="保存"
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ opinion: item.qualityOpinion ?? '', grade: item.qualityGrade ?? undefined }}
        onFinish={submit}
      >
        <Form.Item>
          <Button onClick={fillFromReview} loading={isFilling}>
            按案卷评查结果填写
          </Button>
        </Form.Item>
        <Form.Item name="grade" label="质量等次" rules={[{ required: true, message: '请选择质量等次' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={QUALITY_GRADE_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="opinion"
          label="分析意见"
          extra="根据案卷评查等情况填写。"
          rules={[
            { required: true, whitespace: true, message: '请填写案件质量分析意见' },
            { max: 5000, message: '不能超过 5000 个字符' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
