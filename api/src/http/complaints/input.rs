//! The submission a citizen or an officer sends, and its parsing into a
//! [`Submission`] that cannot hold a bad value. All field errors are reported
//! at once, each naming its field.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{Channel, IdentityDocType, Kind, Language, Nik};
use crate::error::{ApiError, FieldError};

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReporterInput {
    #[schema(example = "I Wayan Sudarma")]
    pub name: String,
    pub id_type: Option<IdentityDocType>,
    /// The document's number; a 16-digit NIK when `id_type` is `ktp`.
    #[schema(example = "5106011203850001")]
    pub id_number: Option<String>,
    #[schema(example = "Jl. Merdeka No. 1, Bangli")]
    pub address: Option<String>,
    #[schema(example = "+6281234567890")]
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// A reference to the same complaint in the system it came from.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExternalInput {
    /// For example `sp4n_lapor`.
    pub system: String,
    pub id: String,
    pub status: Option<String>,
}

/// A new complaint, suggestion or input. Fields the system decides (status,
/// register number, division, due dates) cannot be sent: unknown fields are refused.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionInput {
    pub kind: Kind,
    /// Online: `web` (default), `mobile_app` or `api_client`. Staff intake: the
    /// channel the submission arrived on.
    pub channel: Option<Channel>,
    pub category_id: String,
    #[schema(example = "Izin PBG belum terbit setelah 30 hari")]
    pub subject: String,
    pub description: String,
    pub incident_date: Option<NaiveDate>,
    pub incident_place: Option<String>,
    /// Required for a complaint (seed a.1): name, identity document and address.
    pub reporter: Option<ReporterInput>,
    /// Hide the reporter's identity from everyone but the verifying staff.
    #[serde(default)]
    pub anonymous: bool,
    /// Keep the content out of every public view.
    #[serde(default)]
    pub confidential: bool,
    /// Staff intake only: when the letter, call or visit was received, if earlier than now.
    pub received_at: Option<DateTime<Utc>>,
    /// Staff intake only: the complaint's id in the system it came from.
    pub external: Option<ExternalInput>,
    /// The language of the mail the reporter receives: `id` (default) or `en`.
    /// Read as text so that a wrong value is reported against this field.
    #[schema(value_type = Option<Language>)]
    pub language: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reporter {
    pub name: String,
    pub id_type: Option<IdentityDocType>,
    pub id_number: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// A submission that passed every check that needs no database.
#[derive(Debug, Clone)]
pub struct Submission {
    pub kind: Kind,
    pub channel: Channel,
    pub category_id: String,
    pub subject: String,
    pub description: String,
    pub incident_date: Option<NaiveDate>,
    pub incident_place: Option<String>,
    pub reporter: Option<Reporter>,
    pub anonymous: bool,
    pub confidential: bool,
    pub received_at: DateTime<Utc>,
    pub external: Option<ExternalInput>,
    pub language: Language,
}

/// Who is submitting: the citizen online, or staff keying it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Online,
    Intake,
}

/// Collects field errors while parsing.
#[derive(Default)]
pub struct Checks {
    pub errors: Vec<FieldError>,
}

impl Checks {
    pub fn fail(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, code, message));
    }

    /// Trimmed text of `min..=max` characters, without control characters
    /// (line breaks and tabs allowed where `multiline`).
    pub fn text(
        &mut self,
        field: &str,
        value: &str,
        min: usize,
        max: usize,
        multiline: bool,
    ) -> Option<String> {
        let value = value.trim();
        let length = value.chars().count();
        if length < min {
            let message = if min == 1 {
                "must not be empty".to_string()
            } else {
                format!("must have at least {min} characters")
            };
            self.fail(
                field,
                if length == 0 { "required" } else { "too_short" },
                message,
            );
            return None;
        }
        if length > max {
            self.fail(
                field,
                "too_long",
                format!("must have at most {max} characters"),
            );
            return None;
        }
        if value
            .chars()
            .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
        {
            self.fail(
                field,
                "control_characters",
                "must not contain control characters",
            );
            return None;
        }
        Some(value.to_string())
    }

    pub fn optional_text(
        &mut self,
        field: &str,
        value: Option<&str>,
        max: usize,
    ) -> Option<String> {
        match value.map(str::trim) {
            None | Some("") => None,
            Some(v) => self.text(field, v, 1, max, false),
        }
    }

    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, ApiError> {
        if self.errors.is_empty() {
            Ok(value())
        } else {
            Err(ApiError::Validation(self.errors))
        }
    }
}

fn parse_phone(checks: &mut Checks, value: Option<&str>) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    let digits: String = value.chars().filter(|c| c.is_ascii_digit()).collect();
    let allowed = value.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (c == '+' && i == 0)
    });
    if !allowed || !(8..=15).contains(&digits.len()) {
        checks.fail(
            "reporter.phone",
            "invalid_phone",
            "a phone number has 8 to 15 digits, optionally starting with +",
        );
        return None;
    }
    Some(if value.starts_with('+') {
        format!("+{digits}")
    } else {
        digits
    })
}

fn parse_email(checks: &mut Checks, value: Option<&str>) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    let valid = value.len() <= 254
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        && match value.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
            }
            None => false,
        };
    if valid {
        Some(value.to_lowercase())
    } else {
        checks.fail("reporter.email", "invalid_email", "not an email address");
        None
    }
}

fn parse_reporter(checks: &mut Checks, input: &ReporterInput, kind: Kind) -> Option<Reporter> {
    let name = checks.text("reporter.name", &input.name, 2, 150, false);
    let id_number = match (input.id_type, input.id_number.as_deref().map(str::trim)) {
        (Some(IdentityDocType::Ktp), Some(number)) if !number.is_empty() => {
            match Nik::parse(number) {
                Ok(nik) => Some(nik.as_str().to_string()),
                Err(invalid) => {
                    checks
                        .errors
                        .push(FieldError::from_invalid("reporter.id_number", invalid));
                    None
                }
            }
        }
        (Some(_), Some(number)) if !number.is_empty() => {
            let ok = (3..=40).contains(&number.len())
                && number
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | ' '));
            if !ok {
                checks.fail(
                    "reporter.id_number",
                    "invalid_document_number",
                    "a document number has 3 to 40 letters, digits, '-', '/' or '.'",
                );
            }
            ok.then(|| number.to_uppercase())
        }
        (None, Some(number)) if !number.is_empty() => {
            checks.fail(
                "reporter.id_type",
                "required",
                "say which document the number belongs to",
            );
            None
        }
        _ => None,
    };
    let address = checks.optional_text("reporter.address", input.address.as_deref(), 500);
    let phone = parse_phone(checks, input.phone.as_deref());
    let email = parse_email(checks, input.email.as_deref());
    if kind.requires_identity() {
        // Seed a.1: a complaint needs an identity document and an address.
        if input.id_type.is_none() {
            checks.fail(
                "reporter.id_type",
                "required",
                "a complaint needs an identity document (KTP or other)",
            );
        }
        if input
            .id_number
            .as_deref()
            .map(str::trim)
            .unwrap_or("")
            .is_empty()
        {
            checks.fail(
                "reporter.id_number",
                "required",
                "a complaint needs the identity document's number",
            );
        }
        if input
            .address
            .as_deref()
            .map(str::trim)
            .unwrap_or("")
            .is_empty()
        {
            checks.fail(
                "reporter.address",
                "required",
                "a complaint needs the reporter's address",
            );
        }
    }
    Some(Reporter {
        name: name?,
        id_type: input.id_type,
        id_number,
        address,
        phone,
        email,
    })
}

impl SubmissionInput {
    /// Checks everything that needs no database. `now` is the server's clock,
    /// `today` the agency-local date.
    pub fn parse(
        self,
        origin: Origin,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Submission, ApiError> {
        let mut checks = Checks::default();
        let channel = match (origin, self.channel) {
            (Origin::Online, None) => Some(Channel::Web),
            (Origin::Online, Some(c)) if c.is_self_service() => Some(c),
            (Origin::Online, Some(c)) => {
                checks.fail(
                    "channel",
                    "not_self_service",
                    format!("'{c}' submissions are keyed in by staff; online ones use web, mobile_app or api_client"),
                );
                None
            }
            (Origin::Intake, None) => {
                checks.fail(
                    "channel",
                    "required",
                    "say on which channel the submission arrived",
                );
                None
            }
            (Origin::Intake, Some(c)) if c.is_self_service() => {
                checks.fail(
                    "channel",
                    "self_service",
                    format!("'{c}' submissions come from the citizen directly"),
                );
                None
            }
            (Origin::Intake, Some(c)) => Some(c),
        };
        let subject = checks.text("subject", &self.subject, 5, 200, false);
        let description = checks.text("description", &self.description, 10, 10_000, true);
        let category_id = checks.text("category_id", &self.category_id, 1, 64, false);
        if let Some(date) = self.incident_date {
            if date > today {
                checks.fail(
                    "incident_date",
                    "in_future",
                    "the incident cannot be in the future",
                );
            }
        }
        let incident_place =
            checks.optional_text("incident_place", self.incident_place.as_deref(), 300);
        let reporter = match &self.reporter {
            Some(r) => parse_reporter(&mut checks, r, self.kind),
            None if self.kind.requires_identity() => {
                checks.fail(
                    "reporter",
                    "required",
                    "a complaint needs the reporter's name, identity document and address",
                );
                None
            }
            None => None,
        };
        if self.anonymous && self.reporter.is_none() {
            checks.fail(
                "anonymous",
                "no_identity",
                "only a submission with an identity can hide it",
            );
        }
        let received_at = match (origin, self.received_at) {
            (_, None) => now,
            (Origin::Online, Some(_)) => {
                checks.fail(
                    "received_at",
                    "not_allowed",
                    "the server records when an online submission arrives",
                );
                now
            }
            (Origin::Intake, Some(at)) if at > now => {
                checks.fail("received_at", "in_future", "cannot be later than now");
                now
            }
            (Origin::Intake, Some(at)) if now - at > chrono::Duration::days(60) => {
                checks.fail("received_at", "too_old", "cannot be more than 60 days ago");
                now
            }
            (Origin::Intake, Some(at)) => at,
        };
        if origin == Origin::Online && self.external.is_some() {
            checks.fail(
                "external",
                "not_allowed",
                "only staff and integrations link external systems",
            );
        }
        if let Some(external) = &self.external {
            checks.text("external.system", &external.system, 2, 40, false);
            checks.text("external.id", &external.id, 1, 100, false);
        }
        let kind = self.kind;
        let (anonymous, confidential, external, incident_date) = (
            self.anonymous,
            self.confidential,
            self.external,
            self.incident_date,
        );
        let language = match self.language.as_deref() {
            None => Language::Id,
            Some(text) => text.parse().unwrap_or_else(|invalid| {
                checks
                    .errors
                    .push(FieldError::from_invalid("language", invalid));
                Language::Id
            }),
        };
        checks.into_result(|| Submission {
            kind,
            channel: channel.expect("checked"),
            category_id: category_id.expect("checked"),
            subject: subject.expect("checked"),
            description: description.expect("checked"),
            incident_date,
            incident_place,
            reporter,
            anonymous,
            confidential,
            received_at,
            external,
            language,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complaint() -> SubmissionInput {
        SubmissionInput {
            kind: Kind::Complaint,
            channel: None,
            category_id: "cat".into(),
            subject: "Izin belum terbit".into(),
            description: "Sudah 30 hari izin PBG belum terbit.".into(),
            incident_date: None,
            incident_place: None,
            reporter: Some(ReporterInput {
                name: "I Wayan Sudarma".into(),
                id_type: Some(IdentityDocType::Ktp),
                id_number: Some("5106011203850001".into()),
                address: Some("Jl. Merdeka 1, Bangli".into()),
                phone: Some("0812-3456-7890".into()),
                email: Some("Wayan@Example.ID".into()),
            }),
            anonymous: false,
            confidential: false,
            received_at: None,
            external: None,
            language: None,
        }
    }

    fn fields(result: Result<Submission, ApiError>) -> Vec<String> {
        match result {
            Err(ApiError::Validation(errors)) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected validation errors, got {other:?}"),
        }
    }

    fn now() -> DateTime<Utc> {
        "2026-11-27T15:30:00Z".parse().unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn a_complete_complaint_parses_and_normalises() {
        let s = complaint().parse(Origin::Online, now(), today()).unwrap();
        assert_eq!(s.channel, Channel::Web);
        let reporter = s.reporter.unwrap();
        assert_eq!(reporter.phone.as_deref(), Some("081234567890"));
        assert_eq!(reporter.email.as_deref(), Some("wayan@example.id"));
    }

    #[test]
    fn the_mail_language_is_indonesian_unless_english_is_asked_for() {
        let s = complaint().parse(Origin::Online, now(), today()).unwrap();
        assert_eq!(s.language, Language::Id);
        let mut input = complaint();
        input.language = Some("en".into());
        let s = input.parse(Origin::Online, now(), today()).unwrap();
        assert_eq!(s.language, Language::En);
        let mut input = complaint();
        input.language = Some("fr".into());
        assert_eq!(
            fields(input.parse(Origin::Online, now(), today())),
            ["language"]
        );
    }

    #[test]
    fn a_complaint_needs_identity_and_address() {
        let mut input = complaint();
        input.reporter = Some(ReporterInput {
            name: "Wayan".into(),
            id_type: None,
            id_number: None,
            address: None,
            phone: None,
            email: None,
        });
        let f = fields(input.parse(Origin::Online, now(), today()));
        assert_eq!(
            f,
            ["reporter.id_type", "reporter.id_number", "reporter.address"]
        );
    }

    #[test]
    fn a_suggestion_may_come_without_identity() {
        let mut input = complaint();
        input.kind = Kind::Suggestion;
        input.reporter = None;
        assert!(input.parse(Origin::Online, now(), today()).is_ok());
    }

    #[test]
    fn a_bad_nik_names_its_field() {
        let mut input = complaint();
        input.reporter.as_mut().unwrap().id_number = Some("12345".into());
        assert_eq!(
            fields(input.parse(Origin::Online, now(), today())),
            ["reporter.id_number"]
        );
    }

    #[test]
    fn channels_follow_the_origin() {
        let mut input = complaint();
        input.channel = Some(Channel::WalkIn);
        assert_eq!(
            fields(input.clone().parse(Origin::Online, now(), today())),
            ["channel"]
        );
        assert!(input.parse(Origin::Intake, now(), today()).is_ok());
        assert_eq!(
            fields(complaint().parse(Origin::Intake, now(), today())),
            ["channel"]
        );
    }

    #[test]
    fn every_error_is_reported_at_once() {
        let mut input = complaint();
        input.subject = " ".into();
        input.description = "short".into();
        input.incident_date = Some(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
        input.reporter.as_mut().unwrap().email = Some("no-at-sign".into());
        input.received_at = Some(now());
        let f = fields(input.parse(Origin::Online, now(), today()));
        assert_eq!(
            f,
            [
                "subject",
                "description",
                "incident_date",
                "reporter.email",
                "received_at"
            ]
        );
    }

    #[test]
    fn control_characters_are_refused_but_line_breaks_are_kept() {
        let mut input = complaint();
        input.description = "Baris satu\nbaris dua\tdengan tab".into();
        assert!(input.clone().parse(Origin::Online, now(), today()).is_ok());
        input.subject = "Subjek\u{0007}bel".into();
        assert_eq!(
            fields(input.parse(Origin::Online, now(), today())),
            ["subject"]
        );
    }
}
