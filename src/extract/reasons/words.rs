//! The words the reasons are read from: document kinds, ordinal and contact words, nouns of
//! time, structure and place, words of figures that are not about ICT, of change and of rank.
//! Vietnamese writing's, never a particular report's; lower case, as the rules compare them.

use super::Rank;

/// Kinds of document whose numbers are written after their name, with or without "số".
pub(super) const DOCUMENTS: &[&str] = &[
    "nghị quyết",
    "nghị định",
    "quyết định",
    "thông tư",
    "chỉ thị",
    "kế hoạch",
    "công văn",
    "hướng dẫn",
    "đề án",
    "luật",
    "thông báo",
    "tờ trình",
    "kết luận",
    "công điện",
    "quy định",
    "văn bản",
    "báo cáo",
    "chương trình",
];

/// Words after which a number is a place in a sequence or part of a name.
pub(super) const ORDINAL_WORDS: &[&str] = &[
    "thứ",
    "giai đoạn",
    "phiên bản",
    "khóa",
    "khoá",
    "lần",
    "đợt",
    "kỳ",
    "mục",
    "điều",
    "khoản",
    "chương",
    "phần",
    "bảng",
    "biểu",
    "phụ lục",
    "tổ máy",
    "số",
    "mức độ",
    "cấp độ",
    "mức",
];

/// Words after which a number is a phone number or an address (the rule reads past a colon
/// after them).
pub(super) const CONTACT_WORDS: &[&str] = &[
    "điện thoại",
    "đt",
    "sđt",
    "hotline",
    "đường dây nóng",
    "tổng đài",
    "liên hệ",
    "zalo",
    "fax",
    "số nhà",
    "địa chỉ",
];

/// Nouns of time: a number before them is a duration.
pub(super) const TIME_NOUNS: &[&str] = &[
    "năm",
    "tháng",
    "tuần",
    "ngày",
    "phút",
    "giây",
    "thập kỷ",
    "thế kỷ",
    // An age ("từ 15 tuổi trở lên").
    "tuổi",
];

/// Words before a number that make it a point in time.
pub(super) const TIME_WORDS: &[&str] = &["ngày", "tháng", "quý", "tuần", "năm"];

/// Nouns that count the parts of the text itself.
pub(super) const STRUCTURE_NOUNS: &[&str] = &[
    "giai đoạn",
    "loại hình",
    "trụ cột",
    "khâu đột phá",
    "đột phá",
    "nhóm giải pháp",
    "nhóm nhiệm vụ",
    "nhiệm vụ trọng tâm",
    "giải pháp",
    "nội dung",
    "mục tiêu",
    "chỉ tiêu",
    "quan điểm",
    "nguyên tắc",
    "bước",
];

/// Nouns after a number that place it outside the province.
pub(super) const ELSEWHERE_NOUNS: &[&str] = &[
    "tỉnh",
    "tỉnh thành",
    "tỉnh, thành",
    "tỉnh, thành phố",
    "địa phương",
    "quốc gia",
    "nước",
];

/// Phrases that place a statement outside the province.
pub(super) const ELSEWHERE_PHRASES: &[&str] = &["cả nước", "toàn quốc", "thế giới", "toàn cầu"];

/// Words of figures that are not about ICT.
pub(super) const NOT_ICT: &[&str] = &[
    "bờ biển",
    "tấn",
    "mw",
    "kw",
    "kwh",
    "gw",
    "ha",
    "héc-ta",
    "hecta",
    "km2",
    "km²",
    "m2",
    "m²",
    "người khmer",
    "dân tộc",
    "tham quan",
    "du khách",
    "lượt khách",
    "khách du lịch",
    "giường bệnh",
    "tổ máy",
    "công suất",
];

/// Words that name a level or a rank between "từ" and its number ("từ mức 30%", "từ vị trí
/// thứ 30", "từ hạng 30").
pub(super) const LEVEL_WORDS: &[&str] = &["mức", "vị", "trí", "thứ", "hạng", "số"];

/// Verbs of change: the number right after one (past a qualifier, "tăng hơn 5%") is by how much
/// a figure moved. "Tăng lên", "giảm còn" and "giảm xuống" end in another word and state the
/// level reached.
pub(super) const CHANGE_WORDS: &[&str] = &[
    "tăng",
    "giảm",
    "tăng thêm",
    "giảm thêm",
    "tăng được",
    "giảm được",
    // Passing a plan or an estimate by the number: "vượt kế hoạch 15%". (Not "vượt mục tiêu
    // 80%" or "vượt chỉ tiêu 80%", whose 80 % may be the goal's own value.)
    "vượt kế hoạch",
    "vượt dự toán",
];

/// What "vượt" and its number passed, named after them in their part of the clause: "vượt 20%
/// kế hoạch", "vượt 150 tỷ đồng so với cùng kỳ năm trước" say by how much a figure passed a plan
/// or an earlier time, not its level ("vượt 90%" alone is over 90 %, and so is "vượt 90% so
/// với tổng số hồ sơ", a share: see [`SHARE_OF`]).
pub(super) const PASSED: &[&str] = &[
    "kế hoạch",
    "chỉ tiêu",
    "dự toán",
    "dự kiến",
    "mục tiêu",
    "cùng kỳ",
    "so với",
];

/// After "so với", what makes a share of a whole, not an earlier time: "so với tổng số".
pub(super) const SHARE_OF: &[&str] = &["so với tổng"];

/// Ranks passed right after "vượt" and its number ("vượt 3 bậc"), unless the word goes on into
/// another noun ("các bậc học", "hạng mục").
pub(super) const RANKS_PASSED: &[&str] = &["bậc", "hạng"];

/// Units of a difference, whatever the verb: "cao hơn 5 điểm phần trăm".
pub(super) const DIFFERENCE_UNITS: &[&str] = &["điểm phần trăm", "điểm %"];

/// Words that may follow a rank's number: where it ranks ("12/63 tỉnh", "thứ 2 khu vực", "9
/// cả nước"), never what it counts ("xếp hạng 20 trang thông tin" ranks twenty pages).
pub(super) const RANK_PLACES: &[&str] = &[
    "tỉnh", "thành", "cả", "khu", "vùng", "toàn", "trong", "trên", "về", "so", "tại", "năm", "ở",
    "sau", "nhóm", "của",
];

/// Words after which a number is a rank, and how surely.
pub(super) const RANK_WORDS: &[(&str, Rank)] = &[
    ("xếp thứ", Rank::Certain),
    ("đứng thứ", Rank::Certain),
    ("xếp hạng", Rank::OrCount),
    ("hạng thứ", Rank::Certain),
    ("đứng hạng", Rank::Certain),
    ("thứ hạng", Rank::Certain),
    // A place in a ranking: "đứng ở vị trí thứ 25/63", "xếp vị trí 12 cả nước", "đứng vị trí
    // số 8"; never "vị trí" alone nor "ở vị trí", which count and name places too ("lắp tại
    // 120 vị trí", "lắp ở vị trí 12 nút giao thông").
    ("vị trí thứ", Rank::Certain),
    ("đứng vị trí", Rank::Certain),
    ("xếp vị trí", Rank::Certain),
    ("đứng ở vị trí", Rank::Certain),
    ("xếp ở vị trí", Rank::Certain),
    ("đứng vị trí số", Rank::Certain),
    ("xếp vị trí số", Rank::Certain),
    ("đứng ở vị trí số", Rank::Certain),
    ("xếp ở vị trí số", Rank::Certain),
];
