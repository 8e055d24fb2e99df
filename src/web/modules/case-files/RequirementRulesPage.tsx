import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Select, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api-client.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import {
  CASE_FILES_KEY,
  FILE_RULES_KEY,
  findKindStandards,
  findRequirementRules,
  updateKindStandard,
  updateRequirementRule,
} from './case-files.api.ts';
import type { KindStandard, RequiredWhen, RequirementRule, TraitCondition } from './case-files.types.ts';
import { FILE_TRAIT_OPTIONS } from './file-labels.ts';

const CONDITION = 'condition';

const REQUIRED_WHEN_OPTIONS = [
  { value: 'always', label: '必备' },
  { value: 'optional', label: '可选' },
  ...FILE_TRAIT_OPTIONS.map((option) => ({ value: option.value, label: `${option.label}时必备` })),
  { value: CONDITION, label: '按情形组合…' },
];

const CONDITION_PARTS = [
  { key: 'any', label: '有其一' },
  { key: 'all', label: '全部都有' },
  { key: 'none', label: '都没有' },
] as const;

/**
 * A condition over the file's traits (有其一 / 全部都有 / 都没有), e.g. 受理通知书 "都没有 不予受理";
 * each change is saved at once, and a condition left empty is not sent.
 */
function ConditionEditor({
  rule,
  onChange,
}: {
  rule: RequirementRule;
  onChange: (next: TraitCondition) => void;
}) {
  const condition = typeof rule.requiredWhen === 'string' ? {} : rule.requiredWhen;
  return (
    <div style={{ display: 'grid', gap: 4, marginTop: 4 }}>
      {CONDITION_PARTS.map((part) => (
        <Select
          key={part.key}
          size="small"
          mode="multiple"
          placeholder={part.label}
          value={condition[part.key] ?? []}
          options={FILE_TRAIT_OPTIONS}
          onChange={(traits: string[]) => {
            const next = { ...condition, [part.key]: traits };
            if (Object.values(next).some((list) => list && list.length > 0)) onChange(next);
          }}
          aria-label={`${rule.label}：${part.label}`}
        />
      ))}
    </div>
  );
}

const CATALOGUES = [
  { key: 'P', label: '行政处罚正卷（第九条(二)）' },
  { key: 'L', label: '行政许可正卷（第九条(一)）' },
  { key: 'R', label: '副卷（第十条）' },
];

/** 卷内文书规则: which catalogued document kinds a file must hold, and when (admin edits). */
export default function RequirementRulesPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: [FILE_RULES_KEY], queryFn: findRequirementRules });
  // only admins change rules, and only their own county's (the server holds them per county)
  const canEdit = useCurrentUser().roles.includes('admin');

  const [editing, setEditing] = useState<string | null>(null);
  const change = async (rule: RequirementRule, requiredWhen: RequiredWhen) => {
    try {
      await updateRequirementRule(rule.kindCode, requiredWhen);
      await queryClient.invalidateQueries({ queryKey: [FILE_RULES_KEY] });
      await queryClient.invalidateQueries({ queryKey: [CASE_FILES_KEY] });
      message.success(`已修改“${rule.label}”`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  let body: React.ReactNode;
  if (rules.isPending) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (rules.isError) body = <ErrorState error={rules.error} onRetry={() => rules.refetch()} />;
  else
    body = (
      <Tabs
        items={CATALOGUES.map((catalogue) => ({
          key: catalogue.key,
          label: catalogue.label,
          children: (
            <Table<RequirementRule>
              rowKey="kindCode"
              size="small"
              pagination={false}
              dataSource={rules.data.filter((rule) => rule.kindCode.startsWith(catalogue.key))}
              scroll={{ x: 870 }}
              columns={[
                { title: '代码', dataIndex: 'kindCode', width: 70 },
                { title: '文书', dataIndex: 'label' },
                { title: '依据', dataIndex: 'clause', width: 140 },
                {
                  title: '本县要求',
                  key: 'requiredWhen',
                  width: 220,
                  render: (_value, rule) =>
                    canEdit ? (
                      <>
                        <Select
                          size="small"
                          value={typeof rule.requiredWhen === 'string' ? rule.requiredWhen : CONDITION}
                          options={REQUIRED_WHEN_OPTIONS}
                          onChange={(next) => {
                            if (next === CONDITION) setEditing(rule.kindCode);
                            else void change(rule, next);
                          }}
                          style={{ width: '100%' }}
                          aria-label={`${rule.label}的要求`}
                        />
                        {(typeof rule.requiredWhen !== 'string' || editing === rule.kindCode) && (
                          <>
                            <ConditionEditor rule={rule} onChange={(next) => change(rule, next)} />
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {rule.requiredWhenLabel}
                            </Typography.Text>
                          </>
                        )}
                      </>
                    ) : (
                      rule.requiredWhenLabel
                    ),
                },
                {
                  title: '默认',
                  key: 'default',
                  width: 150,
                  render: (_value, rule) =>
                    rule.isOverridden ? (
                      <Tag color="blue" title="本县已调整，选回默认值即恢复">
                        已调整 · 默认{rule.defaultRequiredWhenLabel}
                      </Tag>
                    ) : (
                      <Typography.Text type="secondary">同默认</Typography.Text>
                    ),
                },
              ]}
            />
          ),
        }))}
      />
    );

  return (
    <>
      <PageHeader
        title="卷内文书规则"
        description={
          <Typography.Text type="secondary">
            案卷完整性检查据此判断缺少哪些文书：“必备”每卷都须有，“某情形时必备”仅在案卷勾选该情形时须有。规则按县设置，本县调整只影响本县案卷。
          </Typography.Text>
        }
      />
      <Card>{body}</Card>
      <KindStandardsCard canEdit={canEdit} />
    </>
  );
}

/**
 * 第九条 binds licensing and penalty files (强制 documents are in its penalty list); 第十八条 lets
 * 检查、征收、确认、给付、裁决 files 参照 the standard, so by default their catalogue findings are
 * suggestions. A county admin may bind a kind.
 */
function KindStandardsCard({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const kinds = useQuery({ queryKey: [FILE_RULES_KEY, 'kinds'], queryFn: findKindStandards });
  const change = async (kind: KindStandard, isBinding: boolean) => {
    try {
      await updateKindStandard(kind.caseKind, isBinding);
      await queryClient.invalidateQueries({ queryKey: [FILE_RULES_KEY] });
      await queryClient.invalidateQueries({ queryKey: [CASE_FILES_KEY] });
      message.success(`已修改“${kind.label}”`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  if (kinds.isPending) return <Skeleton active />;
  if (kinds.isError) return <ErrorState error={kinds.error} onRetry={() => kinds.refetch()} />;
  return (
    <Card title="各类案件的案卷：按规范检查还是参照执行" style={{ marginTop: 16 }}>
      <Table<KindStandard>
        rowKey="caseKind"
        size="small"
        pagination={false}
        dataSource={kinds.data}
        columns={[
          { title: '案件类别', dataIndex: 'label', width: 120 },
          {
            title: '对照目录',
            key: 'catalogue',
            render: (_value, kind) =>
              kind.catalogue === 'licensing' ? '行政许可正卷目录' : '行政处罚正卷目录',
          },
          { title: '依据', dataIndex: 'clause', width: 160 },
          {
            title: '本县做法',
            key: 'isBinding',
            width: 260,
            render: (_value, kind) => (
              <Select
                size="small"
                disabled={!canEdit}
                value={kind.isBinding}
                options={[
                  { value: true, label: '按规范检查（问题须整改才能归档）' },
                  { value: false, label: '参照执行（问题作为建议，不影响归档）' },
                ]}
                onChange={(next: boolean) => change(kind, next)}
                style={{ width: '100%' }}
                aria-label={`${kind.label}的检查方式`}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
