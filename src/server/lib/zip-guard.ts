/**
 * How big a ZIP (an XLSX or DOCX upload) really is once inflated, counted by inflating it and
 * stopping as soon as the count passes a cap — the declared sizes in a ZIP's directory can lie, so
 * only inflating tells (a "zip bomb": 8 MB that inflates to a million rows). fflate is the inflater
 * the docx package already ships.
 */
import { Unzip, UnzipInflate } from 'fflate';

/** Inflated bytes of every entry, or `null` once they pass `capBytes` (inflating stops there). */
export function inflatedSizeWithin(bytes: Uint8Array, capBytes: number): number | null {
  let total = 0;
  let exceeded = false;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (error || exceeded) return;
      total += chunk.length;
      if (total > capBytes) {
        exceeded = true;
        file.terminate();
      }
    };
    if (!exceeded) file.start();
  });
  unzip.register(UnzipInflate);
  const step = 64 * 1024;
  for (let offset = 0; offset < bytes.length && !exceeded; offset += step) {
    unzip.push(bytes.subarray(offset, offset + step), offset + step >= bytes.length);
  }
  return exceeded ? null : total;
}
