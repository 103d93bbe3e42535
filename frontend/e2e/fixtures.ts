// Accounts and files the end-to-end tests use.
export const ADMIN_PASSWORD = 'admin-e2e-password';
export const STAFF_PASSWORD = 'staff-e2e-password';

export const STAFF = [
  { username: 'officer', fullName: 'Ni Made Petugas', role: 'complaint_officer', division: null },
  { username: 'itop', fullName: 'I Gede Operator', role: 'it_operator', division: null },
  { username: 'lead', fullName: 'I Wayan Ketua', role: 'team_lead', division: null },
  { username: 'pengawas', fullName: 'Ida Ayu Pengawas', role: 'supervisor', division: null },
  { username: 'pelayanan', fullName: 'Ni Ketut Pelayanan', role: 'division_staff', division: 'PELAYANAN' },
  { username: 'modal', fullName: 'I Nyoman Modal', role: 'division_staff', division: 'PENANAMAN-MODAL' },
  // Only the notification tests send work to this division, so its counts are theirs.
  { username: 'kendali', fullName: 'Ni Putu Pengendalian', role: 'division_staff', division: 'PENGENDALIAN' },
] as const;

/** A valid 1×1 PNG. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A NIK with a valid shape (16 digits; Bangli region code 5106). */
export const NIK = '5106011203850001';
