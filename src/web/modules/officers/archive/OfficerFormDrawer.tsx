import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { isValidMobile } from '../../../../common/phone.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { fromIsoDay, optionalText, toIsoDay } from '../form-dates.ts';
import { GENDER_OPTIONS, OFFICER_SERIES_OPTIONS, OFFICER_STATUS_OPTIONS } from '../officer-labels.ts';
import { createOfficer, OFFICERS_KEY, updateOfficer } from '../officers.api.ts';
import type { Gender, Officer, OfficerSeries, OfficerStatus } from '../officers.types.ts';

interface Values {
  name: string;
  gender: Gender;
  ethnicity?: string;
  education?: string;
  birthDate?: Dayjs | null;
  position?: string;
  orgId?: number;
  post?: string;
  duties?: string;
  qualifiedOn?: Dayjs | null;
  startedWorkOn?: Dayjs | null;
  phone?: string;
  series: OfficerSeries | '';
  status: OfficerStatus;
}

function initialValuesOf(officer: Officer | null): Partial<Values> {
  if (!officer) return { status: 'active', series: '' };
  return {
    name: officer.name,
    gender: officer.gender,
    ethnicity: officer.ethnicity ?? '',
    education: officer.education ?? '',
    birthDate: fromIsoDay(officer.birthDate),
    position: officer.position ?? '',
    orgId: officer.orgId,
    post: officer.post ?? '',
    duties: officer.duties ?? '',
    qualifiedOn: fromIsoDay(officer.qualifiedOn),
    startedWorkOn: fromIsoDay(officer.startedWorkOn),
    // A masked number ("139****1234") is not sent back unless the user retypes it.
    phone: officer.phone?.includes('*') ? undefined : (officer.phone ?? ''),
    series: officer.series ?? '',
    status: officer.status,
  };
}

/** New profile (officer = null) or edit of one, with the fields of seed 000's 基本信息表. */
export function OfficerFormDrawer({
  officer,
  onClose,
  onSaved,
}: {
  officer: Officer | null;
  onClose: () => void;
  onSaved: (officer: Officer) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [isSaving, setSaving] = useState(false);
  const isCreate = officer === null;
  const isPhoneMasked = Boolean(officer?.phone?.includes('*'));

  const submit = async (values: Values) => {
    setSaving(true);
    const phone = optionalText(values.phone);
    const input = {
      name: values.name.trim(),
      gender: values.gender,
      ethnicity: optionalText(values.ethnicity),
      education: optionalText(values.education),
      birthDate: toIsoDay(values.birthDate),
      position: optionalText(values.position),
      orgId: values.orgId!,
      post: optionalText(values.post),
      duties: optionalText(values.duties),
      qualifiedOn: toIsoDay(values.qualifiedOn),
      startedWorkOn: toIsoDay(values.startedWorkOn),
      series: values.series || null,
      status: values.status,
      ...(isPhoneMasked && phone === null ? {} : { phone }),
    };
    try {
      const saved = isCreate ? await createOfficer(input) : await updateOfficer(officer.id, input);
      message.success(isCreate ? `已建立“${saved.name}”的执法人员档案` : '档案已保存');
      await queryClient.invalidateQueries({ queryKey: [OFFICERS_KEY] });
      onSaved(saved);
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
      title={isCreate ? '新增执法人员' : `编辑档案 · ${officer.name}`}
      size={isPhone ? '100%' : 640}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
            {isCreate ? '建立档案' : '保存'}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValuesOf(officer)}
        onFinish={submit}
        preserve={false}
      >
        <Row gutter={16}>
          <Col span={half}>
            <Form.Item
              name="name"
              label="姓名"
              rules={[
                { required: true, whitespace: true, message: '请填写姓名' },
                { max: 50, message: '姓名不能超过 50 个字符' },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="gender" label="性别" rules={[{ required: true, message: '请选择性别' }]}>
              <Select options={[...GENDER_OPTIONS]} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="ethnicity" label="民族">
              <Input placeholder="如：汉族" maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="birthDate" label="出生年月">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="education" label="学历">
              <Input placeholder="如：大学本科" maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="position" label="职务">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="orgId"
              label="所在单位及科室"
              rules={[{ required: true, message: '请选择所在单位或科室' }]}
            >
              <OrgTreeSelect placeholder="请选择所在单位或科室" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="post" label="执法岗位">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="status" label="状态" rules={[{ required: true, message: '请选择状态' }]}>
              <Select options={OFFICER_STATUS_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="series" label="序列" tooltip="按领导和一般工作人员等不同序列分解优秀指标">
              <Select options={OFFICER_SERIES_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="duties" label="执法职责">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="qualifiedOn" label="取得执法资格时间">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="startedWorkOn" label="参加工作时间">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item
              name="phone"
              label="联系电话"
              extra={isPhoneMasked ? `当前：${officer?.phone}，不修改请留空` : undefined}
              rules={[
                {
                  validator: (_rule, value: string | undefined) =>
                    !value?.trim() || isValidMobile(value.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error('请输入有效的 11 位手机号')),
                },
              ]}
            >
              <Input inputMode="tel" maxLength={20} placeholder="选填" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
