import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Steps,
  Switch,
  TreeSelect,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { MIN_REVIEWERS_PER_FILE } from '../../../common/reviews.ts';
import { ApiError } from '../../app/api-client.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { CASE_KIND_OPTIONS } from '../cases/case-labels.ts';
import { useOrgs } from '../org/org.api.ts';
import { buildOrgTree, type OrgNode } from '../org/org-tree.ts';
import { type CampaignCreateBody, createCampaign, REVIEWS_KEY } from './reviews.api.ts';
import { METHOD_OPTIONS, REGULARITY_OPTIONS } from './reviews-labels.ts';

type DateFields = 'closedFrom' | 'closedTo' | 'fileListDueOn' | 'scoringDueOn';
type Values = Omit<CampaignCreateBody, DateFields> & Record<DateFields, Dayjs | undefined>;

/** Which step holds which field, so a server error on a field shows its step. */
const STEP_FIELDS: ReadonlyArray<ReadonlyArray<keyof Values>> = [
  ['name', 'year', 'method', 'regularity'],
  ['unitIds', 'caseKinds', 'closedFrom', 'closedTo', 'includeLitigated'],
  [
    'fileListDueOn',
    'scoringDueOn',
    'objectionDays',
    'reviewersPerFile',
    'reviewerCap',
    'divergenceThreshold',
    'requirements',
  ],
];
const STEPS = [{ title: '基本信息' }, { title: '评查范围' }, { title: '期限与要求' }];

interface TreeOption {
  value: number;
  title: string;
  children: TreeOption[];
}
const toOptions = (nodes: readonly OrgNode[]): TreeOption[] =>
  nodes
    .filter((node) => node.org.isActive)
    .map((node) => ({ value: node.org.id, title: node.org.name, children: toOptions(node.children) }));

const isoDay = (value: Dayjs | undefined) => value?.format('YYYY-MM-DD') ?? '';

/**
 * 制订评查方案 (第十二条(一)): name, year and method (第八条), the units and the cases in scope
 * (第四条), the deadlines, the reviewers per file (at least 2, 第十一条) and the requirements.
 */
export function CampaignWizard({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const orgs = useOrgs();
  const treeData = useMemo(() => toOptions(buildOrgTree(orgs.data ?? [])), [orgs.data]);
  const [step, setStep] = useState(0);
  const [isSaving, setSaving] = useState(false);
  const today = dayjs();

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step] as string[]);
      setStep(step + 1);
    } catch {
      // the form shows what is missing
    }
  };
  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const created = await createCampaign({
        ...values,
        closedFrom: isoDay(values.closedFrom),
        closedTo: isoDay(values.closedTo),
        fileListDueOn: isoDay(values.fileListDueOn),
        scoringDueOn: isoDay(values.scoringDueOn),
        requirements: values.requirements || null,
      });
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success('评查活动已创建，被评查单位现在可以报送案卷目录');
      onCreated(created.id);
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
      if (error instanceof ApiError) {
        const first = error.fields[0]?.field.split('.')[0];
        const at = STEP_FIELDS.findIndex((fields) => fields.some((field) => field === first));
        if (at >= 0) setStep(at);
      }
    } finally {
      setSaving(false);
    }
  };
  const shown = (index: number) => ({ display: step === index ? undefined : 'none' });
  return (
    <Drawer
      open
      title="新建评查活动（评查方案）"
      width={isPhone ? '100%' : 720}
      onClose={onClose}
      footer={
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步</Button>}
          {step < STEPS.length - 1 ? (
            <Button type="primary" onClick={next}>
              下一步
            </Button>
          ) : (
            <Button type="primary" loading={isSaving} onClick={submit}>
              创建评查活动
            </Button>
          )}
        </div>
      }
    >
      <Steps
        current={step}
        items={STEPS}
        size="small"
        direction="horizontal"
        responsive={false}
        style={{ marginBottom: 24 }}
        onChange={(target) => (target < step ? setStep(target) : undefined)}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          year: today.year(),
          method: 'random',
          regularity: 'regular',
          caseKinds: ['penalty'],
          closedFrom: today.subtract(6, 'month').startOf('month'),
          closedTo: today,
          includeLitigated: false,
          fileListDueOn: today.add(10, 'day'),
          scoringDueOn: today.add(30, 'day'),
          objectionDays: 5,
          reviewersPerFile: MIN_REVIEWERS_PER_FILE,
          reviewerCap: 30,
          divergenceThreshold: 10,
        }}
      >
        <div style={shown(0)}>
          <Form.Item
            name="name"
            label="评查活动名称"
            rules={[{ required: true, message: '请填写评查活动名称' }]}
          >
            <Input maxLength={100} placeholder="例如：2026年上半年行政处罚案卷评查" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={8}>
              <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={16}>
              <Form.Item
                name="regularity"
                label="定期或不定期（第八条）"
                rules={[{ required: true, message: '请选择' }]}
              >
                <Radio.Group options={REGULARITY_OPTIONS} optionType="button" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="method"
            label="评查方式（第八条）"
            rules={[{ required: true, message: '请选择评查方式' }]}
          >
            <Radio.Group options={METHOD_OPTIONS} />
          </Form.Item>
          <Alert
            type="info"
            showIcon
            message="评查标准：博湖县行政执法案卷评查标准（评查办法第十五条，13项，满分100分；90分以上为优秀，60分以上为合格）。活动创建后沿用创建时施行的标准版本。"
          />
        </div>
        <div style={shown(1)}>
          <Form.Item
            name="unitIds"
            label="被评查单位"
            rules={[{ required: true, message: '请至少选择一个被评查单位' }]}
            extra="单位及其下属科室、执法机构的案卷都在范围内；不能同时选择上级单位和它的下属单位。"
          >
            <TreeSelect<number[]>
              multiple
              treeCheckable
              showCheckedStrategy={TreeSelect.SHOW_PARENT}
              treeCheckStrictly={false}
              treeData={treeData}
              loading={orgs.isPending}
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder="选择被评查的行政执法部门"
              popupMatchSelectWidth={false}
              styles={{ popup: { root: { maxWidth: 'calc(100vw - 24px)' } } }}
            />
          </Form.Item>
          <Form.Item
            name="caseKinds"
            label="案件类别"
            rules={[{ required: true, message: '请至少选择一种案件类别' }]}
          >
            <Checkbox.Group options={CASE_KIND_OPTIONS} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={12}>
              <Form.Item
                name="closedFrom"
                label="结案日期自"
                rules={[{ required: true, message: '请选择日期' }]}
              >
                <DatePicker style={{ width: '100%' }} format="YYYY年M月D日" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item
                name="closedTo"
                label="结案日期至"
                rules={[{ required: true, message: '请选择日期' }]}
              >
                <DatePicker style={{ width: '100%' }} format="YYYY年M月D日" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="includeLitigated"
            label="纳入经行政复议、行政诉讼的案件"
            valuePropName="checked"
            extra="第四条：只评查已结案的案件；经复议、诉讼的案件一般不纳入评查范围。"
          >
            <Switch />
          </Form.Item>
        </div>
        <div style={shown(2)}>
          <Row gutter={16}>
            <Col xs={12}>
              <Form.Item
                name="fileListDueOn"
                label="报送案卷目录截止"
                rules={[{ required: true, message: '请选择日期' }]}
              >
                <DatePicker style={{ width: '100%' }} format="YYYY年M月D日" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item
                name="scoringDueOn"
                label="评分截止"
                rules={[{ required: true, message: '请选择日期' }]}
              >
                <DatePicker style={{ width: '100%' }} format="YYYY年M月D日" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={12} sm={6}>
              <Form.Item name="reviewersPerFile" label="每卷评查人数" extra="不少于2名（第十一条）">
                <InputNumber min={1} max={7} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="reviewerCap" label="每人最多件数">
                <InputNumber min={1} max={1000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="divergenceThreshold" label="复评分差（分）" extra="评分相差超过即复评">
                <InputNumber min={0.5} max={100} step={0.5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="objectionDays" label="异议期（天）">
                <InputNumber min={1} max={60} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="requirements" label="评查要求">
            <Input.TextArea
              rows={4}
              maxLength={5000}
              placeholder="例如：各单位如实上报案卷目录，按要求报送案卷原件；评查人员独立评分，书面记录扣分理由并签名。"
            />
          </Form.Item>
        </div>
      </Form>
    </Drawer>
  );
}
