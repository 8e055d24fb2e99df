import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { MIN_CASE_HANDLERS } from '../../../../common/case-rules.ts';
import { DATE_RULES } from '../../../../common/date-rules.ts';
import { PENALTY_REPORT_ORDER, PENALTY_TYPE_LABELS, type PenaltyType } from '../../../../common/penalties.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { dateRuleItem, disabledDateOf } from '../../../components/date-rules.ts';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { fromIsoDay, optionalText, toIsoDay } from '../../officers/form-dates.ts';
import { CaseHandlerSelect } from '../CaseHandlerSelect.tsx';
import { CASE_KIND_OPTIONS } from '../case-labels.ts';
import { CASES_KEY, createCase, updateCase } from '../cases.api.ts';
import type { CaseDetail, CaseInput, CaseKind, PartyInput } from '../cases.types.ts';

interface PartyValues {
  kind: 'person' | 'organization';
  name?: string;
  gender?: 'male' | 'female' | null;
  idNumber?: string;
  uscc?: string;
  legalRepresentative?: string;
  address?: string;
  phone?: string;
}

interface Values {
  orgId?: number;
  kind?: CaseKind;
  caseNo: string;
  name: string;
  source: string;
  filedOn?: Dayjs | null;
  closedOn?: Dayjs | null;
  handlerIds: number[];
  parties: PartyValues[];
  summary?: string;
  process?: string;
  opinion?: string;
  result?: string;
  flags: ('isSupervised' | 'isAssigned' | 'isMajorStability')[];
  penaltyTypes?: PenaltyType[];
  fineAmount?: number | null;
  confiscatedAmount?: number | null;
}

/**
 * The form's starting values: the case's, or for a new one filed today, on the writer's own team
 * when the writer is an officer (a legal officer's own org is the legal unit, rarely the case's).
 */
function initialValuesOf(item: CaseDetail | null, ownTeamId: number | undefined): Partial<Values> {
  if (!item)
    return { orgId: ownTeamId, filedOn: dayjs(), handlerIds: [], parties: [{ kind: 'person' }], flags: [] };
  return {
    orgId: item.orgId,
    kind: item.kind,
    caseNo: item.caseNo,
    name: item.name,
    source: item.source,
    filedOn: fromIsoDay(item.filedOn),
    closedOn: fromIsoDay(item.closedOn),
    handlerIds: item.handlers.map((handler) => handler.officerId),
    parties: item.parties.map((party) => ({
      kind: party.kind,
      name: party.name,
      gender: party.gender,
      idNumber: party.idNumber ?? '',
      uscc: party.uscc ?? '',
      legalRepresentative: party.legalRepresentative ?? '',
      address: party.address ?? '',
      phone: party.phone ?? '',
    })),
    summary: item.summary ?? '',
    process: item.process ?? '',
    opinion: item.opinion ?? '',
    result: item.result ?? '',
    penaltyTypes: item.penaltyTypes,
    fineAmount: item.fineAmount,
    confiscatedAmount: item.confiscatedAmount,
    flags: [
      ...(item.isSupervised ? (['isSupervised'] as const) : []),
      ...(item.isAssigned ? (['isAssigned'] as const) : []),
      ...(item.isMajorStability ? (['isMajorStability'] as const) : []),
    ],
  };
}

function partyInputOf(party: PartyValues): PartyInput {
  if (party.kind === 'organization')
    return {
      kind: 'organization',
      name: (party.name ?? '').trim(),
      uscc: optionalText(party.uscc),
      legalRepresentative: optionalText(party.legalRepresentative),
      address: optionalText(party.address),
      phone: optionalText(party.phone),
    };
  return {
    kind: 'person',
    name: (party.name ?? '').trim(),
    gender: party.gender ?? null,
    idNumber: optionalText(party.idNumber),
    address: optionalText(party.address),
    phone: optionalText(party.phone),
  };
}

/** 案件记录表 form: new case (item = null) or an edit. Parties are sent only when changed. */
export function CaseFormDrawer({
  item,
  onClose,
  onSaved,
}: {
  item: CaseDetail | null;
  onClose: () => void;
  onSaved: (saved: CaseDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [isSaving, setSaving] = useState(false);
  const isCreate = item === null;
  const user = useCurrentUser();
  const hasMaskedParty = Boolean(item?.parties.some((party) => party.isMasked));
  const watchedOrgId = Form.useWatch('orgId', form);
  const watchedFiledOn = Form.useWatch('filedOn', form);

  const submit = async (values: Values) => {
    setSaving(true);
    const input: CaseInput = {
      orgId: values.orgId!,
      kind: values.kind!,
      caseNo: values.caseNo.trim(),
      name: values.name.trim(),
      source: values.source.trim(),
      filedOn: toIsoDay(values.filedOn)!,
      closedOn: toIsoDay(values.closedOn),
      handlerIds: values.handlerIds ?? [],
      parties: (values.parties ?? []).map(partyInputOf),
      summary: optionalText(values.summary),
      process: optionalText(values.process),
      opinion: optionalText(values.opinion),
      result: optionalText(values.result),
      isSupervised: values.flags.includes('isSupervised'),
      isAssigned: values.flags.includes('isAssigned'),
      isMajorStability: values.flags.includes('isMajorStability'),
      // 《行政处罚法》第九条 types and sums: only a penalty case carries them (the server checks)
      penaltyTypes: values.kind === 'penalty' ? (values.penaltyTypes ?? []) : [],
      fineAmount:
        values.kind === 'penalty' && values.penaltyTypes?.includes('fine')
          ? (values.fineAmount ?? null)
          : null,
      confiscatedAmount:
        values.kind === 'penalty' && values.penaltyTypes?.includes('confiscation')
          ? (values.confiscatedAmount ?? null)
          : null,
    };
    // Masked ID numbers and phones ("6528**********1234") would be refused; unchanged parties stay.
    const { parties, ...rest } = input;
    const body = isCreate || form.isFieldsTouched(['parties']) ? input : rest;
    try {
      const saved = isCreate ? await createCase(input) : await updateCase(item.id, body);
      message.success(isCreate ? `已登记案件“${saved.name}”` : '案件已保存');
      await queryClient.invalidateQueries({ queryKey: [CASES_KEY] });
      onSaved(saved);
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };

  const half = isPhone ? 24 : 12;
  const text = (label: string, max: number) => [
    { required: true, whitespace: true, message: `请填写${label}` },
    { max, message: `${label}不能超过 ${max} 个字符` },
  ];
  return (
    <Drawer
      open
      title={isCreate ? '新增案件' : `编辑案件 · ${item.caseNo}`}
      size={isPhone ? '100%' : 760}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
            {isCreate ? '登记案件' : '保存'}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValuesOf(item, user.roles.includes('officer') ? user.orgId : undefined)}
        onFinish={submit}
        preserve={false}
      >
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="orgId" label="执法部门" rules={[{ required: true, message: '请选择执法部门' }]}>
              <OrgTreeSelect placeholder="请选择执法部门" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="kind" label="案件类别" rules={[{ required: true, message: '请选择案件类别' }]}>
              <Select options={CASE_KIND_OPTIONS} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="caseNo" label="案号" rules={text('案号', 60)}>
              <Input placeholder="如：博市监处罚〔2025〕12号" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="name" label="案件名称" rules={text('案件名称', 200)}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="source" label="案件来源" rules={text('案件来源', 100)}>
              <Input placeholder="如：投诉举报、监督检查、上级交办" />
            </Form.Item>
          </Col>
          <Col span={isPhone ? 12 : 6}>
            <Form.Item
              name="filedOn"
              label="立案时间"
              rules={[
                { required: true, message: '请选择立案时间' },
                ...dateRuleItem(DATE_RULES.caseFiledOn).rules,
              ]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={disabledDateOf(DATE_RULES.caseFiledOn)} />
            </Form.Item>
          </Col>
          <Col span={isPhone ? 12 : 6}>
            <Form.Item name="closedOn" label="结案时间" {...dateRuleItem(DATE_RULES.caseClosedOn)}>
              <DatePicker
                style={{ width: '100%' }}
                placeholder="未结案留空"
                disabledDate={disabledDateOf(DATE_RULES.caseClosedOn, watchedFiledOn)}
              />
            </Form.Item>
          </Col>
          <Form.Item noStyle dependencies={['kind', 'penaltyTypes']}>
            {({ getFieldValue }) =>
              getFieldValue('kind') === 'penalty' && (
                <>
                  <Col span={24}>
                    <Form.Item name="penaltyTypes" label="处罚种类（可多选）">
                      <Select
                        mode="multiple"
                        allowClear
                        placeholder="作出处罚决定后选择"
                        options={PENALTY_REPORT_ORDER.map((type) => ({
                          value: type,
                          label: PENALTY_TYPE_LABELS[type],
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  {(getFieldValue('penaltyTypes') ?? []).includes('fine') && (
                    <Col span={isPhone ? 12 : 6}>
                      <Form.Item
                        name="fineAmount"
                        label="罚款金额（元）"
                        rules={[{ required: true, message: '请填写罚款金额' }]}
                      >
                        <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  )}
                  {(getFieldValue('penaltyTypes') ?? []).includes('confiscation') && (
                    <Col span={isPhone ? 12 : 6}>
                      <Form.Item
                        name="confiscatedAmount"
                        label="没收金额（元）"
                        rules={[{ required: true, message: '请填写没收金额' }]}
                      >
                        <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  )}
                </>
              )
            }
          </Form.Item>
          <Col span={24}>
            <Form.Item
              name="handlerIds"
              label="执法人"
              extra="不少于两名，本单位在岗且立案时持有效行政执法证的人员。"
              rules={[
                { required: true, type: 'array', min: 1, message: '请选择执法人' },
                { type: 'array', min: MIN_CASE_HANDLERS, message: `执法人不得少于 ${MIN_CASE_HANDLERS} 名` },
              ]}
            >
              <CaseHandlerSelect
                orgId={watchedOrgId}
                onDate={toIsoDay(watchedFiledOn) ?? undefined}
                known={item?.handlers.map((handler) => ({
                  value: handler.officerId,
                  label: `${handler.name}（${handler.certificateNumber}）`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          当事人基本情况
        </Typography.Title>
        {hasMaskedParty && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            证件号码、电话已脱敏显示；修改当事人信息时，请重新填写完整的证件号码和电话。
          </Typography.Paragraph>
        )}
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={`当事人 ${index + 1}`}
                  extra={
                    fields.length > 1 && (
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                      >
                        删除
                      </Button>
                    )
                  }
                >
                  <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 12 }}>
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'person', label: '个人' },
                        { value: 'organization', label: '单位' },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[['parties', field.name, 'kind']]}>
                    {() =>
                      form.getFieldValue(['parties', field.name, 'kind']) === 'organization' ? (
                        <Row gutter={12}>
                          <Col span={half}>
                            <Form.Item
                              name={[field.name, 'name']}
                              label="单位名称"
                              rules={text('单位名称', 100)}
                            >
                              <Input />
                            </Form.Item>
                          </Col>
                          <Col span={half}>
                            <Form.Item name={[field.name, 'uscc']} label="统一社会信用代码">
                              <Input maxLength={18} />
                            </Form.Item>
                          </Col>
                          <Col span={half}>
                            <Form.Item name={[field.name, 'legalRepresentative']} label="法定代表人">
                              <Input maxLength={50} />
                            </Form.Item>
                          </Col>
                          <Col span={half}>
                            <Form.Item name={[field.name, 'phone']} label="联系电话">
                              <Input inputMode="tel" maxLength={20} />
                            </Form.Item>
                          </Col>
                          <Col span={24}>
                            <Form.Item name={[field.name, 'address']} label="地址">
                              <Input maxLength={200} />
                            </Form.Item>
                          </Col>
                        </Row>
                      ) : (
                        <Row gutter={12}>
                          <Col span={isPhone ? 14 : 8}>
                            <Form.Item name={[field.name, 'name']} label="姓名" rules={text('姓名', 50)}>
                              <Input />
                            </Form.Item>
                          </Col>
                          <Col span={isPhone ? 10 : 4}>
                            <Form.Item name={[field.name, 'gender']} label="性别">
                              <Select
                                allowClear
                                options={[
                                  { value: 'male', label: '男' },
                                  { value: 'female', label: '女' },
                                ]}
                              />
                            </Form.Item>
                          </Col>
                          <Col span={half}>
                            <Form.Item name={[field.name, 'idNumber']} label="身份证号">
                              <Input maxLength={18} />
                            </Form.Item>
                          </Col>
                          <Col span={half}>
                            <Form.Item name={[field.name, 'phone']} label="联系电话">
                              <Input inputMode="tel" maxLength={20} />
                            </Form.Item>
                          </Col>
                          <Col span={half}>
                            <Form.Item name={[field.name, 'address']} label="住址">
                              <Input maxLength={200} />
                            </Form.Item>
                          </Col>
                        </Row>
                      )
                    }
                  </Form.Item>
                </Card>
              ))}
              {fields.length < 20 && (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'person' })}
                  style={{ marginBottom: 16 }}
                >
                  添加当事人
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="summary" label="案情简介">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="process" label="办案经过" extra="全面反映行政执法流程（填表说明2）。">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} showCount />
        </Form.Item>
        <Form.Item name="opinion" label="办案意见" extra="详细记录行政执法依据（填表说明3）。">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="result" label="办案结果">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="flags" label="案件标记">
          <Checkbox.Group
            options={[
              { value: 'isSupervised', label: '督办案件' },
              { value: 'isAssigned', label: '交办案件' },
              { value: 'isMajorStability', label: '影响社会稳定的重大事项' },
            ]}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
