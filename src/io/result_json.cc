#include "zeren/result_json.h"

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

}  // namespace zeren
