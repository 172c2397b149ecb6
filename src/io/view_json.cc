// The JSON of accountings made through a view: AccountingToJson's shape, with outside
// parties as the string "outside this view".
#include <cmath>

#include <boost/json/value.hpp>

#include "src/io/json_text.h"
#include "zeren/view.h"

namespace zeren {
namespace {

namespace json = boost::json;

json::value ViewAccountingValue(const Snapshot& s, const ViewAccounting& a) {
  json::array parties;
  for (const ViewParty& p : a.parties) {
    json::value party;
    if (!p.party) {
      party = json_text::J(kOutsideThisView);
    } else if (p.party->is_unit) {
      party = json::object{{"unit", json_text::J(s.unit_id(p.party->index))}};
    } else {
      party = json::object{{"person", json_text::J(s.person_id(p.party->index))}};
    }
    json::array adjustments, because;
    for (const std::string& text : p.adjustments) adjustments.emplace_back(text);
    for (const std::string& text : p.because) because.emplace_back(text);
    parties.push_back(json::object{{"party", std::move(party)},
                                   {"category", json_text::J(Name(p.category))},
                                   {"degree", std::round(p.degree * 1e6) / 1e6},
                                   {"form", json_text::J(Name(p.form))},
                                   {"adjustments", std::move(adjustments)},
                                   {"because", std::move(because)}});
  }
  json::object o{{"incident", json_text::J(s.incident_id(a.incident))},
                 {"date", FormatDate(s.incident_date(a.incident))}};
  if (s.incident_has_since(a.incident)) o["since"] = FormatDate(s.incident_since(a.incident));
  o["severity"] = json_text::J(Name(s.incident_severity(a.incident)));
  o["parties"] = std::move(parties);
  return o;
}

}  // namespace

std::string ViewAccountingToJson(const Snapshot& s, const ViewAccounting& accounting) {
  return json_text::WritePretty(ViewAccountingValue(s, accounting));
}

std::string ViewAccountingsToJson(const Snapshot& s, absl::Span<const ViewAccounting> all) {
  json::array incidents;
  for (const ViewAccounting& a : all) incidents.push_back(ViewAccountingValue(s, a));
  return json_text::WritePretty(json::object{{"incidents", std::move(incidents)}});
}

}  // namespace zeren
