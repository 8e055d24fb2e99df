/**
 * The `fazhi backup` file: gzip of a line stream, like pg_dump's plain format. Line 1 is the
 * header (JSON); then per table a JSON line naming the table and its columns, the rows as
 * PostgreSQL COPY text (one row per line: COPY escapes newlines), and a `\.` line.
 * The embedded PostgreSQL package ships no pg_dump, and Debian's pg_dump 15 refuses a version-17
 * server, so Fazhi writes this itself through COPY, the same mechanism pg_dump uses for data.
 */
export const BACKUP_FORMAT = 'fazhi-backup';
export const BACKUP_VERSION = 1;
export const END_OF_TABLE = '\\.';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** the schema the rows fit: every applied migration, with its checksum */
  migrations: Array<{ version: string; checksum: string }>;
  tables: Array<{ name: string; rows: number }>;
}

export interface TableSection {
  table: string;
  columns: string[];
}

/** Reads a header line, or says in Chinese why the file is not a Fazhi backup. */
export function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> | null = null;
  try {
    header = line ? (JSON.parse(line) as Partial<BackupHeader>) : null;
  } catch {
    header = null;
  }
  if (header?.format !== BACKUP_FORMAT)
    throw new Error('该文件不是法治平台的备份文件（fazhi backup 生成的 .gz 文件）');
  if (header.version !== BACKUP_VERSION)
    throw new Error(
      `备份文件格式版本 ${String(header.version)} 不受支持（本版本读取第 ${BACKUP_VERSION} 版）`,
    );
  return header as BackupHeader;
}
