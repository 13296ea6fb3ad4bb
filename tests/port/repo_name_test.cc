#include "port/repo_name.h"

#include <git2.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace leakscan {
namespace {

TEST(RepoFromRemoteUrl, ReadsHttpsUrls) {
  EXPECT_EQ(RepoFromRemoteUrl("https://github.com/acme/widgets.git"), "acme/widgets");
  EXPECT_EQ(RepoFromRemoteUrl("https://github.com/acme/widgets"), "acme/widgets");
  EXPECT_EQ(RepoFromRemoteUrl("https://github.com/acme/widgets/"), "acme/widgets");
}

TEST(RepoFromRemoteUrl, IgnoresCredentialsInUrl) {
  EXPECT_EQ(RepoFromRemoteUrl("https://x-access-token:ghs_abc@github.com/acme/widgets.git"),
            "acme/widgets");
}

TEST(RepoFromRemoteUrl, ReadsScpAndSshForms) {
  EXPECT_EQ(RepoFromRemoteUrl("git@github.com:acme/widgets.git"), "acme/widgets");
  EXPECT_EQ(RepoFromRemoteUrl("ssh://git@github.com:22/acme/widgets.git"), "acme/widgets");
}

TEST(RepoFromRemoteUrl, RejectsUrlsWithoutOwner) {
  EXPECT_EQ(RepoFromRemoteUrl("https://github.com/widgets"), std::nullopt);
  EXPECT_EQ(RepoFromRemoteUrl("https://github.com"), std::nullopt);
  EXPECT_EQ(RepoFromRemoteUrl("git@github.com:widgets.git"), std::nullopt);
}

// A fresh repository in a temporary folder, removed at the end.
class TemporaryRepository {
 public:
  explicit TemporaryRepository(const char* origin_url) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "leakscan-repo-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
    git_libgit2_init();
    git_repository* repository = nullptr;
    EXPECT_EQ(git_repository_init(&repository, path_.c_str(), 0), 0);
    if (origin_url != nullptr) {
      git_remote* remote = nullptr;
      EXPECT_EQ(git_remote_create(&remote, repository, "origin", origin_url), 0);
      git_remote_free(remote);
    }
    git_repository_free(repository);
    git_libgit2_shutdown();
  }
  ~TemporaryRepository() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(RepoFromOrigin, ReadsOriginRemote) {
  TemporaryRepository repository("git@github.com:acme/widgets.git");
  std::filesystem::create_directories(repository.path() + "/sub/dir");
  Result<std::string> repo = RepoFromOrigin(repository.path() + "/sub/dir");
  ASSERT_TRUE(repo.has_value()) << repo.error().message;
  EXPECT_EQ(*repo, "acme/widgets");
}

TEST(RepoFromOrigin, FailsWithoutOrigin) {
  TemporaryRepository repository(nullptr);
  Result<std::string> repo = RepoFromOrigin(repository.path());
  ASSERT_FALSE(repo.has_value());
  EXPECT_NE(repo.error().message.find("has no origin remote"), std::string::npos)
      << repo.error().message;
  EXPECT_NE(repo.error().message.find("--port-repo"), std::string::npos) << repo.error().message;
}

TEST(RepoFromOrigin, FailsOutsideRepository) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "leakscan-norepo-XXXXXX").string();
  std::string path = mkdtemp(pattern.data());
  Result<std::string> repo = RepoFromOrigin(path);
  std::filesystem::remove_all(path);
  ASSERT_FALSE(repo.has_value());
  EXPECT_NE(repo.error().message.find("is not inside a git repository"), std::string::npos)
      << repo.error().message;
}

}  // namespace
}  // namespace leakscan
