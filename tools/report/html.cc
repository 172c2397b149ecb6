#include "tools/report/html.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace zeren::report {

void AppendEscaped(absl::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&#39;"); break;
      case '\t':
      case '\n':
      case '\r': out->push_back(c); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out->append("\xEF\xBF\xBD");  // U+FFFD
        } else {
          out->push_back(c);
        }
    }
  }
}

std::string Escape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscaped(text, &out);
  return out;
}

std::string Bilingual(absl::string_view zh, absl::string_view en) {
  return absl::StrCat(Escape(zh), " <span class=\"en\">", Escape(en), "</span>");
}

std::string FormatCount(int64_t n) {
  const std::string digits = absl::StrCat(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

void HtmlTable::AddRow(std::vector<std::string> cells_html, absl::string_view row_class) {
  absl::StrAppend(&rows_, row_class.empty() ? "<tr>" : absl::StrCat("<tr class=\"", row_class, "\">"));
  for (const std::string& cell : cells_html) absl::StrAppend(&rows_, "<td>", cell, "</td>");
  absl::StrAppend(&rows_, "</tr>\n");
}

std::string HtmlTable::Render() const {
  std::string out = sortable_ ? "<table class=\"data sortable\">" : "<table class=\"data\">";
  absl::StrAppend(&out, "<thead><tr>");
  for (const std::string& cell : header_) absl::StrAppend(&out, "<th>", cell, "</th>");
  absl::StrAppend(&out, "</tr></thead>\n<tbody>\n", rows_, "</tbody></table>\n");
  return out;
}

std::string Element(absl::string_view tag, absl::string_view cls, absl::string_view inner_html) {
  if (cls.empty()) return absl::StrCat("<", tag, ">", inner_html, "</", tag, ">");
  return absl::StrCat("<", tag, " class=\"", cls, "\">", inner_html, "</", tag, ">");
}

}  // namespace zeren::report
