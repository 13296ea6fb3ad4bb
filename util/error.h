// Error and Result: the one value-or-error type used across module
// boundaries. Messages are single lines that name the object (file, rule,
// flag, commit) and never contain scanned content.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace leakscan {

struct Error {
  std::string message;
};

template <typename T>
using Result = std::expected<T, Error>;

// Status is a Result with no value: success or an Error.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> MakeError(std::string message) {
  return std::unexpected<Error>(Error{std::move(message)});
}

inline Status Ok() { return {}; }

}  // namespace leakscan
