// The page's inline style sheet and its optional script (sorting and filtering tables).
#ifndef ZEREN_TOOLS_REPORT_PAGE_STYLE_H_
#define ZEREN_TOOLS_REPORT_PAGE_STYLE_H_

namespace zeren::report {

extern const char kPageStyle[];
extern const char kPageScript[];

}  // namespace zeren::report

#endif  // ZEREN_TOOLS_REPORT_PAGE_STYLE_H_
