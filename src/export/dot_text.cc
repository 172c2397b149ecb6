#include "src/export/dot_text.h"


namespace zeren::dot {
namespace {

// Backslashes doubled, newlines as \n, other control characters as spaces.
std::string Escaped(absl::string_view text, bool quotes) {
  std::string out;
  out.reserve(text.size() + 2);
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (quotes && c == '"') {
      out += "\\\"";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string ForBoostId(absl::string_view text) { return Escaped(text, false); }

std::string Quote(absl::string_view text) { return "\"" + Escaped(text, true) + "\""; }

std::string ForXml(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const unsigned char b = static_cast<unsigned char>(c);
    if (b < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace zeren::dot
