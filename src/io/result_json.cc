#include "zeren/result_json.h"

#include <cmath>

#include <boost/json/value.hpp>

#include "src/io/json_text.h"

namespace zeren {

namespace json = boost::json;

std::string ChainToJson(const Snapshot& s, const Chain& chain) {
  json::array entries;
  for (const ChainEntry& e : chain.entries) {
    json::object o{{"kind", json_text::J(Name(e.kind))}};
    if (e.person != kNoIndex) o["person"] = s.person_id(e.person);
    if (e.unit != kNoIndex) o["unit"] = s.unit_id(e.unit);
    o["distance"] = e.distance;
    o["reason"] = e.reason;
    entries.push_back(std::move(o));
  }
  json::object root{{"unit", s.unit_id(chain.unit)},
                    {"as_of", FormatDate(chain.as_of)},
                    {"entries", std::move(entries)}};
  return json_text::WritePretty(root);
}

std::string PersonViewToJson(const Snapshot& s, const PersonView& view) {
  json::array entries;
  for (const Responsibility& r : view.entries) {
    json::object o{{"kind", json_text::J(Name(r.kind))}};
    if (r.unit != kNoIndex) o["unit"] = s.unit_id(r.unit);
    if (r.post != kNoIndex) o["role"] = json_text::J(Name(s.post_role(r.post)));
    if (r.duty != kNoIndex) o["duty"] = s.duty_id(r.duty);
    o["reason"] = r.reason;
    entries.push_back(std::move(o));
  }
  json::object root{{"person", s.person_id(view.person)},
                    {"as_of", FormatDate(view.as_of)},
                    {"entries", std::move(entries)}};
  return json_text::WritePretty(root);
}

namespace {

json::value AccountingValue(const Snapshot& s, const Accounting& a) {
  json::array parties;
  for (const AccountableParty& p : a.parties) {
    json::object party;
    if (p.party.is_unit) {
      party["unit"] = s.unit_id(p.party.index);
    } else {
      party["person"] = s.person_id(p.party.index);
    }
    json::array adjustments, because;
    for (const Adjustment& adj : a.AdjustmentsOf(p)) adjustments.emplace_back(Describe(adj));
    for (const ReachPath& path : a.PathsOf(p)) {
      because.emplace_back(Describe(s, a.incident, p.party, path));
    }
    parties.push_back(json::object{{"party", std::move(party)},
                                   {"category", json_text::J(Name(p.category))},
                                   {"degree", std::round(p.degree * 1e6) / 1e6},
                                   {"form", json_text::J(Name(p.form))},
                                   {"adjustments", std::move(adjustments)},
                                   {"because", std::move(because)}});
  }
  json::object o{{"incident", s.incident_id(a.incident)},
                 {"date", FormatDate(s.incident_date(a.incident))}};
  if (s.incident_has_since(a.incident)) o["since"] = FormatDate(s.incident_since(a.incident));
  o["severity"] = json_text::J(Name(s.incident_severity(a.incident)));
  o["parties"] = std::move(parties);
  return o;
}

}  // namespace

std::string AccountingToJson(const Snapshot& s, const Accounting& accounting) {
  return json_text::WritePretty(AccountingValue(s, accounting));
}

std::string AccountingsToJson(const Snapshot& s, absl::Span<const Accounting> all) {
  json::array incidents;
  for (const Accounting& a : all) incidents.push_back(AccountingValue(s, a));
  return json_text::WritePretty(json::object{{"incidents", std::move(incidents)}});
}

}  // namespace zeren
