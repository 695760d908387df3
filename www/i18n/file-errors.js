// The words for a reader's file the engine refused, by the error's kind, in both languages:
// they load when a file is refused.
import { formatNumber } from '../format.js';

/** A value in the reader's number format. */
const n = (value, lang) => formatNumber(value, lang, 6);

/** What a column allows, by the rule the engine gives (`expected.rule`). */
const allowed = {
  vi: (e = {}) => ({
    period: 'năm, tháng hoặc ngày: YYYY, YYYY-MM hoặc YYYY-MM-DD',
    oneOf: `một trong: ${e.codes}`,
    flag: 'true hoặc false',
    provinceId: 'mã tỉnh như p63:84 hoặc p34:80',
    quoteOrCell: 'một số liệu dựa trên một câu trích hoặc một ô của bảng, không phải cả hai',
    plainNumber: 'số không có dấu ngăn nghìn, dấu chấm (.) cho phần thập phân, như 1234567.5',
    wholeCount: `số nguyên cho một số đếm; nếu ${e.found} là nghìn, hãy viết ${e.written}`,
  })[e.rule] ?? e.text ?? '',
  en: (e = {}) => ({
    period: 'a year, month or day: YYYY, YYYY-MM or YYYY-MM-DD',
    oneOf: `one of: ${e.codes}`,
    flag: 'true or false',
    provinceId: 'a province id such as p63:84 or p34:80',
    quoteOrCell: 'a figure rests on a quote or on a table cell, not on both',
    plainNumber: 'a number without thousands separators, with . for decimals, such as 1234567.5',
    wholeCount: `a whole number for a count; if ${e.found} is in thousands, write ${e.written}`,
  })[e.rule] ?? e.text ?? '',
};

/** Why a value cannot be a figure, by the rule the engine says it breaks (`reason.rule`). */
const implausible = {
  vi: (d) => {
    const v = n(d.value, 'vi');
    const r = d.reason ?? {};
    return ({
      negative: `giá trị ${v} là số âm, mà số liệu là số đếm, tỷ lệ hay số tiền`,
      outsideWhole: `giá trị ${v} phải nằm trong khoảng từ 0 đến tổng ${n(r.whole, 'vi')}`,
      belowMinimum: `giá trị ${v} nhỏ hơn ${n(r.minimum, 'vi')}, mức thấp nhất của đơn vị này`,
      aboveMaximum: `giá trị ${v} lớn hơn ${n(r.maximum, 'vi')}, mức cao nhất của đơn vị này`,
      outsideBounds: `giá trị ${v} nằm ngoài khoảng từ ${n(r.low, 'vi')} đến ${n(r.high, 'vi')}`,
    })[r.rule] ?? `giá trị ${v} không thể là một số liệu`;
  },
  en: (d) => {
    const v = n(d.value, 'en');
    const r = d.reason ?? {};
    return ({
      negative: `the value ${v} is negative, and figures are counts, shares or amounts`,
      outsideWhole: `the value ${v} must lie between 0 and its whole, ${n(r.whole, 'en')}`,
      belowMinimum: `the value ${v} is below ${n(r.minimum, 'en')}, the least its unit allows`,
      aboveMaximum: `the value ${v} is above ${n(r.maximum, 'en')}, the most its unit allows`,
      outsideBounds: `the value ${v} lies outside ${n(r.low, 'en')} to ${n(r.high, 'en')}`,
    })[r.rule] ?? `the value ${v} cannot be a figure`;
  },
};

export const fileErrors = {
  vi: {
    emptyFile: 'tệp trống: cần một dòng tiêu đề',
    noRows: 'không có dòng số liệu nào sau dòng tiêu đề',
    invalidUtf8: 'tệp không ở dạng UTF-8; trong Excel hãy lưu bằng "CSV UTF-8"',
    notText: 'đây không phải tệp văn bản: hãy lưu báo cáo dưới dạng văn bản thuần (UTF-8), không phải tài liệu hay hình ảnh',
    tooManyNumbers: (d) => `văn bản có ${n(d.count, 'vi')} con số, nhiều hơn ${n(d.limit, 'vi')} số mà một báo cáo được đọc: hãy chia văn bản và đọc từng phần`,
    utf16: 'tệp ở dạng UTF-16; trong Excel hãy lưu bằng "CSV UTF-8"',
    semicolonSeparated: 'các trường được ngăn bằng dấu chấm phẩy (;), cần dấu phẩy: trong Excel hãy lưu bằng "CSV UTF-8 (phân tách bằng dấu phẩy)", hoặc điền vào tệp mẫu',
    unterminatedQuote: 'một trường mở dấu ngoặc kép mà không đóng',
    strayQuote: 'dấu ngoặc kép đặt sai chỗ trong một trường',
    missingColumn: (d) => `thiếu cột "${d.name}"`,
    unexpectedColumn: (d) => `cột "${d.name}" không có trong định dạng này (xem tệp mẫu)`,
    duplicateColumn: (d) => `cột "${d.name}" lặp lại`,
    fieldCount: (d) => `dòng có ${d.found} trường trong khi dòng tiêu đề có ${d.expected}`,
    emptyField: (d) => `cột "${d.column}" bị để trống`,
    invalidNumber: (d) => `"${d.text}" ở cột "${d.column}" không phải là số (viết 1300.5, không dùng dấu ngăn nghìn)`,
    invalidValue: (d) => `"${d.text}" ở cột "${d.column}" không hợp lệ (cần ${allowed.vi(d.expected)})`,
    unknownProvince: (d) => `không có tỉnh nào mã "${d.id}"`,
    unknownIndicator: (d) => `không có chỉ số nào mã "${d.id}"`,
    duplicateId: (d) => `mã "${d.id}" đã dùng ở dòng ${d.first_line}`,
    bundledId: (d) => `"${d.id}" ở cột ${d.column} là mã của dữ liệu có sẵn`,
    implausible: implausible.vi,
    },
  en: {
    emptyFile: 'the file is empty: a header row is expected',
    noRows: 'there is no row of figures after the header',
    invalidUtf8: 'the file is not UTF-8; in Excel, save it as "CSV UTF-8"',
    notText: 'this is not a text file: save the report as plain text (UTF-8), not as a document or an image',
    tooManyNumbers: (d) => `the text holds ${n(d.count, 'en')} numbers, more than the ${n(d.limit, 'en')} a report is read with: split it and read each part`,
    utf16: 'the file is UTF-16; in Excel, save it as "CSV UTF-8"',
    semicolonSeparated: 'the fields are separated by semicolons (;), and commas are expected: in Excel, save as "CSV UTF-8 (comma delimited)", or fill in the template',
    unterminatedQuote: 'a quoted field is never closed',
    strayQuote: 'a quote is out of place in a field',
    missingColumn: (d) => `the column "${d.name}" is missing`,
    unexpectedColumn: (d) => `the column "${d.name}" is not part of this format (see the template)`,
    duplicateColumn: (d) => `the column "${d.name}" appears twice`,
    fieldCount: (d) => `the row has ${d.found} fields and the header ${d.expected}`,
    emptyField: (d) => `the column "${d.column}" is empty`,
    invalidNumber: (d) => `"${d.text}" in the column "${d.column}" is not a number (write 1300.5, without thousands separators)`,
    invalidValue: (d) => `"${d.text}" in the column "${d.column}" is not valid (expected ${allowed.en(d.expected)})`,
    unknownProvince: (d) => `there is no province "${d.id}"`,
    unknownIndicator: (d) => `there is no indicator "${d.id}"`,
    duplicateId: (d) => `the id "${d.id}" is already used on line ${d.first_line}`,
    bundledId: (d) => `"${d.id}" in the column ${d.column} is the id of bundled data`,
    implausible: implausible.en,
    },
};
