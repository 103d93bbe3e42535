//! What a timeline event records, and which parts of it the public may see.

use super::lifecycle::Action;
use super::text_enum;

text_enum! {
    /// What happened to a complaint.
    pub enum EventKind {
        Submitted = "submitted",
        Verified = "verified",
        InfoRequested = "info_requested",
        InfoAdded = "info_added",
        Rejected = "rejected",
        Dispositioned = "dispositioned",
        Started = "started",
        Resolved = "resolved",
        Accepted = "accepted",
        Disputed = "disputed",
        Closed = "closed",
        Archived = "archived",
        Extended = "extended",
        Note = "note",
        Reply = "reply",
        IdentityRevealed = "identity_revealed",
        /// The reporter rated the handling (the scores are kept apart).
        Evaluated = "evaluated",
        /// A deadline is at risk or passed, and someone up the chain was told.
        /// `details`: `{"to_user_id": "<uuid>", "level": <int>, "reason": "at_risk" | "overdue"}`.
        Escalated = "escalated",
    }
}

text_enum! {
    /// Why a complaint was escalated.
    pub enum EscalationReason {
        /// Most of the time to its deadline is used up.
        AtRisk = "at_risk",
        /// Its deadline has passed.
        Overdue = "overdue",
    }
}

/// The `details` of an [`EventKind::Escalated`] event: who was told, how far
/// up the chain of supervision (1 = the handler's supervisor), and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Escalation {
    pub to_user_id: String,
    pub level: i32,
    pub reason: EscalationReason,
}

text_enum! {
    /// Who acted.
    pub enum ActorKind {
        Staff = "staff",
        Reporter = "reporter",
        System = "system",
    }
}

text_enum! {
    pub enum Visibility {
        /// On the citizen's timeline too.
        Public = "public",
        /// Staff only.
        Internal = "internal",
    }
}

impl EventKind {
    pub fn of(action: Action) -> EventKind {
        match action {
            Action::Verify => EventKind::Verified,
            Action::RequestInfo => EventKind::InfoRequested,
            Action::AddInfo => EventKind::InfoAdded,
            Action::Reject => EventKind::Rejected,
            Action::Disposition => EventKind::Dispositioned,
            Action::Start => EventKind::Started,
            Action::Resolve => EventKind::Resolved,
            Action::Accept => EventKind::Accepted,
            Action::Dispute => EventKind::Disputed,
            Action::Close => EventKind::Closed,
            Action::Archive => EventKind::Archived,
            Action::Extend => EventKind::Extended,
            Action::Escalate => EventKind::Escalated,
            Action::Note => EventKind::Note,
            Action::Reply => EventKind::Reply,
        }
    }

    /// Internal notes, identity reveals and escalations never reach the citizen.
    pub fn visibility(self) -> Visibility {
        match self {
            EventKind::Note | EventKind::IdentityRevealed | EventKind::Escalated => {
                Visibility::Internal
            }
            _ => Visibility::Public,
        }
    }

    /// Whether the event's message is addressed to the citizen. Other
    /// messages (a disposition instruction, say) stay with the staff even
    /// when the event itself is public.
    pub fn message_is_public(self) -> bool {
        matches!(
            self,
            EventKind::InfoRequested
                | EventKind::InfoAdded
                | EventKind::Rejected
                | EventKind::Resolved
                | EventKind::Disputed
                | EventKind::Extended
                | EventKind::Reply
        )
    }

    /// Whether the citizen reads this event's message on a complaint: the
    /// reporter's own added words are content, hidden when it is confidential.
    pub fn message_shown_to_public(self, confidential: bool) -> bool {
        self.visibility() == Visibility::Public
            && self.message_is_public()
            && !(confidential && self == EventKind::InfoAdded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_its_event() {
        for action in Action::ALL {
            let kind = EventKind::of(*action);
            assert_eq!(
                kind.visibility() == Visibility::Internal,
                matches!(action, Action::Note | Action::Escalate),
                "{action}"
            );
        }
    }

    #[test]
    fn escalations_are_internal_and_read_their_details() {
        assert_eq!(EventKind::Escalated.visibility(), Visibility::Internal);
        let details = serde_json::json!({ "to_user_id": "u1", "level": 2, "reason": "overdue" });
        let escalation: Escalation = serde_json::from_value(details).unwrap();
        assert_eq!(escalation.reason, EscalationReason::Overdue);
        assert_eq!(escalation.level, 2);
    }

    #[test]
    fn internal_events_never_carry_public_messages() {
        for kind in EventKind::ALL {
            if kind.visibility() == Visibility::Internal {
                assert!(!kind.message_is_public(), "{kind}");
            }
        }
    }

    #[test]
    fn the_public_reads_only_messages_addressed_to_it() {
        for kind in EventKind::ALL {
            for confidential in [false, true] {
                if kind.visibility() == Visibility::Internal || !kind.message_is_public() {
                    assert!(!kind.message_shown_to_public(confidential), "{kind}");
                }
            }
        }
        assert!(!EventKind::Dispositioned.message_shown_to_public(false));
        assert!(EventKind::InfoAdded.message_shown_to_public(false));
        assert!(!EventKind::InfoAdded.message_shown_to_public(true));
        assert!(EventKind::Resolved.message_shown_to_public(true));
        assert!(EventKind::InfoRequested.message_shown_to_public(true));
    }
}
