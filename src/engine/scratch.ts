/**
 * Working memory one evaluation lends the next: the row buckets and sort area (buckets.ts) are
 * some tens of megabytes for a province, and only needed while an evaluation runs.
 *
 * Typed arrays live outside the JavaScript heap, and V8 starts a full mark of the heap (every
 * live object, mostly the caller's input records) whenever such memory grows 64 MB past what
 * its last full collection left. Borrowing the last evaluation's scratch instead of allocating
 * it again keeps back-to-back evaluations from growing it at all. The spare is held weakly, so
 * a full collection between evaluations frees it: an idle server keeps nothing.
 */

export class Scratch {
  private readonly arrays = new Map<string, Int32Array>();

  /** An Int32Array of at least `length` elements for `use`, with unspecified contents. */
  int32(use: string, length: number): Int32Array {
    const known = this.arrays.get(use);
    if (known !== undefined && known.length >= length) return known;
    // a little headroom, so a slightly larger input next time does not allocate again
    const array = new Int32Array(Math.max(16, Math.ceil(length * 1.125)));
    this.arrays.set(use, array);
    return array;
  }

  /** Replaces `use`'s array with a larger one holding `keep` elements of it (growing a pool). */
  grow(use: string, length: number, keep: number): Int32Array {
    const old = this.arrays.get(use);
    const array = new Int32Array(length);
    if (old !== undefined) array.set(old.subarray(0, keep));
    this.arrays.set(use, array);
    return array;
  }
}

let spare: WeakRef<Scratch> | undefined;

/** The previous evaluation's scratch if it is still alive, else a new one; return it when done. */
export function borrowScratch(): Scratch {
  const scratch = spare?.deref();
  spare = undefined;
  return scratch ?? new Scratch();
}

export function returnScratch(scratch: Scratch): void {
  spare = new WeakRef(scratch);
}
