//! The page around the article: what of a captured text is not the article itself.
//!
//! Provincial articles are captured from web pages, with their furniture: a dateline with the
//! time and view counters, a font-size switch, blocks of "related" or "featured" articles,
//! visitor counters, ratings, session notices, the page's own link. This module finds those
//! places by their usual wording and by their shape (a short line of a date and a time; a
//! heading such as "Tin liên quan" after which the article is over), and web and e-mail
//! addresses. It knows nothing of figures.

use std::ops::Range;

use super::context::is_space;

/// Headings and credits after which a captured page holds no more of its article.
const CLOSING_LINES: &[&str] = &[
    "tin liên quan",
    "tin khác",
    "các tin khác",
    "tin cùng chuyên mục",
    "tin cùng loại",
    "bài viết liên quan",
    "bài liên quan",
    "bài viết khác",
    "xem thêm",
    "đừng bỏ lỡ",
    "đọc nhiều",
    "tin đọc nhiều",
    "tin mới",
    "tin mới nhất",
    "tin nổi bật",
    "nổi bật",
    "có thể bạn quan tâm",
    "ý kiến bạn đọc",
    "bình luận",
    "gửi bình luận",
    "thống kê truy cập",
    "liên kết website",
    "tác giả:",
    "bài, ảnh:",
    "bài và ảnh:",
    "ảnh, bài:",
    "nguồn:",
    // An official document's recipients and its filing note ("Lưu: VT, 02 bản").
    "nơi nhận:",
    "lưu:",
];

/// Phrases of one-line widgets: ratings, counters, sharing, session and print notices.
const WIDGET_PHRASES: &[&str] = &[
    "điểm của bài viết",
    "lượt xem",
    "lượt đánh giá",
    "lượt truy cập",
    "đang truy cập",
    "đang online",
    "khách viếng thăm",
    "thời gian chờ",
    "cỡ chữ",
];

/// Where the article is and is not, for a whole text.
pub(super) struct Layout {
    /// The byte offset from which the text is page furniture to its end, if it has such a tail.
    closing: Option<usize>,
    /// Whole lines that are furniture (datelines, widgets), as byte ranges.
    furniture_lines: Vec<Range<usize>>,
    /// Web and e-mail addresses, as byte ranges.
    addresses: Vec<Range<usize>>,
}

impl Layout {
    /// Reads the layout of `text`.
    pub fn of(text: &str) -> Self {
        let mut closing = None;
        let mut furniture_lines = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let range = offset..offset + line.len();
            offset += line.len();
            let trimmed = line
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '*' | '-' | '|'));
            if trimmed.is_empty() {
                continue;
            }
            let lower = trimmed.to_lowercase();
            if closing.is_none() && is_closing_line(&lower) {
                closing = Some(range.start);
            }
            if is_dateline(trimmed) || is_widget_line(&lower) {
                furniture_lines.push(range);
            }
        }
        Layout {
            closing,
            furniture_lines,
            addresses: addresses(text),
        }
    }

    /// Whether byte `at` is page furniture.
    pub fn is_furniture(&self, at: usize) -> bool {
        self.closing.is_some_and(|start| at >= start)
            || self.furniture_lines.iter().any(|line| line.contains(&at))
    }

    /// Whether byte `at` is inside a web or e-mail address.
    pub fn is_address(&self, at: usize) -> bool {
        self.addresses.iter().any(|address| address.contains(&at))
    }
}

/// A heading or credit line that closes the article: one of [`CLOSING_LINES`], short, not a
/// sentence.
fn is_closing_line(lower: &str) -> bool {
    lower.chars().count() <= 80
        && !lower.trim_end().ends_with('.')
        && CLOSING_LINES.iter().any(|heading| {
            lower.strip_prefix(heading).is_some_and(|rest| {
                heading.ends_with(':') || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
            })
        })
}

/// A short line holding a date and a time of day and little else: a dateline.
fn is_dateline(line: &str) -> bool {
    if line.chars().count() > 60 {
        return false;
    }
    let has_time = line.as_bytes().windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    });
    let has_date = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .any(|word| {
            let parts: Vec<&str> = word.split(['/', '-']).collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        });
    has_time && has_date
}

/// A short line of a page widget: a rating, a counter, a sharing or session notice.
fn is_widget_line(lower: &str) -> bool {
    lower.chars().count() <= 120 && WIDGET_PHRASES.iter().any(|phrase| lower.contains(phrase))
}

/// Web and e-mail addresses: from `http://`, `https://` or `www.` to the next space, and words
/// with an `@` between letters.
fn addresses(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut word_start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() || is_space(c) {
            let word = &text[word_start..i];
            let lower = word
                .trim_start_matches(['(', '[', '<'])
                .to_ascii_lowercase();
            let is_web = lower.starts_with("http://")
                || lower.starts_with("https://")
                || lower.starts_with("www.");
            let is_mail = word
                .split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
            if is_web || is_mail {
                found.push(word_start..i);
            }
            word_start = i + c.len_utf8();
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_related_articles_heading_closes_the_article() {
        let text = "Có 62 điểm.\nTin liên quan\n• 90% doanh nghiệp";
        let layout = Layout::of(text);
        assert!(!layout.is_furniture(text.find("62").unwrap_or(0)));
        assert!(layout.is_furniture(text.find("90").unwrap_or(0)));
    }

    #[test]
    fn a_sentence_that_starts_like_a_heading_does_not() {
        let text =
            "Nổi bật là 100% xã có cáp quang, hơn 90% hộ có điện thoại thông minh.\nCó 5 điểm";
        let layout = Layout::of(text);
        assert!(!layout.is_furniture(text.find("5 điểm").unwrap_or(0)));
    }

    #[test]
    fn datelines_counters_and_addresses_are_found() {
        let text = "Như Minh| 10/09/2016 16:26\nTổng lượt truy cập7,197,870\nXem http://a.vn/post207402.info nhé";
        let layout = Layout::of(text);
        assert!(layout.is_furniture(text.find("2016").unwrap_or(0)));
        assert!(layout.is_furniture(text.find("7,197").unwrap_or(0)));
        assert!(layout.is_address(text.find("207402").unwrap_or(0)));
        assert!(!layout.is_address(text.find("Xem").unwrap_or(0)));
    }
}
