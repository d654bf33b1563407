/**
 * An exact sum of decimal texts ("12.3456", "-0.5"): amounts are added as scaled integers so a
 * million CDRs total to the cent, with no float drift.
 */
export class DecimalSum {
  private units = 0n;
  private scale = 0;

  /** Adds one decimal text; anything that is not a plain decimal is ignored and reported false. */
  add(text: string | null): boolean {
    if (text === null) return false;
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

  /** The sum as decimal text, trailing zeros of the fraction trimmed ("12.5", "-3", "0"). */
  toString(): string {
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = digits.slice(digits.length - this.scale).replace(/0+$/, '');
    return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  }
}
