//! Indicator suggestions for a candidate figure, ranked with a score.
//!
//! The words of each indicator's Vietnamese name and definition are compared with the words of
//! the candidate (what it counts, weighted double, and its quote). Words are Vietnamese
//! syllables; pairs of syllables ("máy chủ", "cáp quang", "hộ gia đình") weigh more than single
//! ones, and words found in many indicators weigh less (inverse document frequency). The unit
//! must agree: a percentage is not suggested for a count, nor an index's score for a part of
//! it. The score is the share of the candidate's word weight that the indicator matches,
//! between 0 and 1. The best indicator's family (look-alikes counted differently) follows it,
//! before the other indicators. This module knows the indicator list it is given and the names
//! of the DTI's parts, nothing of the dataset.

// Fx: a fast hash whose order is the same on every run, so that sums over a candidate's terms,
// and so the ranking of close scores, never vary.
use rustc_hash::FxHashMap as HashMap;

use super::context::{contains_phrase, ends_with_phrase, phrase_positions, words};
use crate::model::{Indicator, Unit};

/// How many suggestions a candidate gets at most.
pub const SUGGESTIONS: usize = 5;

/// Weight added to what a candidate's words could match, so that a fit on one or two words
/// scores lower than a fit on many.
const SLACK: f64 = 4.0;

/// Syllables too common to tell indicators apart.
const COMMON: &[&str] = &[
    "của", "và", "các", "có", "là", "được", "trong", "tỉnh", "số", "tổng", "trên", "địa", "bàn",
    "theo", "cho", "với", "đã", "từ", "đến", "một", "những", "này", "tính", "bằng", "chia", "toàn",
    "gồm", "như", "báo", "cáo", "nêu", "không", "phải", "hoặc", "đơn", "mọi", "lệ", "tỷ",
];

/// The parts of an index as reports name them (the DTI's pillars and its shared foundations),
/// each with its other names: a score stated for one is the part's, which no score of the whole
/// measures.
const INDEX_PARTS: &[&[&str]] = &[
    &["chính quyền số"],
    &["kinh tế số"],
    &["xã hội số"],
    &["chuyển đổi nhận thức", "nhận thức số"],
    &["kiến tạo thể chế", "thể chế số"],
    &["hạ tầng số", "nền tảng số"],
    &["nhân lực số"],
    &["an toàn thông tin", "an ninh mạng"],
];

/// Words after which a part's name is what a clause states ("chỉ số chính quyền số đạt"),
/// rather than what it speaks of ("nhờ xây dựng chính quyền số", "với trọng tâm chính quyền số").
const PART_HEADS: &[&str] = &[
    "chỉ số",
    "trụ cột",
    "thành phần",
    "lĩnh vực",
    "trong đó",
    "riêng",
    "điểm",
];

/// The most words a clause before a figure may have and still leave its subject to the
/// clause before it: "Trụ cột Chính quyền số: 0,5123", "Về chính quyền số, tỉnh đạt 0,5345".
const SUBJECTLESS_WORDS: usize = 3;

/// An indicator proposed for a candidate.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// The indicator's id.
    pub indicator: String,
    /// How well it fits, from 0 to 1.
    pub score: f64,
}

/// The indicator list, read once into weighted terms.
pub struct Suggester<'a> {
    indicators: &'a [Indicator],
    /// Each term, with its inverse document frequency and the indicators that use it, each
    /// with the term's weight there (name terms weigh more than definition terms): a
    /// candidate's score is found from its own terms, however many indicators there are.
    postings: HashMap<String, Term>,
}

/// What the indicators say of one term.
struct Term {
    idf: f64,
    /// (indicator, weight), in the indicators' order.
    indicators: Vec<(usize, f64)>,
}

/// Lower-cased syllables of `text`, common ones dropped.
fn syllables(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Single syllables (not common) and pairs of neighbouring syllables.
fn terms(text: &str) -> Vec<String> {
    let words = syllables(text);
    let mut found: Vec<String> = words
        .iter()
        .filter(|w| !COMMON.contains(&w.as_str()))
        .cloned()
        .collect();
    found.extend(words.windows(2).map(|pair| {
        let mut joined = String::with_capacity(pair[0].len() + 1 + pair[1].len());
        joined.push_str(&pair[0]);
        joined.push(' ');
        joined.push_str(&pair[1]);
        joined
    }));
    found
}

fn pair_weight(term: &str) -> f64 {
    if term.contains(' ') { 2.0 } else { 1.0 }
}

impl<'a> Suggester<'a> {
    /// Reads the indicator list.
    #[must_use]
    pub fn new(indicators: &'a [Indicator]) -> Self {
        let mut postings: HashMap<String, Term> = HashMap::default();
        for (i, indicator) in indicators.iter().enumerate() {
            let mut weights: HashMap<String, f64> = HashMap::default();
            for term in terms(&indicator.name_vi) {
                weights.insert(term, 1.0);
            }
            for term in terms(&indicator.definition_vi) {
                weights.entry(term).or_insert(0.6);
            }
            for (term, weight) in weights {
                postings
                    .entry(term)
                    .or_insert(Term {
                        idf: 0.0,
                        indicators: Vec::new(),
                    })
                    .indicators
                    .push((i, weight));
            }
        }
        let total = indicators.len().max(1) as f64;
        for term in postings.values_mut() {
            term.idf = (1.0 + total / term.indicators.len() as f64).ln();
        }
        Suggester {
            indicators,
            postings,
        }
    }

    /// Indicators for a figure of `unit` counting `counted`, stated by `quote` in `sentence`,
    /// best first; `subject` is the quote's words before the figure.
    #[must_use]
    pub fn suggest(
        &self,
        unit: Unit,
        counted: &str,
        quote: &str,
        subject: &str,
        sentence: &str,
    ) -> Vec<Suggestion> {
        let mut wanted: HashMap<String, f64> = HashMap::default();
        for term in terms(sentence) {
            wanted.insert(term, 0.4);
        }
        for term in terms(quote) {
            wanted.insert(term, 1.0);
        }
        for term in terms(counted) {
            wanted.insert(term, 2.0);
        }
        let mut possible = 0.0;
        let mut matched = vec![0.0; self.indicators.len()];
        for (term, w) in &wanted {
            let Some(found) = self.postings.get(term) else {
                continue;
            };
            let weight = w * pair_weight(term) * found.idf;
            possible += weight;
            for &(i, t) in &found.indicators {
                matched[i] += weight * t;
            }
        }
        if possible <= 0.0 {
            return Vec::new();
        }
        let part = index_part(subject);
        let mut scored: Vec<(f64, usize)> = self
            .indicators
            .iter()
            .enumerate()
            .filter_map(|(i, indicator)| {
                // A part's score is not the whole index's: only a score named for the part
                // fits it ("chỉ số chính quyền số đạt 0,5123" beside the DTI's).
                let whole = indicator.unit == Unit::Score0To1
                    && part.is_some_and(|names| {
                        let name = indicator.name_vi.to_lowercase();
                        !names.iter().any(|part| contains_phrase(&name, part))
                    });
                let fit = if whole {
                    0.0
                } else {
                    unit_fit(unit, indicator.unit)
                };
                // Few words say little: a candidate of one word never scores full marks.
                let score = (matched[i] / (possible + SLACK) * fit).min(1.0);
                (score > 0.0).then_some((score, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        // Look-alikes (one family, counted differently: per person, per adult, per household)
        // follow the best indicator, so that the person chooses between them knowingly.
        if let Some(family) = scored
            .first()
            .and_then(|&(_, best)| self.indicators.get(best))
            .map(|i| i.family.clone())
        {
            let same = |i: usize| self.indicators.get(i).is_some_and(|x| x.family == family);
            let (mut ordered, rest): (Vec<_>, Vec<_>) =
                scored.into_iter().partition(|&(_, i)| same(i));
            // Look-alikes that share no word still follow, with their score of 0.
            for (i, indicator) in self.indicators.iter().enumerate() {
                if indicator.family == family
                    && unit_fit(unit, indicator.unit) > 0.0
                    && !ordered.iter().any(|&(_, j)| j == i)
                {
                    ordered.push((0.0, i));
                }
            }
            ordered.extend(rest);
            scored = ordered;
        }
        scored
            .into_iter()
            .take(SUGGESTIONS)
            .filter_map(|(score, i)| {
                Some(Suggestion {
                    indicator: self.indicators.get(i)?.id.clone(),
                    score: (score * 1000.0).round() / 1000.0,
                })
            })
            .collect()
    }
}

/// The names of the one part of an index that `subject` (a quote's words before its figure, as
/// written) states in its last clause, named first there or after a word such as "chỉ số" or "trụ
/// cột": "Trong đó, chỉ số Chính quyền số đạt". `None` when it states none, or names several,
/// which describe the whole ("trụ cột chính quyền số và kinh tế số").
fn index_part(subject: &str) -> Option<&'static [&'static str]> {
    let subject = subject.to_lowercase();
    let mut clauses = subject.rsplit([',', ';', ':']);
    let last = clauses.next().unwrap_or(&subject);
    let clause = match clauses.next() {
        Some(before) if words(last).count() <= SUBJECTLESS_WORDS => before,
        _ => last,
    };
    let positions = |name: &'static str| {
        phrase_positions(clause, name)
            // "kinh tế số hóa" is the economy's digitisation, no part.
            .filter(move |&at| {
                !words(&clause[at + name.len()..])
                    .next()
                    .is_some_and(|w| w == "hóa" || w == "hoá")
            })
    };
    let mut named = INDEX_PARTS
        .iter()
        .filter(|names| names.iter().any(|&name| positions(name).next().is_some()));
    let part = named.next()?;
    let stated = part.iter().any(|&name| {
        positions(name).any(|at| {
            // Past a list's mark or a bracket ("- Chính quyền số: 0,5555").
            let before = clause[..at].trim_end_matches(|c: char| !c.is_alphanumeric());
            // "Về chính quyền số, …" opening its clause: about the part, as its subject.
            before.is_empty()
                || before.trim() == "về"
                || PART_HEADS.iter().any(|head| ends_with_phrase(before, head))
        })
    });
    (stated && named.next().is_none()).then_some(*part)
}

/// How well a candidate's unit fits an indicator's: 1 when they agree, 0 when they cannot.
fn unit_fit(candidate: Unit, indicator: Unit) -> f64 {
    use Unit::{
        Count, Hours, Km, PeoplePerPoint, Per100Households, Per100People, VndBillion, VndMillion,
    };
    match (candidate, indicator) {
        (a, b) if a == b => 1.0,
        (VndBillion | VndMillion, VndBillion | VndMillion) => 1.0,
        (Per100People | Per100Households, Per100People | Per100Households) => 0.5,
        (Count, Hours | Km | PeoplePerPoint) => 0.3,
        // A share is never a count, a distance never a number of people.
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Aggregation, Better, Pillar};

    fn indicator(id: &str, unit: Unit, name: &str) -> Indicator {
        Indicator {
            id: id.into(),
            family: id.into(),
            pillar: Pillar::Infrastructure,
            name_vi: name.into(),
            name_en: String::new(),
            unit,
            denominator: None,
            aggregation: Aggregation::Sum,
            better: Better::Higher,
            part_of: None,
            definition_vi: String::new(),
            definition_en: String::new(),
            methodology_vi: String::new(),
            methodology_en: String::new(),
            editions: Vec::new(),
        }
    }

    #[test]
    fn ranks_by_shared_words_and_refuses_other_units() {
        let indicators = [
            indicator("bts_stations", Unit::Count, "Số trạm BTS"),
            indicator("bts_4g_share", Unit::Percent, "Tỷ lệ trạm BTS 4G"),
            indicator("servers", Unit::Count, "Số máy chủ"),
        ];
        let suggester = Suggester::new(&indicators);
        let found = suggester.suggest(
            Unit::Count,
            "trạm BTS",
            "Toàn tỉnh có 1.208 trạm BTS",
            "Toàn tỉnh có ",
            "",
        );
        assert_eq!(
            found.first().map(|s| s.indicator.as_str()),
            Some("bts_stations")
        );
        assert!(found.iter().all(|s| s.indicator != "bts_4g_share"));
        let share = suggester.suggest(Unit::Percent, "trạm 4G", "86,18% trạm 4G", "", "");
        assert_eq!(
            share.first().map(|s| s.indicator.as_str()),
            Some("bts_4g_share")
        );
    }

    #[test]
    fn look_alikes_follow_the_best_indicator() {
        let mut per_household = indicator(
            "households_smartphone_share",
            Unit::Percent,
            "Tỷ lệ hộ gia đình có điện thoại thông minh",
        );
        per_household.family = "smartphones".into();
        let mut per_adult = indicator(
            "adults_smartphone_share",
            Unit::Percent,
            "Tỷ lệ người trưởng thành dùng smartphone",
        );
        per_adult.family = "smartphones".into();
        let other = indicator(
            "households_fibre_share",
            Unit::Percent,
            "Tỷ lệ hộ gia đình có cáp quang",
        );
        let indicators = [per_household, other, per_adult];
        let suggester = Suggester::new(&indicators);
        let found = suggester.suggest(
            Unit::Percent,
            "hộ gia đình",
            "96,89 % hộ gia đình có điện thoại thông minh",
            "",
            "",
        );
        let ids: Vec<&str> = found.iter().map(|s| s.indicator.as_str()).collect();
        assert_eq!(
            ids,
            [
                "households_smartphone_share",
                "adults_smartphone_share",
                "households_fibre_share"
            ]
        );
    }

    #[test]
    fn a_score_of_an_index_part_is_not_the_whole_index() {
        let indicators = [
            indicator(
                "dti_score",
                Unit::Score0To1,
                "Chỉ số chuyển đổi số cấp tỉnh (DTI)",
            ),
            indicator(
                "dti_economy",
                Unit::Score0To1,
                "Chỉ số kinh tế số cấp tỉnh (DTI)",
            ),
        ];
        let suggester = Suggester::new(&indicators);
        let proposed = |quote: &str| -> Vec<String> {
            let subject = &quote[..quote.rfind("0,").expect("a score")];
            // A sentence that names the index, so that its score would fit every quote.
            let sentence = format!("Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2023: {quote}");
            let found = suggester.suggest(Unit::Score0To1, "điểm", quote, subject, &sentence);
            found.into_iter().map(|s| s.indicator).collect()
        };
        for whole in [
            "Chỉ số chuyển đổi số (DTI) năm 2023 của tỉnh đạt 0,4526 điểm",
            "Bộ Chỉ số đánh giá chuyển đổi số cấp tỉnh của tỉnh đạt 0,4526 điểm",
            "Chỉ số PDTI đạt 0,4526",
            "Chỉ số DTI, gồm ba trụ cột chính quyền số, kinh tế số và xã hội số, đạt 0,4526",
            // The part named before an earlier figure is that figure's.
            "Chính quyền số đạt 0,5123 điểm, chỉ số chuyển đổi số chung đạt 0,4526",
            // A part spoken of, not stated.
            "Nhờ đẩy mạnh xây dựng chính quyền số, chỉ số DTI của tỉnh đạt 0,4526 điểm",
            "Chỉ số DTI năm 2023 với trọng tâm chính quyền số đạt 0,4526",
            "Chỉ số DTI theo Quyết định số 922/QĐ-BTTTT về chính quyền số đạt 0,4526",
            "Chỉ số kinh tế số hóa của tỉnh đạt 0,4526",
        ] {
            assert!(proposed(whole).contains(&"dti_score".into()), "{whole}");
        }
        for part in [
            "Trong đó, chỉ số Chính quyền số đạt 0,5123 điểm",
            "Trụ cột nhận thức số đạt 0,62",
            "Trụ cột Chính quyền số: 0,5123 điểm",
            "- Chính quyền số: 0,5555 điểm",
            "Về chính quyền số, tỉnh đạt 0,5345 điểm",
            "Chỉ số DTI đạt 0,4627 điểm, riêng chính quyền số đạt 0,5678 điểm",
            "Điểm chính quyền số của tỉnh là 0,6012",
            "Chỉ số DTI đạt 0,45, chỉ số thành phần xã hội số 0,40",
            "Chỉ số chính quyền số năm 2023 của tỉnh đạt 0,5012 điểm",
            // One part by two of its names.
            "Trong đó, chỉ số Chuyển đổi nhận thức số đạt 0,6200 điểm",
        ] {
            assert_eq!(proposed(part), Vec::<String>::new(), "{part}");
        }
        // A part that has a score of its own.
        let economy = "chỉ số Kinh tế số đạt 0,3012 điểm";
        assert_eq!(proposed(economy), vec!["dti_economy".to_owned()]);
        // The DTI's parts are no parts of PAPI's scores, from 1 to 10.
        let papi = [indicator(
            "papi_e_governance",
            Unit::Score1To10,
            "PAPI: Quản trị điện tử (nội dung 8)",
        )];
        let suggester = Suggester::new(&papi);
        let quote = "Nội dung Quản trị điện tử, chỉ số chính quyền số đạt 3,25 điểm";
        let subject = &quote[..quote.find("3,").expect("a score")];
        let found = suggester.suggest(Unit::Score1To10, "điểm", quote, subject, quote);
        assert_eq!(
            found.first().map(|s| s.indicator.as_str()),
            Some("papi_e_governance")
        );
    }
}
