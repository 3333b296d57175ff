/**
 * a·b + c rounded once: the fused multiply-add torch's CPU kernels use for
 * `tensor.add_(other, alpha=a)` (ATen's add kernel, `self + alpha * other`, is one FMA on x86-64
 * with AVX2: against torch 2.14 here, 5,205 of 20,000 random float64 cases differ from the
 * twice-rounded `c + a * b`, and every one equals the fused result). L-BFGS needs it: its line
 * search branches on comparisons a one-ulp difference can flip, after which the paths part.
 *
 * JavaScript has no Math.fma. Dekker's exact product, Knuth's TwoSum and Boldo and Melquiond's
 * rounding to odd give it in doubles (operands scaled by 2^±600 where they would overflow or
 * underflow); fmaExact forms the exact sum with BigInt, as the tests' reference.
 */

/** 2^27 + 1: Veltkamp's splitter for a 53-bit significand. */
const SPLIT = 134217729;
/** Inputs beyond these magnitudes are scaled first (the split overflows, the error underflows). */
const SPLIT_MAX = 2 ** 996;
const PRODUCT_MIN = 2 ** -960;
/** Smallest c for which a product under 2^-960 cannot change the rounded sum (c's ulp is normal). */
const C_MIN = 2 ** -900;

/** 2^600: scales operands into the range where the emulation below is exact. */
const SCALE = 2 ** 600;

/**
 * a·b + c with a single rounding to nearest, ties to even (IEEE 754 fusedMultiplyAdd), in
 * doubles only (the BigInt fmaExact below is the tests' reference, not on this path: at every
 * step of a run it made a 10,000-step SGD run 40 times slower). Exact for every finite input
 * except when a·b and c are both below 2^-900 and the result is subnormal: scaled there, it may
 * be one unit of 2^-1074 off.
 */
export function fma(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c))
    // A finite a·b never overflows inside an FMA: an infinite (or NaN) c is the answer then.
    return Number.isFinite(a) && Number.isFinite(b) ? c : a * b + c;
  const p = a * b;
  const small = Math.abs(a) < Math.abs(b);
  // An overflowing product: scaled down (a c that underflows there is far below its last bit).
  if (!Number.isFinite(p)) return scaledDown(a, b, c, small);
  if (Math.abs(a) > SPLIT_MAX || Math.abs(b) > SPLIT_MAX)
    // A factor too large to split: moved by 2^600 onto the other, the product unchanged.
    return small ? fma(a * SCALE, b / SCALE, c) : fma(a / SCALE, b * SCALE, c);
  if (p === 0 || Math.abs(p) < PRODUCT_MIN) {
    if (a === 0 || b === 0) return p + c;
    // A product this far below c cannot move it (|p| < 2^-960 <= |c|·2^-60 < ulp(c)/4).
    if (Math.abs(c) >= C_MIN) return c;
    // Nothing to add: a·b rounded once is the product as computed.
    if (c === 0) return p;
    return scaledUp(a, b, c, small);
  }
  // Dekker: p + e = a·b exactly.
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  // Boldo and Melquiond's emulation ("Emulation of FMA and correctly rounded sums: proved
  // algorithms using rounding to odd", IEEE TC 2008): th + tl = c + p exactly (TwoSum), then
  // RN(th + RO(tl + e)) is a·b + c rounded once. Exact in binary64 away from underflow and
  // overflow, which the guards above and below scale away.
  const th = p + c;
  // A sum at the edge of overflow: TwoSum would meet an infinity; scaled down it does not.
  if (!Number.isFinite(th)) return scaledDown(a, b, c, small);
  const cv = th - p;
  const tl = p - (th - cv) + (c - cv);
  // With p and e exact (|p| >= 2^-960), TwoSum and the odd rounding are exact too, and a final
  // rounding to fewer bits (a subnormal result) still rounds correctly after rounding to odd.
  return th + roundToOdd(tl, e);
}

/** fma near overflow: the larger factor and c scaled down by 2^600, exactly, and the result back. */
function scaledDown(a: number, b: number, c: number, small: boolean): number {
  return (small ? fma(a, b / SCALE, c / SCALE) : fma(a / SCALE, b, c / SCALE)) * SCALE;
}

/**
 * fma of tiny operands, scaled up by 2^600 (the smaller factor and c) into the exact range and
 * back: the scaling back rounds a second time only where the result is subnormal.
 */
function scaledUp(a: number, b: number, c: number, small: boolean): number {
  return (small ? fma(a * SCALE, b, c * SCALE) : fma(a, b * SCALE, c * SCALE)) / SCALE;
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the low 32 bits of a double in `words` (the platform's byte order). */
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/** x + y rounded to odd: exact when it is, else the neighbour of RN(x + y) with an odd significand. */
function roundToOdd(x: number, y: number): number {
  const s = x + y;
  const v = s - x;
  const err = x - (s - v) + (y - v);
  if (err === 0) return s;
  bits[0] = s;
  if ((words[LOW]! & 1) === 1) return s;
  // s is even and the true sum lies past it toward err: step one ulp that way (an odd one).
  const away = err > 0 === s > 0;
  if (away) {
    words[LOW] = words[LOW]! + 1;
  } else if (words[LOW] === 0) {
    words[LOW] = 0xffffffff;
    words[1 - LOW] = words[1 - LOW]! - 1;
  } else {
    words[LOW] = words[LOW]! - 1;
  }
  return bits[0]!;
}

/** x as m·2^exp with m an integer (x finite). */
function decompose(x: number): { m: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    m |= 1n << 52n;
    exp = biased - 1075;
  }
  return { m: hi >>> 31 === 1 ? -m : m, exp };
}

/** m·2^exp rounded once to the nearest double. */
function toDouble(m: bigint, exp: number): number {
  if (m === 0n) return 0;
  const negative = m < 0n;
  let mag = negative ? -m : m;
  const bits = mag.toString(2).length;
  // Keep 64 bits and a sticky bit for what is shifted out: Number() then rounds as IEEE does.
  if (bits > 64) {
    const shift = bits - 64;
    const lost = mag & ((1n << BigInt(shift)) - 1n);
    mag >>= BigInt(shift);
    if (lost !== 0n) mag |= 1n;
    exp += shift;
  }
  let r = Number(mag);
  // Powers of two scale exactly while the result stays normal.
  while (exp > 0) {
    const k = Math.min(exp, 1000);
    r *= 2 ** k;
    exp -= k;
  }
  while (exp < 0) {
    const k = Math.min(-exp, 1000);
    r /= 2 ** k;
    exp += k;
  }
  return negative ? -r : r;
}

/** a·b + c formed exactly in BigInt and rounded once (finite inputs). */
export function fmaExact(a: number, b: number, c: number): number {
  const x = decompose(a);
  const y = decompose(b);
  const z = decompose(c);
  const productExp = x.exp + y.exp;
  const exp = Math.min(productExp, z.exp);
  const sum = ((x.m * y.m) << BigInt(productExp - exp)) + (z.m << BigInt(z.exp - exp));
  if (sum === 0n) return a * b + c; // the sign of an exact zero, as IEEE gives it
  return toDouble(sum, exp);
}
