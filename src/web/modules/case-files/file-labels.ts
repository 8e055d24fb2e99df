/** 案卷情形 (traits that make optional documents required), as catalogue.ts names them. */
export const FILE_TRAIT_OPTIONS: { value: string; label: string }[] = [
  { value: 'hearing', label: '举行听证' },
  { value: 'statement', label: '当事人陈述申辩' },
  { value: 'sampling', label: '抽样取证' },
  { value: 'preservation', label: '先行登记保存' },
  { value: 'coercion', label: '查封、扣押等强制措施' },
  { value: 'rectification', label: '责令（限期）改正' },
  { value: 'transfer', label: '案件移送' },
  { value: 'confiscation', label: '罚没物品处理' },
  { value: 'forced_execution', label: '强制执行' },
  { value: 'supplement', label: '申请材料补证' },
  { value: 'not_accepted', label: '不予受理' },
  { value: 'site_verification', label: '现场核查' },
  { value: 'extension', label: '延期决定' },
  { value: 'special_procedure', label: '特别程序' },
  { value: 'site_inspection', label: '现场检查' },
  { value: 'consultation', label: '征求意见' },
  { value: 'inspection_test', label: '检验检测鉴定' },
  { value: 'fee', label: '依法收费' },
  { value: 'granted', label: '准予许可并发证' },
  { value: 'collective_discussion', label: '集体讨论' },
];

export const VOLUME_LABELS = { main: '正卷', restricted: '副卷' } as const;

/** Bytes as 12.3 KB / 4.5 MB (shared with the assessment evidence lists). */
export { formatBytes } from '../../../common/attachments.ts';
