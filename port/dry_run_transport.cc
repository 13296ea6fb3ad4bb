#include "port/dry_run_transport.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace leakscan {
namespace {

bool WriteFile(const std::filesystem::path& path, std::string_view content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(content.data(), static_cast<std::streamsize>(content.size()));
  file.close();
  return !file.fail();
}

}  // namespace

DryRunTransport::DryRunTransport(std::string directory, std::string hidden_header)
    : directory_(std::move(directory)), hidden_header_(std::move(hidden_header)) {}

TransportResult DryRunTransport::Post(const HttpRequest& request) {
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  if (error) {
    return std::unexpected(TransportError{
        "cannot create --port-dry-run folder " + directory_ + ": " + error.message(), false});
  }

  char name[32];
  std::snprintf(name, sizeof name, "request-%04d", ++request_count_);
  std::filesystem::path base = std::filesystem::path(directory_) / name;

  std::string headers;
  for (const HttpHeader& header : request.headers) {
    bool hidden = !hidden_header_.empty() && header.name == hidden_header_;
    headers +=
        header.name + ": " + (hidden ? "<webhook secret, not written>" : header.value) + "\n";
  }

  std::filesystem::path body_path = base;
  body_path += ".json";
  std::filesystem::path headers_path = base;
  headers_path += ".headers";
  if (!WriteFile(body_path, request.body) || !WriteFile(headers_path, headers)) {
    return std::unexpected(
        TransportError{"cannot write dry-run request " + base.string() + ".{json,headers}", false});
  }
  return HttpResponse{202, ""};
}

}  // namespace leakscan
