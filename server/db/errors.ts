/** The one place that knows how each engine reports a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A value the database refused as data: PostgreSQL's SQLSTATE class 22 (invalid text representation
 * 22P02, datetime field overflow 22008, invalid datetime format 22007, character not in repertoire
 * 22021, numeric value out of range 22003, untranslatable character 22P05…), and SQLite's type
 * mismatch or oversized value. The request carried it, so it is the client's 400, never a 500.
 */
export function isDataError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  if (typeof code !== 'string') return false;
  return /^22[0-9A-Z]{3}$/.test(code) || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG';
}
