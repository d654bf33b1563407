const FAST = /^-?\d{1,9}(\.\d{1,6})?$/;

/**
 * An exact sum of decimal texts ("12.3456", "-0.5"): amounts are added as scaled integers so a
 * million CDRs total to the cent, with no float drift.
 */
export class DecimalSum {
  private units = 0n;
  private scale = 6;
  /** Fast path: micro-units summed as a float-free integer Number while that is exact (< 2^53). */
  private micro = 0;

  /** Adds one decimal text; anything that is not a plain decimal is ignored and reported false. */
  add(text: string | null): boolean {
    if (text === null) return false;
    // Up to 9 integer digits and 6 decimals: value × 10^6 < 2^53, so rounding it is exact.
    if (FAST.test(text)) {
      this.micro += Math.round(Number(text) * 1e6);
      if (Math.abs(this.micro) > 2 ** 52) this.flush();
      return true;
    }
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!m) return false;
    const fraction = m[3] ?? '';
    if (fraction.length > this.scale) {
      this.units *= 10n ** BigInt(fraction.length - this.scale);
      this.scale = fraction.length;
    }
    const value = BigInt(m[2] + fraction.padEnd(this.scale, '0'));
    this.units += m[1] === '-' ? -value : value;
    return true;
  }

  private flush(): void {
    this.units += BigInt(this.micro) * 10n ** BigInt(this.scale - 6);
    this.micro = 0;
  }

  /** The sum as decimal text, trailing zeros of the fraction trimmed ("12.5", "-3", "0"). */
  toString(): string {
    this.flush();
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = digits.slice(digits.length - this.scale).replace(/0+$/, '');
    return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  }
}
