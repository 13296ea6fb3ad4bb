"""End-to-end test: `leakscan git` over a generated history of thousands of
commits finds every planted secret in the commit that added it, and its
SARIF, run through the Port webhook mapping with jq, yields one entity per
distinct identifier with files, URLs and commit properties filled.

Usage: big_history_test.py LEAKSCAN_BINARY SOURCE_DIR [--commits N]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import history_generator  # noqa: E402
import port_mapping  # noqa: E402


def run_scan(binary, repo, report):
    started = time.monotonic()
    result = subprocess.run(
        [binary, "git", repo, "--report-format", "sarif", "--report-path", report,
         "--no-banner", "--no-color"],
        capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode not in (0, 1):
        raise AssertionError("leakscan failed with %d: %s" % (result.returncode, result.stderr))
    print("leakscan: exit %d in %.1fs; %s" % (result.returncode, elapsed,
                                                result.stderr.strip().splitlines()[-3:]))
    with open(report) as handle:
        return json.load(handle)


def check_planted(sarif, planted):
    found = set()
    for result in sarif["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        found.add((result["ruleId"], result["partialFingerprints"]["commitSha"],
                   location["artifactLocation"]["uri"], location["region"]["startLine"]))
    missing = [p for p in planted
               if (p["rule_id"], p["commit"], p["path"], p["line"]) not in found]
    for secret in missing[:10]:
        print("MISSING %(rule_id)s %(commit)s %(path)s:%(line)d" % secret)
    return len(planted) - len(missing), len(missing)


def check_port_entities(sarif, mapping_path, repo_slug):
    mapping = port_mapping.load_mapping(mapping_path)
    request = {"body": sarif, "headers": {}, "queryParams": {"repo": repo_slug}}
    entities = port_mapping.apply_mapping(mapping, request)
    identifiers = {entity["identifier"] for entity in entities}
    failures = 0
    for entity in entities:
        properties = entity["properties"]
        if not properties.get("files") or not properties.get("urls") or not properties.get("commit"):
            failures += 1
    expected = {"%s:%s" % (r["ruleId"], r["partialFingerprints"]["commitSha"])
                for r in sarif["runs"][0]["results"]}
    return len(identifiers), len(expected & identifiers), len(expected), failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("source_dir")
    parser.add_argument("--commits", type=int, default=3000)
    args = parser.parse_args()

    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="leakscan-history-") as work:
        repo = os.path.join(work, "repo")
        started = time.monotonic()
        planted, commits = history_generator.build_repository(repo, args.commits)
        print("generated %d commits, %d planted secrets in %.1fs"
              % (commits, len(planted), time.monotonic() - started))
        sarif = run_scan(args.binary, repo, os.path.join(work, "report.sarif"))

        hits, misses = check_planted(sarif, planted)
        print("planted secrets found: %d of %d" % (hits, len(planted)))
        if misses == 0 and hits > 0:
            passed += 1
        else:
            failed += 1

        mapping = os.path.join(args.source_dir, "integrations", "port", "mapping-guide.json")
        if os.path.exists(mapping):
            distinct, matched, expected, empty = check_port_entities(sarif, mapping, "example/history")
            print("Port entities: %d distinct identifiers, %d of %d expected, %d with empty properties"
                  % (distinct, matched, expected, empty))
            if distinct == expected == matched and empty == 0:
                passed += 1
            else:
                failed += 1
        else:
            print("SKIP Port mapping check: %s not found" % mapping)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
