import 'server-only';

// Attendance (émargement): the roster and its marks, walk-ins, closing a session, self check-in,
// sign-in sheets and attendance certificates.
export { canTakeAttendance, countAttendance, getRoster } from './roster';
export type { AttendanceCounts, Roster, RosterPerson, RosterSession, WaitingPerson } from './roster';
export { closeSession, markAttendance, MARKING_OPENS_MINUTES_BEFORE, markingOpensAt, setSelfCheckIn } from './marking';
export { addNewWalkIn, addWalkIn, searchWalkInCandidates } from './walk-ins';
export type { WalkInCandidate } from './walk-ins';
export { attendanceCountsFor, listRecentStaffSessions } from './staff-sessions';
export type { RecentStaffSession, StaffSessionCounts } from './staff-sessions';
export * from './check-in';
export * from './certificates';
export { rosterCsv, rosterCsvResponse } from './csv';
export { formatCertificateCode } from './codes';
export type { AttendanceStatus, AttendanceEntry } from './schema';
