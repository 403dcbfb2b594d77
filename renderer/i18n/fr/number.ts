const french = new Intl.NumberFormat('fr');

/**
 * A number written the French way, for counts that stand without a noun
 * ("5 sur 1 200 éléments copiés"); counts with a noun go through ../plural.
 *
 * @example frenchNumber(1200) // '1 200' (with a narrow no-break space)
 */
export function frenchNumber(value: number): string {
  return french.format(value);
}
