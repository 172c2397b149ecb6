// Text in Graphviz DOT files: quoting and escaping that Graphviz and Boost's reader agree
// on.
#ifndef ZEREN_SRC_EXPORT_DOT_TEXT_H_
#define ZEREN_SRC_EXPORT_DOT_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace zeren::dot {

// A node id for boost::escape_dot_string, which quotes anything but a plain identifier or
// number and escapes `"`, but leaves backslashes as they are: a trailing one would escape the
// closing quote. So backslashes are doubled, a newline becomes \n and other control
// characters a space. For ids that cannot be DOT keywords (zeren's have a prefix and a
// colon), which escape_dot_string would write bare.
std::string ForBoostId(absl::string_view text);

// `text` between double quotes, escaped as ForBoostId does and with `"` as \": any value,
// keywords included.
std::string Quote(absl::string_view text);

// `text` for XML character data: control characters XML 1.0 forbids (all below U+0020 but
// tab, newline and carriage return) become U+FFFD. The markup characters are left to the
// writer.
std::string ForXml(absl::string_view text);

}  // namespace zeren::dot

#endif  // ZEREN_SRC_EXPORT_DOT_TEXT_H_
