//! Whether a text is written in English rather than Vietnamese: the one other language the
//! provinces' reports and the national press publish in. Its numbers follow other rules
//! (`2,860` is two thousand eight hundred and sixty, `81.5` a decimal), which the extractor does
//! not read, so none of them is proposed. This module reads words; it knows nothing of numbers.

/// Common words of English prose that no Vietnamese syllable spells, with its marks or
/// without them: `the`, `to`, `an`, `on`, `in`, `a` are left out (`thẻ`, `tổ`, `an toàn`,
/// `ổn`, `in ấn`), so that a Vietnamese text typed without its marks is never taken for
/// English. About one word in eight of English prose is among them.
const ENGLISH_WORDS: &[&str] = &[
    "of", "and", "is", "was", "for", "with", "by", "from", "has", "have", "had", "were", "are",
    "that", "this", "its", "more", "been", "which", "or", "per", "over", "about", "their", "into",
];

/// The fewest words a text must have before its language is judged: a heading or a table's
/// labels say too little.
const MIN_WORDS: usize = 20;

/// Whether `text` reads as English: fewer than one word in ten carries a letter beyond ASCII
/// (in Vietnamese most syllables do: `đ`, `ư`, `ơ` and the tones), and at least one in
/// fourteen is among [`ENGLISH_WORDS`]. A Vietnamese text typed without its marks has none of
/// those, and an English one that names provinces (`Trà Vinh`, `Đắk Lắk`) few marked words.
pub(super) fn reads_as_english(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .collect();
    if words.len() < MIN_WORDS {
        return false;
    }
    let marked = words.iter().filter(|word| !word.is_ascii()).count();
    let common = words
        .iter()
        .filter(|word| {
            let lower = word.to_ascii_lowercase();
            ENGLISH_WORDS.contains(&lower.as_str())
        })
        .count();
    marked * 10 < words.len() && common * 14 >= words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_prose_reads_as_english_and_vietnamese_with_or_without_marks_does_not() {
        let english = "By the end of 2023, Trà Vinh province had 2,860 BTS stations and 81.5 \
                       mobile subscriptions per 100 inhabitants, up from 76.2 a year earlier, \
                       according to the Department of Information and Communications.";
        assert!(reads_as_english(english));
        let vietnamese = "Đến cuối năm 2023, tỉnh Trà Vinh có 2.860 trạm BTS và 81,5 thuê bao \
                          di động trên 100 dân, tăng so với 76,2 của năm trước, theo Sở Thông \
                          tin và Truyền thông.";
        assert!(!reads_as_english(vietnamese));
        let unmarked = "Den cuoi nam 2023, tinh Tra Vinh co 2.860 tram BTS va 81,5 thue bao di \
                        dong tren 100 dan, tang so voi 76,2 cua nam truoc, theo So Thong tin va \
                        Truyen thong.";
        assert!(!reads_as_english(unmarked));
        // Unmarked syllables that spell English words ("an toan", "to chuc", "the SIM").
        let syllables = "Nam 2023, tinh da dam bao an toan thong tin cho 120 to chuc, co quan \
                         nha nuoc; an ninh mang on dinh. Ty le the SIM chinh chu dat 95,5%, \
                         nguoi dan co the su dung 1.208 dich vu cong truc tuyen.";
        assert!(!reads_as_english(syllables));
        // Too short to judge.
        assert!(!reads_as_english("The province had 2,860 BTS stations."));
    }
}
