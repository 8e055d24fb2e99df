import type { SchemeVersion } from '../assessment.types.ts';
import { PERIOD_KIND_LABELS, SUBJECT_KIND_LABELS } from '../assessment-labels.ts';

export const SCHEME_SOURCE_LABELS: Record<string, string> = { preset: '内置', upload: '上传' };

/** '博湖县行政执法人员平时考核 第 2 版（上传）', as the version pickers show a version. */
export function versionTitle(version: SchemeVersion): string {
  return `${version.name} 第 ${version.versionNo} 版（${SCHEME_SOURCE_LABELS[version.source] ?? version.source}）`;
}

export function versionKinds(version: SchemeVersion): string {
  return `${SUBJECT_KIND_LABELS[version.subjectKind] ?? version.subjectKind} · ${PERIOD_KIND_LABELS[version.periodKind] ?? version.periodKind}`;
}
