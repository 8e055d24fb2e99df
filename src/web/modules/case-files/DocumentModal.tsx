import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DATE_RULES } from '../../../common/date-rules.ts';
import { dateRuleItem, disabledDateOf } from '../../components/date-rules.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { optionalText, toIsoDay } from '../officers/form-dates.ts';
import { addFileDocument, CASE_FILES_KEY, FILE_RULES_KEY, findRequirementRules } from './case-files.api.ts';
import type { CaseFile, Volume } from './case-files.types.ts';
import { VOLUME_LABELS } from './file-labels.ts';

interface Values {
  sequence: number;
  kindCode: string;
  title?: string;
  pageFrom: number;
  pageTo: number;
  isOriginal: boolean;
  verifiedBy?: string;
  verifiedOn?: Dayjs | null;
  copySource?: string;
  formedOn?: Dayjs | null;
}

/** The catalogue a volume's documents come from: 第九条(一) L, 第九条(二) P, 第十条 R. */
function cataloguePrefix(file: CaseFile, volume: Volume): string {
  if (volume === 'restricted') return 'R';
  return file.mainCatalogue === 'licensing' ? 'L' : 'P';
}

/** 添加卷内文书: kind from the catalogue, pages, and for a copy who verified it, when, from where. */
export function DocumentModal({
  file,
  volume,
  onClose,
}: {
  file: CaseFile;
  volume: Volume;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const rules = useQuery({ queryKey: [FILE_RULES_KEY], queryFn: findRequirementRules, staleTime: 300_000 });
  const prefix = cataloguePrefix(file, volume);
  const inVolume = file.documents.filter((document) => document.volume === volume);
  const nextSequence = Math.max(0, ...inVolume.map((document) => document.sequence)) + 1;
  const nextPage = Math.max(0, ...inVolume.map((document) => document.pageTo)) + 1;
  const isOriginal = Form.useWatch('isOriginal', form) ?? true;

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const saved = await addFileDocument(file.caseId, {
        volume,
        sequence: values.sequence,
        kindCode: values.kindCode,
        title: optionalText(values.title),
        pageFrom: values.pageFrom,
        pageTo: values.pageTo,
        isOriginal: values.isOriginal,
        verifiedBy: values.isOriginal ? null : optionalText(values.verifiedBy),
        verifiedOn: values.isOriginal ? null : toIsoDay(values.verifiedOn),
        copySource: values.isOriginal ? null : optionalText(values.copySource),
        formedOn: toIsoDay(values.formedOn),
      });
      queryClient.setQueryData([CASE_FILES_KEY, file.caseId], saved);
      message.success('卷内文书已添加');
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
      title={`添加${VOLUME_LABELS[volume]}文书`}
      okText="添加"
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ sequence: nextSequence, pageFrom: nextPage, pageTo: nextPage, isOriginal: true }}
      >
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="sequence" label="顺序号" rules={[{ required: true, message: '请填写顺序号' }]}>
              <InputNumber min={1} max={500} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item
              name="kindCode"
              label="文书种类"
              rules={[{ required: true, message: '请选择文书种类' }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={rules.isPending}
                placeholder="按案卷制作规范目录选择"
                options={(rules.data ?? [])
                  .filter((rule) => rule.kindCode.startsWith(prefix))
                  .map((rule) => ({ value: rule.kindCode, label: `${rule.kindCode} ${rule.label}` }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="title" label="文书标题" extra="选填，如文书编号。">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="formedOn"
              label="形成日期"
              extra="选填。全卷按形成时间排列的，也符合第八条。"
              {...dateRuleItem(DATE_RULES.caseDocumentFormedOn)}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={disabledDateOf(DATE_RULES.caseDocumentFormedOn)}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="pageFrom"
              label="起始页码"
              rules={[{ required: true, message: '请填写起始页码' }]}
            >
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="pageTo" label="终止页码" rules={[{ required: true, message: '请填写终止页码' }]}>
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="isOriginal" label="原件或复印件">
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: '原件' },
                  { value: false, label: '复印件（须核对）' },
                ]}
              />
            </Form.Item>
          </Col>
          {!isOriginal && (
            <>
              <Col span={12}>
                <Form.Item
                  name="verifiedBy"
                  label="核对人"
                  rules={[{ required: true, whitespace: true, message: '请填写核对人' }]}
                >
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="verifiedOn"
                  label="核对日期"
                  rules={[
                    { required: true, message: '请选择核对日期' },
                    ...dateRuleItem(DATE_RULES.caseDocumentVerifiedOn).rules,
                  ]}
                >
                  <DatePicker
                    style={{ width: '100%' }}
                    disabledDate={disabledDateOf(DATE_RULES.caseDocumentVerifiedOn)}
                  />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item
                  name="copySource"
                  label="来源"
                  rules={[{ required: true, whitespace: true, message: '请填写复印件来源' }]}
                >
                  <Input maxLength={200} placeholder="如：当事人提供、XX局调取" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
