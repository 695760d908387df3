// The map's colours, sizes and words.

export const INK = '#1b2230';
export const MUTED = '#505a6b';
export const COAST = '#7d8797';
// Five sequential blues, light to dark; fewer classes take an even spread of them.
export const BLUES = ['#dbe9f6', '#a6cbe8', '#6aa6d6', '#2f74b5', '#0b4a8b'];
// Six, for a legend whose rounded edges needed a sixth bin: every bin keeps a colour of its own.
export const BLUES_SIX = ['#e3eef8', '#bcd7ee', '#8fbbe0', '#5a98cd', '#2f6fae', '#0b4a8b'];
export const NO_DATA = { back: '#f2f2f2', line: '#bcbcbc' };
// The sea north-east of the mainland (the Gulf of Tonkin east of Quảng Ninh and Hải Phòng) is
// empty on this map: the legend goes there when it fits.
// The map is at most this tall, so that it fits a laptop's screen.
export const MAX_MAP_HEIGHT = 640;
export const LEGEND_SEA = [[108.8, 23.4], [116.9, 17.5]];

export const WORDS = {
  vi: {
    province: 'Tỉnh, thành phố',
    value: 'Giá trị',
    table: 'Số liệu của bản đồ',
    withData: (n, total) => `${n}/${total} tỉnh, thành phố có số liệu`,
    paracel: 'Quần đảo Hoàng Sa',
    spratly: 'Quần đảo Trường Sa',
  },
  en: {
    province: 'Province',
    value: 'Value',
    table: 'Figures of the map',
    withData: (n, total) => `${n} of ${total} provinces have data`,
    paracel: 'Hoàng Sa archipelago',
    spratly: 'Trường Sa archipelago',
  },
};
