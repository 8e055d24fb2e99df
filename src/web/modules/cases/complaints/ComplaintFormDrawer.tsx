import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, Radio, Skeleton, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DATE_RULES } from '../../../../common/date-rules.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { dateRuleItem, disabledDateOf } from '../../../components/date-rules.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { fromIsoDay, optionalText, toIsoDay } from '../../officers/form-dates.ts';
import { CaseSelect } from '../CaseSelect.tsx';
import { COMPLAINT_KIND_OPTIONS, FINDING_OPTIONS } from '../case-labels.ts';
import { CASES_KEY, COMPLAINTS_KEY, createComplaint, getComplaint, updateComplaint } from '../cases.api.ts';
import type { Complaint, ComplaintFinding, ComplaintKind } from '../cases.types.ts';
import { HandlerSelect } from '../HandlerSelect.tsx';

interface Values {
  kind: ComplaintKind;
  officerId?: number | null;
  caseId?: number | null;
  source: string;
  receivedOn: Dayjs;
  summary: string;
  finding?: ComplaintFinding | null;
  handling?: string;
  handledOn?: Dayjs | null;
}

/**
 * 登记 a complaint or petition (against an officer and/or a case), or edit one: every field, with
 * its 调查结论 (查实/不属实) and 处理情况. The server checks again what it names and audits the change.
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
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [isSaving, setSaving] = useState(false);
  const isCreate = complaint === null;
  const watchedReceivedOn = Form.useWatch('receivedOn', form);
  // the list row may be stale: edit what the server holds now
  const current = useQuery({
    queryKey: [COMPLAINTS_KEY, 'one', complaint?.id],
    queryFn: () => getComplaint(complaint!.id),
    enabled: !isCreate,
  });

  const submit = async (values: Values) => {
    setSaving(true);
    const fields = {
      kind: values.kind,
      officerId: values.officerId ?? null,
      caseId: fixedCaseId ?? values.caseId ?? null,
      source: values.source.trim(),
      receivedOn: toIsoDay(values.receivedOn)!,
      summary: values.summary.trim(),
    };
    try {
      if (isCreate) {
        await createComplaint(fields);
        message.success('已登记');
      } else {
        await updateComplaint(complaint.id, {
          ...fields,
          caseId: values.caseId ?? null,
          finding: values.finding ?? null,
          handling: optionalText(values.handling),
          handledOn: toIsoDay(values.handledOn),
        });
        message.success('已保存');
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

  const shown = current.data ?? complaint;
  const footer = (
    <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
      <Button onClick={onClose}>取消</Button>
      <Button
        type="primary"
        loading={isSaving}
        disabled={!isCreate && !current.data}
        onClick={() => form.submit()}
      >
        {isCreate ? '登记' : '保存'}
      </Button>
    </Space>
  );
  let body: React.ReactNode;
  if (!isCreate && current.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (!isCreate && current.isError)
    body = <ErrorState error={current.error} onRetry={() => current.refetch()} />;
  else
    body = (
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={
          shown === null
            ? { kind: 'complaint', receivedOn: dayjs() }
            : {
                kind: shown.kind,
                officerId: shown.officerId,
                caseId: shown.caseId,
                source: shown.source,
                receivedOn: fromIsoDay(shown.receivedOn),
                summary: shown.summary,
                finding: shown.finding,
                handling: shown.handling ?? '',
                handledOn: fromIsoDay(shown.handledOn),
              }
        }
      >
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Radio.Group optionType="button" options={COMPLAINT_KIND_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="officerId"
          label="被投诉（承办）执法人员"
          extra="投诉举报须指明执法人员或案件；信访须指明处理的执法人员。"
        >
          <HandlerSelect
            multiple={false}
            placeholder="输入姓名搜索"
            known={shown?.officerId ? [{ value: shown.officerId, label: shown.officerName ?? '' }] : []}
          />
        </Form.Item>
        {(fixedCaseId === undefined || !isCreate) && (
          <Form.Item name="caseId" label="涉及案件">
            <CaseSelect known={shown?.caseId ? [{ value: shown.caseId, label: shown.caseNo ?? '' }] : []} />
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
          rules={[
            { required: true, message: '请选择收到日期' },
            ...dateRuleItem(DATE_RULES.complaintReceivedOn).rules,
          ]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={disabledDateOf(DATE_RULES.complaintReceivedOn)}
          />
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
        {!isCreate && (
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
            <Form.Item name="handledOn" label="处理日期" {...dateRuleItem(DATE_RULES.complaintHandledOn)}>
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={disabledDateOf(DATE_RULES.complaintHandledOn, watchedReceivedOn)}
              />
            </Form.Item>
          </>
        )}
      </Form>
    );

  return (
    <Drawer
      open
      title={isCreate ? '登记投诉举报、信访' : `编辑 · ${complaint.kindLabel}`}
      size={isPhone ? '100%' : 560}
      onClose={onClose}
      destroyOnHidden
      footer={footer}
    >
      {body}
    </Drawer>
  );
}
