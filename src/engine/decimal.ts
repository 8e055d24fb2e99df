/**
 * Exact decimal points as scaled integers.
 *
 * A `Scaled` is an integer count of millionths of a point: 0.5 points is 500_000. Sums of
 * scaled integers are exact (a quarter of 0.5-point lateness deductions never drifts), and
 * JavaScript numbers hold integers exactly up to 2^53, i.e. about 9 × 10^9 points — far above
 * any score. Division is the only operation that can leave a remainder; every division goes
 * through `divideRounded`, which rounds at the sixth place unless a scheme asks for fewer.
 */

/** Decimal places kept internally. */
export const PLACES = 6;
/** 10^PLACES: one point in scaled units. */
export const SCALE = 1_000_000;

/**
 * The largest count a record may carry: beyond 2^53 / SCALE occurrences, count × points (in
 * scaled units) no longer fits a JavaScript number exactly even at one point each, so totals
 * would be inexact. Intake refuses larger counts per item (see `exactCountLimit`).
 */
export const MAX_EXACT_COUNT = Math.floor(Number.MAX_SAFE_INTEGER / SCALE);

/** The largest count of an item charged `points` (scaled) per occurrence that sums exactly. */
export function exactCountLimit(points: Scaled): number {
  return Math.floor(Number.MAX_SAFE_INTEGER / Math.max(SCALE, points));
}

/** An integer number of millionths of a point. */
export type Scaled = number;

/** How a value is rounded to a number of places (`half-up` rounds .5 away from zero). */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses a decimal ('0.5', '-2', 3.25) into scaled units; null if it is not one or has more than 6 places. */
export function parseDecimal(input: string | number): Scaled | null {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    if (Number.isInteger(input)) return Number.isSafeInteger(input * SCALE) ? input * SCALE : null;
    // Fast path for values like 87.5: below 1e9 two 6-place decimals never share a double, so
    // when scaled × 10⁻⁶ gives back the input, it is the decimal String(input) would show.
    if (input > -1e9 && input < 1e9) {
      const scaled = input * SCALE;
      if (Number.isInteger(scaled) && scaled / SCALE === input) return scaled;
    }
    text = String(input);
  } else {
    text = input.trim();
  }
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.length > PLACES) return null;
  const value = Number(whole) * SCALE + Number(fraction.padEnd(PLACES, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' && value !== 0 ? -value : value;
}

/** Formats scaled units as a plain decimal string without trailing zeros: 1_500_000 → '1.5'. */
export function formatDecimal(value: Scaled): string {
  const negative = value < 0;
  const absolute = negative ? -value : value;
  const whole = Math.floor(absolute / SCALE);
  const fraction = absolute - whole * SCALE;
  let text = String(whole);
  if (fraction !== 0) {
    // drop trailing zeros arithmetically: this runs for millions of explanation lines
    let digits = PLACES;
    let remaining = fraction;
    while (remaining % 10 === 0) {
      remaining /= 10;
      digits--;
    }
    text += `.${String(remaining).padStart(digits, '0')}`;
  }
  return negative ? `-${text}` : text;
}

/** Formats with an explicit sign for explanation lines: '+2', '-0.5', '0'. */
export function formatSigned(value: Scaled): string {
  return value > 0 ? `+${formatDecimal(value)}` : formatDecimal(value);
}

/** Converts whole points (an integer) to scaled units. */
export function points(whole: number): Scaled {
  return whole * SCALE;
}

/**
 * numerator / denominator rounded to an integer by `mode`. Exact for safe integers; falls back
 * to BigInt when an intermediate product would lose precision.
 */
export function divideRounded(
  numerator: number,
  denominator: number,
  mode: RoundingMode = 'half-up',
): number {
  if (denominator === 0) throw new RangeError('division by zero');
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    return divideRoundedBig(BigInt(numerator), BigInt(denominator), mode);
  }
  const negative = numerator < 0 !== denominator < 0;
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const quotient = Math.floor(n / d);
  const remainder = n - quotient * d;
  const magnitude =
    quotient + (roundsAway(remainder * 2, d, quotient % 2 === 1, remainder !== 0, mode) ? 1 : 0);
  return negative ? -magnitude : magnitude;
}

/** a × b / c, rounded by `mode`, without losing precision in the product. */
export function multiplyDivide(a: number, b: number, c: number, mode: RoundingMode = 'half-up'): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return divideRounded(product, c, mode);
  return divideRoundedBig(BigInt(a) * BigInt(b), BigInt(c), mode);
}

function divideRoundedBig(numerator: bigint, denominator: bigint, mode: RoundingMode): number {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const remainder = n - quotient * d;
  const twice = remainder * 2n;
  const isOdd = quotient % 2n === 1n;
  let away = false;
  if (mode === 'up') away = remainder !== 0n;
  else if (mode === 'half-up') away = twice >= d;
  else if (mode === 'half-even') away = twice > d || (twice === d && isOdd);
  const magnitude = Number(quotient + (away ? 1n : 0n));
  return negative ? -magnitude : magnitude;
}

function roundsAway(
  twiceRemainder: number,
  divisor: number,
  isOdd: boolean,
  hasRemainder: boolean,
  mode: RoundingMode,
): boolean {
  switch (mode) {
    case 'down':
      return false;
    case 'up':
      return hasRemainder;
    case 'half-up':
      return twiceRemainder >= divisor;
    case 'half-even':
      return twiceRemainder > divisor || (twiceRemainder === divisor && isOdd);
  }
}

/** Rounds scaled units to `places` decimal places (0–6) by `mode`. */
export function roundScaled(value: Scaled, places: number, mode: RoundingMode): Scaled {
  if (places >= PLACES) return value;
  const step = 10 ** (PLACES - places);
  return divideRounded(value, step, mode) * step;
}

/** Sums scaled values. */
export function sumScaled(values: readonly Scaled[]): Scaled {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
