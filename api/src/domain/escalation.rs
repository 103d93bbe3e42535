//! Tiered supervision (seed b.4): a complaint whose deadline is at risk or
//! passed is brought, one step per threshold, to the next person up the
//! chain of supervision (handler → team lead → coordinator → secretary →
//! head of agency). Pure: the caller loads the chain and records each step.

use chrono::NaiveDate;

use super::sla::{Deadline, SlaState};
use super::{text_enum, Calendar};

text_enum! {
    /// Which threshold a step answers.
    pub enum Reason {
        AtRisk = "at_risk",
        Overdue = "overdue",
    }
}

/// How many steps a complaint should have been escalated by `today`: one
/// when its deadline is at risk, two on the first working day past it, and
/// one more every `every_days` working days it stays overdue.
pub fn steps_due(
    deadline: Deadline,
    today: NaiveDate,
    calendar: &Calendar,
    every_days: u32,
) -> u32 {
    match deadline.state(today) {
        SlaState::OnTrack => 0,
        SlaState::AtRisk => 1,
        SlaState::Overdue => {
            let late = calendar.working_days_between(deadline.due_on, today);
            2 + late.saturating_sub(1) / every_days.max(1)
        }
    }
}

/// The reason for step `step` (1-based).
pub fn reason(step: u32) -> Reason {
    if step <= 1 {
        Reason::AtRisk
    } else {
        Reason::Overdue
    }
}

/// Who step `step` (1-based) goes to. `chain` is the people above the
/// handler, nearest first; nobody once the chain is exhausted (the head of
/// agency has been told).
pub fn recipient(step: u32, chain: &[String]) -> Option<&String> {
    let index = usize::try_from(step.checked_sub(1)?).ok()?;
    chain.get(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn calendar() -> Calendar {
        // Friday 25 December 2026 is a holiday.
        Calendar::new(chrono_tz::Asia::Makassar, [day("2026-12-25")])
    }

    /// Due Tuesday 1 December, at risk from Monday 30 November.
    const DEADLINE: &str = "2026-12-01";

    fn deadline() -> Deadline {
        Deadline {
            due_on: day(DEADLINE),
            at_risk_on: day("2026-11-30"),
        }
    }

    #[test]
    fn steps_follow_the_thresholds_day_by_day() {
        let expected = [
            ("2026-11-27", 0), // Friday: on track
            ("2026-11-29", 0), // Sunday
            ("2026-11-30", 1), // at risk
            ("2026-12-01", 1), // due today: still at risk, not late
            ("2026-12-02", 2), // first working day late
            ("2026-12-05", 2), // Saturday: 3 working days late
            ("2026-12-08", 2), // 5 working days late
            ("2026-12-09", 3), // 6 working days late: one more step
            ("2026-12-15", 3), // 10 working days late
            ("2026-12-16", 4), // 11
            ("2026-12-23", 5), // 16
        ];
        for (today, steps) in expected {
            assert_eq!(
                steps_due(deadline(), day(today), &calendar(), 5),
                steps,
                "{today}"
            );
        }
    }

    #[test]
    fn holidays_do_not_count_as_days_late() {
        let due = Deadline {
            due_on: day("2026-12-17"),
            at_risk_on: day("2026-12-15"),
        };
        // 18, 21, 22, 23, 24 are 5 working days late; the 25th is a holiday,
        // so the sixth is Monday 28th.
        assert_eq!(steps_due(due, day("2026-12-25"), &calendar(), 5), 2);
        assert_eq!(steps_due(due, day("2026-12-27"), &calendar(), 5), 2);
        assert_eq!(steps_due(due, day("2026-12-28"), &calendar(), 5), 3);
    }

    #[test]
    fn a_zero_interval_is_taken_as_every_day() {
        assert_eq!(steps_due(deadline(), day("2026-12-03"), &calendar(), 0), 3);
    }

    #[test]
    fn steps_are_monotonic_in_time() {
        let mut today = day("2026-11-20");
        let mut last = 0;
        while today < day("2027-03-01") {
            let steps = steps_due(deadline(), today, &calendar(), 5);
            assert!(steps >= last, "{today}");
            last = steps;
            today = today.succ_opt().unwrap();
        }
    }

    #[test]
    fn each_step_goes_one_person_higher_until_the_top() {
        let chain: Vec<String> = ["lead", "coordinator", "secretary", "head"]
            .map(String::from)
            .to_vec();
        assert_eq!(recipient(0, &chain), None);
        assert_eq!(recipient(1, &chain).unwrap(), "lead");
        assert_eq!(recipient(4, &chain).unwrap(), "head");
        assert_eq!(recipient(5, &chain), None);
        assert_eq!(reason(1), Reason::AtRisk);
        assert_eq!(reason(2), Reason::Overdue);
        assert_eq!(reason(7), Reason::Overdue);
    }
}
