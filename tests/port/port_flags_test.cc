#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>

#include "port/port_client.h"

namespace leakscan {
namespace {

// Sets an environment variable for the lifetime of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    const char* old = std::getenv(name);
    if (old != nullptr) old_ = old;
    had_old_ = old != nullptr;
    if (value != nullptr) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (had_old_) {
      setenv(name_, old_.c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::string old_;
  bool had_old_ = false;
};

PortOptions Parse(std::vector<std::string> args) {
  CLI::App app;
  PortOptions options;
  AddPortFlags(app, &options);
  std::reverse(args.begin(), args.end());
  app.parse(args);
  return options;
}

TEST(AddPortFlags, FillsOptionsFromFlags) {
  ScopedEnv url("PORT_WEBHOOK_URL", nullptr);
  PortOptions options = Parse({"--port-webhook-url",
                               "https://h/x",
                               "--port-repo",
                               "a/b",
                               "--port-webhook-secret",
                               "s",
                               "--port-signature-header",
                               "x-sig",
                               "--port-signature-prefix",
                               "",
                               "--port-signature-algorithm",
                               "sha1",
                               "--port-include-secret",
                               "--port-dry-run",
                               "out",
                               "--port-connect-timeout",
                               "3",
                               "--port-timeout",
                               "9",
                               "--port-max-attempts",
                               "2"});
  EXPECT_EQ(options.webhook_url, "https://h/x");
  EXPECT_EQ(options.repo, "a/b");
  EXPECT_EQ(options.secret, "s");
  EXPECT_EQ(options.signature_header, "x-sig");
  EXPECT_EQ(options.signature_prefix, "");
  EXPECT_EQ(options.signature_algorithm, "sha1");
  EXPECT_TRUE(options.include_secret);
  EXPECT_EQ(options.dry_run_dir, "out");
  EXPECT_EQ(options.connect_timeout_seconds, 3);
  EXPECT_EQ(options.total_timeout_seconds, 9);
  EXPECT_EQ(options.max_attempts, 2);
}

TEST(AddPortFlags, KeepsDefaultsWithoutFlags) {
  ScopedEnv url("PORT_WEBHOOK_URL", nullptr);
  ScopedEnv secret("PORT_WEBHOOK_SECRET", nullptr);
  ScopedEnv repo("GITHUB_REPOSITORY", nullptr);
  PortOptions options = Parse({});
  PortOptions defaults;
  EXPECT_EQ(options.webhook_url, "");
  EXPECT_EQ(options.repo, "");
  EXPECT_EQ(options.signature_header, defaults.signature_header);
  EXPECT_EQ(options.signature_prefix, defaults.signature_prefix);
  EXPECT_EQ(options.signature_algorithm, defaults.signature_algorithm);
  EXPECT_FALSE(options.include_secret);
  EXPECT_EQ(options.max_attempts, defaults.max_attempts);
}

TEST(AddPortFlags, ReadsEnvironment) {
  ScopedEnv url("PORT_WEBHOOK_URL", "https://env/hook");
  ScopedEnv secret("PORT_WEBHOOK_SECRET", "env-secret");
  ScopedEnv repo("GITHUB_REPOSITORY", "env/repo");
  PortOptions options = Parse({});
  EXPECT_EQ(options.webhook_url, "https://env/hook");
  EXPECT_EQ(options.secret, "env-secret");
  EXPECT_EQ(options.repo, "env/repo");
}

TEST(AddPortFlags, FlagsOverrideEnvironment) {
  ScopedEnv url("PORT_WEBHOOK_URL", "https://env/hook");
  ScopedEnv repo("GITHUB_REPOSITORY", "env/repo");
  PortOptions options = Parse({"--port-webhook-url", "https://flag/hook", "--port-repo", "f/r"});
  EXPECT_EQ(options.webhook_url, "https://flag/hook");
  EXPECT_EQ(options.repo, "f/r");
}

TEST(AddPortFlags, RejectsUnknownAlgorithm) {
  EXPECT_THROW(Parse({"--port-signature-algorithm", "md5"}), CLI::ValidationError);
}

TEST(AddPortFlags, HelpNamesEnvironmentButNotItsValue) {
  ScopedEnv url("PORT_WEBHOOK_URL", "https://env/SecretHookPath");
  CLI::App app;
  PortOptions options;
  AddPortFlags(app, &options);
  std::string help = app.help();
  EXPECT_NE(help.find("PORT_WEBHOOK_URL"), std::string::npos) << help;
  EXPECT_EQ(help.find("SecretHookPath"), std::string::npos) << help;
}

}  // namespace
}  // namespace leakscan
