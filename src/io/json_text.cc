#include "src/io/json_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_stack.hpp>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace zeren::json_text {
namespace {

namespace json = boost::json;
using boost::system::error_code;

// Builds a boost::json::value like boost::json::parser does, but parses number text
// itself and tracks the path so that it can reject duplicate keys by name.
class StrictHandler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  json::value_stack stack;
  std::string failure;  // set when this handler, not the grammar, rejected the input

  bool on_document_begin(error_code&) {
    stack.reset();
    return true;
  }
  bool on_document_end(error_code&) { return true; }

  bool on_object_begin(error_code&) {
    frames_.push_back({true, 0, {}, {}});
    return true;
  }
  bool on_object_end(std::size_t n, error_code&) {
    frames_.pop_back();
    stack.push_object(n);
    return Advance();
  }
  bool on_array_begin(error_code&) {
    frames_.push_back({false, 0, {}, {}});
    return true;
  }
  bool on_array_end(std::size_t n, error_code&) {
    frames_.pop_back();
    stack.push_array(n);
    return Advance();
  }

  bool on_key_part(json::string_view s, std::size_t n, error_code& ec) {
    if (n > kMaxStringBytes) return KeyTooLong(ec);
    frames_.back().key.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t n, error_code& ec) {
    if (n > kMaxStringBytes) return KeyTooLong(ec);
    Frame& frame = frames_.back();
    frame.key.append(s.data(), s.size());
    if (!frame.keys.insert(frame.key).second) {
      return Fail(ec, absl::StrCat(Path(), ": duplicate key \"", frame.key, "\""));
    }
    stack.push_key(frame.key);
    return true;
  }

  // `n` counts the string's bytes so far: a long one fails before it is all kept.
  bool on_string_part(json::string_view s, std::size_t n, error_code& ec) {
    if (n > kMaxStringBytes) return StringTooLong(ec);
    stack.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t n, error_code& ec) {
    if (n > kMaxStringBytes) return StringTooLong(ec);
    stack.push_string(s);
    return Advance();
  }

  bool on_number_part(json::string_view s, error_code&) {
    number_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(int64_t i, json::string_view, error_code&) {
    number_.clear();
    stack.push_int64(i);
    return Advance();
  }
  bool on_uint64(uint64_t u, json::string_view, error_code&) {
    number_.clear();
    stack.push_uint64(u);
    return Advance();
  }
  // Boost.JSON's own double is not correctly rounded and turns 1e400 into infinity.
  bool on_double(double, json::string_view s, error_code& ec) {
    number_.append(s.data(), s.size());
    double exact = 0;
    const auto [end, error] =
        std::from_chars(number_.data(), number_.data() + number_.size(), exact);
    if (error != std::errc() || end != number_.data() + number_.size() || !std::isfinite(exact)) {
      return Fail(ec, absl::StrCat(Path(), ": number ", number_,
                                   " is out of range for a finite double"));
    }
    number_.clear();
    stack.push_double(exact);
    return Advance();
  }

  bool on_bool(bool b, error_code&) {
    stack.push_bool(b);
    return Advance();
  }
  bool on_null(error_code&) {
    stack.push_null();
    return Advance();
  }
  bool on_comment_part(json::string_view, error_code&) { return true; }
  bool on_comment(json::string_view, error_code&) { return true; }

 private:
  struct Frame {
    bool is_object;
    std::size_t index;  // next element of an array
    std::string key;    // current key of an object
    absl::flat_hash_set<std::string> keys;
  };

  // A value completed: move on to the next array element or key.
  bool Advance() {
    if (frames_.empty()) return true;
    Frame& frame = frames_.back();
    if (frame.is_object) {
      frame.key.clear();
    } else {
      ++frame.index;
    }
    return true;
  }

  bool StringTooLong(error_code& ec) {
    return Fail(ec, absl::StrCat(Where(), ": string longer than ", kMaxStringBytes, " bytes"));
  }
  // The path is the object's: the key itself is too long to show.
  bool KeyTooLong(error_code& ec) {
    frames_.back().key.clear();
    const bool top = frames_.size() == 1;
    frames_.pop_back();
    return Fail(ec, absl::StrCat(top ? "the document" : Where(), ": a key longer than ",
                                 kMaxStringBytes, " bytes"));
  }
  // The path of the current value, or "the document" for the top level.
  std::string Where() const {
    std::string path = Path();
    return path.empty() ? "the document" : path;
  }

  bool Fail(error_code& ec, std::string message) {
    failure = std::move(message);
    ec = json::error::syntax;
    return false;
  }

  std::string Path() const {
    std::string path;
    for (const Frame& frame : frames_) {
      if (frame.is_object) {
        if (&frame == &frames_.back() || !frame.key.empty()) {
          if (!path.empty()) path += '.';
          path += frame.key;
        }
      } else {
        absl::StrAppend(&path, "[", frame.index, "]");
      }
    }
    return path;
  }

  std::vector<Frame> frames_;
  std::string number_;
};

std::string LineAndColumn(absl::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return absl::StrCat("line ", line, ", column ", column);
}

bool IsScalar(const json::value& v) { return !v.is_object() && !v.is_array(); }

void WriteString(json::string_view s, std::string* out) {
  out->append(json::serialize(json::string_view(s)));
}

void WriteScalar(const json::value& v, std::string* out) {
  switch (v.kind()) {
    case json::kind::null: out->append("null"); break;
    case json::kind::bool_: out->append(v.get_bool() ? "true" : "false"); break;
    case json::kind::int64: absl::StrAppend(out, v.get_int64()); break;
    case json::kind::uint64: absl::StrAppend(out, v.get_uint64()); break;
    case json::kind::double_: WriteNumber(v.get_double(), out); break;
    case json::kind::string: WriteString(v.get_string(), out); break;
    default: break;
  }
}

void WriteIndented(const json::value& v, int depth, std::string* out) {
  if (IsScalar(v)) return WriteScalar(v, out);
  std::string compact;
  WriteCompact(v, &compact);
  const bool flat_children =
      v.is_object() ? std::all_of(v.get_object().begin(), v.get_object().end(),
                                  [](const auto& kv) { return IsScalar(kv.value()); })
                    : std::all_of(v.get_array().begin(), v.get_array().end(), IsScalar);
  if (flat_children && compact.size() + 2 * depth <= 100) {
    out->append(compact);
    return;
  }
  const std::string indent(2 * (depth + 1), ' ');
  const bool object = v.is_object();
  out->push_back(object ? '{' : '[');
  bool first = true;
  auto next = [&] {
    out->append(first ? "\n" : ",\n");
    out->append(indent);
    first = false;
  };
  if (object) {
    for (const auto& kv : v.get_object()) {
      next();
      WriteString(kv.key(), out);
      out->append(": ");
      WriteIndented(kv.value(), depth + 1, out);
    }
  } else {
    for (const auto& element : v.get_array()) {
      next();
      WriteIndented(element, depth + 1, out);
    }
  }
  if (!first) {
    out->push_back('\n');
    out->append(2 * depth, ' ');
  }
  out->push_back(object ? '}' : ']');
}

}  // namespace

}  // namespace zeren::json_text

namespace zeren {

std::size_t MaxDocumentBytes() {
  const char* text = std::getenv("ZEREN_MAX_DOCUMENT_BYTES");
  if (text == nullptr) return kDefaultMaxDocumentBytes;
  std::size_t bytes = 0;
  const char* end = text + std::strlen(text);
  const auto [stop, error] = std::from_chars(text, end, bytes);
  if (error != std::errc() || stop != end || bytes == 0) return kDefaultMaxDocumentBytes;
  return bytes;
}

}  // namespace zeren

namespace zeren::json_text {

absl::StatusOr<json::value> Parse(absl::string_view text) {
  // Byte order marks: say what the file is rather than "invalid UTF-8".
  if (absl::StartsWith(text, "\xEF\xBB\xBF")) {
    return absl::InvalidArgumentError(
        "line 1, column 1: a UTF-8 byte order mark; JSON text must start without one");
  }
  if (absl::StartsWith(text, "\xFF\xFE") || absl::StartsWith(text, "\xFE\xFF")) {
    return absl::InvalidArgumentError(
        "line 1, column 1: UTF-16 text (byte order mark); JSON text must be UTF-8");
  }
  json::parse_options options;
  options.max_depth = kMaxDepth;
  json::basic_parser<StrictHandler> parser(options);
  error_code ec;
  const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
  if (ec) {
    if (!parser.handler().failure.empty()) {
      return absl::InvalidArgumentError(parser.handler().failure);
    }
    std::string what = ec.message();
    if (ec == json::error::too_deep) {
      what = absl::StrCat("nesting deeper than ", kMaxDepth, " levels");
    } else if (ec == json::error::syntax && text.size() > consumed &&
               static_cast<unsigned char>(text[consumed]) >= 0x80) {
      what = "invalid UTF-8";
    }
    return absl::InvalidArgumentError(
        absl::StrCat(LineAndColumn(text, consumed), ": ", what));
  }
  if (text.find_first_not_of(" \t\r\n", consumed) != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(LineAndColumn(text, consumed), ": unexpected data after the document"));
  }
  return parser.handler().stack.release();
}

void WriteNumber(double number, std::string* out) {
  if (number == 0) {
    // "-0.0" keeps the sign through a round trip ("-0" would read back as an integer).
    out->append(std::signbit(number) ? "-0.0" : "0");
    return;
  }
  // The shortest round-trip digits come from the scientific form ("-1.25e-07", "1e+300");
  // they are then laid out as a plain decimal.
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::scientific);
  absl::string_view text(buffer, result.ptr - buffer);
  if (text.front() == '-') {
    out->push_back('-');
    text.remove_prefix(1);
  }
  const size_t e = text.find('e');
  std::string digits(text.substr(0, e));
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  int exponent = 0;
  std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exponent);
  const int point = exponent + 1;  // digits before the decimal point
  if (point <= 0) {
    out->append("0.");
    out->append(static_cast<size_t>(-point), '0');
    out->append(digits);
  } else if (static_cast<size_t>(point) >= digits.size()) {
    out->append(digits);
    out->append(point - digits.size(), '0');
  } else {
    out->append(digits, 0, point);
    out->push_back('.');
    out->append(digits, point, std::string::npos);
  }
}

void WriteCompact(const json::value& v, std::string* out) {
  if (v.is_object()) {
    out->push_back('{');
    bool first = true;
    for (const auto& kv : v.get_object()) {
      if (!first) out->append(", ");
      first = false;
      WriteString(kv.key(), out);
      out->append(": ");
      WriteCompact(kv.value(), out);
    }
    out->push_back('}');
  } else if (v.is_array()) {
    out->push_back('[');
    bool first = true;
    for (const auto& element : v.get_array()) {
      if (!first) out->append(", ");
      first = false;
      WriteCompact(element, out);
    }
    out->push_back(']');
  } else {
    WriteScalar(v, out);
  }
}

std::string WritePretty(const json::value& value) {
  std::string out;
  WriteIndented(value, 0, &out);
  out.push_back('\n');
  return out;
}

}  // namespace zeren::json_text
