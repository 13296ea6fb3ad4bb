// Findings shared by the report and SARIF tests: the demo finding used
// throughout the behaviour specification, in dir mode and in git mode.
#pragma once

#include "scanner/finding.h"

namespace leakscan::testing {

// A dir-mode finding of rule demo-token in app/settings.py, line 2.
inline Finding DirFinding() {
  Finding f;
  f.rule_id = "demo-token";
  f.description = "Demo token";
  f.start_line = 2;
  f.end_line = 2;
  f.start_column = 15;
  f.end_column = 34;
  f.line = "\napi_token = \"tok_9fK2mQ7xLp4Rz8Wv\"";
  f.match = "tok_9fK2mQ7xLp4Rz8Wv";
  f.secret = "tok_9fK2mQ7xLp4Rz8Wv";
  f.file = "app/settings.py";
  f.entropy = 4.321928F;
  f.tags = {"demo"};
  f.fingerprint = "app/settings.py:demo-token:2";
  return f;
}

// The same finding reported from git history, with commit metadata and a
// GitHub link.
inline Finding GitFinding() {
  Finding f = DirFinding();
  f.commit = "0123456789abcdef0123456789abcdef01234567";
  f.link =
      "https://github.com/acme/widgets/blob/0123456789abcdef0123456789abcdef01234567/"
      "app/settings.py#L2";
  f.author = "Jane Roe";
  f.email = "jane@example.org";
  f.date = "2024-05-06T07:08:09Z";
  f.message = "Add settings, part 1";
  f.fingerprint = f.commit + ":app/settings.py:demo-token:2";
  return f;
}

}  // namespace leakscan::testing
