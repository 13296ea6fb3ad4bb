#include "port/json_writer.h"

#include <charconv>

namespace leakscan {
namespace {

template <typename Number>
void AppendNumber(Number number, std::string* out) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
  out->append(buffer, end);
}

void AppendValue(simdjson::dom::element value, std::string_view parent_key, std::string_view key,
                 const JsonStringFilter& filter, std::string* out) {
  switch (value.type()) {
    case simdjson::dom::element_type::OBJECT: {
      *out += '{';
      bool first = true;
      for (simdjson::dom::key_value_pair member : simdjson::dom::object(value)) {
        if (!first) *out += ',';
        first = false;
        AppendJsonString(member.key, out);
        *out += ':';
        AppendValue(member.value, key, member.key, filter, out);
      }
      *out += '}';
      break;
    }
    case simdjson::dom::element_type::ARRAY: {
      *out += '[';
      bool first = true;
      for (simdjson::dom::element item : simdjson::dom::array(value)) {
        if (!first) *out += ',';
        first = false;
        AppendValue(item, parent_key, key, filter, out);
      }
      *out += ']';
      break;
    }
    case simdjson::dom::element_type::STRING:
      filter.AppendString(parent_key, key, std::string_view(value), out);
      break;
    case simdjson::dom::element_type::INT64:
      AppendNumber(int64_t(value), out);
      break;
    case simdjson::dom::element_type::UINT64:
      AppendNumber(uint64_t(value), out);
      break;
    case simdjson::dom::element_type::DOUBLE:
      AppendNumber(double(value), out);
      break;
    case simdjson::dom::element_type::BOOL:
      *out += bool(value) ? "true" : "false";
      break;
    case simdjson::dom::element_type::NULL_VALUE:
      *out += "null";
      break;
  }
}

}  // namespace

void JsonStringFilter::AppendString(std::string_view, std::string_view, std::string_view value,
                                    std::string* out) const {
  AppendJsonString(value, out);
}

void AppendJson(simdjson::dom::element value, std::string* out, const JsonStringFilter* filter) {
  static const JsonStringFilter kUnchanged;
  AppendValue(value, "", "", filter != nullptr ? *filter : kUnchanged, out);
}

}  // namespace leakscan
