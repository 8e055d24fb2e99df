/**
 * Spreadsheet bomb (issue 11 item 7, `npm run bench import-bomb`): a 1,000,000-row XLSX — the
 * attack that took 17.6 s and 1.65 GB when the import parsed the whole workbook — handed to the
 * import parser, which must refuse it. Prints the time to refuse and this process's peak RSS
 * (goal: under 2 s and under 200 MB). Also a 5,000-row sheet at the limit, read whole, for scale.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { AppError } from '../src/server/lib/errors.ts';
import { IMPORT_MAX_ROWS, parseImportRows } from '../src/server/lib/xlsx.ts';

const MEGABYTE = 1024 * 1024;

/** A minimal workbook of `rows` rows (two inline-string cells each), zipped as a spreadsheet is. */
function workbookOf(rows: number): Buffer {
  const parts: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>'];
  for (let index = 2; index <= rows + 1; index += 1) {
    parts.push(
      `<row r="${index}"><c r="A${index}" t="inlineStr"><is><t>张三${index}</t></is></c><c r="B${index}"><v>${index}</v></c></row>`,
    );
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>`;
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="导入" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  return Buffer.from(zipSync(files, { level: 9 }));
}

/** In a fresh process, so that its peak RSS is the parser's and not the file builder's. */
async function measure(label: string, path: string): Promise<void> {
  const bytes = readFileSync(path);
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  let outcome: string;
  try {
    const rows = await parseImportRows(bytes);
    outcome = `read ${rows.length} rows`;
  } catch (error) {
    outcome =
      error instanceof AppError
        ? `refused: ${JSON.stringify(error.details?.rows ?? error.message)}`
        : String(error);
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${label} (${(bytes.length / MEGABYTE).toFixed(1)} MB): ${seconds.toFixed(2)} s, peak RSS ${(peak / MEGABYTE).toFixed(0)} MB (${(baseline / MEGABYTE).toFixed(0)} MB before parsing) — ${outcome}\n`,
  );
}

const [mode, label, path] = process.argv.slice(2);
if (mode === 'measure' && label && path) {
  await measure(label, path);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bomb-'));
  try {
    for (const [name, rows] of [
      [`${IMPORT_MAX_ROWS} rows, at the limit`, IMPORT_MAX_ROWS],
      ['1,000,000 rows', 1_000_000],
    ] as const) {
      const file = join(dir, `${rows}.xlsx`);
      writeFileSync(file, workbookOf(rows));
      spawnSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), 'measure', name, file],
        {
          stdio: 'inherit',
        },
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
