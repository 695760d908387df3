// The page's words in Vietnamese (first) and English.

export const MESSAGES = {
  vi: {
    title: 'So sánh chỉ số công nghệ thông tin và chuyển đổi số các tỉnh',
    lede: 'Mỗi số liệu lấy từ một báo cáo công khai của tỉnh, kèm câu trích nguyên văn.',
    loading: 'Đang tải dữ liệu…',
    loadFailed: 'Không tải được bộ máy so sánh',
    summary: (n, s) => `${n} số liệu từ ${s} báo cáo`,
    province: 'Tỉnh',
    indicator: 'Chỉ số',
    period: 'Thời điểm',
    value: 'Giá trị',
    source: 'Nguồn',
    target: 'mục tiêu',
    quote: 'Trích dẫn',
  },
  en: {
    title: 'Compare the ICT and digital-transformation indicators of Vietnam’s provinces',
    lede: 'Every figure comes from a public provincial report, with the sentence that states it.',
    loading: 'Loading data…',
    loadFailed: 'The comparison engine could not load',
    summary: (n, s) => `${n} figures from ${s} reports`,
    province: 'Province',
    indicator: 'Indicator',
    period: 'Period',
    value: 'Value',
    source: 'Source',
    target: 'target',
    quote: 'Quote',
  },
};

/** @param {'vi'|'en'} lang */
export function messages(lang) {
  return MESSAGES[lang] ?? MESSAGES.vi;
}
