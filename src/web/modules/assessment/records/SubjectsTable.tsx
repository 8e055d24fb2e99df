import { useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { SchemeFile } from '../../../../engine/index.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { formatDay } from '../../../components/date-time.ts';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { PagedResults } from '../../../components/PagedResults.tsx';
import { ASSESSMENT_KEY, getSchemeVersion, listSubjects } from '../assessment.api.ts';
import type { PeriodDetail, SubjectFilter, SubjectListItem, SubjectPage } from '../assessment.types.ts';
import {
  ASSESSMENT_MANAGE_ROLES,
  ASSESSMENT_RECORD_ROLES,
  SUBJECT_LIST_ROLES,
} from '../assessment-access.ts';
import { FlagTags } from '../scorecard/FlagTags.tsx';
import { useServerPage } from '../use-server-page.ts';
import { SelfAssessmentDrawer } from './SelfAssessmentView.tsx';

const SELF_OPTIONS = [
  { value: 'true', label: '已报送自评' },
  { value: 'false', label: '未报送自评' },
];

/**
 * 考核对象 / 排名: the period's subjects, paged by the server, searchable by name or section and
 * filtered by unit, grade and self-assessment; ranked with totals and grades once results are
 * visible. An officer sees only their own row.
 */
export function SubjectsTable({ period }: { period: PeriodDetail }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [keyword, setKeyword] = useState('');
  const [viewing, setViewing] = useState<SubjectListItem | null>(null);
  const seesAll = hasAnyRole(user.roles, SUBJECT_LIST_ROLES);
  const mayReadSelf = hasAnyRole(user.roles, [...ASSESSMENT_MANAGE_ROLES, ...ASSESSMENT_RECORD_ROLES]);
  const subjects = useServerPage<SubjectListItem, SubjectFilter, SubjectPage>(
    [ASSESSMENT_KEY, 'subjects', period.id],
    (filter) => listSubjects(period.id, filter),
    { page: 1, pageSize: 20 },
  );
  const hasResults = subjects.query.data?.hasResults ?? false;
  const grades = useQuery({
    queryKey: [ASSESSMENT_KEY, 'scheme-grades', period.schemeVersionId],
    queryFn: async () =>
      ((await getSchemeVersion(period.schemeVersionId)).scheme as SchemeFile).grades?.map(
        (band) => band.grade,
      ) ?? [],
    enabled: hasResults,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // a page of one unit's subjects names only the section; a county-wide one names the unit too
  const rows = subjects.query.data?.items ?? [];
  const isOneUnit = rows.length > 0 && rows.every((row) => row.unitName === rows[0]!.unitName);
  const placeOf = (row: SubjectListItem) => {
    const section = row.orgName !== row.name && row.orgName !== row.unitName ? row.orgName : null;
    if (isOneUnit) return section ?? row.unitName;
    return [row.unitName, section].filter(Boolean).join(' · ');
  };
  const scorecardPath = (row: SubjectListItem) =>
    `/assessment/periods/${period.id}/subjects/${row.subjectKey}`;
  const selfCell = (row: SubjectListItem) =>
    row.selfSubmittedOn ? (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setViewing(row)}>
        {formatDay(row.selfSubmittedOn)}报送
      </Button>
    ) : (
      <Tag>未报送</Tag>
    );
  const columns: ColumnsType<SubjectListItem> = [
    ...(hasResults
      ? [
          {
            title: '名次',
            key: 'rank',
            width: 70,
            render: (_value: unknown, row: SubjectListItem) => row.result?.rank ?? '—',
          },
        ]
      : []),
    {
      title: '考核对象',
      key: 'name',
      width: 180,
      render: (_value, row) => <Link to={scorecardPath(row)}>{row.name}</Link>,
    },
    {
      title: isOneUnit ? '所在科室' : '所在单位',
      key: 'org',
      width: 260,
      render: (_value, row) => placeOf(row),
    },
    {
      title: '自查自评',
      key: 'self',
      width: 150,
      render: (_value, row) =>
        mayReadSelf || !seesAll ? selfCell(row) : row.selfSubmittedOn ? '已报送' : '未报送',
    },
    ...(hasResults
      ? [
          {
            title: '得分',
            key: 'total',
            width: 80,
            align: 'right' as const,
            render: (_value: unknown, row: SubjectListItem) => row.result?.total ?? '—',
          },
          {
            title: '等次',
            key: 'grade',
            width: 80,
            render: (_value: unknown, row: SubjectListItem) => row.result?.grade ?? '—',
          },
          {
            title: '标记',
            key: 'flags',
            render: (_value: unknown, row: SubjectListItem) =>
              row.result && <FlagTags flags={row.result.flags} />,
          },
        ]
      : []),
  ];
  return (
    <>
      {seesAll && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="姓名或科室"
            aria-label="搜索考核对象"
            value={keyword}
            onChange={(event) => setKeyword(event.target.value)}
            onSearch={(value) => subjects.setFilter({ keyword: value.trim() || undefined })}
            style={{ width: 200 }}
          />
          <OrgTreeSelect
            value={subjects.filter.orgId}
            onChange={(orgId) => subjects.setFilter({ orgId: orgId ?? undefined })}
            placeholder="所在单位"
            allowClear
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder="自评情况"
            aria-label="按自评情况筛选"
            options={SELF_OPTIONS}
            value={
              subjects.filter.selfSubmitted === undefined ? undefined : String(subjects.filter.selfSubmitted)
            }
            onChange={(value?: string) =>
              subjects.setFilter({ selfSubmitted: value === undefined ? undefined : value === 'true' })
            }
            style={{ width: 130 }}
          />
          {hasResults && (grades.data?.length ?? 0) > 0 && (
            <Select
              allowClear
              placeholder="等次"
              aria-label="按等次筛选"
              options={grades.data!.map((grade) => ({ value: grade, label: grade }))}
              value={subjects.filter.grade}
              onChange={(grade?: string) => subjects.setFilter({ grade })}
              style={{ width: 110 }}
            />
          )}
        </Space>
      )}
      <PagedResults<SubjectListItem>
        {...subjects}
        columns={columns}
        scrollX={hasResults ? 980 : 700}
        onOpen={(row) => navigate(scorecardPath(row))}
        emptyText={seesAll ? '没有符合条件的考核对象。' : '您（本单位）不是本周期的考核对象。'}
        totalText={(total) => `共 ${total} 个考核对象`}
        renderPhoneItem={(row) => (
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <div>
              {row.result && <Typography.Text type="secondary">第 {row.result.rank} 名 </Typography.Text>}
              <Typography.Link strong>{row.name}</Typography.Link>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                {placeOf(row)}
                {' · '}
                {row.selfSubmittedOn ? '已报送自评' : '未报送自评'}
              </div>
              {row.result && <FlagTags flags={row.result.flags} />}
            </div>
            {row.result && (
              <div style={{ textAlign: 'right' }}>
                <div style={{ fontSize: 18, fontWeight: 600 }}>{row.result.total}</div>
                <Typography.Text type="secondary">{row.result.grade ?? ''}</Typography.Text>
              </div>
            )}
          </div>
        )}
      />
      {viewing && (
        <SelfAssessmentDrawer
          periodId={period.id}
          subjectKey={viewing.subjectKey}
          name={viewing.name}
          onClose={() => setViewing(null)}
        />
      )}
    </>
  );
}
