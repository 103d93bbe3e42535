//! Service-level deadlines in working days (seed a.3), computed from a
//! complaint's clock. Pure: the caller passes the calendar and "today".

use chrono::NaiveDate;

use super::{text_enum, Calendar, Status};

/// How many working days each step may take; configurable per deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlaPolicy {
    /// Staff verify a submission against the requirements within this many days.
    pub verify_days: u32,
    /// The reporter answers a request for information within this many days.
    pub reporter_reply_days: u32,
    /// The reporter may accept or dispute a resolution within this many days.
    pub evaluation_days: u32,
    /// A running deadline is "at risk" once this share of its time is used.
    pub at_risk_percent: u32,
}

impl Default for SlaPolicy {
    fn default() -> Self {
        SlaPolicy {
            verify_days: 3,
            reporter_reply_days: 10,
            evaluation_days: 10,
            at_risk_percent: 75,
        }
    }
}

text_enum! {
    /// Where a running deadline stands today.
    pub enum SlaState {
        OnTrack = "on_track",
        AtRisk = "at_risk",
        Overdue = "overdue",
    }
}

/// The inputs every due date of a complaint derives from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComplaintClock {
    /// Agency-local date of receipt; day 1 is the next working day.
    pub received_on: NaiveDate,
    /// The category's resolution target, counted from receipt.
    pub target_days: u32,
    /// Working days added by staff, with a reason.
    pub extension_days: u32,
    /// Working days spent waiting for the reporter: they do not count.
    pub paused_days: u32,
    /// Since when the complaint waits for the reporter (needs-info or resolved).
    pub waiting_since: Option<NaiveDate>,
}

/// A deadline that is running against the staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub due_on: NaiveDate,
    pub at_risk_on: NaiveDate,
}

impl Deadline {
    pub fn state(&self, today: NaiveDate) -> SlaState {
        if today > self.due_on {
            SlaState::Overdue
        } else if today >= self.at_risk_on {
            SlaState::AtRisk
        } else {
            SlaState::OnTrack
        }
    }
}

/// Every due date of a complaint in its current status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub verification_due_on: NaiveDate,
    pub resolution_due_on: NaiveDate,
    /// The staff's running deadline; `None` while the clock is paused or stopped.
    pub active: Option<Deadline>,
    /// The reporter's deadline while the complaint waits for them.
    pub reporter_due_on: Option<NaiveDate>,
}

/// The longest a resolution target may be, extensions included (seed a.3).
pub const MAX_TOTAL_DAYS: u32 = super::WorkingDays::MAX as u32;

impl ComplaintClock {
    pub fn total_resolution_days(&self) -> u32 {
        self.target_days + self.extension_days
    }

    /// Whether `extra` more working days stay within the 60-day ceiling.
    pub fn can_extend_by(&self, extra: u32) -> bool {
        extra > 0 && self.total_resolution_days() + extra <= MAX_TOTAL_DAYS
    }

    fn deadline(&self, calendar: &Calendar, policy: &SlaPolicy, days: u32) -> Deadline {
        let at_risk_days = (days * policy.at_risk_percent).div_ceil(100);
        Deadline {
            due_on: calendar.add_working_days(self.received_on, days + self.paused_days),
            at_risk_on: calendar
                .add_working_days(self.received_on, at_risk_days + self.paused_days),
        }
    }

    pub fn schedule(&self, status: Status, calendar: &Calendar, policy: &SlaPolicy) -> Schedule {
        let verification = self.deadline(calendar, policy, policy.verify_days);
        let resolution = self.deadline(calendar, policy, self.total_resolution_days());
        let waiting_for = |days: u32| {
            self.waiting_since
                .map(|since| calendar.add_working_days(since, days))
        };
        let (active, reporter_due_on) = match status {
            Status::Received => (Some(verification), None),
            Status::Verified | Status::Dispositioned | Status::InProgress => {
                (Some(resolution), None)
            }
            Status::NeedsInfo => (None, waiting_for(policy.reporter_reply_days)),
            Status::Resolved => (None, waiting_for(policy.evaluation_days)),
            Status::Rejected | Status::Closed | Status::Archived => (None, None),
        };
        Schedule {
            verification_due_on: verification.due_on,
            resolution_due_on: resolution.due_on,
            active,
            reporter_due_on,
        }
    }

    /// The clock after the reporter answered: the wait no longer counts.
    pub fn resume(self, calendar: &Calendar, today: NaiveDate) -> ComplaintClock {
        let waited = self
            .waiting_since
            .map(|since| calendar.working_days_between(since, today))
            .unwrap_or(0);
        ComplaintClock {
            paused_days: self.paused_days + waited,
            waiting_since: None,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn calendar() -> Calendar {
        Calendar::new(
            chrono_tz::Asia::Makassar,
            [d(2026, 12, 24), d(2026, 12, 25), d(2027, 1, 1)],
        )
    }

    fn clock(received_on: NaiveDate, target_days: u32) -> ComplaintClock {
        ComplaintClock {
            received_on,
            target_days,
            extension_days: 0,
            paused_days: 0,
            waiting_since: None,
        }
    }

    #[test]
    fn received_runs_the_verification_clock() {
        // Friday 27 Nov 2026: day 1 is Monday 30 Nov, day 3 Wednesday 2 Dec.
        let s = clock(d(2026, 11, 27), 14).schedule(
            Status::Received,
            &calendar(),
            &SlaPolicy::default(),
        );
        let active = s.active.unwrap();
        assert_eq!(active.due_on, d(2026, 12, 2));
        // 75 % of 3 days rounds up to 3: at risk on the due day itself.
        assert_eq!(active.at_risk_on, d(2026, 12, 2));
        assert_eq!(s.verification_due_on, d(2026, 12, 2));
        assert_eq!(s.reporter_due_on, None);
    }

    #[test]
    fn resolution_clock_counts_from_receipt_and_skips_holidays() {
        // 20 working days from Fri 27 Nov 2026, skipping 24, 25 Dec.
        let s = clock(d(2026, 11, 27), 20).schedule(
            Status::InProgress,
            &calendar(),
            &SlaPolicy::default(),
        );
        let active = s.active.unwrap();
        assert_eq!(active.due_on, d(2026, 12, 29));
        // 15 working days: Fri 18 Dec.
        assert_eq!(active.at_risk_on, d(2026, 12, 18));
    }

    #[test]
    fn states_follow_today() {
        let deadline = Deadline {
            due_on: d(2026, 12, 10),
            at_risk_on: d(2026, 12, 8),
        };
        assert_eq!(deadline.state(d(2026, 12, 7)), SlaState::OnTrack);
        assert_eq!(deadline.state(d(2026, 12, 8)), SlaState::AtRisk);
        assert_eq!(deadline.state(d(2026, 12, 10)), SlaState::AtRisk);
        assert_eq!(deadline.state(d(2026, 12, 11)), SlaState::Overdue);
    }

    #[test]
    fn waiting_for_the_reporter_pauses_and_resuming_shifts_every_due_date() {
        let cal = calendar();
        let policy = SlaPolicy::default();
        let mut c = clock(d(2026, 11, 27), 10);
        let before = c.schedule(Status::Received, &cal, &policy);
        c.waiting_since = Some(d(2026, 11, 30));
        let waiting = c.schedule(Status::NeedsInfo, &cal, &policy);
        assert_eq!(waiting.active, None);
        assert_eq!(waiting.reporter_due_on, Some(d(2026, 12, 14)));
        // The reporter answers on Thursday 3 Dec: 3 working days of pause.
        let resumed = c.resume(&cal, d(2026, 12, 3));
        assert_eq!(resumed.paused_days, 3);
        assert_eq!(resumed.waiting_since, None);
        let after = resumed.schedule(Status::Received, &cal, &policy);
        assert_eq!(
            after.verification_due_on,
            cal.add_working_days(before.verification_due_on, 3)
        );
        assert_eq!(
            after.resolution_due_on,
            cal.add_working_days(before.resolution_due_on, 3)
        );
    }

    #[test]
    fn resolved_gives_the_reporter_an_evaluation_window() {
        let mut c = clock(d(2026, 11, 27), 10);
        c.waiting_since = Some(d(2026, 12, 1));
        let s = c.schedule(Status::Resolved, &calendar(), &SlaPolicy::default());
        assert_eq!(s.active, None);
        assert_eq!(s.reporter_due_on, Some(d(2026, 12, 15)));
    }

    #[test]
    fn finished_complaints_have_no_running_clock() {
        for status in [Status::Rejected, Status::Closed, Status::Archived] {
            let s = clock(d(2026, 11, 27), 10).schedule(status, &calendar(), &SlaPolicy::default());
            assert_eq!((s.active, s.reporter_due_on), (None, None), "{status}");
        }
    }

    #[test]
    fn extensions_never_pass_sixty_working_days() {
        let mut c = clock(d(2026, 11, 27), 50);
        assert!(c.can_extend_by(10));
        assert!(!c.can_extend_by(11));
        assert!(!c.can_extend_by(0));
        c.extension_days = 10;
        assert_eq!(c.total_resolution_days(), 60);
        assert!(!c.can_extend_by(1));
    }
}
