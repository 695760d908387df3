// The words of the "My province" view, in both languages: they load with the view.

export const mine = {
  vi: {
    choose: 'Tỉnh, thành phố',
    noFigure: 'Chưa có số liệu',
    place: (rank, of, tied) => `Hạng ${rank}${tied ? ' (đồng hạng)' : ''} / ${of}`,
    change: (delta, from) => `${delta} so với ${from}`,
    latest: 'mới nhất',
    coverage: (n, years) => `${n} tỉnh có số liệu${years.length ? `, các năm ${years.join(', ')}` : ''}`,
    single: (n) => (n === 0 ? 'Chưa tỉnh nào có số liệu chỉ số này trong năm đã chọn: không có gì để so sánh.' : 'Chỉ một tỉnh có số liệu chỉ số này: không có gì để so sánh.'),
    lowerBound: (reported, members) => `${reported}/${members} tỉnh cũ`,
    partial: 'một phần',
    rankingLabel: 'Xếp hạng các tỉnh',
    published: (text) => `công bố: ${text}`,
    missing: (n) => `${n} tỉnh chưa có số liệu.`,
    mixed: 'Các số liệu thuộc những năm khác nhau.',
    noSeries: 'Chưa có chuỗi số liệu theo năm.',
    seriesTitle: 'Qua các năm: tỉnh, vùng và cả nước',
    reportTitle: 'Số liệu trong báo cáo của tỉnh',
    notComparable: 'không so sánh được',
    provinces: (n) => `${n} tỉnh có số liệu`,
    timeline: 'Năm',
    warnings: {
      mixedPeriods: 'Bảng xếp hạng gồm nhiều năm: mỗi tỉnh hiện số liệu mới nhất của tỉnh đó.',
      partial: 'Một số số liệu chỉ gộp được một phần các tỉnh cũ: số cộng dồn là giới hạn dưới (≥), số trung bình không phải số của cả tỉnh.',
      derived: 'Một số số liệu được tính từ các tỉnh cũ (đánh dấu *), không phải số công bố.',
      merger: 'Từ 1/7/2025, 63 tỉnh, thành phố được sắp xếp lại thành 34; số liệu các năm trước được gộp từ các tỉnh cũ theo quy tắc của từng chỉ số.',
      methodBreak: 'Phương pháp tính thay đổi trong các năm hiển thị: thay đổi qua điểm gãy không so sánh trực tiếp được.',
      perCapitaNotApplicable: 'Tính trên 100.000 dân chỉ áp dụng cho số liệu cộng dồn được; các số được hiển thị như công bố.',
      conflict: 'Có cả số liệu của bạn và số công bố cho cùng tỉnh, chỉ số và năm: cả hai đều được hiển thị.',
    },
  },
  en: {
    choose: 'Province',
    noFigure: 'No figure yet',
    place: (rank, of, tied) => `Rank ${rank}${tied ? ' (tied)' : ''} / ${of}`,
    change: (delta, from) => `${delta} since ${from}`,
    latest: 'latest',
    coverage: (n, years) => `${n} provinces have figures${years.length ? `, years ${years.join(', ')}` : ''}`,
    single: (n) => (n === 0 ? 'No province has a figure for this indicator in the year chosen: nothing to compare.' : 'Only one province has this indicator: there is nothing to compare it with.'),
    lowerBound: (reported, members) => `${reported} of ${members} former provinces`,
    partial: 'partial',
    rankingLabel: 'Provinces ranked',
    published: (text) => `published: ${text}`,
    missing: (n) => `${n} provinces have no figure.`,
    mixed: 'The figures are from different years.',
    noSeries: 'No series over the years yet.',
    seriesTitle: 'Over the years: the province, its region and the country',
    reportTitle: "Figures in the province's reports",
    notComparable: 'not comparable',
    provinces: (n) => `${n} provinces have it`,
    timeline: 'Year',
    warnings: {
      mixedPeriods: "The ranking mixes years: each province's latest figure is shown.",
      partial: 'Some figures combine only some of the former provinces: sums are lower bounds (≥), means are not the whole province’s.',
      derived: 'Some figures are computed from the former provinces (marked *), not published.',
      merger: "From 1 July 2025 the 63 provinces became 34; earlier figures are combined from the former provinces by each indicator's rule.",
      methodBreak: 'The method changed within the years shown: changes across a break are not like for like.',
      perCapitaNotApplicable: 'Per 100 000 people applies only to figures that add up; the figures are shown as published.',
      conflict: 'A figure of yours and a published one exist for the same province, indicator and period: both are shown.',
    },
  },
};

/** The words in `lang`. @param {'vi'|'en'} lang */
export function mineWords(lang) {
  return lang === 'en' ? mine.en : mine.vi;
}
