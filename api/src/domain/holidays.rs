//! Seed data for the holiday table: the 2026 holidays, grouped in sets an
//! administrator can switch on or off.

use chrono::NaiveDate;

/// A named group of holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HolidaySet {
    pub code: &'static str,
    pub name: &'static str,
    pub enabled_by_default: bool,
}

pub const SETS: &[HolidaySet] = &[
    HolidaySet {
        code: "national",
        name: "Hari Libur Nasional",
        enabled_by_default: true,
    },
    HolidaySet {
        code: "cuti_bersama",
        name: "Cuti Bersama",
        enabled_by_default: true,
    },
    // Regional Hindu holidays: whether offices close is decided locally each
    // year, so an administrator switches them on rather than the seed.
    HolidaySet {
        code: "bali",
        name: "Hari Raya Hindu Bali",
        enabled_by_default: false,
    },
];

/// The set with this code, if any.
pub fn set(code: &str) -> Option<&'static HolidaySet> {
    SETS.iter().find(|s| s.code == code)
}

/// One holiday to insert; `set` is a code from [`SETS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedHoliday {
    pub date: NaiveDate,
    pub name: &'static str,
    pub set: &'static str,
}

impl SeedHoliday {
    /// Same as the field; the seeding code reads it through a method.
    pub fn date(&self) -> NaiveDate {
        self.date
    }
}

/// 2026, from the joint ministerial decree (SKB 3 Menteri) on national
/// holidays and cuti bersama, and the Balinese calendar for the Hindu days.
pub fn seed_2026() -> Vec<SeedHoliday> {
    const NATIONAL: &[(u32, u32, &str)] = &[
        (1, 1, "Tahun Baru 2026 Masehi"),
        (1, 16, "Isra Mikraj Nabi Muhammad SAW"),
        (2, 17, "Tahun Baru Imlek 2577 Kongzili"),
        (3, 19, "Hari Suci Nyepi Tahun Baru Saka 1948"),
        (3, 21, "Idul Fitri 1447 H"),
        (3, 22, "Idul Fitri 1447 H"),
        (4, 3, "Wafat Yesus Kristus"),
        (4, 5, "Kebangkitan Yesus Kristus (Paskah)"),
        (5, 1, "Hari Buruh Internasional"),
        (5, 14, "Kenaikan Yesus Kristus"),
        (5, 27, "Idul Adha 1447 H"),
        (5, 31, "Hari Raya Waisak 2570 BE"),
        (6, 1, "Hari Lahir Pancasila"),
        (6, 16, "1 Muharam Tahun Baru Islam 1448 H"),
        (8, 17, "Hari Proklamasi Kemerdekaan RI"),
        (8, 25, "Maulid Nabi Muhammad SAW"),
        (12, 25, "Kelahiran Yesus Kristus (Natal)"),
    ];
    const CUTI_BERSAMA: &[(u32, u32, &str)] = &[
        (2, 16, "Cuti Bersama Tahun Baru Imlek 2577 Kongzili"),
        (3, 18, "Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1948"),
        (3, 20, "Cuti Bersama Idul Fitri 1447 H"),
        (3, 23, "Cuti Bersama Idul Fitri 1447 H"),
        (3, 24, "Cuti Bersama Idul Fitri 1447 H"),
        (5, 15, "Cuti Bersama Kenaikan Yesus Kristus"),
        (5, 28, "Cuti Bersama Idul Adha 1447 H"),
        (12, 24, "Cuti Bersama Kelahiran Yesus Kristus (Natal)"),
    ];
    const BALI: &[(u32, u32, &str)] = &[
        (4, 4, "Hari Raya Saraswati"),
        (4, 8, "Hari Raya Pagerwesi"),
        (6, 16, "Penampahan Galungan"),
        (6, 17, "Hari Raya Galungan"),
        (6, 18, "Umanis Galungan"),
        (6, 27, "Hari Raya Kuningan"),
        (10, 31, "Hari Raya Saraswati"),
        (11, 4, "Hari Raya Pagerwesi"),
    ];

    [
        ("national", NATIONAL),
        ("cuti_bersama", CUTI_BERSAMA),
        ("bali", BALI),
    ]
    .into_iter()
    .flat_map(|(set, days)| {
        days.iter().map(move |&(month, day, name)| SeedHoliday {
            date: NaiveDate::from_ymd_opt(2026, month, day).expect("valid 2026 date"),
            name,
            set,
        })
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};
    use std::collections::{BTreeSet, HashSet};

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn dates_in(sets: &[&str]) -> BTreeSet<NaiveDate> {
        seed_2026()
            .into_iter()
            .filter(|h| sets.contains(&h.set))
            .map(|h| h.date)
            .collect()
    }

    #[test]
    fn sets_are_national_cuti_bersama_and_bali() {
        let codes: Vec<&str> = SETS.iter().map(|s| s.code).collect();
        assert_eq!(codes, ["national", "cuti_bersama", "bali"]);
        assert!(set("national").unwrap().enabled_by_default);
        assert!(set("cuti_bersama").unwrap().enabled_by_default);
        assert!(!set("bali").unwrap().enabled_by_default);
        assert_eq!(set("nyepi"), None);
        assert!(SETS.iter().all(|s| !s.name.is_empty()));
    }

    #[test]
    fn every_holiday_is_in_2026_in_a_known_set_and_named() {
        let seed = seed_2026();
        assert_eq!(seed.len(), 17 + 8 + 8);
        for h in &seed {
            assert_eq!(h.date.year(), 2026, "{h:?}");
            assert_eq!(h.date(), h.date);
            assert!(set(h.set).is_some(), "{h:?}");
            assert!(!h.name.trim().is_empty(), "{h:?}");
        }
    }

    #[test]
    fn no_date_twice_within_a_set() {
        for s in SETS {
            let days: Vec<NaiveDate> = seed_2026()
                .into_iter()
                .filter(|h| h.set == s.code)
                .map(|h| h.date)
                .collect();
            let unique: HashSet<&NaiveDate> = days.iter().collect();
            assert_eq!(unique.len(), days.len(), "{}", s.code);
            assert!(!days.is_empty(), "{}", s.code);
        }
    }

    #[test]
    fn national_and_cuti_bersama_dates() {
        let expected: BTreeSet<NaiveDate> = [
            date(1, 1),
            date(1, 16),
            date(2, 16),
            date(2, 17),
            date(3, 18),
            date(3, 19),
            date(3, 20),
            date(3, 21),
            date(3, 22),
            date(3, 23),
            date(3, 24),
            date(4, 3),
            date(4, 5),
            date(5, 1),
            date(5, 14),
            date(5, 15),
            date(5, 27),
            date(5, 28),
            date(5, 31),
            date(6, 1),
            date(6, 16),
            date(8, 17),
            date(8, 25),
            date(12, 24),
            date(12, 25),
        ]
        .into();
        assert_eq!(expected.len(), 25);
        assert_eq!(dates_in(&["national", "cuti_bersama"]), expected);
        // The two sets do not overlap.
        assert_eq!(dates_in(&["national"]).len(), 17);
        assert_eq!(dates_in(&["cuti_bersama"]).len(), 8);
    }

    #[test]
    fn bali_dates_follow_the_pawukon_cycle() {
        let bali = dates_in(&["bali"]);
        let expected: BTreeSet<NaiveDate> = [
            date(4, 4),
            date(4, 8),
            date(6, 16),
            date(6, 17),
            date(6, 18),
            date(6, 27),
            date(10, 31),
            date(11, 4),
        ]
        .into();
        assert_eq!(bali, expected);
        // The 210-day Balinese week cycle: Saraswati falls on a Saturday,
        // Pagerwesi four days later on a Wednesday, Galungan on a Wednesday
        // 70 days after Pagerwesi, Kuningan ten days after Galungan.
        let saraswati = date(4, 4);
        assert_eq!(saraswati.weekday(), Weekday::Sat);
        assert_eq!(saraswati + chrono::TimeDelta::days(210), date(10, 31));
        assert_eq!(date(4, 8) + chrono::TimeDelta::days(70), date(6, 17));
        assert_eq!(date(6, 17).weekday(), Weekday::Wed);
        assert_eq!(date(6, 17) + chrono::TimeDelta::days(10), date(6, 27));
    }

    #[test]
    fn seed_is_grouped_by_set_and_sorted_by_date() {
        let seed = seed_2026();
        for pair in seed.windows(2) {
            if pair[0].set == pair[1].set {
                assert!(pair[0].date < pair[1].date, "{pair:?}");
            }
        }
    }
}
