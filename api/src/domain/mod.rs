//! Domain rules: pure types and functions, no database and no HTTP.
//!
//! Values here are parsed once at the edge ("parse, don't validate"): a `Nik`,
//! a `TrackingCode` or a `WorkingDays` cannot hold a bad value, so code that
//! receives one never checks it again.

pub mod audit;
pub mod calendar;
pub mod complaint;
pub mod escalation;
pub mod holidays;
pub mod lifecycle;
pub mod nik;
pub mod satisfaction;
pub mod sla;
pub mod statistics;
pub mod timeline;
pub mod tracking_code;
pub mod working_days;

pub use calendar::Calendar;
pub use complaint::{Channel, IdentityDocType, Kind, Language, RejectionReason, Role, Status};
pub use nik::Nik;
pub use tracking_code::TrackingCode;
pub use working_days::WorkingDays;

/// Why a value could not be parsed: a stable machine code and a human sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Invalid {
    pub code: &'static str,
    pub message: String,
}

impl Invalid {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

/// Declares an enum stored as text in the database and sent as a snake_case
/// string in JSON, with one spelling per variant written once.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        // utoipa cannot read a per-variant rename passed through a macro, so
        // the wire names are the variants in snake_case; a test checks they
        // are the texts written here.
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::Invalid;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::domain::Invalid::new(
                        "unknown_value",
                        format!(
                            "'{}' is not one of: {}",
                            text,
                            [$($text),+].join(", ")
                        ),
                    )),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use text_enum;

#[cfg(test)]
mod tests {
    use super::*;

    fn wire_names_match<T: serde::Serialize + Copy + std::fmt::Display>(all: &[T]) {
        for value in all {
            assert_eq!(serde_json::to_value(value).unwrap(), value.to_string());
        }
    }

    #[test]
    fn every_enum_sends_the_text_it_stores() {
        wire_names_match(Kind::ALL);
        wire_names_match(Channel::ALL);
        wire_names_match(Status::ALL);
        wire_names_match(RejectionReason::ALL);
        wire_names_match(IdentityDocType::ALL);
        wire_names_match(Role::ALL);
        wire_names_match(Language::ALL);
        wire_names_match(lifecycle::Action::ALL);
        wire_names_match(sla::SlaState::ALL);
        wire_names_match(timeline::EventKind::ALL);
        wire_names_match(timeline::ActorKind::ALL);
        wire_names_match(timeline::Visibility::ALL);
        wire_names_match(timeline::EscalationReason::ALL);
        wire_names_match(satisfaction::Element::ALL);
        wire_names_match(satisfaction::Grade::ALL);
        wire_names_match(audit::AuditAction::ALL);
        wire_names_match(audit::ObjectType::ALL);
    }
}
