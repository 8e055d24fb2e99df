/** Pure rules of the results (评查办法第十七–十八条): masking parties, people with many failing files. */

/**
 * A party's name as other agencies read it in the showcase (第十八条): a person keeps the surname
 * (张三 → 张某), an organisation its first two characters and its form (博湖县某某商贸有限公司 →
 * 博湖***有限公司).
 */
export function maskPartyName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) return trimmed;
  const form = /(有限责任公司|股份有限公司|有限公司|公司|合作社|个体工商户|厂|店|中心|部)$/.exec(
    trimmed,
  )?.[0];
  if (form) return `${trimmed.slice(0, Math.min(2, trimmed.length - form.length))}***${form}`;
  if (trimmed.length <= 4) return `${trimmed[0]}某`;
  return `${trimmed.slice(0, 2)}***`;
}

/** `text` with every party name in it replaced by its mask (longest names first). */
export function maskParties(text: string, partyNames: readonly string[]): string {
  return [...new Set(partyNames.map((name) => name.trim()).filter((name) => name.length > 0))]
    .sort((a, b) => b.length - a.length)
    .reduce((masked, name) => masked.split(name).join(maskPartyName(name)), text);
}

export interface PersonFile {
  /** officer id, or `user:<id>` for a legal reviewer */
  personKey: string;
  name: string;
  role: 'handler' | 'legal_reviewer';
  orgName: string | null;
  officerId: number | null;
  fileId: number;
  caseNo: string;
}

/**
 * 第十八条: 承办不合格案卷较多的行政执法人员及法制审核人员 — each person (handler or legal reviewer)
 * with at least `threshold` failing files, most files first, then by name.
 */
export function failingPersons(files: readonly PersonFile[], threshold: number) {
  const byPerson = new Map<string, { person: PersonFile; files: PersonFile[] }>();
  for (const file of files) {
    const key = `${file.role}|${file.personKey}`;
    const entry = byPerson.get(key) ?? { person: file, files: [] };
    if (!entry.files.some((other) => other.fileId === file.fileId)) entry.files.push(file);
    byPerson.set(key, entry);
  }
  return [...byPerson.values()]
    .filter((entry) => entry.files.length >= threshold)
    .sort((a, b) => b.files.length - a.files.length || a.person.name.localeCompare(b.person.name, 'zh'))
    .map((entry) => ({
      personKey: entry.person.personKey,
      name: entry.person.name,
      role: entry.person.role,
      orgName: entry.person.orgName,
      officerId: entry.person.officerId,
      failingFiles: entry.files.map((file) => ({ fileId: file.fileId, caseNo: file.caseNo })),
    }));
}
