#include "sources/scm_link.h"

#include <gtest/gtest.h>

#include "tests/conformance/conformance.h"
#include "tests/sources/git_test_repo.h"
#include "util/log.h"

namespace leakscan {
namespace {

Finding MakeFinding(std::string commit, std::string file, int start, int end) {
  Finding finding;
  finding.commit = std::move(commit);
  finding.file = std::move(file);
  finding.start_line = start;
  finding.end_line = end;
  return finding;
}

TEST(ParsePlatform, AcceptsKnownNamesInAnyCase) {
  EXPECT_EQ(ParsePlatform(""), ScmPlatform::kUnknown);
  EXPECT_EQ(ParsePlatform("unknown"), ScmPlatform::kUnknown);
  EXPECT_EQ(ParsePlatform("NONE"), ScmPlatform::kNone);
  EXPECT_EQ(ParsePlatform("GitHub"), ScmPlatform::kGitHub);
  EXPECT_EQ(ParsePlatform("gitlab"), ScmPlatform::kGitLab);
  EXPECT_EQ(ParsePlatform("AzureDevOps"), ScmPlatform::kAzureDevOps);
  EXPECT_EQ(ParsePlatform("gitea"), ScmPlatform::kGitea);
  EXPECT_EQ(ParsePlatform("bitbucket"), ScmPlatform::kBitbucket);
}

TEST(ParsePlatform, RejectsOtherValues) {
  auto platform = ParsePlatform("sourcehut");
  ASSERT_FALSE(platform);
  EXPECT_EQ(platform.error().message, "invalid scm platform value: sourcehut");
}

TEST(ResolveRemote, TurnsScpAddressesIntoHttps) {
  ScmRemote remote = ResolveRemote("git@github.com:gitleaks/test.git\n", ScmPlatform::kUnknown);
  EXPECT_EQ(remote.platform, ScmPlatform::kGitHub);
  EXPECT_EQ(remote.base_url, "https://github.com/gitleaks/test");
}

TEST(ResolveRemote, DropsAPortSegmentOfScpAddresses) {
  ScmRemote remote = ResolveRemote("git@gitlab.com:2222/group/project.git", ScmPlatform::kUnknown);
  EXPECT_EQ(remote.platform, ScmPlatform::kGitLab);
  EXPECT_EQ(remote.base_url, "https://gitlab.com/group/project");
}

TEST(ResolveRemote, RemovesUserInfoAndDetectsHosts) {
  ScmRemote remote = ResolveRemote("https://user:token@Dev.Azure.com:443/org/proj/_git/repo",
                                   ScmPlatform::kUnknown);
  EXPECT_EQ(remote.platform, ScmPlatform::kAzureDevOps);
  EXPECT_EQ(remote.base_url, "https://Dev.Azure.com:443/org/proj/_git/repo");
  EXPECT_EQ(ResolveRemote("https://codeberg.org/a/b", ScmPlatform::kUnknown).platform,
            ScmPlatform::kGitea);
  EXPECT_EQ(ResolveRemote("https://code.forgejo.org/a/b", ScmPlatform::kUnknown).platform,
            ScmPlatform::kGitea);
  EXPECT_EQ(ResolveRemote("https://bitbucket.org/a/b.git", ScmPlatform::kUnknown).platform,
            ScmPlatform::kBitbucket);
}

TEST(ResolveRemote, LogsAndDisablesLinksForUnknownHosts) {
  std::string captured;
  log::SetColor(false);
  log::CaptureForTest(&captured);
  ScmRemote remote = ResolveRemote("https://git.example.com/a/b.git", ScmPlatform::kUnknown);
  log::CaptureForTest(nullptr);
  EXPECT_EQ(remote.platform, ScmPlatform::kNone);
  EXPECT_NE(captured.find("Unknown SCM platform. Use --platform to include links in findings."),
            std::string::npos);
  EXPECT_NE(captured.find("host=git.example.com"), std::string::npos);
}

TEST(ResolveRemote, KeepsAForcedPlatform) {
  ScmRemote remote = ResolveRemote("https://git.example.com/a/b.git", ScmPlatform::kGitea);
  EXPECT_EQ(remote.platform, ScmPlatform::kGitea);
  EXPECT_EQ(remote.base_url, "https://git.example.com/a/b");
}

TEST(BuildLink, PointsArchiveMembersAtTheOuterFile) {
  ScmRemote remote{ScmPlatform::kGitHub, "https://github.com/acme/widgets"};
  EXPECT_EQ(BuildLink(remote, MakeFinding("abc", "pkg/a b.tar.gz!inner/x.md", 3, 4)),
            "https://github.com/acme/widgets/blob/abc/pkg/a%20b.tar.gz");
  remote.platform = ScmPlatform::kAzureDevOps;
  EXPECT_EQ(BuildLink(remote, MakeFinding("abc", "x.zip!y", 3, 3)),
            "https://github.com/acme/widgets/commit/abc?path=/x.zip");
}

TEST(BuildLink, OmitsTheAnchorForPathOnlyFindings) {
  ScmRemote remote{ScmPlatform::kGitHub, "https://github.com/acme/widgets"};
  EXPECT_EQ(BuildLink(remote, MakeFinding("abc", "keys/id_rsa", 0, 0)),
            "https://github.com/acme/widgets/blob/abc/keys/id_rsa");
  remote.platform = ScmPlatform::kBitbucket;
  EXPECT_EQ(BuildLink(remote, MakeFinding("abc", "README.md", 2, 2)),
            "https://github.com/acme/widgets/src/abc/README.md#lines-2");
}

TEST(BuildLink, IsEmptyWithoutCommitOrPlatform) {
  ScmRemote remote{ScmPlatform::kGitHub, "https://github.com/acme/widgets"};
  EXPECT_EQ(BuildLink(remote, MakeFinding("", "a.txt", 1, 1)), "");
  remote.platform = ScmPlatform::kNone;
  EXPECT_EQ(BuildLink(remote, MakeFinding("abc", "a.txt", 1, 1)), "");
}

TEST(RemoteUrl, FollowsGitRemoteChoice) {
  testing::TestRepo repo;
  EXPECT_EQ(RemoteUrl(repo.path()), std::nullopt) << "no remote configured";
  repo.Git("remote add upstream git@github.com:acme/upstream.git");
  EXPECT_EQ(RemoteUrl(repo.path()), "git@github.com:acme/upstream.git") << "the only remote";
  repo.Git("remote add origin https://github.com/acme/origin.git");
  EXPECT_EQ(RemoteUrl(repo.path()), "https://github.com/acme/origin.git") << "origin";
  repo.Git("config branch.main.remote upstream");
  EXPECT_EQ(RemoteUrl(repo.path()), "git@github.com:acme/upstream.git") << "branch remote";
}

TEST(RemoteUrl, HasNoAnswerOutsideRepositories) {
  EXPECT_EQ(RemoteUrl("/nonexistent/leakscan/path"), std::nullopt);
}

TEST(ScmLinkConformance, MatchesEveryCase) {
  LEAKSCAN_REQUIRE_SHARED();
  auto cases = conformance::LoadGroup("scm_link");
  int checked = 0;
  for (simdjson::dom::element test_case : cases->root.get_array()) {
    std::string_view id = test_case["id"].get_string().value();
    std::string_view platform_name = test_case["remote"]["platform"].get_string().value();
    std::string_view url = test_case["remote"]["url"].get_string().value();
    auto platform = ParsePlatform(platform_name);
    ASSERT_TRUE(platform) << id;
    ScmRemote remote{*platform, std::string(url)};
    simdjson::dom::object finding_json = test_case["finding"].get_object().value();
    Finding finding = MakeFinding(std::string(finding_json["Commit"].get_string().value()),
                                  std::string(finding_json["File"].get_string().value()),
                                  static_cast<int>(finding_json["StartLine"].get_int64().value()),
                                  static_cast<int>(finding_json["EndLine"].get_int64().value()));
    EXPECT_EQ(BuildLink(remote, finding), test_case["expected"].get_string().value()) << id;
    ++checked;
  }
  EXPECT_EQ(checked, 14);
}

}  // namespace
}  // namespace leakscan
