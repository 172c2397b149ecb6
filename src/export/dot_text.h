// Text in Graphviz DOT files: what Boost's writer leaves out, and quoting for DOT written
// by hand.
#ifndef ZEREN_SRC_EXPORT_DOT_TEXT_H_
#define ZEREN_SRC_EXPORT_DOT_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace zeren::dot {

// `text` made ready for boost::escape_dot_string, which quotes anything but a plain
// identifier or number and escapes `"`, but leaves two holes: a backslash (Graphviz reads
// \n, \l, \N... in labels as escapes, and a trailing one would escape the closing quote) and
// a value that is a DOT keyword (node, edge, graph, digraph, subgraph, strict: written bare,
// a syntax error). So backslashes are doubled, a newline becomes \n, other control
// characters a space, and a keyword gets a backslash-newline, which DOT readers drop
// inside quotes but which makes Boost quote it.
std::string ForBoost(absl::string_view text);

// `text` between double quotes, escaped as ForBoost does and with `"` as \".
std::string Quote(absl::string_view text);

// `text` for XML character data: control characters XML 1.0 forbids (all below U+0020 but
// tab, newline and carriage return) become U+FFFD. The markup characters are left to the
// writer.
std::string ForXml(absl::string_view text);

}  // namespace zeren::dot

#endif  // ZEREN_SRC_EXPORT_DOT_TEXT_H_
