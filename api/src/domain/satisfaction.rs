//! The citizen's evaluation and the satisfaction index (seed b.8), computed
//! as the national survey does (PermenPANRB 14/2017): each element's mean
//! score on a 1–4 scale, equal weights, times 25, graded A to D.

use std::collections::BTreeMap;

use super::text_enum;

text_enum! {
    /// The survey elements that apply to complaint handling.
    pub enum Element {
        /// U1 Persyaratan.
        Requirements = "requirements",
        /// U2 Sistem, mekanisme dan prosedur.
        Procedure = "procedure",
        /// U3 Waktu penyelesaian.
        Time = "time",
        /// U4 Biaya/tarif.
        Cost = "cost",
        /// U5 Produk spesifikasi jenis pelayanan: the answer itself.
        Result = "result",
        /// U6 Kompetensi pelaksana.
        Competence = "competence",
        /// U7 Perilaku pelaksana.
        Behaviour = "behaviour",
        /// U8 Penanganan pengaduan, saran dan masukan.
        Handling = "handling",
        /// U9 Sarana dan prasarana (only where the reporter came to the office).
        Facilities = "facilities",
    }
}

impl Element {
    /// Facilities are rated only by those who used them.
    pub fn required(self) -> bool {
        self != Element::Facilities
    }
}

/// A score on the national scale: 1 tidak baik, 2 kurang baik, 3 baik, 4 sangat baik.
pub fn valid_score(score: i64) -> bool {
    (1..=4).contains(&score)
}

text_enum! {
    pub enum Grade {
        /// 88.31–100: sangat baik.
        A = "a",
        /// 76.61–88.30: baik.
        B = "b",
        /// 65.00–76.60: kurang baik.
        C = "c",
        /// 25.00–64.99: tidak baik.
        D = "d",
    }
}

/// The grade of an index value (25–100), by the regulation's bands.
pub fn grade(index: f64) -> Grade {
    // The bands are stated to two decimals; compare at that precision.
    let hundredths = (index * 100.0).round() as i64;
    match hundredths {
        8831.. => Grade::A,
        7661..=8830 => Grade::B,
        6500..=7660 => Grade::C,
        _ => Grade::D,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    /// 25 to 100, two decimals.
    pub value: f64,
    pub grade: Grade,
    pub responses: usize,
    /// Mean score (1–4) per element that was rated.
    pub element_means: BTreeMap<Element, f64>,
}

/// The index over a set of evaluations, each a map of element scores.
/// `None` without any evaluation. Elements nobody rated are left out of the
/// average rather than counted as zero.
pub fn index(evaluations: &[BTreeMap<Element, i64>]) -> Option<Index> {
    if evaluations.is_empty() {
        return None;
    }
    let mut sums: BTreeMap<Element, (i64, usize)> = BTreeMap::new();
    for evaluation in evaluations {
        for (element, score) in evaluation {
            let entry = sums.entry(*element).or_insert((0, 0));
            entry.0 += score;
            entry.1 += 1;
        }
    }
    let element_means: BTreeMap<Element, f64> = sums
        .into_iter()
        .map(|(element, (sum, count))| (element, sum as f64 / count as f64))
        .collect();
    if element_means.is_empty() {
        return None;
    }
    let mean = element_means.values().sum::<f64>() / element_means.len() as f64;
    let value = (mean * 25.0 * 100.0).round() / 100.0;
    Some(Index {
        value,
        grade: grade(value),
        responses: evaluations.len(),
        element_means,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(score: i64) -> BTreeMap<Element, i64> {
        Element::ALL
            .iter()
            .filter(|e| e.required())
            .map(|e| (*e, score))
            .collect()
    }

    #[test]
    fn uniform_scores_give_the_scale_ends() {
        assert_eq!(index(&[all(4)]).unwrap().value, 100.0);
        assert_eq!(index(&[all(1)]).unwrap().value, 25.0);
        assert_eq!(index(&[all(4)]).unwrap().grade, Grade::A);
        assert_eq!(index(&[all(1)]).unwrap().grade, Grade::D);
        assert_eq!(index(&[]), None);
    }

    #[test]
    fn the_index_is_the_mean_of_element_means_times_25() {
        // Two reporters: element means 3.5 everywhere but time (2.5).
        let mut a = all(4);
        let mut b = all(3);
        a.insert(Element::Time, 3);
        b.insert(Element::Time, 2);
        let i = index(&[a, b]).unwrap();
        assert_eq!(i.element_means[&Element::Time], 2.5);
        // (7 × 3.5 + 2.5) / 8 = 3.375 → 84.38
        assert_eq!(i.value, 84.38);
        assert_eq!(i.grade, Grade::B);
        assert_eq!(i.responses, 2);
    }

    #[test]
    fn grade_bands_follow_the_regulation_to_the_hundredth() {
        for (value, expected) in [
            (100.0, Grade::A),
            (88.31, Grade::A),
            (88.30, Grade::B),
            (76.61, Grade::B),
            (76.60, Grade::C),
            (65.00, Grade::C),
            (64.99, Grade::D),
            (25.0, Grade::D),
        ] {
            assert_eq!(grade(value), expected, "{value}");
        }
    }

    #[test]
    fn unrated_elements_do_not_count_as_zero() {
        let mut a = all(4);
        a.insert(Element::Facilities, 4);
        let b = all(4);
        let i = index(&[a, b]).unwrap();
        assert_eq!(i.element_means.len(), 9);
        assert_eq!(i.value, 100.0);
    }

    #[test]
    fn scores_are_one_to_four() {
        assert!(valid_score(1) && valid_score(4));
        assert!(!valid_score(0) && !valid_score(5));
    }
}
