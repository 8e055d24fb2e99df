import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CatalogueItem } from '../../../../server/modules/assessment/schemes/scheme-catalogue.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { AttachmentPicker, uploadEach } from '../../../components/AttachmentUpload.tsx';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { toIsoDay } from '../../officers/form-dates.ts';
import { ASSESSMENT_KEY, createRecord, uploadRecordAttachment } from '../assessment.api.ts';
import type { EvidenceKind, PeriodDetail } from '../assessment.types.ts';
import { SubjectPicker } from './SubjectPicker.tsx';

interface Values {
  subjectKey?: string;
  item?: string;
  occurredOn?: Dayjs;
  count: number;
  level?: string;
  value?: number;
  fact?: string;
  evidenceKind?: EvidenceKind;
  evidenceId?: string;
  note?: string;
  /** evidence files, uploaded once the record is saved */
  files?: UploadFile[];
}

const EVIDENCE_OPTIONS: { value: EvidenceKind; label: string }[] = [
  { value: 'case', label: '执法案件（编号）' },
  { value: 'complaint', label: '投诉举报（编号）' },
  { value: 'case_file', label: '案卷（编号）' },
  { value: 'link', label: '链接' },
];

const ITEM_KIND_LABELS: Record<string, string> = {
  item: '',
  averaged: '单件评分',
  veto: '一票否决',
  ceiling: '等次限制',
};

/** 记录扣分/加分: one record against an item of the assessor's own groups. */
export function RecordFormDrawer({
  period,
  items,
  onClose,
}: {
  period: PeriodDetail;
  /** the items the actor may record (its groups'; every one for the office) */
  items: CatalogueItem[];
  onClose(): void;
}) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const itemId = Form.useWatch('item', form);
  const item = items.find((candidate) => candidate.id === itemId);
  const groupLabel = (groupId: string | null) =>
    period.groups.find((group) => group.id === groupId)?.label ?? '考核办记录';

  const [isSaving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const saved = await createRecord(period.id, {
        subjectKey: values.subjectKey!,
        item: values.item!,
        occurredOn: toIsoDay(values.occurredOn)!,
        count: values.count,
        ...(values.level && { level: values.level }),
        ...(values.value !== undefined && values.value !== null && { value: String(values.value) }),
        ...(values.fact?.trim() && { fact: values.fact.trim() }),
        ...(values.note?.trim() && { note: values.note.trim() }),
        ...(values.evidenceKind &&
          values.evidenceId?.trim() && {
            evidence: { kind: values.evidenceKind, id: values.evidenceId.trim() },
          }),
      });
      // the record stands even when a file is refused: say which, it can be added from the list
      const failures = await uploadEach(values.files ?? [], (file) =>
        uploadRecordAttachment(period.id, saved.id, file),
      );
      await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
      if (failures.length > 0) {
        message.warning(
          `已记录 R${saved.id}，以下证据材料未上传，可在记录列表中补传：${failures.join('；')}`,
          8,
        );
      } else {
        message.success(values.files?.length ? `已记录，证据材料 ${values.files.length} 个已上传` : '已记录');
      }
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, (text) => message.error(text));
    } finally {
      setSaving(false);
    }
  };

  const groups = [...new Set(items.map((entry) => entry.ownerGroup))];
  return (
    <Drawer
      open
      title="记录扣分、加分"
      width={isPhone ? '100%' : 560}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ count: 1 }}>
        <Form.Item name="subjectKey" label="考核对象" rules={[{ required: true, message: '请选择考核对象' }]}>
          <SubjectPicker periodId={period.id} />
        </Form.Item>
        <Form.Item
          name="item"
          label="考核项目"
          rules={[{ required: true, message: '请选择考核项目' }]}
          extra={item?.clause ? `依据：${item.clause}` : undefined}
        >
          <Select
            placeholder="选择本科室负责的考核项目"
            showSearch={{ optionFilterProp: 'label' }}
            options={groups.map((groupId) => ({
              label: groupLabel(groupId),
              title: groupLabel(groupId),
              options: items
                .filter((entry) => entry.ownerGroup === groupId)
                .map((entry) => ({
                  value: entry.id,
                  label: `${entry.label}${ITEM_KIND_LABELS[entry.kind] ? `（${ITEM_KIND_LABELS[entry.kind]}）` : ''}`,
                })),
            }))}
            onChange={() => form.setFieldsValue({ level: undefined })}
          />
        </Form.Item>
        {item && item.levels.length > 0 && (
          <Form.Item name="level" label="等级" rules={[{ required: true, message: '请选择等级' }]}>
            <Select options={item.levels.map((level) => ({ value: level, label: level }))} />
          </Form.Item>
        )}
        {item?.kind === 'averaged' && (
          <Form.Item name="value" label="单件评分" rules={[{ required: true, message: '请填写单件评分' }]}>
            <InputNumber min={0} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Space.Compact block style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="occurredOn"
            label="发生日期"
            style={{ flex: 1 }}
            rules={[{ required: true, message: '请选择发生日期' }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="count" label="次数（人次）" style={{ flex: 1 }} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="fact"
          label="同一事实编号（选填）"
          extra="同一事实涉及多个项目时填写相同编号，按就高扣分（加分）只计一次。"
        >
          <Input maxLength={100} />
        </Form.Item>
        <Space.Compact block style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="evidenceKind" label="依据类型" style={{ flex: 1 }}>
            <Select allowClear options={EVIDENCE_OPTIONS} placeholder="选填" />
          </Form.Item>
          <Form.Item name="evidenceId" label="依据编号 / 链接" style={{ flex: 1 }}>
            <Input maxLength={500} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="files"
          label="证据材料（附件）"
          valuePropName="value"
          extra="如处罚决定书、投诉调查结论、现场照片的扫描件；保存记录时一并上传，系统按文件内容核验类型并保存 SHA-256。"
        >
          <AttachmentPicker />
        </Form.Item>
        <Form.Item name="note" label="情况说明">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
