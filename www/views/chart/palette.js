// The chart's colours, marks and words: what the bars, the lines, the keys and the table share.

export const INK = '#1b2230';
export const MUTED = '#505a6b';
export const RULE = '#d5dae3';
// Bars: reported figures in blue, the reader's own in purple; approximate values and bounds
// ("over", "about"…) hatched in the same hue. Every text colour is at least 4.5:1 on white.
export const HUES = {
  report: { solid: '#2f6db5', light: '#dce8f5' },
  user: { solid: '#6a2c91', light: '#ece0f3' },
};
// Lines: ten hues, each at least 4.5:1 on white, so a line's colour is also readable as text.
export const LINE_COLOURS = ['#1f5fa8', '#c05600', '#1e7b34', '#b3261e', '#6a3d9a', '#00766c', '#a3246b', '#6b6b00', '#5c5c5c', '#8c564b'];
// The marks the table uses too.
export const MARKS = { best: { symbol: '★', colour: '#7a4b00' }, derived: { symbol: '†', colour: INK }, user: { symbol: '◆', colour: '#6a2c91' } };

export const WORDS = {
  vi: {
    province: 'Tỉnh, thành phố',
    value: 'Giá trị',
    period: 'Thời điểm',
    notes: 'Ghi chú',
    approximate: 'Gần đúng hoặc ngưỡng (trên, khoảng, gần…)',
    exact: 'Số chính xác',
    highest: 'Cao nhất (chắc chắn)',
    lowest: 'Thấp nhất (chắc chắn)',
    derived: 'Số suy ra',
    user: 'Số liệu của bạn',
    provinces: (n) => `${n} tỉnh, thành phố`,
    table: 'Số liệu của biểu đồ',
    methodChanged: 'Đổi phương pháp',
  },
  en: {
    province: 'Province',
    value: 'Value',
    period: 'Period',
    notes: 'Notes',
    approximate: 'Approximate or a bound (over, about, nearly…)',
    exact: 'Exact figure',
    highest: 'Highest (certain)',
    lowest: 'Lowest (certain)',
    derived: 'Derived',
    user: 'Your data',
    provinces: (n) => (n === 1 ? '1 province' : `${n} provinces`),
    table: 'Figures of the chart',
    methodChanged: 'Method changed',
  },
};
