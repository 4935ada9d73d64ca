/**
 * The BG/NBD's time unit (config customerBase.timeUnit): the model is fitted on x, t_x and T in
 * this unit. Weeks are the literature's default (Fader, Hardie & Lee 2005). A month is a twelfth
 * of a mean Gregorian year (30.4375 days), the same month the value horizon and the discount
 * rate use.
 */
export type TimeUnit = 'day' | 'week' | 'month';

export const DAYS_PER_MONTH = 365.25 / 12;

export function daysPerUnit(unit: TimeUnit): number {
  return unit === 'day' ? 1 : unit === 'week' ? 7 : DAYS_PER_MONTH;
}
