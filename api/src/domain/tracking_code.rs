//! The code a citizen uses to follow a complaint without an account.

use std::fmt;

use rand::rngs::OsRng;
use rand::Rng;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;

use super::Invalid;

/// 30 symbols without look-alikes (0/O, 1/I/L) or U (read aloud as "you"),
/// so a code survives being dictated over the phone or copied by hand.
pub const ALPHABET: &[u8; 30] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Symbols per code, printed in groups of four.
pub const SYMBOLS: usize = 12;
const GROUP: usize = 4;

/// `SYMBOLS * log2(30)`: the code is the only secret guarding a complaint's
/// public page, so it must resist guessing (at least 50 bits).
pub const ENTROPY_BITS: f64 = 58.882_687_147_302_23;
const _: () = assert!(ENTROPY_BITS >= 50.0);

/// The canonical form, `XXXX-XXXX-XXXX`.
pub const PATTERN: &str = "^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}\
                           -[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}\
                           -[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$";

/// A tracking code in canonical form, e.g. "7KQM-4XHT-92RC".
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TrackingCode(String);

impl TrackingCode {
    /// A fresh code from the operating system's CSPRNG. `gen_range` samples
    /// without modulo bias, so every symbol is equally likely.
    pub fn generate() -> TrackingCode {
        let mut rng = OsRng;
        let symbols: Vec<u8> = (0..SYMBOLS)
            .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())])
            .collect();
        TrackingCode(canonical(&symbols))
    }

    /// Lenient on input (lower case, spaces, dashes anywhere) because people
    /// type codes in by hand; strict on the symbols themselves.
    pub fn parse(text: &str) -> Result<TrackingCode, Invalid> {
        let mut symbols = Vec::with_capacity(SYMBOLS);
        for c in text.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let upper = c.to_ascii_uppercase();
            if !upper.is_ascii() || !ALPHABET.contains(&(upper as u8)) {
                return Err(Invalid::new(
                    "invalid_tracking_code",
                    format!(
                        "'{c}' cannot appear in a tracking code: it uses only the digits 2-9 \
                         and the letters A-Z except I, L, O and U"
                    ),
                ));
            }
            symbols.push(upper as u8);
            if symbols.len() > SYMBOLS {
                break;
            }
        }
        if symbols.len() != SYMBOLS {
            return Err(Invalid::new(
                "invalid_tracking_code",
                format!("a tracking code has exactly {SYMBOLS} characters, like 7KQM-4XHT-92RC"),
            ));
        }
        Ok(TrackingCode(canonical(&symbols)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Inserts a dash between groups; `symbols` are ASCII from `ALPHABET`.
fn canonical(symbols: &[u8]) -> String {
    let groups: Vec<&str> = symbols
        .chunks(GROUP)
        .map(|chunk| std::str::from_utf8(chunk).expect("alphabet is ASCII"))
        .collect();
    groups.join("-")
}

impl fmt::Display for TrackingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for TrackingCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for TrackingCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        TrackingCode::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for TrackingCode {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(PATTERN))
            .description(Some(
                "Tracking code, always returned as XXXX-XXXX-XXXX. On input, lower case, \
                 spaces and dashes are accepted.",
            ))
            .examples([serde_json::json!("7KQM-4XHT-92RC")])
            .into()
    }
}

impl utoipa::ToSchema for TrackingCode {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, HashSet};
    use utoipa::PartialSchema;

    /// Checks canonical form by hand, since the crate has no regex engine.
    fn is_canonical(text: &str) -> bool {
        let bytes = text.as_bytes();
        bytes.len() == 14
            && bytes.iter().enumerate().all(|(i, b)| {
                if i == 4 || i == 9 {
                    *b == b'-'
                } else {
                    ALPHABET.contains(b)
                }
            })
    }

    #[test]
    fn alphabet_has_thirty_unique_unambiguous_symbols() {
        let unique: HashSet<u8> = ALPHABET.iter().copied().collect();
        assert_eq!(unique.len(), 30);
        for banned in b"01ILOU" {
            assert!(!ALPHABET.contains(banned), "{}", *banned as char);
        }
        assert!(ALPHABET
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()));
    }

    #[test]
    fn entropy_is_at_least_fifty_bits() {
        let computed = SYMBOLS as f64 * (ALPHABET.len() as f64).log2();
        assert!((computed - ENTROPY_BITS).abs() < 1e-9, "{computed}");
        assert!(computed >= 50.0, "{computed}");
    }

    #[test]
    fn pattern_matches_the_alphabet() {
        let class = format!("[{}]{{4}}", std::str::from_utf8(ALPHABET).unwrap());
        assert_eq!(PATTERN, format!("^{class}-{class}-{class}$"));
    }

    #[test]
    fn round_trip() {
        let code = TrackingCode::parse("7KQM-4XHT-92RC").unwrap();
        assert_eq!(code.as_str(), "7KQM-4XHT-92RC");
        assert_eq!(code.to_string(), "7KQM-4XHT-92RC");
        assert_eq!(TrackingCode::parse(code.as_str()).unwrap(), code);
    }

    #[test]
    fn accepts_lower_case_spaces_and_stray_dashes() {
        let expected = TrackingCode::parse("7KQM-4XHT-92RC").unwrap();
        for input in [
            "7kqm-4xht-92rc",
            "7KQM4XHT92RC",
            "7kqm 4xht 92rc",
            "  7KQM - 4XHT - 92RC  ",
            "7-K-Q-M-4-X-H-T-9-2-R-C",
            "7KQM\t4XHT\n92RC",
            "--7KQM4XHT92RC--",
        ] {
            assert_eq!(TrackingCode::parse(input).unwrap(), expected, "{input}");
        }
    }

    #[test]
    fn rejects_ambiguous_and_foreign_characters() {
        for input in [
            "0KQM-4XHT-92RC", // zero
            "OKQM-4XHT-92RC", // letter O
            "1KQM-4XHT-92RC",
            "IKQM-4XHT-92RC",
            "LKQM-4XHT-92RC",
            "lKQM-4XHT-92RC",
            "UKQM-4XHT-92RC",
            "7KQM_4XHT_92RC",
            "7KQM.4XHT.92RC",
            "7KQM-4XHT-92RÇ",
            "７KQM-4XHT-92RC", // full-width digit
        ] {
            let err = TrackingCode::parse(input).unwrap_err();
            assert_eq!(err.code, "invalid_tracking_code", "{input}");
            assert!(err.message.contains("cannot appear"), "{input}: {err}");
        }
    }

    #[test]
    fn rejects_wrong_length() {
        for input in [
            "",
            "   ",
            "7KQM-4XHT-92R",
            "7KQM-4XHT-92RCA",
            "7KQM-4XHT-92RC-7KQM",
        ] {
            let err = TrackingCode::parse(input).unwrap_err();
            assert_eq!(err.code, "invalid_tracking_code", "{input}");
            assert!(err.message.contains("exactly 12"), "{input}: {err}");
        }
    }

    #[test]
    fn generated_codes_parse_and_are_distinct() {
        let mut seen = HashSet::new();
        for _ in 0..10_000 {
            let code = TrackingCode::generate();
            assert!(is_canonical(code.as_str()), "{code}");
            assert_eq!(TrackingCode::parse(code.as_str()).unwrap(), code);
            assert!(seen.insert(code.clone()), "duplicate {code}");
        }
        assert_eq!(seen.len(), 10_000);
    }

    #[test]
    fn generated_symbols_are_roughly_uniform() {
        // 10 000 codes: each symbol is expected 4 000 times overall (standard
        // deviation about 62) and about 333 times in each of the 12 positions.
        let mut overall: BTreeMap<u8, u32> = BTreeMap::new();
        let mut per_position = vec![HashSet::new(); SYMBOLS];
        for _ in 0..10_000 {
            let code = TrackingCode::generate();
            let symbols = code.as_str().bytes().filter(|b| *b != b'-');
            for (position, symbol) in symbols.enumerate() {
                *overall.entry(symbol).or_default() += 1;
                per_position[position].insert(symbol);
            }
        }
        assert_eq!(overall.len(), 30, "every symbol appears");
        for (symbol, count) in &overall {
            assert!(
                (3_600..=4_400).contains(count),
                "{} appeared {count} times",
                *symbol as char
            );
        }
        for (position, symbols) in per_position.iter().enumerate() {
            assert_eq!(symbols.len(), 30, "position {position}");
        }
    }

    #[test]
    fn serde_round_trip() {
        let code = TrackingCode::parse("7KQM-4XHT-92RC").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"7KQM-4XHT-92RC\"");
        let lenient: TrackingCode = serde_json::from_str("\"7kqm 4xht 92rc\"").unwrap();
        assert_eq!(lenient, code);
        let err = serde_json::from_str::<TrackingCode>("\"OOOO-OOOO-OOOO\"").unwrap_err();
        assert!(err.to_string().contains("cannot appear"), "{err}");
    }

    #[test]
    fn schema_has_pattern_and_a_valid_example() {
        let schema = serde_json::to_value(TrackingCode::schema()).unwrap();
        assert_eq!(schema["type"], "string");
        assert_eq!(schema["pattern"], PATTERN);
        let example = schema["examples"][0].as_str().unwrap();
        assert_eq!(example, "7KQM-4XHT-92RC");
        assert!(is_canonical(example));
        assert_eq!(TrackingCode::parse(example).unwrap().as_str(), example);
    }
}
