import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDay } from '../../components/date-time.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { fromIsoDay, optionalText, toIsoDay } from '../officers/form-dates.ts';
import { CaseSelect } from './CaseSelect.tsx';
import { COMPLAINT_KIND_OPTIONS, FINDING_OPTIONS } from './case-labels.ts';
import { CASES_KEY, COMPLAINTS_KEY, createComplaint, updateComplaint } from './cases.api.ts';
import type { Complaint, ComplaintFinding, ComplaintKind } from './cases.types.ts';
import { HandlerSelect } from './HandlerSelect.tsx';

interface CreateValues {
  kind: ComplaintKind;
  officerId?: number | null;
  caseId?: number | null;
  source: string;
  receivedOn: Dayjs;
  summary: string;
}
interface HandleValues {
  finding?: ComplaintFinding | null;
  handling?: string;
  handledOn?: Dayjs | null;
}

/**
 * 登记 a complaint or petition (against an officer and/or a case), or, for an existing one, record
 * 调查结论 (查实/不属实) and 处理情况 — the only fields the server lets change after registration.
 */
export function ComplaintFormDrawer({
  complaint,
  fixedCaseId,
  onClose,
}: {
  complaint: Complaint | null;
  /** Registering from a case's page: the case is given. */
  fixedCaseId?: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [isSaving, setSaving] = useState(false);
  const isCreate = complaint === null;

  const submit = async (values: CreateValues & HandleValues) => {
    setSaving(true);
    try {
      if (isCreate) {
        await createComplaint({
          kind: values.kind,
          officerId: values.officerId ?? null,
          caseId: fixedCaseId ?? values.caseId ?? null,
          source: values.source.trim(),
          receivedOn: toIsoDay(values.receivedOn)!,
          summary: values.summary.trim(),
        });
        message.success('已登记');
      } else {
        await updateComplaint(complaint.id, {
          finding: values.finding ?? null,
          handling: optionalText(values.handling),
          handledOn: toIsoDay(values.handledOn),
        });
        message.success('处理情况已保存');
      }
      await queryClient.invalidateQueries({ queryKey: [COMPLAINTS_KEY] });
      await queryClient.invalidateQueries({ queryKey: [CASES_KEY, 'officer-counts'] });
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title={isCreate ? '登记投诉举报、信访' : `调查与处理 · ${complaint.kindLabel}`}
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
      {!isCreate && (
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="收到日期">{formatDay(complaint.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label="来源">{complaint.source}</Descriptions.Item>
          <Descriptions.Item label="被投诉人员">{complaint.officerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="涉及案件">{complaint.caseNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="内容摘要">
            <div style={{ whiteSpace: 'pre-wrap' }}>{complaint.summary}</div>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={
          isCreate
            ? { kind: 'complaint', receivedOn: dayjs() }
            : {
                finding: complaint.finding,
                handling: complaint.handling ?? '',
                handledOn: fromIsoDay(complaint.handledOn),
              }
        }
      >
        {isCreate ? (
          <>
            <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
              <Radio.Group optionType="button" options={COMPLAINT_KIND_OPTIONS} />
            </Form.Item>
            <Form.Item
              name="officerId"
              label="被投诉（承办）执法人员"
              extra="投诉举报须指明执法人员或案件；信访须指明处理的执法人员。"
            >
              <HandlerSelect multiple={false} placeholder="输入姓名搜索" />
            </Form.Item>
            {fixedCaseId === undefined && (
              <Form.Item name="caseId" label="涉及案件">
                <CaseSelect />
              </Form.Item>
            )}
            <Form.Item
              name="source"
              label="来源"
              rules={[
                { required: true, whitespace: true, message: '请填写来源' },
                { max: 100, message: '来源不能超过 100 个字符' },
              ]}
            >
              <Input placeholder="如：12345 热线、来信、来访、上级转办" />
            </Form.Item>
            <Form.Item
              name="receivedOn"
              label="收到日期"
              rules={[{ required: true, message: '请选择收到日期' }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="summary"
              label="内容摘要"
              rules={[
                { required: true, whitespace: true, message: '请填写内容摘要' },
                { max: 2000, message: '不能超过 2000 个字符' },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="finding" label="调查结论">
              <Radio.Group
                optionType="button"
                options={[
                  ...FINDING_OPTIONS,
                  { value: null as unknown as ComplaintFinding, label: '调查中' },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="handling"
              label="处理情况"
              rules={[{ max: 2000, message: '不能超过 2000 个字符' }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item name="handledOn" label="处理日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
