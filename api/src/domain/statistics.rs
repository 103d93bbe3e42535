//! Performance figures for supervision, exports and the public (seed b.7,
//! b.8), computed from plain facts about complaints. Pure: the caller loads
//! the facts and passes the period, the reporting day and the calendar.
//!
//! Definitions (the README repeats them for readers of the reports):
//! - *Received* in a period: the agency-local day of receipt lies in it.
//! - *Answered*: the complaint has its current answer (a disputed answer no
//!   longer counts; the next one does). *Finished*: answered or rejected, on
//!   the day of the answer or the rejection.
//! - *SLA compliance*: of the complaints answered in the period, the share
//!   answered by their resolution deadline (which moves with extensions and
//!   with the days spent waiting for the reporter). Rejections are left out:
//!   the resolution target does not apply to what is not taken up.
//! - *Days to verify / to resolve*: working days from the day of receipt to
//!   the day of verification / of the answer, for the complaints verified /
//!   answered in the period; elapsed days, waits for the reporter included.
//!   Median and 90th percentile by nearest rank (see [`percentile`]).
//! - *Reopen rate*: of the complaints answered in the period, the share whose
//!   reporter disputed an answer at least once.
//! - *Backlog*: complaints still being worked on (received, needs_info,
//!   verified, dispositioned, in_progress) on the reporting day, whenever
//!   received, by age in working days; *overdue* ones are past their running
//!   deadline (a paused clock is never overdue). Answered complaints waiting
//!   for the reporter's evaluation are not backlog.
//! - *Workload* per division and per handler: the backlog and overdue counts
//!   on the reporting day, and the complaints finished in the period.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::{Calendar, Channel, Invalid, Kind, Status};

/// The longest period a report covers: a leap year.
pub const MAX_PERIOD_DAYS: i64 = 366;

/// Agency-local days `from..=to`; never reversed, never longer than
/// [`MAX_PERIOD_DAYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, Invalid> {
        if to < from {
            return Err(Invalid::new("before_start", "must not be before from"));
        }
        if (to - from).num_days() + 1 > MAX_PERIOD_DAYS {
            return Err(Invalid::new(
                "too_long",
                format!("a period covers at most {MAX_PERIOD_DAYS} days"),
            ));
        }
        Ok(Period { from, to })
    }

    /// A calendar month.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        let from = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(Period {
            from,
            to: next.pred_opt()?,
        })
    }

    /// A calendar year.
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    pub fn from(&self) -> NaiveDate {
        self.from
    }

    pub fn to(&self) -> NaiveDate {
        self.to
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// The calendar months the period touches, in order.
    pub fn months(&self) -> Vec<(i32, u32)> {
        let mut months = Vec::new();
        let (mut year, mut month) = (self.from.year(), self.from.month());
        while (year, month) <= (self.to.year(), self.to.month()) {
            months.push((year, month));
            (year, month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
        }
        months
    }
}

/// What the figures need to know about one complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub kind: Kind,
    pub channel: Channel,
    pub status: Status,
    // Shared: a report holds hundreds of thousands of facts, few distinct ids.
    pub category_id: Arc<str>,
    pub division_id: Option<Arc<str>>,
    pub assignee_id: Option<Arc<str>>,
    pub received_on: NaiveDate,
    pub verified_on: Option<NaiveDate>,
    /// The day of the current answer; `None` when unanswered or reopened.
    pub answered_on: Option<NaiveDate>,
    pub rejected_on: Option<NaiveDate>,
    /// The resolution deadline as it stands (as it stood at the answer).
    pub resolution_due_on: NaiveDate,
    /// The deadline running today; `None` while the clock is paused or stopped.
    pub running_due_on: Option<NaiveDate>,
    /// Whether the reporter ever disputed an answer.
    pub disputed: bool,
}

impl Facts {
    /// The day it was answered or rejected.
    pub fn finished_on(&self) -> Option<NaiveDate> {
        self.answered_on.or(self.rejected_on)
    }

    /// Whether the answer came by the deadline; `None` until answered.
    pub fn answered_on_time(&self) -> Option<bool> {
        self.answered_on.map(|day| day <= self.resolution_due_on)
    }

    /// Still being worked on.
    pub fn is_open(&self) -> bool {
        matches!(
            self.status,
            Status::Received
                | Status::NeedsInfo
                | Status::Verified
                | Status::Dispositioned
                | Status::InProgress
        )
    }

    /// Open and past the deadline that runs on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.running_due_on.is_some_and(|due| today > due)
    }
}

/// `count` out of `of`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Share {
    pub count: u64,
    pub of: u64,
}

impl Share {
    /// The share in percent to one decimal; `None` out of nothing.
    pub fn percent(&self) -> Option<f64> {
        (self.of > 0).then(|| (self.count as f64 * 1000.0 / self.of as f64).round() / 10.0)
    }
}

/// The spread of a duration in working days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Durations {
    pub count: u64,
    pub median: Option<u32>,
    pub p90: Option<u32>,
}

impl Durations {
    pub fn of(mut days: Vec<u32>) -> Durations {
        days.sort_unstable();
        Durations {
            count: days.len() as u64,
            median: percentile(&days, 50),
            p90: percentile(&days, 90),
        }
    }
}

/// The nearest-rank percentile of sorted values: the value at rank
/// ⌈p/100 × n⌉ (at least 1), so the smallest value with at least p % of the
/// values at or below it. It is always one of the values; the median of an
/// even count is the lower of the two middle ones.
pub fn percentile(sorted: &[u32], p: u32) -> Option<u32> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len() as u64;
    let rank = (u64::from(p) * n).div_ceil(100).clamp(1, n);
    Some(sorted[(rank - 1) as usize])
}

/// A range of ages in working days, `min..=max` (no `max`: and older).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct AgeBucket {
    pub min: u32,
    pub max: Option<u32>,
}

/// The backlog's age ranges: the first week, the second, up to a month, two
/// months, the 60-working-day ceiling of a.3, and past it.
pub const AGE_BUCKETS: [AgeBucket; 6] = [
    AgeBucket {
        min: 0,
        max: Some(5),
    },
    AgeBucket {
        min: 6,
        max: Some(10),
    },
    AgeBucket {
        min: 11,
        max: Some(20),
    },
    AgeBucket {
        min: 21,
        max: Some(40),
    },
    AgeBucket {
        min: 41,
        max: Some(60),
    },
    AgeBucket { min: 61, max: None },
];

impl AgeBucket {
    pub fn of(age: u32) -> AgeBucket {
        AGE_BUCKETS
            .into_iter()
            .find(|b| b.max.is_none_or(|max| age <= max))
            .expect("the last bucket has no end")
    }

    /// `0-5`, ..., `61+`.
    pub fn label(&self) -> String {
        match self.max {
            Some(max) => format!("{}-{max}", self.min),
            None => format!("{}+", self.min),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backlog {
    pub as_of: NaiveDate,
    pub total: u64,
    pub overdue: u64,
    /// Every bucket, in order, empty ones included.
    pub by_age: Vec<(AgeBucket, u64)>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Workload {
    /// Open on the reporting day.
    pub open: u64,
    /// Open and overdue on the reporting day.
    pub overdue: u64,
    /// Finished in the period.
    pub finished: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthFigures {
    pub year: i32,
    pub month: u32,
    pub received: u64,
    pub finished: u64,
}

/// Every figure of a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Statistics {
    pub period: Period,
    pub received: u64,
    pub answered: u64,
    pub rejected: u64,
    /// Of the complaints received in the period, by status now; every status.
    pub by_status: BTreeMap<Status, u64>,
    /// Received in the period; only the values that occur.
    pub by_kind: BTreeMap<Kind, u64>,
    pub by_channel: BTreeMap<Channel, u64>,
    pub by_category: BTreeMap<String, u64>,
    /// Every month the period touches.
    pub by_month: Vec<MonthFigures>,
    pub sla: Share,
    pub reopened: Share,
    pub days_to_verify: Durations,
    pub days_to_resolve: Durations,
    pub backlog: Backlog,
    /// Divisions (`None`: not dispositioned yet) with any workload.
    pub by_division: BTreeMap<Option<String>, Workload>,
    /// Handlers (`None`: no handler named) with any workload.
    pub by_handler: BTreeMap<Option<String>, Workload>,
}

impl Statistics {
    pub fn finished(&self) -> u64 {
        self.answered + self.rejected
    }
}

/// Every figure of `period`, with the backlog and the workload as they stand
/// on `as_of`, folded from the facts one complaint at a time: a report reads
/// hundreds of thousands of complaints and keeps none of them, only counters
/// and the working days its medians need (four bytes per complaint).
pub struct Tally<'c> {
    period: Period,
    as_of: NaiveDate,
    calendar: &'c Calendar,
    received: u64,
    answered: u64,
    answered_on_time: u64,
    answered_disputed: u64,
    rejected: u64,
    by_status: BTreeMap<Status, u64>,
    by_kind: BTreeMap<Kind, u64>,
    by_channel: BTreeMap<Channel, u64>,
    by_category: BTreeMap<Arc<str>, u64>,
    by_month: Vec<MonthFigures>,
    days_to_verify: Vec<u32>,
    days_to_resolve: Vec<u32>,
    open: u64,
    overdue: u64,
    by_age: Vec<(AgeBucket, u64)>,
    by_division: BTreeMap<Option<Arc<str>>, Workload>,
    by_handler: BTreeMap<Option<Arc<str>>, Workload>,
}

impl<'c> Tally<'c> {
    pub fn new(period: Period, as_of: NaiveDate, calendar: &'c Calendar) -> Tally<'c> {
        Tally {
            period,
            as_of,
            calendar,
            received: 0,
            answered: 0,
            answered_on_time: 0,
            answered_disputed: 0,
            rejected: 0,
            by_status: Status::ALL.iter().map(|s| (*s, 0)).collect(),
            by_kind: BTreeMap::new(),
            by_channel: BTreeMap::new(),
            by_category: BTreeMap::new(),
            by_month: period
                .months()
                .into_iter()
                .map(|(year, month)| MonthFigures {
                    year,
                    month,
                    received: 0,
                    finished: 0,
                })
                .collect(),
            days_to_verify: Vec::new(),
            days_to_resolve: Vec::new(),
            open: 0,
            overdue: 0,
            by_age: AGE_BUCKETS.iter().map(|b| (*b, 0)).collect(),
            by_division: BTreeMap::new(),
            by_handler: BTreeMap::new(),
        }
    }

    /// The month of `day` among the period's, if the period holds the day.
    fn month_of(&mut self, day: Option<NaiveDate>) -> Option<&mut MonthFigures> {
        let day = day.filter(|d| self.period.contains(*d))?;
        self.by_month
            .iter_mut()
            .find(|m| (m.year, m.month) == (day.year(), day.month()))
    }

    /// Counts one complaint into every figure it belongs to.
    pub fn add(&mut self, f: &Facts) {
        let (period, calendar) = (self.period, self.calendar);
        let in_period = |day: Option<NaiveDate>| day.is_some_and(|d| period.contains(d));
        let elapsed = |until: NaiveDate| calendar.working_days_between(f.received_on, until);
        let finished = in_period(f.finished_on());

        if period.contains(f.received_on) {
            self.received += 1;
            *self.by_status.entry(f.status).or_default() += 1;
            *self.by_kind.entry(f.kind).or_default() += 1;
            *self.by_channel.entry(f.channel).or_default() += 1;
            *self.by_category.entry(f.category_id.clone()).or_default() += 1;
        }
        if let Some(month) = self.month_of(Some(f.received_on)) {
            month.received += 1;
        }
        if let Some(month) = self.month_of(f.finished_on()) {
            month.finished += 1;
        }

        if let Some(day) = f.answered_on.filter(|d| period.contains(*d)) {
            self.answered += 1;
            self.answered_on_time += u64::from(f.answered_on_time() == Some(true));
            self.answered_disputed += u64::from(f.disputed);
            self.days_to_resolve.push(elapsed(day));
        }
        if let Some(day) = f.verified_on.filter(|d| period.contains(*d)) {
            self.days_to_verify.push(elapsed(day));
        }
        self.rejected += u64::from(in_period(f.rejected_on));

        let (open, overdue) = (f.is_open(), f.is_overdue(self.as_of));
        if open {
            self.open += 1;
            self.overdue += u64::from(overdue);
            let bucket = AgeBucket::of(elapsed(self.as_of));
            if let Some(entry) = self.by_age.iter_mut().find(|(b, _)| *b == bucket) {
                entry.1 += 1;
            }
        }
        if open || finished {
            for (table, key) in [
                (&mut self.by_division, &f.division_id),
                (&mut self.by_handler, &f.assignee_id),
            ] {
                let load = table.entry(key.clone()).or_default();
                load.open += u64::from(open);
                load.overdue += u64::from(overdue);
                load.finished += u64::from(finished);
            }
        }
    }

    pub fn finish(self) -> Statistics {
        let share = |count: u64| Share {
            count,
            of: self.answered,
        };
        Statistics {
            period: self.period,
            received: self.received,
            answered: self.answered,
            rejected: self.rejected,
            by_status: self.by_status,
            by_kind: self.by_kind,
            by_channel: self.by_channel,
            by_category: owned(self.by_category, |id| id.to_string()),
            by_month: self.by_month,
            sla: share(self.answered_on_time),
            reopened: share(self.answered_disputed),
            days_to_verify: Durations::of(self.days_to_verify),
            days_to_resolve: Durations::of(self.days_to_resolve),
            backlog: Backlog {
                as_of: self.as_of,
                total: self.open,
                overdue: self.overdue,
                by_age: self.by_age,
            },
            by_division: owned(self.by_division, |id| id.as_deref().map(str::to_owned)),
            by_handler: owned(self.by_handler, |id| id.as_deref().map(str::to_owned)),
        }
    }
}

/// The same table with its shared keys copied out.
fn owned<K, L: Ord, V>(table: BTreeMap<K, V>, key: impl Fn(&K) -> L) -> BTreeMap<L, V> {
    table.into_iter().map(|(k, v)| (key(&k), v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Asia::Makassar;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// November–December 2026 with one holiday: Monday 7 December.
    fn calendar() -> Calendar {
        Calendar::new(Makassar, [d(2026, 12, 7)])
    }

    fn compute(facts: &[Facts], period: Period, as_of: NaiveDate, cal: &Calendar) -> Statistics {
        let mut tally = Tally::new(period, as_of, cal);
        facts.iter().for_each(|f| tally.add(f));
        tally.finish()
    }

    fn november() -> Period {
        Period::month(2026, 11).unwrap()
    }

    /// A web complaint received on `received_on`, still just received.
    fn fact(received_on: NaiveDate) -> Facts {
        Facts {
            kind: Kind::Complaint,
            channel: Channel::Web,
            status: Status::Received,
            category_id: "perizinan".into(),
            division_id: None,
            assignee_id: None,
            received_on,
            verified_on: None,
            answered_on: None,
            rejected_on: None,
            resolution_due_on: calendar().add_working_days(received_on, 14),
            running_due_on: Some(calendar().add_working_days(received_on, 3)),
            disputed: false,
        }
    }

    fn answered(received_on: NaiveDate, verified_on: NaiveDate, answered_on: NaiveDate) -> Facts {
        Facts {
            status: Status::Resolved,
            division_id: Some("pelayanan".into()),
            assignee_id: Some("wayan".into()),
            verified_on: Some(verified_on),
            answered_on: Some(answered_on),
            running_due_on: None,
            ..fact(received_on)
        }
    }

    #[test]
    fn periods_are_ordered_and_at_most_a_leap_year() {
        assert!(Period::new(d(2026, 1, 1), d(2026, 1, 1)).is_ok());
        assert_eq!(
            Period::new(d(2026, 2, 1), d(2026, 1, 31)).unwrap_err().code,
            "before_start"
        );
        // 1 Jan 2024 .. 31 Dec 2024 is 366 days; one more is too many.
        assert!(Period::new(d(2024, 1, 1), d(2024, 12, 31)).is_ok());
        assert_eq!(
            Period::new(d(2024, 1, 1), d(2025, 1, 1)).unwrap_err().code,
            "too_long"
        );
    }

    #[test]
    fn months_and_years_are_periods() {
        let feb = Period::month(2028, 2).unwrap();
        assert_eq!((feb.from(), feb.to()), (d(2028, 2, 1), d(2028, 2, 29)));
        let dec = Period::month(2026, 12).unwrap();
        assert_eq!(dec.to(), d(2026, 12, 31));
        assert_eq!(Period::month(2026, 13), None);
        let year = Period::year(2026).unwrap();
        assert_eq!((year.from(), year.to()), (d(2026, 1, 1), d(2026, 12, 31)));
        assert_eq!(year.months().len(), 12);
        let across = Period::new(d(2026, 11, 20), d(2027, 1, 3)).unwrap();
        assert_eq!(across.months(), [(2026, 11), (2026, 12), (2027, 1)]);
        assert!(across.contains(d(2026, 11, 20)) && across.contains(d(2027, 1, 3)));
        assert!(!across.contains(d(2026, 11, 19)) && !across.contains(d(2027, 1, 4)));
    }

    #[test]
    fn nearest_rank_percentiles() {
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[7], 50), Some(7));
        assert_eq!(percentile(&[7], 90), Some(7));
        // Even count: the lower middle.
        assert_eq!(percentile(&[1, 2, 3, 4], 50), Some(2));
        assert_eq!(percentile(&[1, 2, 3, 4, 5], 50), Some(3));
        // n = 10: rank 9 for p90; n = 11: rank ⌈9.9⌉ = 10.
        let ten: Vec<u32> = (1..=10).collect();
        assert_eq!(percentile(&ten, 90), Some(9));
        let eleven: Vec<u32> = (1..=11).collect();
        assert_eq!(percentile(&eleven, 90), Some(10));
        assert_eq!(percentile(&ten, 100), Some(10));
        assert_eq!(percentile(&ten, 0), Some(1));
        let spread = Durations::of(vec![12, 2, 5, 3]);
        assert_eq!(
            spread,
            Durations {
                count: 4,
                median: Some(3),
                p90: Some(12)
            }
        );
    }

    #[test]
    fn shares_round_to_one_decimal() {
        assert_eq!(Share { count: 2, of: 3 }.percent(), Some(66.7));
        assert_eq!(Share { count: 1, of: 8 }.percent(), Some(12.5));
        assert_eq!(Share { count: 0, of: 4 }.percent(), Some(0.0));
        assert_eq!(Share { count: 0, of: 0 }.percent(), None);
    }

    #[test]
    fn age_buckets_cover_every_age_once() {
        let labels: Vec<String> = AGE_BUCKETS.iter().map(AgeBucket::label).collect();
        assert_eq!(labels, ["0-5", "6-10", "11-20", "21-40", "41-60", "61+"]);
        for (age, label) in [
            (0, "0-5"),
            (5, "0-5"),
            (6, "6-10"),
            (10, "6-10"),
            (11, "11-20"),
            (20, "11-20"),
            (21, "21-40"),
            (40, "21-40"),
            (41, "41-60"),
            (60, "41-60"),
            (61, "61+"),
            (500, "61+"),
        ] {
            assert_eq!(AgeBucket::of(age).label(), label, "{age}");
        }
    }

    #[test]
    fn a_complaints_own_facts() {
        let mut f = answered(d(2026, 11, 2), d(2026, 11, 3), d(2026, 11, 20));
        assert_eq!(f.finished_on(), Some(d(2026, 11, 20)));
        // Due 14 working days after Monday 2 Nov: Friday 20 Nov, so on time.
        assert_eq!(f.resolution_due_on, d(2026, 11, 20));
        assert_eq!(f.answered_on_time(), Some(true));
        f.answered_on = Some(d(2026, 11, 23));
        assert_eq!(f.answered_on_time(), Some(false));
        assert!(!f.is_open() && !f.is_overdue(d(2027, 1, 1)));
        let rejected = Facts {
            status: Status::Archived,
            rejected_on: Some(d(2026, 11, 4)),
            running_due_on: None,
            ..fact(d(2026, 11, 2))
        };
        assert_eq!(rejected.finished_on(), Some(d(2026, 11, 4)));
        assert_eq!(rejected.answered_on_time(), None);
        let waiting = Facts {
            status: Status::NeedsInfo,
            running_due_on: None,
            ..fact(d(2026, 10, 1))
        };
        assert!(
            waiting.is_open() && !waiting.is_overdue(d(2026, 12, 31)),
            "paused"
        );
        let late = fact(d(2026, 11, 2)); // verification due Thursday 5 Nov
        assert!(!late.is_overdue(d(2026, 11, 5)) && late.is_overdue(d(2026, 11, 6)));
    }

    /// A small month, every figure worked out by hand.
    ///
    /// November 2026 (no holiday in it); reporting day Wednesday 25 Nov.
    /// 1. Mon 2 Nov, verified Tue 3 (1 day), answered Fri 20 (14 days; due
    ///    Fri 20: on time). Division P, handler W.
    /// 2. Mon 2 Nov, verified Wed 4 (2), answered Mon 23 (15; due Fri 20:
    ///    late), once disputed. Division P, handler W.
    /// 3. Thu 5 Nov, rejected Fri 6.
    /// 4. Tue 10 Nov, verified Thu 12 (2), in progress, due Mon 30 Nov (14
    ///    working days): open, 11 working days old on the 25th. Division I,
    ///    no handler.
    /// 5. Mon 23 Nov, just received (by phone, a suggestion), verification
    ///    due Thu 26: open, 2 days old, not overdue.
    /// 6. Thu 1 Oct, still received: open, 39 working days old, overdue
    ///    since its verification deadline Tue 6 Oct.
    /// 7. Thu 15 Oct, verified Mon 19 Oct, answered Mon 2 Nov (12 days; due
    ///    Wed 4 Nov: on time); received before the period, answered in it.
    ///    Division P, handler K.
    /// 8. Tue 1 Dec (after the period), answered Wed 2 Dec: in no figure of
    ///    November.
    fn month() -> Vec<Facts> {
        let cal = calendar();
        let mut two = answered(d(2026, 11, 2), d(2026, 11, 4), d(2026, 11, 23));
        two.disputed = true;
        let four = Facts {
            status: Status::InProgress,
            division_id: Some("investasi".into()),
            verified_on: Some(d(2026, 11, 12)),
            running_due_on: Some(cal.add_working_days(d(2026, 11, 10), 14)),
            ..fact(d(2026, 11, 10))
        };
        assert_eq!(four.running_due_on, Some(d(2026, 11, 30)));
        let five = Facts {
            kind: Kind::Suggestion,
            channel: Channel::Phone,
            ..fact(d(2026, 11, 23))
        };
        let seven = Facts {
            assignee_id: Some("ketut".into()),
            category_id: "lainnya".into(),
            ..answered(d(2026, 10, 15), d(2026, 10, 19), d(2026, 11, 2))
        };
        vec![
            answered(d(2026, 11, 2), d(2026, 11, 3), d(2026, 11, 20)),
            two,
            Facts {
                status: Status::Rejected,
                rejected_on: Some(d(2026, 11, 6)),
                running_due_on: None,
                ..fact(d(2026, 11, 5))
            },
            four,
            five,
            fact(d(2026, 10, 1)),
            seven,
            answered(d(2026, 12, 1), d(2026, 12, 1), d(2026, 12, 2)),
        ]
    }

    #[test]
    fn every_figure_of_a_month() {
        let s = compute(&month(), november(), d(2026, 11, 25), &calendar());
        assert_eq!(s.received, 5, "1 to 5");
        assert_eq!(
            (s.answered, s.rejected, s.finished()),
            (3, 1, 4),
            "1, 2, 7 and 3"
        );
        assert_eq!(s.by_status[&Status::Resolved], 2);
        assert_eq!(s.by_status[&Status::Rejected], 1);
        assert_eq!(s.by_status[&Status::InProgress], 1);
        assert_eq!(s.by_status[&Status::Received], 1);
        assert_eq!(s.by_status[&Status::Closed], 0);
        assert_eq!(s.by_status.len(), Status::ALL.len());
        assert_eq!(
            s.by_kind,
            BTreeMap::from([(Kind::Complaint, 4), (Kind::Suggestion, 1)])
        );
        assert_eq!(
            s.by_channel,
            BTreeMap::from([(Channel::Web, 4), (Channel::Phone, 1)])
        );
        assert_eq!(s.by_category, BTreeMap::from([("perizinan".into(), 5)]));
        assert_eq!(
            s.by_month,
            [MonthFigures {
                year: 2026,
                month: 11,
                received: 5,
                finished: 4
            }]
        );
        // 1 and 7 on time, 2 late.
        assert_eq!(s.sla, Share { count: 2, of: 3 });
        assert_eq!(s.sla.percent(), Some(66.7));
        assert_eq!(s.reopened, Share { count: 1, of: 3 });
        // Verified in November: 1 (1 day), 2 (2), 4 (2).
        assert_eq!(
            s.days_to_verify,
            Durations {
                count: 3,
                median: Some(2),
                p90: Some(2)
            }
        );
        // Answered in November: 7 (12), 1 (14), 2 (15).
        assert_eq!(
            s.days_to_resolve,
            Durations {
                count: 3,
                median: Some(14),
                p90: Some(15)
            }
        );
        // Open on the 25th: 4 (11 days), 5 (2), 6 (39).
        assert_eq!(s.backlog.as_of, d(2026, 11, 25));
        assert_eq!((s.backlog.total, s.backlog.overdue), (3, 1));
        let ages: Vec<(String, u64)> = s
            .backlog
            .by_age
            .iter()
            .map(|(b, n)| (b.label(), *n))
            .collect();
        assert_eq!(
            ages,
            [
                ("0-5".to_string(), 1),
                ("6-10".to_string(), 0),
                ("11-20".to_string(), 1),
                ("21-40".to_string(), 1),
                ("41-60".to_string(), 0),
                ("61+".to_string(), 0),
            ]
        );
        let p = |s: &str| Some(s.to_string());
        assert_eq!(
            s.by_division,
            BTreeMap::from([
                (
                    None,
                    Workload {
                        open: 2,
                        overdue: 1,
                        finished: 1
                    }
                ),
                (
                    p("investasi"),
                    Workload {
                        open: 1,
                        overdue: 0,
                        finished: 0
                    }
                ),
                (
                    p("pelayanan"),
                    Workload {
                        open: 0,
                        overdue: 0,
                        finished: 3
                    }
                ),
            ])
        );
        assert_eq!(
            s.by_handler,
            BTreeMap::from([
                (
                    None,
                    Workload {
                        open: 3,
                        overdue: 1,
                        finished: 1
                    }
                ),
                (
                    p("ketut"),
                    Workload {
                        open: 0,
                        overdue: 0,
                        finished: 1
                    }
                ),
                (
                    p("wayan"),
                    Workload {
                        open: 0,
                        overdue: 0,
                        finished: 2
                    }
                ),
            ])
        );
    }

    #[test]
    fn the_reporting_day_moves_the_backlog_not_the_period() {
        let later = compute(&month(), november(), d(2026, 12, 1), &calendar());
        let now = compute(&month(), november(), d(2026, 11, 25), &calendar());
        assert_eq!(later.received, now.received);
        assert_eq!(later.sla, now.sla);
        // Tue 1 Dec: 4 is 15 days old and overdue since Mon 30 Nov; 5 is 6
        // days old and overdue; 6 is 43 days old.
        assert_eq!((later.backlog.total, later.backlog.overdue), (3, 3));
        let ages: Vec<u64> = later.backlog.by_age.iter().map(|(_, n)| *n).collect();
        assert_eq!(ages, [0, 1, 1, 0, 1, 0]);
    }

    #[test]
    fn the_order_the_facts_arrive_in_does_not_matter() {
        // Reports fold rows in whatever order the database returns them.
        let mut facts = month();
        let forward = compute(&facts, november(), d(2026, 11, 25), &calendar());
        facts.reverse();
        facts.rotate_left(3);
        let shuffled = compute(&facts, november(), d(2026, 11, 25), &calendar());
        assert_eq!(forward, shuffled);
    }

    #[test]
    fn holidays_do_not_count_as_days() {
        // Received Fri 4 Dec; Mon 7 Dec is a holiday: verified Tue 8 is 1
        // working day, answered Fri 11 Dec is 4.
        let f = answered(d(2026, 12, 4), d(2026, 12, 8), d(2026, 12, 11));
        let december = Period::month(2026, 12).unwrap();
        let s = compute(&[f], december, d(2026, 12, 31), &calendar());
        assert_eq!(s.days_to_verify.median, Some(1));
        assert_eq!(s.days_to_resolve.median, Some(4));
    }

    #[test]
    fn nothing_gives_zeros_and_no_rates() {
        let s = compute(&[], november(), d(2026, 11, 25), &calendar());
        assert_eq!((s.received, s.finished(), s.backlog.total), (0, 0, 0));
        assert_eq!(s.sla.percent(), None);
        assert_eq!(s.reopened.percent(), None);
        assert_eq!(s.days_to_resolve, Durations::default());
        assert!(s.by_division.is_empty() && s.by_handler.is_empty());
        assert_eq!(s.by_month.len(), 1);
        assert_eq!(s.backlog.by_age.len(), AGE_BUCKETS.len());
    }

    #[test]
    fn months_split_a_longer_period() {
        let period = Period::new(d(2026, 10, 1), d(2026, 11, 30)).unwrap();
        let s = compute(&month(), period, d(2026, 11, 25), &calendar());
        let months: Vec<(u32, u64, u64)> = s
            .by_month
            .iter()
            .map(|m| (m.month, m.received, m.finished))
            .collect();
        // October: 6 and 7 received, nothing finished; November as above.
        assert_eq!(months, [(10, 2, 0), (11, 5, 4)]);
        assert_eq!(s.received, 7);
        // 7's verification (Mon 19 Oct, 2 days) now counts too.
        assert_eq!(s.days_to_verify.count, 4);
    }
}
