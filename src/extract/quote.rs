//! The shortest verbatim span of the text that states a figure: its qualifier, the number, its
//! unit and what it counts, within one clause.
//!
//! A clause ends at a full stop, a semicolon, a colon, a bracket, a quotation mark or a line
//! break. A comma ends it only where the next part carries a figure of its own or is long, so
//! that a list of nouns ("100% xã, phường, thị trấn") stays whole while a list of figures
//! ("trên 74% …, trên 60% …") is cut between them. The span is a slice of the text, so it
//! always occurs in it.

use std::ops::Range;

use super::context::{find_phrase_in_any_case, is_abbreviation, opens_item};

/// Parts longer than this many words end a clause at a comma.
const LONG_PART: usize = 12;

/// How far a clause is looked for on either side of a number, in bytes.
const CLAUSE_REACH: usize = 600;

/// The longest quote, in bytes; beyond it the quote keeps the number and what follows.
pub(super) const LONGEST: usize = 320;

fn is_hard_stop(c: char) -> bool {
    matches!(
        c,
        ';' | ':' | '(' | ')' | '“' | '”' | '"' | '\n' | '•' | '!' | '?'
    )
}

/// Byte offsets of the digits in `part` that start a figure: not inside a word, not a
/// technology like `4G`.
fn figure_starts(part: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    let bytes = part.as_bytes();
    (0..bytes.len()).filter(move |&i| {
        if !bytes[i].is_ascii_digit()
            || (i > 0
                && (bytes[i - 1].is_ascii_alphanumeric()
                    || matches!(bytes[i - 1], b'.' | b',' | b'/')))
        {
            return false;
        }
        let run_end = bytes[i..]
            .iter()
            .position(|b| !(b.is_ascii_digit() || matches!(b, b'.' | b',')))
            .map_or(bytes.len(), |n| i + n);
        bytes.get(run_end) != Some(&b'G')
    })
}

/// Words that join one figure to the next.
const JOINTS: &[&str] = &[" và ", " với ", " cùng ", " gồm "];

/// A comma part that should end the clause: it carries a figure of its own (digits that are
/// not part of a word or a technology like `4G`) or is long.
fn part_ends_clause(part: &str) -> bool {
    figure_starts(part).next().is_some() || part.split_whitespace().count() > LONG_PART
}

/// The byte range of the quote for the number at `number` (with its qualifier starting at
/// `qualifier_start` and what it counts ending at `read_end`). `may_be_figure` says whether
/// the digits at a byte may be a figure: one that may not (a year, a level) is part of the
/// figure's words, not another figure beside it.
pub(super) fn quote(
    text: &str,
    qualifier_start: usize,
    number: &Range<usize>,
    read_end: usize,
    names_what_it_counts: bool,
    may_be_figure: impl Fn(usize) -> bool,
) -> Range<usize> {
    let read_end = read_end.max(number.end);
    let mut start = labelled(text, clause_start(text, qualifier_start), qualifier_start);
    // A count that names what it counts needs no lead-in from earlier comma parts ("Theo báo
    // cáo …, nhằm …, toàn tỉnh hiện có 06 doanh nghiệp …").
    if names_what_it_counts {
        // Only the clause is looked at: the text before it holds nothing to start at, and a
        // long one without a comma would be read for every number.
        start = last_comma(&text[start..qualifier_start]).map_or(start, |i| start + i + 1);
    }
    let mut end = clause_end(text, read_end);
    // "… cấp tỉnh, huyện, xã lần lượt là 89%, 86% và 84%": each figure is stated by the whole
    // list with its subject, as one statement of several facts.
    let whole = hard_start(text, qualifier_start);
    let lead = &text[whole..qualifier_start];
    let in_turn = find_phrase_in_any_case(lead, "lần lượt");
    if let Some(turn) = in_turn {
        start = clause_start(text, whole + turn);
        end = hard_end(text, read_end).max(read_end);
    } else {
        // Another figure before this one in the clause: start at the word joining them ("… và
        // 106 Ủy ban … với tổng cộng 5.654 tài khoản" → "với tổng cộng 5.654 tài khoản").
        let lead = &text[start..qualifier_start];
        if let Some(other) = figure_starts(lead)
            .rev()
            .find(|&at| may_be_figure(start + at))
        {
            start = JOINTS
                .iter()
                .filter_map(|joint| lead[other..].rfind(joint).map(|i| start + other + i + 1))
                .max()
                .unwrap_or(qualifier_start);
        }
        // A figure joined by "và" after "và" starts the quote itself.
        let lead = text[start..qualifier_start].trim_end();
        if lead == "và" || lead.ends_with(" và") {
            start = qualifier_start;
        }
        // Another figure after this one: end before the word joining them.
        let tail = &text[read_end..end];
        if let Some(other) = figure_starts(tail).find(|&at| may_be_figure(read_end + at)) {
            end = JOINTS
                .iter()
                .filter_map(|joint| tail[..other].find(joint).map(|i| read_end + i))
                .min()
                .unwrap_or(read_end);
        }
    }
    let mut range = trim(text, start..end);
    if range.end - range.start > LONGEST {
        // Keep the number and what it counts, then as much as fits.
        let cut = text.floor_char_boundary(end.min(qualifier_start + LONGEST).max(read_end));
        range = trim(text, qualifier_start..cut);
    }
    range
}

/// The most words of a label before a colon that a quote takes ("Tỷ lệ hồ sơ nộp trực tuyến:
/// 64,7%").
const LABEL_WORDS: usize = 12;

/// Where a quote starts whose clause (from `start`) holds nothing before the number at `at`
/// but follows a colon: at the label before the colon, when it opens its line, is short and
/// names no other figure, since the number alone says nothing ("- Tỷ lệ hồ sơ nộp trực tuyến:
/// 64,7%").
fn labelled(text: &str, start: usize, at: usize) -> usize {
    if !text[start..at].trim().is_empty() {
        return start;
    }
    let Some(colon) = text[..start]
        .trim_end_matches(char::is_whitespace)
        .strip_suffix(':')
        .map(str::len)
    else {
        return start;
    };
    // A label opens its line (a list's item, a table's row): a colon inside a sentence
    // introduces what follows, and the quote needs no more. A bracketed aside is part of it
    // ("Tỷ lệ người dân có danh tính số (VNeID mức 2): 62%"); a stop is not.
    let line_start = text[..colon].rfind('\n').map_or(0, |i| i + 1);
    let label = without_item_mark(&text[line_start..colon]);
    let Some(plain) = without_asides(label) else {
        return start;
    };
    // Its words counted without its asides.
    let short = plain.split_whitespace().count() <= LABEL_WORDS;
    let one_clause = !plain.contains(['.', ';', ':', '(', ')']);
    if short && !label.is_empty() && one_clause && figure_starts(&plain).next().is_none() {
        colon - label.len()
    } else {
        start
    }
}

/// `label` without the mark that opens its list item: bullets, and a letter, a number or a
/// roman numeral with its dot or bracket ("b) ", "2. ", "(a) ", "IV. ").
fn without_item_mark(label: &str) -> &str {
    let label = label.trim_start_matches(['-', '•', '+', '*', '–', ' ', '\t']);
    let word_end = label.find(char::is_whitespace).unwrap_or(label.len());
    let word = &label[..word_end];
    let core = word.trim_start_matches('(').trim_end_matches([')', '.']);
    let closed = word.len() > core.len() && word.ends_with([')', '.']);
    let numbered = (1..=4).contains(&core.len())
        && (core.bytes().all(|b| b.is_ascii_digit())
            || core.bytes().all(|b| b"IVXL".contains(&b))
            || core.chars().count() == 1 && core.chars().all(char::is_lowercase));
    if closed && numbered {
        label[word_end..].trim_start()
    } else {
        label
    }
}

/// `label` without its bracketed asides; `None` when its brackets do not pair.
fn without_asides(label: &str) -> Option<String> {
    let mut plain = String::with_capacity(label.len());
    let mut depth = 0_usize;
    for c in label.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.checked_sub(1)?,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    (depth == 0).then_some(plain)
}

/// Where the clause holding byte `at` starts.
fn clause_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    let hard = hard_start(text, at);
    let mut start = last_comma(&head[hard..]).map_or(hard, |i| hard + i + 1);
    while start > hard {
        let comma = start - 1;
        let part_start = last_comma(&head[hard..comma]).map_or(hard, |i| hard + i + 1);
        if part_ends_clause(&head[part_start..comma]) {
            break;
        }
        start = part_start;
    }
    start
}

/// Where the clause holding byte `at` starts whatever its commas: after a full stop, a
/// semicolon, a colon, a bracket (but a short aside, as [`hard_end`] reads it: "Chỉ số chuyển
/// đổi số (DTI) của tỉnh đạt …", unless it is a list item's mark, "(a) Tỷ lệ …"), a quotation
/// mark or a line break.
fn hard_start(text: &str, at: usize) -> usize {
    let floor = text.ceil_char_boundary(at.saturating_sub(CLAUSE_REACH));
    let head = &text[..at];
    let mut end = at;
    while let Some((i, c)) = head[floor..end].char_indices().next_back() {
        let i = floor + i;
        if c == ')'
            && let Some(open) = short_aside_closed_at(&head[floor..], i - floor).map(|o| floor + o)
            && !is_list_mark(head, open, &head[open + 1..i])
        {
            end = open;
            continue;
        }
        let next = head[i + c.len_utf8()..].chars().next();
        let sentence_end =
            c == '.' && next.is_none_or(char::is_whitespace) && !abbreviation_before(head, i);
        if is_hard_stop(c) || sentence_end || c == '…' {
            return i + c.len_utf8();
        }
        end = i;
    }
    floor
}

/// Whether the aside `inside` brackets opened at byte `open` of `head` is a list item's mark:
/// a letter, a numeral or a roman one ("(a)", "(2)", "(iv)", "(B)") opening its line, after
/// any bullet ("- (c) …"). An aside opening a wrapped line ("cấp tỉnh\n(DTI) của tỉnh") is
/// none.
fn is_list_mark(head: &str, open: usize, inside: &str) -> bool {
    let line = head[..open].rsplit(['\n', '\r']).next().unwrap_or_default();
    let opens = line
        .trim_matches([' ', '\t', '\u{a0}', '-', '+', '•', '*', '–'])
        .is_empty();
    let mark = (1..=4).contains(&inside.len())
        && (inside
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            || inside.len() == 1 && inside.bytes().all(|b| b.is_ascii_uppercase()));
    opens && mark
}

/// Where the clause holding byte `at` ends.
fn clause_end(text: &str, at: usize) -> usize {
    let hard = hard_end(text, at);
    let mut end = first_comma(&text[at..hard]).map_or(hard, |i| at + i);
    while end < hard {
        let part_end = first_comma(&text[end + 1..hard]).map_or(hard, |i| end + 1 + i);
        if part_ends_clause(&text[end + 1..part_end]) {
            break;
        }
        end = part_end;
    }
    end
}

/// Where the clause holding byte `at` ends whatever its commas: at a full stop, a semicolon, a
/// colon, a bracket (but a short aside), a quotation mark or a line break.
fn hard_end(text: &str, at: usize) -> usize {
    let ceiling = text.floor_char_boundary(at + CLAUSE_REACH);
    let tail = &text[at..ceiling];
    let mut hard = ceiling;
    for (i, c) in tail.char_indices() {
        let next = tail[i + c.len_utf8()..].chars().next();
        let sentence_end = c == '.'
            && next.is_none_or(|n| n.is_whitespace() || n == '.')
            && !abbreviation_before(text, at + i);
        if c == '(' && short_aside(&tail[i..]) {
            continue;
        }
        if is_hard_stop(c) && !(c == ')' && short_aside_closed_at(tail, i).is_some())
            || sentence_end
            || (c == '…' && i > 0)
        {
            hard = at + i;
            break;
        }
    }
    hard
}

/// Whether `text` starts with a short aside in brackets without figures: `(LAN)`, `(.vn)`.
fn short_aside(text: &str) -> bool {
    text.find(')').is_some_and(|close| {
        let inside = &text[1..close];
        inside.len() <= 24 && !inside.contains('(') && figure_starts(inside).next().is_none()
    })
}

/// Where in `text` the short aside opens whose closing bracket is at byte `close`, if that
/// bracket closes one opened in `text`: how either end of a clause reads past it.
fn short_aside_closed_at(text: &str, close: usize) -> Option<usize> {
    let open = text[..close].rfind('(')?;
    (text[open..].find(')') == Some(close - open) && short_aside(&text[open..])).then_some(open)
}

/// Whether the comma at byte `i` of `text` separates words, not the decimals of a number.
fn is_separating_comma(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    !(i > 0
        && bytes.get(i - 1).is_some_and(u8::is_ascii_digit)
        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
}

fn first_comma(text: &str) -> Option<usize> {
    text.match_indices(',')
        .map(|(i, _)| i)
        .find(|&i| is_separating_comma(text, i))
}

fn last_comma(text: &str) -> Option<usize> {
    text.rmatch_indices(',')
        .map(|(i, _)| i)
        .find(|&i| is_separating_comma(text, i))
}

fn abbreviation_before(text: &str, dot: usize) -> bool {
    is_abbreviation(&text[..dot])
}

/// `range` without surrounding spaces and commas, nor a list item's mark at its start ("- ",
/// "+ ", "* ", "– ", or "-Tỷ lệ" and "-100%" opening a line without a space): the mark is the
/// list's, not the statement's, and a quote that started with it would begin like a formula,
/// which a spreadsheet-safe export has to alter. A hyphen before a digit within a line is a
/// sign ("tăng trưởng -2,5%"), as the reasons read it, and stays.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let is_space = |c: char| c.is_whitespace() || c == ',';
    let slice = &text[range.clone()];
    let mut rest = slice.trim_start_matches(is_space);
    loop {
        let at = range.start + slice.len() - rest.len();
        let Some(item) = rest.strip_prefix(['-', '+', '*', '–', '—']) else {
            break;
        };
        let marks = item.starts_with(|c: char| c.is_whitespace() || c.is_alphabetic())
            || item.starts_with(|c: char| c.is_ascii_digit()) && opens_item(text, at);
        if !marks {
            break;
        }
        rest = item.trim_start_matches(is_space);
    }
    let left = slice.len() - rest.len();
    let right = slice.len() - slice.trim_end_matches(is_space).len();
    if left + right >= slice.len() {
        return range.start..range.start;
    }
    range.start + left..range.end - right
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote_of(text: &str, number: &str, read: &str) -> String {
        let start = text.find(number).unwrap_or(0);
        let end = start + number.len();
        let read_end = text[end..].find(read).map_or(end, |i| end + i + read.len());
        let range = quote(text, start, &(start..end), read_end, false, |_| true);
        text[range].to_owned()
    }

    #[test]
    fn a_list_of_nouns_stays_whole_and_a_list_of_figures_is_cut() {
        let text = "Toàn tỉnh có 1.208 trạm BTS (86,18% trạm 4G), trên 74% người dân sử dụng internet, 100% xã, phường, thị trấn được phủ sóng thông tin di động 4G.";
        assert_eq!(
            quote_of(text, "1.208", "trạm BTS"),
            "Toàn tỉnh có 1.208 trạm BTS"
        );
        assert_eq!(
            quote_of(text, "74", "người dân sử dụng internet"),
            "trên 74% người dân sử dụng internet"
        );
        assert_eq!(
            quote_of(text, "100", "xã"),
            "100% xã, phường, thị trấn được phủ sóng thông tin di động 4G"
        );
    }

    #[test]
    fn a_figure_at_the_end_takes_its_subject() {
        let text = "Tỷ lệ văn bản được xử lý trên môi trường mạng tại cơ quan cấp tỉnh là 95%, cấp huyện là 88%, cấp xã là 65%.";
        assert_eq!(quote_of(text, "88", "%"), "cấp huyện là 88%");
        assert_eq!(
            quote_of(text, "95", "%"),
            "Tỷ lệ văn bản được xử lý trên môi trường mạng tại cơ quan cấp tỉnh là 95%"
        );
    }

    #[test]
    fn a_long_clause_is_cut_on_a_character_boundary() {
        // Found by fuzzing: the cut fell inside a two-byte letter.
        let text = format!("Có 12 trạm{}.", " cô".repeat(200));
        let quote = quote_of(&text, "12", "trạm");
        assert!(quote.starts_with("12 trạm") && quote.len() <= LONGEST);
    }

    #[test]
    fn a_figure_after_a_short_label_and_its_colon_takes_the_label() {
        let text = "Kết quả:\n- Tỷ lệ hồ sơ nộp trực tuyến: 64,7% (cùng kỳ là 41,3%).\n";
        assert_eq!(
            quote_of(text, "64,7", "%"),
            "Tỷ lệ hồ sơ nộp trực tuyến: 64,7%"
        );
        // A label naming a figure of its own leaves the number alone, and so does a colon
        // inside a sentence.
        let text = "Năm 2023 có 12 xã: 5 xã đạt chuẩn.";
        assert_eq!(quote_of(text, "5", "xã"), "5 xã đạt chuẩn");
        let text = "Tỉnh đầu tư mạnh. Hạ tầng phủ đến vùng sâu, vùng xa: 100% xã có cáp quang.";
        assert_eq!(quote_of(text, "100", "xã"), "100% xã có cáp quang");
        // A numbered item's label, without its mark.
        for mark in ["b) ", "đ) ", "2. ", "(a) ", "IV. ", "- 1) "] {
            let text =
                format!("Kết quả:\n{mark}Tỷ lệ TTHC trực tuyến toàn trình: 68,4% (1.012 TTHC).\n");
            assert_eq!(
                quote_of(&text, "68,4", "%"),
                "Tỷ lệ TTHC trực tuyến toàn trình: 68,4%",
                "{mark}"
            );
        }
    }

    #[test]
    fn figures_given_in_turn_are_each_stated_by_the_whole_list() {
        let texts = [
            "Tỷ lệ văn bản ký số ở cấp tỉnh, huyện, xã lần lượt là 89%, 86% và 84%. Hết.",
            // At a sentence's start, with its capital.
            "Ký số phát triển. Lần lượt ở cấp tỉnh, huyện, xã đạt 89%, 86% và 84%. Hết.",
            // In capitals, as a heading may write it.
            "Ký số phát triển. CẤP TỈNH, HUYỆN, XÃ LẦN LƯỢT ĐẠT 89%, 86% VÀ 84%. Hết.",
        ];
        for text in texts {
            let whole = text[..text.rfind(". Hết.").unwrap()]
                .rsplit(". ")
                .next()
                .unwrap();
            for number in ["89", "86", "84"] {
                assert_eq!(quote_of(text, number, "%"), whole, "{number} in {text}");
            }
        }
    }

    #[test]
    fn a_short_aside_before_the_figure_keeps_its_subject() {
        let text = "Năm 2023, Chỉ số chuyển đổi số (DTI) của tỉnh đạt 0,4526 điểm, xếp thứ 20.";
        assert_eq!(
            quote_of(text, "0,4526", "điểm"),
            "Chỉ số chuyển đổi số (DTI) của tỉnh đạt 0,4526 điểm"
        );
        // An aside that holds a figure, or a long one, is a clause of its own.
        let text = "Hạ tầng số (năm 2022 có 12 trạm) của tỉnh đạt 85% xã.";
        assert_eq!(quote_of(text, "85", "xã"), "của tỉnh đạt 85% xã");
        let text = "Mạng (không kể các điểm của doanh nghiệp) phủ 85% xã.";
        assert_eq!(quote_of(text, "85", "xã"), "phủ 85% xã");
        // A list item's mark in brackets.
        for text in [
            "Kết quả:\n(a) Tỷ lệ hộ có cáp quang đạt 85% xã.",
            "(a) Tỷ lệ đạt 85% xã.",
        ] {
            assert!(quote_of(text, "85", "xã").starts_with("Tỷ lệ"), "{text}");
        }
    }

    #[test]
    fn a_short_aside_after_the_figure_is_kept_whole() {
        let text = "Toàn tỉnh có 12 mạng nội bộ (LAN) kết nối với nhau.";
        assert_eq!(
            quote_of(text, "12", "mạng nội bộ"),
            "Toàn tỉnh có 12 mạng nội bộ (LAN) kết nối với nhau"
        );
        // A figure inside brackets ends at the closing one.
        let text = "Tỷ lệ đạt 52,3% (năm 2022 là 38,1%) và tăng.";
        assert!(!quote_of(text, "38,1", "%").contains(')'));
    }

    #[test]
    fn a_figure_after_and_starts_its_own_quote() {
        let text = "Toàn tỉnh có 7.301 máy tính (gồm 5.636 máy tính để bàn) và 116 máy chủ.";
        assert_eq!(quote_of(text, "116", "máy chủ"), "116 máy chủ");
    }

    #[test]
    fn a_list_items_mark_is_not_part_of_its_quote() {
        for mark in ["- ", "+ ", "* ", "– ", "- - ", "-", "+"] {
            let text = format!("Kết quả:\n{mark}Tỷ lệ hộ gia đình có cáp quang đạt 85,2%.\n");
            assert_eq!(
                quote_of(&text, "85,2", "%"),
                "Tỷ lệ hộ gia đình có cáp quang đạt 85,2%",
                "{mark}"
            );
        }
        // A hyphen opening a line is a mark before digits too; within a line it is a sign.
        let text = "Kết quả:\n-100% xã có cáp quang.\n";
        assert_eq!(quote_of(text, "100", "quang"), "100% xã có cáp quang");
        let text = "Doanh thu tăng trưởng -2,5% so với năm trước.";
        assert_eq!(
            quote_of(text, "2,5", "trước"),
            "Doanh thu tăng trưởng -2,5% so với năm trước"
        );
    }
}
