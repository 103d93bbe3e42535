//! A number of working days allowed to resolve a complaint.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::RefOr;

use super::Invalid;

/// Working days within the service standard: a complaint is resolved in
/// 1 to 60 working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WorkingDays(u16);

impl WorkingDays {
    pub const MIN: u16 = 1;
    pub const MAX: u16 = 60;

    /// Takes an `i64` so any integer a client or the database sends can be
    /// checked here rather than truncated by a cast first.
    pub fn parse(n: i64) -> Result<WorkingDays, Invalid> {
        match u16::try_from(n) {
            Ok(days) if (Self::MIN..=Self::MAX).contains(&days) => Ok(WorkingDays(days)),
            _ => Err(Invalid::new(
                "out_of_range",
                format!(
                    "{n} is out of range: must be between {} and {} working days",
                    Self::MIN,
                    Self::MAX
                ),
            )),
        }
    }

    /// `u32` because that is what `Calendar::add_working_days` counts in.
    pub fn get(self) -> u32 {
        u32::from(self.0)
    }
}

impl fmt::Display for WorkingDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for WorkingDays {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.0)
    }
}

impl<'de> Deserialize<'de> for WorkingDays {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(deserializer)?;
        WorkingDays::parse(n).map_err(serde::de::Error::custom)
    }
}

// Written by hand: utoipa's derive cannot put bounds on a newtype's schema.
impl utoipa::PartialSchema for WorkingDays {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
            .minimum(Some(WorkingDays::MIN))
            .maximum(Some(WorkingDays::MAX))
            .description(Some("Working days (Monday to Friday, not a holiday)."))
            .examples([serde_json::json!(14)])
            .into()
    }
}

impl utoipa::ToSchema for WorkingDays {}

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::{PartialSchema, ToSchema};

    #[test]
    fn accepts_every_value_in_range() {
        for n in 1..=60 {
            let days = WorkingDays::parse(n).unwrap();
            assert_eq!(days.get(), u32::try_from(n).unwrap());
        }
        assert_eq!(WorkingDays::MIN, 1);
        assert_eq!(WorkingDays::MAX, 60);
    }

    #[test]
    fn rejects_values_outside_range() {
        for n in [
            i64::MIN,
            -1,
            0,
            61,
            100,
            65_536 + 5, // would wrap to 5 under a truncating cast
            i64::from(u16::MAX) + 1,
            i64::MAX,
        ] {
            let err = WorkingDays::parse(n).unwrap_err();
            assert_eq!(err.code, "out_of_range", "{n}");
            assert!(
                err.message
                    .contains("must be between 1 and 60 working days"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn orders_by_value() {
        let one = WorkingDays::parse(1).unwrap();
        let sixty = WorkingDays::parse(60).unwrap();
        assert!(one < sixty);
        assert_eq!(one.max(sixty), sixty);
        assert_eq!(sixty.to_string(), "60");
    }

    #[test]
    fn serializes_as_a_number() {
        let days = WorkingDays::parse(14).unwrap();
        assert_eq!(serde_json::to_string(&days).unwrap(), "14");
    }

    #[test]
    fn deserializes_through_parse() {
        let days: WorkingDays = serde_json::from_str("60").unwrap();
        assert_eq!(days.get(), 60);

        for bad in ["0", "61", "-3"] {
            let err = serde_json::from_str::<WorkingDays>(bad).unwrap_err();
            assert!(
                err.to_string()
                    .contains("must be between 1 and 60 working days"),
                "{bad}: {err}"
            );
        }
        // Not a whole number at all.
        assert!(serde_json::from_str::<WorkingDays>("\"14\"").is_err());
        assert!(serde_json::from_str::<WorkingDays>("1.5").is_err());
    }

    #[test]
    fn schema_is_a_bounded_integer() {
        let schema = serde_json::to_value(WorkingDays::schema()).unwrap();
        assert_eq!(schema["type"], "integer");
        assert_eq!(schema["minimum"], 1);
        assert_eq!(schema["maximum"], 60);
        assert_eq!(WorkingDays::name(), "WorkingDays");
    }
}
