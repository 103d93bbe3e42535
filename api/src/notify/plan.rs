//! Who is told what about a timeline event. Pure: the caller loads the
//! staff that [`audience`] names, and stores what [`plan`] returns.

use chrono::NaiveDate;

use super::templates::{self, ReporterFacts, StaffFacts};
use super::{ReporterNotice, StaffNotice};
use crate::db::complaints::{ComplaintRow, EventRow};
use crate::domain::timeline::{Escalation, EventKind};
use crate::domain::{Channel, Language};
use crate::error::ApiError;

/// The staff an event concerns, before the database names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// The verifiers whose queue submissions from this channel land in.
    Queue(Channel),
    /// The active staff of a division.
    Division(String),
    /// One user.
    User(String),
}

/// A staff member the audience resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub user_id: String,
    pub email: Option<String>,
}

/// An in-app notification for one staff member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub user_id: String,
    pub kind: StaffNotice,
    pub title: String,
}

/// A mail to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    /// The notice's name (a [`ReporterNotice`] or a [`StaffNotice`]).
    pub kind: &'static str,
    pub language: Language,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub notices: Vec<Notice>,
    pub mails: Vec<Mail>,
}

/// The mail the reporter gets for an event, if any: the steps of their
/// complaint that ask something of them or end it. Their own actions
/// (adding information, accepting, disputing) get none.
pub fn reporter_notice(kind: EventKind) -> Option<ReporterNotice> {
    match kind {
        EventKind::Submitted => Some(ReporterNotice::Received),
        EventKind::InfoRequested => Some(ReporterNotice::InfoRequested),
        EventKind::Rejected => Some(ReporterNotice::Rejected),
        EventKind::Resolved => Some(ReporterNotice::Resolved),
        EventKind::Closed => Some(ReporterNotice::Closed),
        _ => None,
    }
}

/// What staff are told of an event, if anything: work arriving in their
/// queue or in their hands, the reporter's moves, escalations.
pub fn staff_notice(kind: EventKind) -> Option<StaffNotice> {
    match kind {
        EventKind::Submitted => Some(StaffNotice::NewComplaint),
        EventKind::Dispositioned => Some(StaffNotice::Dispositioned),
        EventKind::InfoAdded => Some(StaffNotice::InfoAdded),
        EventKind::Disputed => Some(StaffNotice::Disputed),
        EventKind::Escalated => Some(StaffNotice::Escalated),
        _ => None,
    }
}

fn event_kind(event: &EventRow) -> Result<EventKind, ApiError> {
    event
        .action
        .parse()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored event kind is invalid: {e}")))
}

fn escalation(event: &EventRow) -> Result<Escalation, ApiError> {
    event
        .details
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("escalation {} has no details", event.id))
        .and_then(|d| Ok(serde_json::from_str(d)?))
        .map_err(|e| ApiError::Internal(e.context("an escalation names whom it went to")))
}

/// Whose the event is: a new submission is the verifiers'; after that, the
/// complaint's handler's (its assignee, else its division's staff, else the
/// verifiers while it has no division); an escalation, the person it went to.
pub fn audience(complaint: &ComplaintRow, event: &EventRow) -> Result<Option<Audience>, ApiError> {
    let Some(notice) = staff_notice(event_kind(event)?) else {
        return Ok(None);
    };
    let handler = match (&complaint.assignee_id, &complaint.division_id) {
        (Some(user), _) => Audience::User(user.clone()),
        (None, Some(division)) => Audience::Division(division.clone()),
        (None, None) => Audience::Queue(complaint.channel()?),
    };
    Ok(Some(match notice {
        StaffNotice::NewComplaint => Audience::Queue(complaint.channel()?),
        StaffNotice::Dispositioned | StaffNotice::InfoAdded | StaffNotice::Disputed => handler,
        StaffNotice::Escalated => Audience::User(escalation(event)?.to_user_id),
    }))
}

/// The messages an event produces, given the staff its [`audience`]
/// resolved to. The staff member who acted is not told of their own act.
/// Mail never carries an internal note; staff messages never carry the
/// reporter's identity or words, only where to look.
pub fn plan(
    complaint: &ComplaintRow,
    event: &EventRow,
    staff: &[StaffMember],
    public_url: &str,
) -> Result<Plan, ApiError> {
    let kind = event_kind(event)?;
    let mut plan = Plan::default();
    let subject = (!complaint.is_confidential).then_some(complaint.subject.as_str());
    if let (Some(notice), Some(to)) = (reporter_notice(kind), &complaint.reporter_email) {
        let language = complaint.reporter_language()?;
        let due_on: Option<NaiveDate> = match notice {
            ReporterNotice::Received => Some(complaint.verification_due_on),
            ReporterNotice::InfoRequested | ReporterNotice::Resolved => complaint.reporter_due_on,
            ReporterNotice::Rejected | ReporterNotice::Closed => None,
        };
        let facts = ReporterFacts {
            kind: complaint.kind()?,
            register_number: complaint.register_number(),
            tracking_code: &complaint.tracking_code,
            tracking_link: format!("{public_url}/track/{}", complaint.tracking_code),
            subject,
            message: event
                .message
                .as_deref()
                .filter(|_| kind.message_is_public()),
            due_on,
            rejection_reason: complaint
                .rejection_reason
                .as_deref()
                .and_then(|r| r.parse().ok()),
        };
        let rendered = templates::reporter(notice, language, &facts);
        plan.mails.push(Mail {
            to: to.clone(),
            kind: notice.as_str(),
            language,
            subject: rendered.subject,
            body: rendered.body,
        });
    }
    if let Some(notice) = staff_notice(kind) {
        let facts = StaffFacts {
            kind: complaint.kind()?,
            register_number: complaint.register_number(),
            subject,
            link: format!("{public_url}/staff/complaints/{}", complaint.id),
            due_on: match notice {
                StaffNotice::NewComplaint => Some(complaint.verification_due_on),
                _ => complaint.sla_due_on,
            },
            escalation: match notice {
                StaffNotice::Escalated => Some(escalation(event)?),
                _ => None,
            },
        };
        // Staff read Indonesian; users have no language of their own yet.
        let rendered = templates::staff(notice, Language::Id, &facts);
        let mut told: Vec<&str> = Vec::new();
        for member in staff {
            if event.actor_id.as_deref() == Some(member.user_id.as_str())
                || told.contains(&member.user_id.as_str())
            {
                continue;
            }
            told.push(&member.user_id);
            plan.notices.push(Notice {
                user_id: member.user_id.clone(),
                kind: notice,
                title: rendered.title.clone(),
            });
            if let Some(email) = &member.email {
                plan.mails.push(Mail {
                    to: email.clone(),
                    kind: notice.as_str(),
                    language: Language::Id,
                    subject: rendered.subject.clone(),
                    body: rendered.body.clone(),
                });
            }
        }
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::complaints::EventActor;
    use crate::domain::timeline::{ActorKind, EscalationReason};
    use crate::domain::{Kind, Role, Status};
    use chrono::NaiveDateTime;

    const NAME: &str = "I Wayan Sudarma";
    const NIK: &str = "5106011203850001";
    const PHONE: &str = "081234567890";
    const EMAIL: &str = "wayan@example.id";
    const ADDRESS: &str = "Jl. Merdeka No. 1, Bangli";
    const URL: &str = "https://aduan.example.id";

    fn at() -> NaiveDateTime {
        "2026-11-25T02:00:00".parse().unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn complaint() -> ComplaintRow {
        ComplaintRow {
            id: "c1".into(),
            tracking_code: "7KQM-4XHT-92RC".into(),
            register_year: 2026,
            register_seq: 1,
            kind: Kind::Complaint.as_str().into(),
            channel: Channel::Web.as_str().into(),
            status: Status::Received.as_str().into(),
            category_id: "cat".into(),
            subject: "Izin PBG belum terbit".into(),
            description: "Sudah 30 hari izin PBG belum terbit.".into(),
            incident_date: None,
            incident_place: None,
            reporter_name: Some(NAME.into()),
            reporter_id_type: Some("ktp".into()),
            reporter_id_number: Some(NIK.into()),
            reporter_address: Some(ADDRESS.into()),
            reporter_phone: Some(PHONE.into()),
            reporter_email: Some(EMAIL.into()),
            is_anonymous: false,
            is_confidential: false,
            req_identity: None,
            req_address: None,
            req_evidence: None,
            division_id: None,
            assignee_id: None,
            rejection_reason: None,
            duplicate_of_id: None,
            resolution: None,
            received_at: at(),
            received_on: at().date(),
            target_days: 14,
            extension_days: 0,
            paused_days: 0,
            waiting_since: None,
            verification_due_on: day(1),
            resolution_due_on: day(15),
            reporter_due_on: Some(day(9)),
            sla_due_on: Some(day(15)),
            sla_at_risk_on: Some(day(10)),
            verified_at: None,
            resolved_at: None,
            closed_at: None,
            archived_at: None,
            external_system: None,
            external_id: None,
            external_status: None,
            created_by_id: None,
            search_text: String::new(),
            version: 1,
            created_at: at(),
            updated_at: at(),
            reporter_language: Language::Id.as_str().into(),
        }
    }

    fn escalation_details() -> serde_json::Value {
        serde_json::json!({ "to_user_id": "head", "level": 1, "reason": "at_risk" })
    }

    /// An event of `kind` by staff member `lead`, with a message that is
    /// internal unless the kind's messages are public.
    fn event(kind: EventKind) -> EventRow {
        let actor = match kind {
            EventKind::InfoAdded | EventKind::Accepted | EventKind::Disputed => {
                EventActor::reporter()
            }
            EventKind::Escalated => EventActor {
                kind: ActorKind::System,
                user_id: None,
                role: None,
            },
            _ => EventActor::staff("lead", Role::TeamLead),
        };
        let mut event = EventRow::new("c1", at(), kind, &actor)
            .message(Some("SECRET internal instruction".into()));
        if kind == EventKind::Escalated {
            event = event.details(escalation_details());
        }
        event
    }

    fn member(id: &str, email: Option<&str>) -> StaffMember {
        StaffMember {
            user_id: id.into(),
            email: email.map(str::to_string),
        }
    }

    fn staff() -> Vec<StaffMember> {
        vec![
            member("lead", Some("lead@bangli.example.id")),
            member("operator", Some("operator@bangli.example.id")),
            member("officer", None),
        ]
    }

    fn texts(plan: &Plan) -> Vec<String> {
        plan.notices
            .iter()
            .map(|n| n.title.clone())
            .chain(
                plan.mails
                    .iter()
                    .map(|m| format!("{}\n{}", m.subject, m.body)),
            )
            .collect()
    }

    #[test]
    fn the_reporter_is_mailed_when_received_asked_rejected_answered_and_closed() {
        for kind in EventKind::ALL {
            let plan = plan(&complaint(), &event(*kind), &[], URL).unwrap();
            let to_reporter: Vec<&str> = plan
                .mails
                .iter()
                .filter(|m| m.to == EMAIL)
                .map(|m| m.kind)
                .collect();
            let expected: &[&str] = match kind {
                EventKind::Submitted => &["received"],
                EventKind::InfoRequested => &["info_requested"],
                EventKind::Rejected => &["rejected"],
                EventKind::Resolved => &["resolved"],
                EventKind::Closed => &["closed"],
                _ => &[],
            };
            assert_eq!(to_reporter, expected, "{kind}");
        }
    }

    #[test]
    fn a_reporter_without_an_address_gets_no_mail() {
        let mut row = complaint();
        row.reporter_email = None;
        for kind in EventKind::ALL {
            let plan = plan(&row, &event(*kind), &[], URL).unwrap();
            assert!(plan.mails.is_empty(), "{kind}");
        }
    }

    #[test]
    fn each_event_goes_to_the_staff_whose_work_it_is() {
        let mut handled = complaint();
        handled.division_id = Some("licensing".into());
        let mut assigned = handled.clone();
        assigned.assignee_id = Some("handler".into());
        for kind in EventKind::ALL {
            let e = event(*kind);
            let (new, in_division, with_assignee) = (
                audience(&complaint(), &e).unwrap(),
                audience(&handled, &e).unwrap(),
                audience(&assigned, &e).unwrap(),
            );
            let queue = Some(Audience::Queue(Channel::Web));
            let division = Some(Audience::Division("licensing".into()));
            let handler = Some(Audience::User("handler".into()));
            match kind {
                EventKind::Submitted => {
                    assert_eq!(new, queue);
                    assert_eq!(with_assignee, queue, "a new complaint has no handler");
                }
                EventKind::Dispositioned | EventKind::InfoAdded | EventKind::Disputed => {
                    assert_eq!(new, queue, "{kind}");
                    assert_eq!(in_division, division, "{kind}");
                    assert_eq!(with_assignee, handler, "{kind}");
                }
                EventKind::Escalated => {
                    let head = Some(Audience::User("head".into()));
                    assert_eq!((new, with_assignee), (head.clone(), head));
                }
                _ => assert_eq!(
                    (new, in_division, with_assignee),
                    (None, None, None),
                    "{kind}"
                ),
            }
            assert_eq!(
                staff_notice(*kind).is_some(),
                audience(&complaint(), &e).unwrap().is_some()
            );
        }
    }

    #[test]
    fn staff_are_told_in_the_app_and_by_mail_when_they_have_an_address() {
        for kind in EventKind::ALL {
            let plan = plan(&complaint(), &event(*kind), &staff(), URL).unwrap();
            let Some(notice) = staff_notice(*kind) else {
                assert!(plan.notices.is_empty(), "{kind}");
                continue;
            };
            let told: Vec<&str> = plan.notices.iter().map(|n| n.user_id.as_str()).collect();
            let mailed: Vec<&str> = plan
                .mails
                .iter()
                .filter(|m| m.kind == notice.as_str())
                .map(|m| m.to.as_str())
                .collect();
            if event(*kind).actor_id.as_deref() == Some("lead") {
                assert_eq!(told, ["operator", "officer"], "{kind}: not the actor");
                assert_eq!(mailed, ["operator@bangli.example.id"], "{kind}");
            } else {
                assert_eq!(told, ["lead", "operator", "officer"], "{kind}");
                assert_eq!(
                    mailed,
                    ["lead@bangli.example.id", "operator@bangli.example.id"],
                    "{kind}"
                );
            }
            assert!(plan.mails.iter().all(|m| m.body.contains(URL)), "{kind}");
            assert!(plan
                .notices
                .iter()
                .all(|n| n.kind == notice && n.title.contains("00001/ADUAN/2026")));
        }
    }

    #[test]
    fn someone_listed_twice_is_told_once() {
        let twice = vec![member("operator", None), member("operator", None)];
        let plan = plan(&complaint(), &event(EventKind::Submitted), &twice, URL).unwrap();
        assert_eq!(plan.notices.len(), 1);
    }

    #[test]
    fn staff_messages_never_name_an_anonymous_reporter_nor_quote_them() {
        for anonymous in [true, false] {
            let mut row = complaint();
            row.is_anonymous = anonymous;
            row.reporter_email = None;
            for kind in EventKind::ALL {
                let mut e = event(*kind);
                e.message = Some(format!("Saya {NAME}, NIK {NIK}"));
                let plan = plan(&row, &e, &staff(), URL).unwrap();
                for text in texts(&plan) {
                    for identity in [NAME, NIK, PHONE, EMAIL, ADDRESS] {
                        assert!(!text.contains(identity), "{kind}: {identity} in {text}");
                    }
                }
            }
        }
    }

    #[test]
    fn mail_never_carries_an_internal_note() {
        for kind in EventKind::ALL {
            let plan = plan(&complaint(), &event(*kind), &staff(), URL).unwrap();
            for mail in &plan.mails {
                let carries = mail.body.contains("SECRET internal instruction");
                let allowed = kind.message_is_public() && mail.to == EMAIL;
                assert!(!carries || allowed, "{kind} to {}", mail.to);
            }
        }
        let asked = plan(&complaint(), &event(EventKind::InfoRequested), &[], URL).unwrap();
        assert!(asked.mails[0].body.contains("SECRET internal instruction"));
    }

    #[test]
    fn the_reporter_reads_their_own_language() {
        let mut row = complaint();
        row.reporter_language = Language::En.as_str().into();
        let plan = plan(&row, &event(EventKind::Submitted), &staff(), URL).unwrap();
        let to_reporter = plan.mails.iter().find(|m| m.to == EMAIL).unwrap();
        assert_eq!(to_reporter.language, Language::En);
        assert!(to_reporter.subject.contains("received"));
        assert!(to_reporter
            .body
            .contains("https://aduan.example.id/track/7KQM-4XHT-92RC"));
        let to_staff = plan.mails.iter().find(|m| m.to != EMAIL).unwrap();
        assert_eq!(to_staff.language, Language::Id);
    }

    #[test]
    fn a_confidential_subject_stays_out_of_every_message() {
        let mut row = complaint();
        row.is_confidential = true;
        for kind in EventKind::ALL {
            let plan = plan(&row, &event(*kind), &staff(), URL).unwrap();
            for text in texts(&plan) {
                assert!(!text.contains("Izin PBG belum terbit"), "{kind}");
            }
        }
    }

    #[test]
    fn an_escalation_says_why_and_names_its_recipient() {
        let e = event(EventKind::Escalated);
        let told = plan(&complaint(), &e, &[member("head", Some("head@x.id"))], URL).unwrap();
        assert_eq!(told.notices[0].user_id, "head");
        assert!(told.mails[0].body.contains("Tingkat eskalasi: 1"));
        let overdue = e.clone().details(serde_json::json!({
            "to_user_id": "head", "level": 2, "reason": EscalationReason::Overdue,
        }));
        let told = plan(&complaint(), &overdue, &[member("head", None)], URL).unwrap();
        assert!(told.notices[0].title.contains("melewati batas waktu"));
        let mut broken = e;
        broken.details = Some("{}".into());
        assert!(audience(&complaint(), &broken).is_err());
    }
}
