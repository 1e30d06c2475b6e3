/** Dollars as the browser's locale writes them; tiny amounts keep enough digits to not read as zero. */
export function formatUsd(amount: number): string {
  const digits = amount > 0 && amount < 0.01 ? 4 : 2;
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
}

export const formatCount = (n: number): string => new Intl.NumberFormat().format(n);
