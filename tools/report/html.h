// Building blocks of the HTML report: escaping, bilingual labels, numbers and tables.
// Every piece of model text goes through Escape before it reaches the page.
#ifndef ZEREN_TOOLS_REPORT_HTML_H_
#define ZEREN_TOOLS_REPORT_HTML_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace zeren::report {

// Text made safe for HTML and XML (SVG) content and attribute values: & < > " ' become
// references, and C0 control characters other than tab, line feed and carriage return
// (which XML forbids) become U+FFFD.
std::string Escape(absl::string_view text);
void AppendEscaped(absl::string_view text, std::string* out);

// A label in Chinese with its English beside it: `zh <span class="en">en</span>`.
std::string Bilingual(absl::string_view zh, absl::string_view en);

// 1234567 -> "1,234,567".
std::string FormatCount(int64_t n);

// A table whose cells are HTML already (escape text before adding it). Sortable tables
// carry the class the page's optional script looks for; the page reads fine without it.
class HtmlTable {
 public:
  explicit HtmlTable(std::vector<std::string> header_html, bool sortable = false)
      : header_(std::move(header_html)), sortable_(sortable) {}

  // `row_class` is an optional class name for the <tr>.
  void AddRow(std::vector<std::string> cells_html, absl::string_view row_class = "");
  bool empty() const { return rows_.empty(); }
  std::string Render() const;

 private:
  std::vector<std::string> header_;
  bool sortable_;
  std::string rows_;
};

// "<tag class="cls">inner</tag>" with `inner` as HTML.
std::string Element(absl::string_view tag, absl::string_view cls, absl::string_view inner_html);

}  // namespace zeren::report

#endif  // ZEREN_TOOLS_REPORT_HTML_H_
