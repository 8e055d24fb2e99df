import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, InputNumber, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { TRAINING_PASS_SCORE } from '../../../../common/training.ts';
import { ApiError, errorMessage } from '../../../app/api-client.ts';
import { type FinishResult, finishSession, type SessionDetail, TRAINING_KEY } from '../training.api.ts';

type Attendee = SessionDetail['attendees'][number];

/**
 * 结业: writes every attendee's training record; a graded session (第八条 考核) takes each score,
 * and 合格 follows the score (≥ 60) unless the organiser unticks it.
 */
export function FinishModal({ session, onClose }: { session: SessionDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [results, setResults] = useState<Record<number, FinishResult>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const patch = (officerId: number, change: Partial<FinishResult>) =>
    setResults((current) => ({ ...current, [officerId]: { ...current[officerId], officerId, ...change } }));
  const submit = async () => {
    setSaving(true);
    setFailure(null);
    try {
      await finishSession(session.id, session.isGraded ? Object.values(results) : []);
      message.success(`培训已结业，${session.attendeeCount} 名参训人员的培训记录已写入档案`);
      await queryClient.invalidateQueries({ queryKey: [TRAINING_KEY] });
      onClose();
    } catch (error) {
      // the rule's own words (请登记每位参训人员的考核成绩), not only the generic refusal
      const details = error instanceof ApiError ? error.fields.map((field) => field.message) : [];
      setFailure([...new Set(details.length > 0 ? details : [errorMessage(error)])].join('；'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="培训结业"
      okText="确认结业"
      onOk={submit}
      confirmLoading={isSaving}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph>
        结业后将为 {session.attendeeCount} 名参训人员各写入一条培训记录（{session.hours} 学时），
        参训名单和培训信息不能再修改。
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} />}
      {session.isGraded && (
        <Table<Attendee>
          size="small"
          rowKey="officerId"
          dataSource={session.attendees}
          pagination={session.attendees.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 110 },
            { title: '单位', dataIndex: 'orgName' },
            {
              title: '考核成绩',
              key: 'score',
              width: 130,
              render: (_value, attendee) => (
                <InputNumber
                  aria-label={`${attendee.name}的成绩`}
                  min={0}
                  max={100}
                  step={0.5}
                  precision={1}
                  value={results[attendee.officerId]?.score ?? null}
                  onChange={(score) =>
                    patch(attendee.officerId, {
                      score,
                      passed: score === null ? null : score >= TRAINING_PASS_SCORE,
                    })
                  }
                />
              ),
            },
            {
              title: '合格',
              key: 'passed',
              width: 70,
              render: (_value, attendee) => (
                <Checkbox
                  aria-label={`${attendee.name}合格`}
                  checked={results[attendee.officerId]?.passed ?? false}
                  onChange={(event) => patch(attendee.officerId, { passed: event.target.checked })}
                />
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
