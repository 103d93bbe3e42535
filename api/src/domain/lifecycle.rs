//! The complaint state machine: who may do what, in which status, and where
//! it leads. Pure; the caller records the action and enforces side rules
//! (such as the evaluation window before `Close`).

use super::text_enum;
use super::{Role, Status};

text_enum! {
    /// Something done to a complaint; every action is logged in its history.
    pub enum Action {
        /// Accept a received complaint for handling.
        Verify = "verify",
        /// Ask the reporter to complete the complaint; the clock pauses.
        RequestInfo = "request_info",
        /// The reporter answers a request or adds information.
        AddInfo = "add_info",
        Reject = "reject",
        /// Assign to a division and handler (again, to reassign).
        Disposition = "disposition",
        Start = "start",
        Resolve = "resolve",
        /// The reporter accepts the resolution.
        Accept = "accept",
        /// The reporter disputes the resolution; the complaint reopens.
        Dispute = "dispute",
        /// Close a resolved complaint the reporter did not answer in time.
        Close = "close",
        Archive = "archive",
        /// Extend the deadline.
        Extend = "extend",
        /// Bring a complaint whose deadline is at risk or passed to the next
        /// person up the chain of supervision (seed b.4).
        Escalate = "escalate",
        /// Internal note, never shown to the reporter.
        Note = "note",
        /// Public reply to the reporter.
        Reply = "reply",
    }
}

/// Who takes an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    Staff(Role),
    /// The citizen who filed the complaint (proved by the tracking code).
    Reporter,
    /// Scheduled jobs, such as closing after the evaluation window.
    System,
}

/// Why an action was refused; the two map to different HTTP answers
/// (403 against 409), so they are kept apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// This actor may never take this action, in any status.
    #[error("you are not permitted to take this action")]
    NotPermitted,
    /// The actor may take it, but not while the complaint is in this status.
    #[error("this action is not possible in the complaint's current status")]
    WrongState,
}

/// The status a complaint moves to when `actor` takes `action` in `from`.
pub fn transition(from: Status, action: Action, actor: Actor) -> Result<Status, Refusal> {
    if !permits(action, actor) {
        return Err(Refusal::NotPermitted);
    }
    target(action, from).ok_or(Refusal::WrongState)
}

/// What `actor` can do on a complaint in `status`, in `Action::ALL` order
/// (for the buttons a client shows).
pub fn available_actions(status: Status, actor: Actor) -> Vec<Action> {
    Action::ALL
        .iter()
        .copied()
        .filter(|action| transition(status, *action, actor).is_ok())
        .collect()
}

/// No more work will be done: rejected, closed or archived.
pub fn is_finished(status: Status) -> bool {
    matches!(status, Status::Rejected | Status::Closed | Status::Archived)
}

/// The next move is the reporter's: completing the complaint, or accepting
/// or disputing the resolution.
pub fn waits_for_reporter(status: Status) -> bool {
    matches!(status, Status::NeedsInfo | Status::Resolved)
}

/// Whether `actor` may ever take `action`. Every action is allowed from the
/// same statuses for each actor permitted it, so "may ever" and "may in
/// some status" coincide, which is what separates the two refusals.
fn permits(action: Action, actor: Actor) -> bool {
    let role = match actor {
        Actor::Staff(role) => Some(role),
        Actor::Reporter | Actor::System => None,
    };
    let lead = matches!(role, Some(Role::Admin | Role::TeamLead));
    match action {
        Action::Verify | Action::RequestInfo => role.is_some_and(Role::verifies),
        // The system rejects a complaint the reporter did not complete in time.
        Action::Reject => role.is_some_and(Role::verifies) || actor == Actor::System,
        Action::AddInfo | Action::Accept | Action::Dispute => actor == Actor::Reporter,
        Action::Disposition => lead,
        Action::Start | Action::Resolve => lead || role == Some(Role::DivisionStaff),
        Action::Close | Action::Archive => lead || actor == Actor::System,
        Action::Extend => lead || role == Some(Role::Supervisor),
        Action::Escalate => actor == Actor::System,
        Action::Note => role.is_some(),
        Action::Reply => role.is_some_and(|r| r != Role::Supervisor),
    }
}

/// Where `action` leads from `from`, if it is possible there at all.
fn target(action: Action, from: Status) -> Option<Status> {
    use Status::*;
    let to = match (action, from) {
        (Action::Verify, Received) => Verified,
        (Action::RequestInfo, Received) => NeedsInfo,
        // The answer sends the complaint back to verification.
        (Action::AddInfo, NeedsInfo) => Received,
        (Action::AddInfo, Received | Verified | Dispositioned | InProgress) => from,
        (Action::Reject, Received | NeedsInfo | Verified) => Rejected,
        (Action::Disposition, Verified | Dispositioned | InProgress) => Dispositioned,
        (Action::Start, Dispositioned) => InProgress,
        (Action::Resolve, InProgress) => Resolved,
        (Action::Accept, Resolved) => Closed,
        (Action::Dispute, Resolved) => InProgress,
        (Action::Close, Resolved) => Closed,
        (Action::Archive, Closed | Rejected) => Archived,
        (Action::Extend, Verified | Dispositioned | InProgress) => from,
        // Wherever a deadline runs against the staff.
        (Action::Escalate, Received | Verified | Dispositioned | InProgress) => from,
        (Action::Note, _) if from != Archived => from,
        (
            Action::Reply,
            Received | NeedsInfo | Verified | Dispositioned | InProgress | Resolved,
        ) => from,
        _ => return None,
    };
    Some(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use Action::*;
    use Status::*;

    const ADMIN: Actor = Actor::Staff(Role::Admin);
    const SUPERVISOR: Actor = Actor::Staff(Role::Supervisor);
    const TEAM_LEAD: Actor = Actor::Staff(Role::TeamLead);
    const OFFICER: Actor = Actor::Staff(Role::ComplaintOfficer);
    const IT: Actor = Actor::Staff(Role::ItOperator);
    const DIVISION: Actor = Actor::Staff(Role::DivisionStaff);
    const REPORTER: Actor = Actor::Reporter;
    const SYSTEM: Actor = Actor::System;

    const ACTORS: [Actor; 8] = [
        ADMIN, SUPERVISOR, TEAM_LEAD, OFFICER, IT, DIVISION, REPORTER, SYSTEM,
    ];

    const VERIFIERS: &[Actor] = &[ADMIN, TEAM_LEAD, OFFICER, IT];
    const REJECTERS: &[Actor] = &[ADMIN, TEAM_LEAD, OFFICER, IT, SYSTEM];
    const ONLY_SYSTEM: &[Actor] = &[SYSTEM];
    const LEADS: &[Actor] = &[ADMIN, TEAM_LEAD];
    const HANDLERS: &[Actor] = &[ADMIN, TEAM_LEAD, DIVISION];
    const CLOSERS: &[Actor] = &[ADMIN, TEAM_LEAD, SYSTEM];
    const EXTENDERS: &[Actor] = &[ADMIN, TEAM_LEAD, SUPERVISOR];
    const STAFF: &[Actor] = &[ADMIN, SUPERVISOR, TEAM_LEAD, OFFICER, IT, DIVISION];
    const REPLIERS: &[Actor] = &[ADMIN, TEAM_LEAD, OFFICER, IT, DIVISION];
    const ONLY_REPORTER: &[Actor] = &[REPORTER];

    /// Every allowed move, written out from the rules rather than the code:
    /// (action, who, from, to). Anything not listed is refused.
    const ALLOWED: &[(Action, &[Actor], Status, Status)] = &[
        (Verify, VERIFIERS, Received, Verified),
        (RequestInfo, VERIFIERS, Received, NeedsInfo),
        (AddInfo, ONLY_REPORTER, NeedsInfo, Received),
        (AddInfo, ONLY_REPORTER, Received, Received),
        (AddInfo, ONLY_REPORTER, Verified, Verified),
        (AddInfo, ONLY_REPORTER, Dispositioned, Dispositioned),
        (AddInfo, ONLY_REPORTER, InProgress, InProgress),
        (Reject, REJECTERS, Received, Rejected),
        (Reject, REJECTERS, NeedsInfo, Rejected),
        (Reject, REJECTERS, Verified, Rejected),
        (Disposition, LEADS, Verified, Dispositioned),
        (Disposition, LEADS, Dispositioned, Dispositioned),
        (Disposition, LEADS, InProgress, Dispositioned),
        (Start, HANDLERS, Dispositioned, InProgress),
        (Resolve, HANDLERS, InProgress, Resolved),
        (Accept, ONLY_REPORTER, Resolved, Closed),
        (Dispute, ONLY_REPORTER, Resolved, InProgress),
        (Close, CLOSERS, Resolved, Closed),
        (Archive, CLOSERS, Closed, Archived),
        (Archive, CLOSERS, Rejected, Archived),
        (Extend, EXTENDERS, Verified, Verified),
        (Extend, EXTENDERS, Dispositioned, Dispositioned),
        (Extend, EXTENDERS, InProgress, InProgress),
        (Escalate, ONLY_SYSTEM, Received, Received),
        (Escalate, ONLY_SYSTEM, Verified, Verified),
        (Escalate, ONLY_SYSTEM, Dispositioned, Dispositioned),
        (Escalate, ONLY_SYSTEM, InProgress, InProgress),
        (Note, STAFF, Received, Received),
        (Note, STAFF, NeedsInfo, NeedsInfo),
        (Note, STAFF, Verified, Verified),
        (Note, STAFF, Rejected, Rejected),
        (Note, STAFF, Dispositioned, Dispositioned),
        (Note, STAFF, InProgress, InProgress),
        (Note, STAFF, Resolved, Resolved),
        (Note, STAFF, Closed, Closed),
        (Reply, REPLIERS, Received, Received),
        (Reply, REPLIERS, NeedsInfo, NeedsInfo),
        (Reply, REPLIERS, Verified, Verified),
        (Reply, REPLIERS, Dispositioned, Dispositioned),
        (Reply, REPLIERS, InProgress, InProgress),
        (Reply, REPLIERS, Resolved, Resolved),
    ];

    /// What the table says `actor` doing `action` in `from` should give.
    fn expected(from: Status, action: Action, actor: Actor) -> Result<Status, Refusal> {
        let rows = || {
            ALLOWED
                .iter()
                .filter(move |(a, who, _, _)| *a == action && who.contains(&actor))
        };
        match rows().find(|(_, _, f, _)| *f == from) {
            Some((_, _, _, to)) => Ok(*to),
            None if rows().next().is_some() => Err(Refusal::WrongState),
            None => Err(Refusal::NotPermitted),
        }
    }

    #[test]
    fn vocabulary_sizes() {
        assert_eq!(Action::ALL.len(), 15);
        assert_eq!(Status::ALL.len(), 9);
        assert_eq!(Role::ALL.len(), 6);
        let actors: HashSet<Actor> = ACTORS.into_iter().collect();
        assert_eq!(actors.len(), 8);
        for role in Role::ALL {
            assert!(actors.contains(&Actor::Staff(*role)), "{role}");
        }
    }

    #[test]
    fn table_has_no_conflicting_rows() {
        let mut seen = HashSet::new();
        for (action, who, from, _) in ALLOWED {
            for actor in *who {
                assert!(
                    seen.insert((*action, *actor, *from)),
                    "{action} by {actor:?} from {from} listed twice"
                );
            }
        }
    }

    #[test]
    fn every_combination_matches_the_table() {
        let mut checked = 0;
        let mut allowed = 0;
        for &from in Status::ALL {
            for &action in Action::ALL {
                for actor in ACTORS {
                    let want = expected(from, action, actor);
                    assert_eq!(
                        transition(from, action, actor),
                        want,
                        "{action} by {actor:?} from {from}"
                    );
                    checked += 1;
                    allowed += usize::from(want.is_ok());
                }
            }
        }
        assert_eq!(checked, 9 * 15 * 8);
        let rows: usize = ALLOWED.iter().map(|(_, who, _, _)| who.len()).sum();
        assert_eq!(allowed, rows);
    }

    #[test]
    fn refusal_kinds_on_examples() {
        // A division may never verify; a verifier may not verify twice.
        assert_eq!(
            transition(Received, Verify, DIVISION),
            Err(Refusal::NotPermitted)
        );
        assert_eq!(
            transition(Verified, Verify, OFFICER),
            Err(Refusal::WrongState)
        );
        assert_eq!(transition(Received, Verify, OFFICER), Ok(Verified));
        // Only the reporter accepts, only once resolved.
        assert_eq!(
            transition(Resolved, Accept, ADMIN),
            Err(Refusal::NotPermitted)
        );
        assert_eq!(
            transition(InProgress, Accept, REPORTER),
            Err(Refusal::WrongState)
        );
        // The system closes and archives, nothing else.
        assert_eq!(transition(Resolved, Close, SYSTEM), Ok(Closed));
        assert_eq!(
            transition(Received, Note, SYSTEM),
            Err(Refusal::NotPermitted)
        );
        // Supervisors oversee: notes and extensions, no replies.
        assert_eq!(
            transition(InProgress, Reply, SUPERVISOR),
            Err(Refusal::NotPermitted)
        );
        assert_eq!(transition(InProgress, Extend, SUPERVISOR), Ok(InProgress));
        // Archived is final, even for notes.
        assert_eq!(transition(Archived, Note, ADMIN), Err(Refusal::WrongState));
    }

    #[test]
    fn reopening_and_redisposition() {
        assert_eq!(transition(Resolved, Dispute, REPORTER), Ok(InProgress));
        assert_eq!(
            transition(InProgress, Disposition, TEAM_LEAD),
            Ok(Dispositioned)
        );
        assert_eq!(transition(NeedsInfo, AddInfo, REPORTER), Ok(Received));
    }

    #[test]
    fn available_actions_examples() {
        assert_eq!(
            available_actions(Received, OFFICER),
            [Verify, RequestInfo, Reject, Note, Reply]
        );
        assert_eq!(
            available_actions(InProgress, TEAM_LEAD),
            [Disposition, Resolve, Extend, Note, Reply]
        );
        assert_eq!(
            available_actions(InProgress, DIVISION),
            [Resolve, Note, Reply]
        );
        assert_eq!(
            available_actions(Dispositioned, DIVISION),
            [Start, Note, Reply]
        );
        assert_eq!(available_actions(Verified, SUPERVISOR), [Extend, Note]);
        assert_eq!(available_actions(Closed, SUPERVISOR), [Note]);
        assert_eq!(available_actions(Resolved, REPORTER), [Accept, Dispute]);
        assert_eq!(available_actions(NeedsInfo, REPORTER), [AddInfo]);
        assert_eq!(available_actions(Rejected, REPORTER), []);
        assert_eq!(available_actions(Resolved, SYSTEM), [Close]);
        assert_eq!(available_actions(Closed, SYSTEM), [Archive]);
        assert_eq!(available_actions(Received, SYSTEM), [Reject, Escalate]);
        assert_eq!(available_actions(NeedsInfo, SYSTEM), [Reject]);
        assert_eq!(available_actions(Closed, ADMIN), [Archive, Note]);
    }

    #[test]
    fn nothing_is_available_once_archived() {
        for actor in ACTORS {
            assert_eq!(available_actions(Archived, actor), [], "{actor:?}");
        }
    }

    #[test]
    fn available_actions_agree_with_the_table_in_order() {
        for &status in Status::ALL {
            for actor in ACTORS {
                let want: Vec<Action> = Action::ALL
                    .iter()
                    .copied()
                    .filter(|a| expected(status, *a, actor).is_ok())
                    .collect();
                assert_eq!(available_actions(status, actor), want, "{status} {actor:?}");
            }
        }
    }

    #[test]
    fn finished_statuses() {
        let finished: Vec<Status> = Status::ALL
            .iter()
            .copied()
            .filter(|s| is_finished(*s))
            .collect();
        assert_eq!(finished, [Rejected, Closed, Archived]);
        // A finished complaint can no longer change status except to archive.
        for &from in Status::ALL.iter().filter(|s| is_finished(**s)) {
            for &action in Action::ALL {
                for actor in ACTORS {
                    if let Ok(to) = transition(from, action, actor) {
                        assert!(to == from || to == Archived, "{action} {from} -> {to}");
                    }
                }
            }
        }
    }

    #[test]
    fn statuses_waiting_for_the_reporter() {
        let waiting: Vec<Status> = Status::ALL
            .iter()
            .copied()
            .filter(|s| waits_for_reporter(*s))
            .collect();
        assert_eq!(waiting, [NeedsInfo, Resolved]);
        // In those statuses the reporter is the one who can move it on.
        for status in waiting {
            assert!(available_actions(status, REPORTER)
                .iter()
                .any(|a| transition(status, *a, REPORTER) != Ok(status)));
        }
    }

    #[test]
    fn action_text_round_trip() {
        for &action in Action::ALL {
            assert_eq!(action.as_str().parse::<Action>().unwrap(), action);
            let json = serde_json::to_string(&action).unwrap();
            assert_eq!(json, format!("\"{}\"", action.as_str()));
        }
        assert_eq!(RequestInfo.as_str(), "request_info");
        assert_eq!("add_info".parse::<Action>().unwrap(), AddInfo);
        let err = "approve".parse::<Action>().unwrap_err();
        assert_eq!(err.code, "unknown_value");
    }

    #[test]
    fn refusals_read_differently() {
        assert_ne!(
            Refusal::NotPermitted.to_string(),
            Refusal::WrongState.to_string()
        );
        assert!(!Refusal::WrongState.to_string().is_empty());
    }
}
