/**
 * Plain-text tables for the terminal. Chinese characters take two columns, so padding counts
 * display width, not string length.
 */
import type { EvaluationResult, Problem, RollUpResult, SubjectResult } from '../../engine/index.ts';

/** Display width: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

function pad(text: string, width: number, alignRight: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return alignRight ? fill + text : text + fill;
}

/** Renders rows under headers; columns listed in `rightAligned` are numbers. */
export function renderTable(
  headers: string[],
  rows: string[][],
  rightAligned: ReadonlySet<number> = new Set(),
): string {
  const widths = headers.map((header, column) =>
    Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const renderRow = (row: string[]) =>
    row
      .map((cell, column) => pad(cell, widths[column]!, rightAligned.has(column)))
      .join('  ')
      .trimEnd();
  return [
    renderRow(headers),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...rows.map(renderRow),
  ].join('\n');
}

function flagText(subject: SubjectResult): string {
  const flags: string[] = [];
  if (subject.flags.isVetoed) flags.push('一票否决');
  if (subject.flags.isCeilinged) flags.push('等次限制');
  if (subject.flags.isQuotaDemoted) flags.push('比例调整');
  if (subject.flags.isCapped) flags.push('封顶/扣完');
  if (subject.flags.isCommended) flags.push('表彰');
  if (subject.flags.isBarred) flags.push('后位取消评优');
  else if (subject.flags.isHonoursBarred) flags.push('取消评优');
  return flags.join('、');
}

/** The results table: rank, subject, top-level component scores, total, grade, flags. */
export function renderResults(result: EvaluationResult, topComponentIds: string[]): string {
  // `components` is made on each read of an engine result: read it once per subject
  const firstComponents = result.subjects[0]?.components;
  const componentLabels = topComponentIds.map(
    (id) => firstComponents?.find((component) => component.id === id)?.label ?? id,
  );
  const hasGrades = result.subjects.some((subject) => subject.grade !== null);
  const headers = ['排名', '考核对象', ...componentLabels, '总分', ...(hasGrades ? ['等次'] : []), '标记'];
  const ordered = [...result.subjects].sort(
    (left, right) => left.rank - right.rank || (left.subject < right.subject ? -1 : 1),
  );
  const rows = ordered.map((subject) => {
    const components = subject.components;
    return [
      String(subject.rank),
      subject.name ? `${subject.subject} ${subject.name}` : subject.subject,
      ...topComponentIds.map((id) => components.find((component) => component.id === id)?.counted ?? ''),
      subject.total,
      ...(hasGrades ? [subject.grade ?? ''] : []),
      flagText(subject),
    ];
  });
  const numeric = new Set([0, ...topComponentIds.map((_, index) => index + 2), topComponentIds.length + 2]);
  const lines = [
    `方案 ${result.scheme} · 周期 ${result.period} · ${result.subjects.length} 个考核对象`,
    '',
    renderTable(headers, rows, numeric),
  ];
  for (const quota of result.quotas) {
    lines.push(
      '',
      `「${quota.grade}」比例控制：至多 ${quota.allowed} 个，现 ${quota.held} 个${quota.demoted.length ? `；调整：${quota.demoted.join('、')}` : ''}`,
    );
  }
  if (result.rejected.length > 0) {
    lines.push('', `未采用的记录 ${result.rejected.length} 条:`);
    for (const rejected of result.rejected.slice(0, 20))
      lines.push(`  ${rejected.record}：${rejected.messageZh}`);
    if (result.rejected.length > 20)
      lines.push(`  …另有 ${result.rejected.length - 20} 条，用 --format json 查看全部`);
  }
  return lines.join('\n');
}

/** One subject's explanation, line by line, with the total it adds up to. */
export function renderExplanation(subject: SubjectResult): string {
  const rows = subject.explanation.map((entry) => [
    entry.points,
    entry.label,
    entry.clause ?? '',
    entry.assessor ?? '',
    entry.records.join(','),
    entry.note ?? '',
  ]);
  return [
    `${subject.subject}${subject.name ? ` ${subject.name}` : ''}：总分 ${subject.total}${subject.grade ? `，等次 ${subject.grade}` : ''}，排名 ${subject.rank}`,
    '',
    renderTable(['分值', '规则', '条款', '负责科室', '记录', '说明'], rows, new Set([0])),
    '',
    `合计 ${subject.total}`,
  ].join('\n');
}

/** A roll-up table: each part's total and grade, then the rolled total and grade. */
export function renderRollUp(result: RollUpResult): string {
  const periods = [
    ...new Set(result.subjects.flatMap((subject) => subject.parts.map((part) => part.period))),
  ].sort();
  const headers = ['排名', '考核对象', ...periods, '汇总分', '等次'];
  const ordered = [...result.subjects].sort(
    (left, right) => left.rank - right.rank || (left.subject < right.subject ? -1 : 1),
  );
  const rows = ordered.map((subject) => [
    String(subject.rank),
    subject.name ? `${subject.subject} ${subject.name}` : subject.subject,
    ...periods.map((period) => {
      const part = subject.parts.find((candidate) => candidate.period === period);
      return part ? `${part.total}${part.grade ? ` ${part.grade}` : ''}` : '—';
    }),
    subject.total,
    subject.grade ?? '',
  ]);
  return [`方案 ${result.scheme} · ${result.rollUp} · ${result.period}`, '', renderTable(headers, rows)].join(
    '\n',
  );
}

/** Problems as an indented bilingual list. */
export function renderProblems(problems: readonly Problem[]): string {
  return problems
    .map(
      (entry) =>
        `  ${entry.path || '(文件)'}：${entry.messageZh}\n  ${' '.repeat(displayWidth(entry.path || '(文件)'))} ${entry.messageEn}`,
    )
    .join('\n');
}
