#include "fake_port_server_process.h"

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace leakscan::port_test {
namespace {

bool OnPath(const std::string& program) {
  std::string command = "command -v " + program + " >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

std::string ReadText(const std::string& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

std::string MissingServerTools() {
  std::string missing;
  for (const char* tool : {"python3", "jq"}) {
    if (!OnPath(tool)) missing += std::string(missing.empty() ? "" : ", ") + tool;
  }
  return missing;
}

FakePortServer::FakePortServer(const FakeServerOptions& options) {
  // libcurl must reach the server directly even where a proxy is configured.
  setenv("no_proxy", "127.0.0.1,localhost", 1);
  setenv("NO_PROXY", "127.0.0.1,localhost", 1);

  std::string pattern = (std::filesystem::temp_directory_path() / "leakscan-port-XXXXXX").string();
  directory_ = mkdtemp(pattern.data());
  state_path_ = directory_ + "/state.json";
  bodies_dir_ = directory_ + "/bodies";
  std::filesystem::create_directories(bodies_dir_);
  std::string port_file = directory_ + "/port";

  std::string source = LEAKSCAN_SOURCE_DIR;
  std::vector<std::string> args = {
      "python3",
      source + "/tests/port/fake_port_server.py",
      "--mapping",
      options.mapping.empty() ? source + "/integrations/port/mapping.json" : options.mapping,
      "--blueprint",
      source + "/integrations/port/blueprint.json",
      "--state",
      state_path_,
      "--port-file",
      port_file,
      "--bodies-dir",
      bodies_dir_,
      "--signature-algorithm",
      options.signature_algorithm,
      "--signature-header",
      options.signature_header,
      "--signature-prefix",
      options.signature_prefix};
  if (!options.secret.empty()) args.insert(args.end(), {"--secret", options.secret});
  if (!options.request_id_path.empty()) {
    args.insert(args.end(), {"--request-id-path", options.request_id_path});
  }
  if (!options.tls_cert.empty()) {
    args.insert(args.end(), {"--tls-cert", options.tls_cert, "--tls-key", options.tls_key});
    scheme_ = "https";
    ca_file_ = options.tls_cert;
  }

  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  if (posix_spawnp(&pid_, "python3", nullptr, nullptr, argv.data(), environ) != 0) {
    error_ = "cannot start python3";
    pid_ = -1;
    return;
  }

  for (int i = 0; i < 200 && port_ == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (std::filesystem::exists(port_file)) port_ = std::atoi(ReadText(port_file).c_str());
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      error_ = "fake_port_server.py exited early with status " + std::to_string(status);
      pid_ = -1;
      return;
    }
  }
  if (port_ == 0) error_ = "fake_port_server.py did not start listening within 10 s";
}

FakePortServer::~FakePortServer() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  std::filesystem::remove_all(directory_);
}

std::string FakePortServer::Url(const std::string& path) const {
  return scheme_ + "://127.0.0.1:" + std::to_string(port_) + path;
}

bool FakePortServer::InjectFailure(int status, int count, const std::string& retry_after,
                                   bool after_processing) {
  std::string url =
      Url("/_control/fail?status=" + std::to_string(status) + "&count=" + std::to_string(count));
  if (!retry_after.empty()) url += "&retry_after=" + retry_after;
  if (after_processing) url += "&after_processing=1";

  CURL* curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "");
  if (!ca_file_.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file_.c_str());
  curl_easy_setopt(
      curl, CURLOPT_WRITEFUNCTION,
      +[](char*, size_t size, size_t count, void*) { return size * count; });
  CURLcode code = curl_easy_perform(curl);
  long response = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
  curl_easy_cleanup(curl);
  return code == CURLE_OK && response == 200;
}

simdjson::dom::element FakePortServer::State(simdjson::dom::parser& parser) const {
  simdjson::dom::element state;
  if (parser.load(state_path_).get(state) == simdjson::SUCCESS) return state;
  ADD_FAILURE() << "cannot read the fake server's state file " << state_path_;
  return parser
      .parse(simdjson::padded_string(
          std::string_view(R"({"entities": {}, "requests": [], "errors": []})")))
      .value();
}

}  // namespace leakscan::port_test
