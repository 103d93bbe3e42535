// Short names for the generated schema types.
import type { components, paths } from './schema';

type S = components['schemas'];
export type { paths };
export type Category = S['CategoryView'];
export type Division = S['DivisionView'];
export type Receipt = S['Receipt'];
export type TrackingView = S['TrackingView'];
export type PublicEvent = S['PublicEvent'];
export type SubmissionInput = S['SubmissionInput'];
export type ReporterInput = S['ReporterInput'];
export type ComplaintView = S['ComplaintView'];
export type ComplaintSummary = S['ComplaintSummary'];
export type ComplaintPage = S['ComplaintPage'];
export type EventView = S['EventView'];
export type AttachmentView = S['AttachmentView'];
export type ReporterIdentity = S['ReporterIdentity'];
export type StaffRef = S['StaffRef'];
export type StatusCount = S['StatusCount'];
export type UserView = S['UserView'];
export type HolidayView = S['HolidayView'];
export type HolidaySetView = S['HolidaySetView'];
export type Me = S['Me'];
export type Status = S['Status'];
export type Kind = S['Kind'];
export type Channel = S['Channel'];
export type Role = S['Role'];
export type Action = S['Action'];
export type SlaState = S['SlaState'];
export type SlaView = S['SlaView'];
export type RejectionReason = S['RejectionReason'];
export type IdentityDocType = S['IdentityDocType'];
export type EventKind = S['EventKind'];
export type Notification = S['Notification'];
export type NotificationPage = S['NotificationPage'];
export type StaffNotice = S['StaffNotice'];

export const STATUSES: Status[] = [
  'received',
  'needs_info',
  'verified',
  'rejected',
  'dispositioned',
  'in_progress',
  'resolved',
  'closed',
  'archived',
];
export const KINDS: Kind[] = ['complaint', 'suggestion', 'input'];
export const ID_TYPES: IdentityDocType[] = ['ktp', 'sim', 'passport', 'kitas', 'other'];
export const REJECTION_REASONS: RejectionReason[] = ['outside_authority', 'incomplete', 'duplicate', 'not_relevant'];
export const ROLES: Role[] = ['admin', 'supervisor', 'team_lead', 'complaint_officer', 'it_operator', 'division_staff'];
export const CHANNELS: Channel[] = [
  'web',
  'mobile_app',
  'email',
  'phone',
  'whatsapp',
  'facebook',
  'walk_in',
  'letter',
  'suggestion_box',
  'sp4n_lapor',
  'api_client',
];
