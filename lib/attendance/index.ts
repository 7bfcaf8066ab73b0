import 'server-only';

// Attendance (émargement): the roster and its marks, walk-ins, closing a session, self check-in,
// sign-in sheets and attendance certificates.
export * from './roster';
export * from './check-in';
export * from './certificates';
export { rosterCsv, rosterCsvResponse } from './csv';
export { formatCertificateCode } from './codes';
export type { AttendanceStatus, AttendanceEntry } from './schema';
