//! Working days in the agency's time zone: the unit of every service deadline.

use std::collections::BTreeSet;
use std::ops::Bound::{Excluded, Included};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

/// Weekends plus a set of holidays, read in one time zone (Asia/Makassar,
/// WITA, for Bangli).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    tz: Tz,
    holidays: BTreeSet<NaiveDate>,
}

impl Calendar {
    pub fn new(tz: Tz, holidays: impl IntoIterator<Item = NaiveDate>) -> Self {
        Calendar {
            tz,
            holidays: holidays.into_iter().collect(),
        }
    }

    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// The agency-local calendar date of an instant (Asia/Makassar is UTC+8,
    /// no DST). A complaint sent at 00:30 WITA on Monday was received on
    /// Monday, although it is still Sunday in UTC.
    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.tz).date_naive()
    }

    /// Monday..Friday and not a holiday.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        is_weekday(day) && !self.holidays.contains(&day)
    }

    /// The date that is `n` working days after `start`; `start` itself never
    /// counts (a complaint received on any day has its first working day on
    /// the next working day). `n == 0` returns `start`.
    ///
    /// # Panics
    /// If the result would lie beyond `NaiveDate::MAX`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut left = n;
        // Terminates: holidays are finite and every week has weekdays.
        while left > 0 {
            day = next(day);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Number of working days `d` with `start < d <= end`; 0 when
    /// `end <= start`. The inverse of [`Calendar::add_working_days`].
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> u32 {
        if end <= start {
            return 0;
        }
        // Counted arithmetically rather than day by day, so long spans
        // (reports over years) stay cheap.
        let days = (end - start).num_days();
        let mut weekdays = days / 7 * 5;
        let mut day = start;
        for _ in 0..days % 7 {
            day = next(day);
            if is_weekday(day) {
                weekdays += 1;
            }
        }
        let holidays = self
            .holidays
            .range((Excluded(start), Included(end)))
            .filter(|d| is_weekday(**d))
            .count();
        let count = weekdays - i64::try_from(holidays).expect("fewer holidays than days");
        u32::try_from(count).expect("every NaiveDate span fits in u32 days")
    }

    /// The last instant of a local day (23:59:59 local), as UTC: a deadline
    /// "by day X". On time means `at <= end_of_day`; it is a whole second, so
    /// 23:59:59.5 already counts as late.
    pub fn end_of_day(&self, day: NaiveDate) -> DateTime<Utc> {
        // One second before the next local day starts: this is 23:59:59 on
        // ordinary days and stays right across DST changes in other zones.
        self.start_of_day(next(day)) - TimeDelta::seconds(1)
    }

    /// The first instant of a local day. Midnight can fall into a DST gap in
    /// some zones; the day then starts when the gap ends (found to the
    /// minute, exact because UTC offsets are whole minutes everywhere since
    /// 1972).
    fn start_of_day(&self, day: NaiveDate) -> DateTime<Utc> {
        let mut local = day.and_time(NaiveTime::MIN);
        loop {
            if let Some(at) = self.tz.from_local_datetime(&local).earliest() {
                return at.to_utc();
            }
            local += TimeDelta::minutes(1);
        }
    }
}

fn is_weekday(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

fn next(day: NaiveDate) -> NaiveDate {
    day.succ_opt().expect("date before NaiveDate::MAX")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::holidays;
    use chrono::Timelike;
    use chrono_tz::Asia::Makassar;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    /// The 2026 national holidays and cuti bersama (what Bangli observes by
    /// default) plus New Year 2027.
    fn bangli() -> Calendar {
        let mut days: Vec<NaiveDate> = holidays::seed_2026()
            .into_iter()
            .filter(|h| h.set != "bali")
            .map(|h| h.date)
            .collect();
        days.push(date(2027, 1, 1));
        Calendar::new(Makassar, days)
    }

    fn no_holidays() -> Calendar {
        Calendar::new(Makassar, [])
    }

    /// Day-by-day count, independent of the arithmetic in the real one.
    fn brute_between(cal: &Calendar, start: NaiveDate, end: NaiveDate) -> u32 {
        start
            .iter_days()
            .skip(1)
            .take_while(|d| *d <= end)
            .filter(|d| cal.is_working_day(*d))
            .count() as u32
    }

    #[test]
    fn keeps_the_time_zone() {
        assert_eq!(bangli().tz(), Makassar);
    }

    #[test]
    fn weekends_and_holidays_are_not_working_days() {
        let cal = bangli();
        assert!(cal.is_working_day(date(2026, 11, 27))); // Friday
        assert!(!cal.is_working_day(date(2026, 11, 28))); // Saturday
        assert!(!cal.is_working_day(date(2026, 11, 29))); // Sunday
        assert!(cal.is_working_day(date(2026, 11, 30))); // Monday
        assert!(!cal.is_working_day(date(2026, 8, 17))); // Monday, Independence Day
        assert!(no_holidays().is_working_day(date(2026, 8, 17)));
    }

    #[test]
    fn friday_late_evening_submission_is_due_monday() {
        let cal = no_holidays();
        // 23:30 WITA on Friday 27 November 2026.
        let at = utc(2026, 11, 27, 15, 30);
        let received = cal.local_date(at);
        assert_eq!(received, date(2026, 11, 27));
        assert_eq!(received.weekday(), Weekday::Fri);
        assert_eq!(cal.add_working_days(received, 1), date(2026, 11, 30));
        assert_eq!(date(2026, 11, 30).weekday(), Weekday::Mon);
    }

    #[test]
    fn local_midnight_not_utc_midnight_decides_the_day() {
        let cal = no_holidays();
        let sunday_night = utc(2026, 11, 29, 15, 30); // Sunday 23:30 WITA
        let monday_early = utc(2026, 11, 29, 16, 30); // Monday 00:30 WITA
                                                      // Both instants are Sunday in UTC ...
        assert_eq!(monday_early.date_naive(), date(2026, 11, 29));
        // ... but the second is Monday in Bangli.
        assert_eq!(cal.local_date(sunday_night), date(2026, 11, 29));
        assert_eq!(cal.local_date(monday_early), date(2026, 11, 30));
        let day_one = |at| cal.add_working_days(cal.local_date(at), 1);
        assert_eq!(day_one(sunday_night), date(2026, 11, 30));
        assert_eq!(day_one(monday_early), date(2026, 12, 1));
    }

    #[test]
    fn local_date_at_the_edges_of_a_day() {
        let cal = no_holidays();
        // 00:00:00 WITA is 16:00:00 UTC the day before.
        assert_eq!(cal.local_date(utc(2026, 3, 16, 16, 0)), date(2026, 3, 17));
        let just_before = utc(2026, 3, 16, 16, 0) - TimeDelta::nanoseconds(1);
        assert_eq!(cal.local_date(just_before), date(2026, 3, 16));
    }

    #[test]
    fn idul_fitri_run_of_holidays() {
        let days = (18..=24).map(|d| date(2026, 3, d));
        let cal = Calendar::new(Makassar, days);
        let received = date(2026, 3, 17);
        assert_eq!(received.weekday(), Weekday::Tue);
        assert_eq!(cal.add_working_days(received, 1), date(2026, 3, 25));
        assert_eq!(cal.add_working_days(received, 2), date(2026, 3, 26));
        assert_eq!(cal.working_days_between(received, date(2026, 3, 24)), 0);
        assert_eq!(cal.working_days_between(received, date(2026, 3, 25)), 1);
        // The seed data gives the same answer.
        assert_eq!(bangli().add_working_days(received, 1), date(2026, 3, 25));
    }

    #[test]
    fn year_boundary() {
        let holidays = [date(2026, 12, 24), date(2026, 12, 25), date(2027, 1, 1)];
        let cal = Calendar::new(Makassar, holidays);
        let received = date(2026, 12, 23); // Wednesday
                                           // 24 and 25 off, 26-27 weekend: Mon 28 (1), Tue 29 (2), Wed 30 (3),
                                           // Thu 31 (4), Fri 1 Jan off, weekend, Mon 4 Jan (5).
        assert_eq!(cal.add_working_days(received, 1), date(2026, 12, 28));
        assert_eq!(cal.add_working_days(received, 3), date(2026, 12, 30));
        assert_eq!(cal.add_working_days(received, 4), date(2026, 12, 31));
        assert_eq!(cal.add_working_days(received, 5), date(2027, 1, 4));
        assert_eq!(cal.working_days_between(received, date(2027, 1, 3)), 4);
        assert_eq!(bangli().add_working_days(received, 5), date(2027, 1, 4));
    }

    #[test]
    fn holiday_on_a_weekend_changes_nothing() {
        // 21 and 22 March 2026 (Idul Fitri) are Saturday and Sunday.
        let weekend = [date(2026, 3, 21), date(2026, 3, 22)];
        assert!(weekend
            .iter()
            .all(|d| matches!(d.weekday(), Weekday::Sat | Weekday::Sun)));
        let with = Calendar::new(Makassar, weekend);
        let without = no_holidays();
        for start in date(2026, 3, 1).iter_days().take(40) {
            for n in 0..=20 {
                assert_eq!(
                    with.add_working_days(start, n),
                    without.add_working_days(start, n),
                    "{start} + {n}"
                );
            }
            let end = date(2026, 4, 30);
            assert_eq!(
                with.working_days_between(start, end),
                without.working_days_between(start, end)
            );
        }
    }

    #[test]
    fn sixty_working_days_maximum() {
        // Without holidays: 12 whole weeks.
        let monday = date(2026, 1, 5);
        assert_eq!(
            no_holidays().add_working_days(monday, 60),
            date(2026, 3, 30)
        );
        // Without holidays, Friday 2 January + 60 is Friday 27 March. Bangli's
        // 2026 calendar has nine weekday holidays on the way (16 Jan, 16-17
        // Feb, 18-20 and 23-24 Mar, 3 Apr): Thursday 9 April.
        let cal = bangli();
        let start = date(2026, 1, 2);
        assert_eq!(no_holidays().add_working_days(start, 60), date(2026, 3, 27));
        let due = cal.add_working_days(start, 60);
        assert_eq!(due, date(2026, 4, 9));
        assert_eq!(cal.working_days_between(start, due), 60);
        assert_eq!(brute_between(&cal, start, due), 60);
    }

    #[test]
    fn zero_days_is_the_start_itself() {
        let cal = bangli();
        let saturday = date(2026, 11, 28);
        assert_eq!(cal.add_working_days(saturday, 0), saturday);
        assert_eq!(cal.working_days_between(saturday, saturday), 0);
    }

    #[test]
    fn between_is_zero_when_end_is_not_after_start() {
        let cal = bangli();
        let wed = date(2026, 12, 2);
        assert_eq!(cal.working_days_between(wed, wed), 0);
        assert_eq!(cal.working_days_between(wed, date(2026, 11, 2)), 0);
        assert_eq!(cal.working_days_between(wed, date(2026, 12, 3)), 1);
    }

    #[test]
    fn between_counts_long_spans() {
        let cal = no_holidays();
        // 2026 has 261 weekdays; 2027 has 261 as well.
        assert_eq!(
            cal.working_days_between(date(2025, 12, 31), date(2026, 12, 31)),
            261
        );
        assert_eq!(
            cal.working_days_between(date(2025, 12, 31), date(2027, 12, 31)),
            522
        );
        // The 21 weekday holidays of the 2026 national and cuti bersama sets
        // (21-22 Mar, 5 Apr and 31 May are weekends) plus 1 January 2027.
        assert_eq!(
            bangli().working_days_between(date(2025, 12, 31), date(2027, 12, 31)),
            500
        );
    }

    /// `working_days_between(s, add_working_days(s, n)) == n` for every start
    /// in 2026-2027, and the result is always a working day.
    #[test]
    fn between_inverts_add() {
        let mut calendars = vec![no_holidays(), bangli()];
        let mut with_bali = bangli();
        with_bali
            .holidays
            .extend(holidays::seed_2026().into_iter().map(|h| h.date));
        calendars.push(with_bali);

        let mut checked = 0;
        for cal in &calendars {
            for start in date(2026, 1, 1).iter_days().take_while(|d| d.year() < 2028) {
                for n in 0..=60 {
                    let due = cal.add_working_days(start, n);
                    assert_eq!(cal.working_days_between(start, due), n, "{start} + {n}");
                    if n > 0 {
                        assert!(cal.is_working_day(due), "{start} + {n} = {due}");
                        // The day before the deadline still leaves one to go.
                        assert_eq!(
                            cal.working_days_between(start, due.pred_opt().unwrap()),
                            n - 1
                        );
                    }
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 3 * 730 * 61);
    }

    #[test]
    fn between_matches_a_day_by_day_count() {
        let cal = bangli();
        let starts = date(2025, 12, 20).iter_days().step_by(3).take(150);
        for start in starts {
            for len in [0, 1, 2, 5, 6, 7, 8, 13, 14, 29, 91, 400] {
                let end = start + TimeDelta::days(len);
                assert_eq!(
                    cal.working_days_between(start, end),
                    brute_between(&cal, start, end),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn end_of_day_is_local_23_59_59() {
        let cal = no_holidays();
        let end = cal.end_of_day(date(2026, 11, 30));
        // 23:59:59 WITA is 15:59:59 UTC.
        assert_eq!(end, Utc.with_ymd_and_hms(2026, 11, 30, 15, 59, 59).unwrap());
        let local = end.with_timezone(&Makassar);
        assert_eq!(
            (
                local.date_naive(),
                local.hour(),
                local.minute(),
                local.second()
            ),
            (date(2026, 11, 30), 23, 59, 59)
        );
        assert_eq!(cal.local_date(end), date(2026, 11, 30));
        assert_eq!(
            cal.local_date(end + TimeDelta::seconds(1)),
            date(2026, 12, 1)
        );
    }

    #[test]
    fn end_of_day_in_a_zone_with_dst() {
        use chrono_tz::America::{Havana, New_York, Santiago};
        // Ordinary day in New York (EST, UTC-5).
        let ny = Calendar::new(New_York, []);
        assert_eq!(
            ny.end_of_day(date(2026, 1, 15)),
            Utc.with_ymd_and_hms(2026, 1, 16, 4, 59, 59).unwrap()
        );
        // Day before DST starts (8 March 2026): still 23:59:59 EST.
        assert_eq!(
            ny.end_of_day(date(2026, 3, 7)),
            Utc.with_ymd_and_hms(2026, 3, 8, 4, 59, 59).unwrap()
        );
        // Havana springs forward at midnight (8 March 2026 00:00 -> 01:00
        // CDT), so 8 March starts at 01:00 and 7 March ends at 23:59:59 CST.
        let havana = Calendar::new(Havana, []);
        assert_eq!(
            havana.end_of_day(date(2026, 3, 7)),
            Utc.with_ymd_and_hms(2026, 3, 8, 4, 59, 59).unwrap()
        );
        // 8 March itself has 23 hours and ends at 23:59:59 CDT (UTC-4).
        assert_eq!(
            havana.end_of_day(date(2026, 3, 8)),
            Utc.with_ymd_and_hms(2026, 3, 9, 3, 59, 59).unwrap()
        );
        // Havana falls back at 01:00 CDT on 1 November 2026, so 1 November
        // has 25 hours and ends at 23:59:59 CST (UTC-5).
        assert_eq!(
            havana.end_of_day(date(2026, 11, 1)),
            Utc.with_ymd_and_hms(2026, 11, 2, 4, 59, 59).unwrap()
        );
        // Santiago falls back at 24:00 on Saturday 4 April 2026 to 23:00, so
        // 23:59:59 happens twice that evening; the day ends at the second.
        let santiago = Calendar::new(Santiago, []);
        assert_eq!(
            santiago.end_of_day(date(2026, 4, 4)),
            Utc.with_ymd_and_hms(2026, 4, 5, 3, 59, 59).unwrap()
        );
        // It springs forward at 24:00 on Saturday 5 September 2026 to 01:00.
        assert_eq!(
            santiago.end_of_day(date(2026, 9, 5)),
            Utc.with_ymd_and_hms(2026, 9, 6, 3, 59, 59).unwrap()
        );
    }
}
