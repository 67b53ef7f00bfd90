// Results as CSV (RFC 4180): one row per participant × lab, fields quoted when they must be, and
// cells a spreadsheet would run as a formula (=, +, -, @ first) defused with a leading apostrophe
// (OWASP's CSV injection advice): a learner's display name is untrusted text.
export type CsvValue = string | number | boolean | Date | null | undefined;

export function csvField(value: CsvValue): string {
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines end in CRLF, as RFC 4180 says and spreadsheets expect. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export interface ResultRow {
  participant: string;
  userId: string;
  lab: string;
  step: string;
  checksPassed: number;
  checksTotal: number;
  completedAt?: Date;
  lastProgressAt?: Date;
  stuck: string;
}

export const RESULT_HEADER = ['participant', 'user_id', 'lab', 'current_step', 'checks_passed', 'checks_total', 'completed_at', 'last_progress_at', 'stuck'];

export function resultsCsv(rows: ResultRow[]): string {
  return toCsv(
    RESULT_HEADER,
    rows.map((r) => [r.participant, r.userId, r.lab, r.step, r.checksPassed, r.checksTotal, r.completedAt, r.lastProgressAt, r.stuck]),
  );
}
