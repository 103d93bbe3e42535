//! Nomor Induk Kependudukan: the 16-digit Indonesian population number on a KTP.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;

use super::Invalid;

const CODE: &str = "invalid_nik";

/// First two digits. 11 (Aceh) to 96: Papua Barat Daya (96) and Papua
/// Pegunungan (95), created in 2022, already issue NIKs with their own codes.
const PROVINCES: std::ops::RangeInclusive<u32> = 11..=96;

/// A structurally valid NIK: `PPKKCC DDMMYY SSSS` (province, regency,
/// district; birth date with day + 40 for women; sequence).
///
/// Whether the number was actually issued can only be checked against
/// Dukcapil; this catches typos and made-up numbers.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Nik(String);

impl Nik {
    pub fn parse(text: &str) -> Result<Nik, Invalid> {
        let digits = text.trim();
        if digits.len() != 16 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Invalid::new(CODE, "a NIK must be exactly 16 digits"));
        }
        // Two-digit field at 1-based position `at`.
        let field = |at: usize| -> u32 {
            let b = digits.as_bytes();
            u32::from(b[at - 1] - b'0') * 10 + u32::from(b[at] - b'0')
        };

        if !PROVINCES.contains(&field(1)) {
            return Err(Invalid::new(
                CODE,
                format!(
                    "a NIK starts with a province code from {} to {}",
                    PROVINCES.start(),
                    PROVINCES.end()
                ),
            ));
        }
        let day = field(7);
        if !((1..=31).contains(&day) || (41..=71).contains(&day)) {
            return Err(Invalid::new(
                CODE,
                "digits 7-8 of a NIK are the birth day: 01-31, or 41-71 for women",
            ));
        }
        if !(1..=12).contains(&field(9)) {
            return Err(Invalid::new(
                CODE,
                "digits 9-10 of a NIK are the birth month: 01-12",
            ));
        }
        if &digits[12..] == "0000" {
            return Err(Invalid::new(
                CODE,
                "the last 4 digits of a NIK (the sequence number) cannot be 0000",
            ));
        }
        Ok(Nik(digits.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// First 6 (region) and last 4 digits, for screens and letters that only
    /// need to tell reporters apart: "510601******0001".
    pub fn masked(&self) -> String {
        format!("{}******{}", &self.0[..6], &self.0[12..])
    }
}

/// Masked, so a NIK (personal data) does not end up whole in logs or panics.
impl fmt::Debug for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Nik").field(&self.masked()).finish()
    }
}

impl fmt::Display for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Nik {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Nik {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Nik::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for Nik {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some("^[0-9]{16}$"))
            .min_length(Some(16))
            .max_length(Some(16))
            .description(Some(
                "Nomor Induk Kependudukan: 16 digits (province, regency, district, \
                 birth date with day + 40 for women, sequence).",
            ))
            .examples([serde_json::json!("5106010101900001")])
            .into()
    }
}

impl utoipa::ToSchema for Nik {}

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::PartialSchema;

    /// Bangli (5106), district 01, man born 1 January 1990, sequence 0001.
    const MAN: &str = "5106010101900001";
    /// Same district, woman born 25 December 1985 (25 + 40 = 65).
    const WOMAN: &str = "5106016512850042";

    fn message(text: &str) -> String {
        let err = Nik::parse(text).unwrap_err();
        assert_eq!(err.code, "invalid_nik", "{text}");
        err.message
    }

    #[test]
    fn accepts_valid_numbers() {
        assert_eq!(Nik::parse(MAN).unwrap().as_str(), MAN);
        assert_eq!(Nik::parse(WOMAN).unwrap().as_str(), WOMAN);
    }

    #[test]
    fn trims_surrounding_whitespace() {
        let nik = Nik::parse(&format!(" \t{MAN}\n ")).unwrap();
        assert_eq!(nik.as_str(), MAN);
    }

    #[test]
    fn rejects_anything_but_sixteen_digits() {
        for text in [
            "",
            "   ",
            "510601010190000",   // 15
            "51060101019000011", // 17
            "5106 0101 0190 0001",
            "5106.0101.9000.01",
            "510601010190000a",
            "５１０６０１０１０１９００００１", // full-width digits
            "+106010101900001",
        ] {
            assert!(message(text).contains("exactly 16 digits"), "{text}");
        }
    }

    #[test]
    fn checks_province_code() {
        for ok in ["11", "31", "51", "94", "96"] {
            assert!(Nik::parse(&format!("{ok}{}", &MAN[2..])).is_ok(), "{ok}");
        }
        for bad in ["00", "10", "97", "99"] {
            let text = format!("{bad}{}", &MAN[2..]);
            assert!(message(&text).contains("province code"), "{bad}");
        }
    }

    #[test]
    fn checks_birth_day() {
        for ok in ["01", "15", "31", "41", "55", "71"] {
            let text = format!("{}{ok}{}", &MAN[..6], &MAN[8..]);
            assert!(Nik::parse(&text).is_ok(), "{ok}");
        }
        for bad in ["00", "32", "39", "40", "72", "99"] {
            let text = format!("{}{bad}{}", &MAN[..6], &MAN[8..]);
            assert!(message(&text).contains("birth day"), "{bad}");
        }
    }

    #[test]
    fn checks_birth_month() {
        for ok in ["01", "06", "12"] {
            let text = format!("{}{ok}{}", &MAN[..8], &MAN[10..]);
            assert!(Nik::parse(&text).is_ok(), "{ok}");
        }
        for bad in ["00", "13", "51", "99"] {
            let text = format!("{}{bad}{}", &MAN[..8], &MAN[10..]);
            assert!(message(&text).contains("birth month"), "{bad}");
        }
    }

    #[test]
    fn checks_sequence() {
        let text = format!("{}0000", &MAN[..12]);
        assert!(message(&text).contains("0000"));
        assert!(Nik::parse(&format!("{}9999", &MAN[..12])).is_ok());
    }

    #[test]
    fn masks_the_middle() {
        let nik = Nik::parse(MAN).unwrap();
        assert_eq!(nik.masked(), "510601******0001");
        assert_eq!(Nik::parse(WOMAN).unwrap().masked(), "510601******0042");
    }

    #[test]
    fn display_is_full_and_debug_is_masked() {
        let nik = Nik::parse(MAN).unwrap();
        assert_eq!(nik.to_string(), MAN);
        let debug = format!("{nik:?}");
        assert_eq!(debug, "Nik(\"510601******0001\")");
        assert!(!debug.contains(MAN));
    }

    #[test]
    fn serde_round_trip() {
        let nik = Nik::parse(MAN).unwrap();
        let json = serde_json::to_string(&nik).unwrap();
        assert_eq!(json, format!("\"{MAN}\""));
        assert_eq!(serde_json::from_str::<Nik>(&json).unwrap(), nik);
        // Deserialization trims like parse does.
        let spaced: Nik = serde_json::from_str(&format!("\" {MAN} \"")).unwrap();
        assert_eq!(spaced, nik);
    }

    #[test]
    fn deserialization_reports_the_reason() {
        let err = serde_json::from_str::<Nik>("\"5106010101900000\"").unwrap_err();
        assert!(err.to_string().contains("0000"), "{err}");
        assert!(serde_json::from_str::<Nik>("5106010101900001").is_err());
    }

    #[test]
    fn schema_is_a_sixteen_digit_string() {
        let schema = serde_json::to_value(Nik::schema()).unwrap();
        assert_eq!(schema["type"], "string");
        assert_eq!(schema["pattern"], "^[0-9]{16}$");
        let example = schema["examples"][0].as_str().unwrap();
        assert!(Nik::parse(example).is_ok());
    }
}
