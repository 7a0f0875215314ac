/**
 * The start of the hour `at` falls in. A file on a share carries this time instead of the moment it
 * was written: the share then tells when a workstation sent something to the hour, nothing finer.
 */
export function hourOf(at: Date): Date {
  const hour = new Date(at.getTime());
  hour.setUTCMinutes(0, 0, 0);
  return hour;
}
