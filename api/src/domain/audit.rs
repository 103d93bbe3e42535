//! What the audit log records (b.7: handled transparently and accountably):
//! every sign-in, every staff action, every look at a reporter's identity,
//! every export and every change to the administration data.

use super::lifecycle::Action;
use super::text_enum;

text_enum! {
    /// What was done.
    pub enum AuditAction {
        SignIn = "sign_in",
        /// A wrong password, an unknown username or an inactive account.
        SignInFailed = "sign_in_failed",
        SignOut = "sign_out",
        /// A refresh token was used twice: its whole sign-in was revoked.
        TokenReused = "token_reused",
        /// Staff keyed in a submission received off-line.
        Intake = "intake",
        Verify = "verify",
        RequestInfo = "request_info",
        Reject = "reject",
        Disposition = "disposition",
        Start = "start",
        Resolve = "resolve",
        Close = "close",
        Archive = "archive",
        Extend = "extend",
        Note = "note",
        Reply = "reply",
        IdentityRevealed = "identity_revealed",
        Export = "export",
        UserCreated = "user_created",
        UserUpdated = "user_updated",
        DivisionCreated = "division_created",
        DivisionUpdated = "division_updated",
        CategoryCreated = "category_created",
        CategoryUpdated = "category_updated",
        HolidayCreated = "holiday_created",
        HolidayRemoved = "holiday_removed",
        HolidaySetUpdated = "holiday_set_updated",
    }
}

text_enum! {
    /// What it was done to.
    pub enum ObjectType {
        User = "user",
        Complaint = "complaint",
        Division = "division",
        Category = "category",
        Holiday = "holiday",
        HolidaySet = "holiday_set",
        Report = "report",
    }
}

impl AuditAction {
    /// The entry for a lifecycle action taken by staff; `None` for the
    /// reporter's own actions, which are on the complaint's timeline only.
    pub fn of_staff(action: Action) -> Option<AuditAction> {
        Some(match action {
            Action::Verify => AuditAction::Verify,
            Action::RequestInfo => AuditAction::RequestInfo,
            Action::Reject => AuditAction::Reject,
            Action::Disposition => AuditAction::Disposition,
            Action::Start => AuditAction::Start,
            Action::Resolve => AuditAction::Resolve,
            Action::Close => AuditAction::Close,
            Action::Archive => AuditAction::Archive,
            Action::Extend => AuditAction::Extend,
            Action::Note => AuditAction::Note,
            Action::Reply => AuditAction::Reply,
            Action::AddInfo | Action::Accept | Action::Dispute | Action::Escalate => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lifecycle::{transition, Actor};
    use crate::domain::{Role, Status};

    /// Whether any staff role may take `action` in any status.
    fn staff_may(action: Action) -> bool {
        Role::ALL.iter().any(|role| {
            Status::ALL
                .iter()
                .any(|status| transition(*status, action, Actor::Staff(*role)).is_ok())
        })
    }

    #[test]
    fn every_staff_action_has_its_entry_and_only_those() {
        for action in Action::ALL {
            let entry = AuditAction::of_staff(*action);
            assert_eq!(entry.is_some(), staff_may(*action), "{action}");
            if let Some(entry) = entry {
                assert_eq!(entry.as_str(), action.as_str(), "same name as the action");
            }
        }
    }
}
