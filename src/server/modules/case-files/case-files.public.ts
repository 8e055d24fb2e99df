/** The only functions other domains import from case-files: a cleared reader's view of a file. */
export { readCaseFileOfCase } from './case-files.service.ts';
