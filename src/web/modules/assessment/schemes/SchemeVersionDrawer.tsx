import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Skeleton } from 'antd';
import { useMemo } from 'react';
import type { SchemeFile } from '../../../../engine/index.ts';
import {
  outlineScheme,
  ROOT_KEY,
  SCHEME_FIELD_LABELS,
} from '../../../../server/modules/assessment/schemes/scheme-outline.ts';
import { errorMessage } from '../../../app/api-client.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { formatDateTime } from '../../../components/date-time.ts';
import { ASSESSMENT_KEY, getSchemeVersion } from '../assessment.api.ts';
import { PERIOD_KIND_LABELS, SUBJECT_KIND_LABELS } from '../assessment-labels.ts';
import { SchemeOutlineTable } from './SchemeOutlineTable.tsx';
import { SCHEME_SOURCE_LABELS, versionTitle } from './scheme-labels.ts';

/** One stored scheme file, cached for the page: versions never change. */
export function useSchemeFile(id: number | undefined) {
  return useQuery({
    queryKey: [ASSESSMENT_KEY, 'scheme-file', id],
    queryFn: () => getSchemeVersion(id!),
    enabled: id !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** 查看方案版本: the scheme's own fields, then its components, items, points and rules as a tree. */
export function SchemeVersionDrawer({ id, onClose }: { id: number | undefined; onClose: () => void }) {
  const isPhone = useIsPhone();
  const version = useSchemeFile(id);
  const nodes = useMemo(
    () => (version.data ? outlineScheme(version.data.scheme as SchemeFile) : []),
    [version.data],
  );
  const root = nodes.find((node) => node.key === ROOT_KEY);
  const own = { ...root?.attrs };
  delete own.subjectKind;
  delete own.period;
  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      size={isPhone ? '100%' : 1100}
      title={version.data ? versionTitle(version.data) : '考核方案'}
      destroyOnHidden
    >
      {version.isError && <Alert type="error" showIcon title={errorMessage(version.error)} />}
      {version.isPending && <Skeleton active />}
      {version.data && (
        <>
          <Descriptions size="small" column={isPhone ? 1 : 2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="方案编号">{version.data.schemeId}</Descriptions.Item>
            <Descriptions.Item label="版本">
              第 {version.data.versionNo} 版（
              {SCHEME_SOURCE_LABELS[version.data.source] ?? version.data.source}）
            </Descriptions.Item>
            <Descriptions.Item label="考核对象">
              {SUBJECT_KIND_LABELS[version.data.subjectKind] ?? version.data.subjectKind}
            </Descriptions.Item>
            <Descriptions.Item label="周期">
              {PERIOD_KIND_LABELS[version.data.periodKind] ?? version.data.periodKind}
            </Descriptions.Item>
            <Descriptions.Item label="入库时间">{formatDateTime(version.data.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="内容校验码">{version.data.contentHash.slice(0, 12)}</Descriptions.Item>
            {Object.entries(own).map(([field, value]) => (
              <Descriptions.Item key={field} label={SCHEME_FIELD_LABELS[field] ?? field} span={2}>
                {value}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <SchemeOutlineTable nodes={nodes.filter((node) => node.key !== ROOT_KEY)} />
        </>
      )}
    </Drawer>
  );
}
