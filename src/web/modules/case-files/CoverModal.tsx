import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Col, Form, Input, Modal, Row } from 'antd';
import { useState } from 'react';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { optionalText } from '../officers/form-dates.ts';
import { CASE_FILES_KEY, saveCaseFile } from './case-files.api.ts';
import type { CaseFile } from './case-files.types.ts';
import { FILE_TRAIT_OPTIONS } from './file-labels.ts';

interface Values {
  archiveNo?: string;
  category?: string;
  fileNo?: string;
  retentionPeriod?: string;
  traits: string[];
}

/**
 * 立卷 (file = null) or an edit of the cover fields kept on the file (第十六条: 档号, 案卷类别,
 * 卷宗号, 归档期限; the rest come from the case) and of the 案卷情形 that decide which documents
 * the completeness check requires.
 */
export function CoverModal({
  caseId,
  file,
  onClose,
}: {
  caseId: number;
  file: CaseFile | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const saved = await saveCaseFile(caseId, {
        archiveNo: optionalText(values.archiveNo),
        category: optionalText(values.category),
        fileNo: optionalText(values.fileNo),
        retentionPeriod: optionalText(values.retentionPeriod),
        traits: values.traits ?? [],
      });
      queryClient.setQueryData([CASE_FILES_KEY, caseId], saved);
      message.success(file ? '案卷封面已保存' : '已立卷');
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
      title={file ? '编辑案卷封面与情形' : '立卷'}
      okText={file ? '保存' : '立卷'}
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          archiveNo: file?.cover.archiveNo ?? '',
          category: file?.cover.category ?? '',
          fileNo: file?.cover.fileNo ?? '',
          retentionPeriod: file?.cover.retentionPeriod ?? '',
          traits: file?.traits ?? [],
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="archiveNo" label="档号">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="fileNo" label="卷宗号">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label="案卷类别" extra="留空时按案件类别填写。">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="retentionPeriod" label="归档期限">
              <Input maxLength={30} placeholder="如：永久、30年" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="traits"
              label="案卷情形"
              extra="勾选本案发生的情形，完整性检查据此要求相应文书（如举行听证须有听证笔录）。"
            >
              <Checkbox.Group
                options={FILE_TRAIT_OPTIONS}
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
                  gap: 6,
                }}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
