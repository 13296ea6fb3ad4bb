"""Runs Gitleaks' conformance cases through the leakscan binary: a temp
file or repository, the real command line, and the JSON report parsed
back and compared field by field as the corpus README prescribes.

Groups: detect_fragment, rule_allowlist, windows_paths (as files scanned by
`leakscan dir` or `leakscan stdin`), git, staged, dir, archives and reader
(piped into `leakscan stdin`). Cases
that cannot be expressed on the command line are listed with the reason.

Usage: cli_conformance_test.py LEAKSCAN_BINARY SHARED_DIR
"""

import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

FRAGMENT_GROUPS = ["detect_fragment", "rule_allowlist", "windows_paths"]
SCAN_GROUPS = ["git", "staged", "dir", "archives"]
READER_GROUP = "reader"

# Cases the command line cannot express, with the reason.
NOT_EXPRESSIBLE = {
    "commit": "the fragment names a commit, which a file scan cannot carry; "
              "the library-level conformance test covers it",
    "windows_path": "Windows path separators exist only in the library-level test",
    "cancel_before_scan": "cancellation before the scan is a library-level test",
    "baseline_loaded": "an unloaded baseline path is a library-level setting",
    "empty": "an empty fragment cannot be a file: dir mode skips empty files, as Gitleaks does",
}

# Cases where the CLI deliberately differs (docs/differences-from-gitleaks.md).
CLI_DIFFERENCES = {
    "archives/000-archives-testdata-archives-this-path-does-not-exist":
        "a missing scan path is an error on the command line",
}

STRING_FIELDS = ["RuleID", "Description", "Match", "Secret", "File", "SymlinkFile", "Commit",
                 "Link", "Author", "Email", "Date", "Message", "Fingerprint"]
INT_FIELDS = ["StartLine", "EndLine", "StartColumn", "EndColumn"]


def float32(value):
    return struct.unpack("f", struct.pack("f", value))[0]


def first_difference(expected, actual, ignored, entropy, line_offset):
    if expected.get("Match", "").startswith("file detected: "):
        line_offset = 0  # Path-only findings have line 0 in every mode.
    for field in INT_FIELDS:
        if field in expected and field not in ignored:
            want = expected[field] + (line_offset if field in ("StartLine", "EndLine") else 0)
            if actual.get(field) != want:
                return field
    for field in STRING_FIELDS:
        if field in expected and field not in ignored and actual.get(field, "") != expected[field]:
            return field
    if "Entropy" in expected and "Entropy" not in ignored:
        want, got = expected["Entropy"], actual.get("Entropy", 0)
        if "relative_tolerance" in entropy:
            if abs(want - got) > entropy["relative_tolerance"] * min(abs(want), abs(got)):
                return "Entropy"
        elif float32(want) != float32(got):
            return "Entropy"
    if "Tags" not in ignored and (expected.get("Tags") or []) != (actual.get("Tags") or []):
        return "Tags"
    return ""


def compare(case, actual, line_offset):
    compare_spec = case.get("compare", {})
    ignored = set(compare_spec.get("ignore_fields", []))
    entropy = compare_spec.get("entropy", {})
    expected = case["expected_findings"]
    problems = []
    if len(expected) != len(actual):
        problems.append("expected %d findings, got %d" % (len(expected), len(actual)))
    used = [False] * len(actual)
    for want in expected:
        match = None
        reason = "no candidates"
        for index, got in enumerate(actual):
            if used[index]:
                continue
            difference = first_difference(want, got, ignored, entropy, line_offset)
            if not difference:
                match = index
                break
            reason = "%s differs (got %r)" % (difference, got.get(difference))
        if match is None:
            problems.append("missing %s %s:%s: %s" % (want.get("RuleID"), want.get("File"),
                                                      want.get("StartLine"), reason))
        else:
            used[match] = True
    for index, got in enumerate(actual):
        if not used[index]:
            problems.append("unexpected %s %s:%s" % (got["RuleID"], got["File"], got["StartLine"]))
    return problems


def common_flags(case, report):
    options = case["options"]
    flags = ["--no-banner", "--no-color", "--exit-code", "0", "-f", "json", "-r", report,
             "--max-decode-depth", str(options.get("max_decode_depth", 0)),
             "--max-archive-depth", str(options.get("max_archive_depth", 0))]
    if options.get("gitleaksignore"):
        flags += ["-i", options["gitleaksignore"]]
    return flags


def run(binary, args, cwd, stdin=None):
    return subprocess.run([binary] + args, cwd=cwd, input=stdin, capture_output=True)


def read_report(report):
    with open(report) as handle:
        return json.load(handle)


def config_flags(case, work):
    if "config_inline" in case:
        path = os.path.join(work, "inline-config.toml")
        with open(path, "w") as handle:
            handle.write(case["config_inline"])
        return ["-c", path]
    if case["config"] == "default":
        return []
    return ["-c", case["config"]]


def run_fragment_case(binary, case, cases_dir, work):
    """Writes the fragment to a file named like its path and scans it."""
    raw = case["input"]["raw"]
    path = case["input"]["path"]
    # A sibling of cases/ so "../testdata/..." paths in configs resolve.
    cwd = os.path.join(work, "cwd")
    os.makedirs(cwd, exist_ok=True)
    link = os.path.join(work, "testdata")
    if not os.path.exists(link):
        os.symlink(os.path.join(cases_dir, "..", "testdata"), link)
    report = os.path.join(work, "report.json")
    flags = config_flags(case, work) + common_flags(case, report)
    if path:
        target = os.path.join(cwd, path)
        if os.path.exists(target) and path.startswith("../"):
            return None, "the fragment path is a real fixture file and cannot be replaced"
        os.makedirs(os.path.dirname(target) or cwd, exist_ok=True)
        with open(target, "w") as handle:
            handle.write(raw)
        result = run(binary, ["dir", path] + flags, cwd)
        os.remove(target)
    else:
        result = run(binary, ["stdin"] + flags, cwd, stdin=raw.encode())
    if result.returncode != 0:
        return None, "exit %d: %s" % (result.returncode, result.stderr.decode()[-300:])
    return read_report(report), None


def run_scan_case(binary, case, cases_dir, work):
    report = os.path.join(work, "report.json")
    flags = config_flags(case, work) + common_flags(case, report)
    mode = case["mode"]
    if mode in ("git", "staged"):
        source = case["input"]["repo"]
        repo = os.path.join(work, os.path.basename(source))
        shutil.copytree(os.path.join(cases_dir, source), repo, symlinks=True)
        os.rename(os.path.join(repo, "dotGit"), os.path.join(repo, ".git"))
        args = ["git", repo] + flags
        if mode == "staged":
            args.append("--staged")
        elif case["input"].get("log_opts"):
            args.append("--log-opts=" + case["input"]["log_opts"])
    else:
        args = ["dir", case["input"]["path"]] + flags
        if case["options"].get("follow_symlinks"):
            args.append("--follow-symlinks")
    result = run(binary, args, cases_dir)
    if result.returncode != 0:
        return None, "exit %d: %s" % (result.returncode, result.stderr.decode()[-300:])
    return read_report(report), None


def run_reader_case(binary, case, config, work):
    """Pipes the case's chunks into `leakscan stdin` with the reference
    default rules and returns (finding count, error text or None)."""
    report = os.path.join(work, "report.json")
    data = "".join(case["input_chunks"]).encode()
    result = run(binary, ["stdin", "-c", config, "--no-banner", "--exit-code", "0",
                          "-f", "json", "-r", report], work, stdin=data)
    if result.returncode != 0:
        return None, "exit %d: %s" % (result.returncode, result.stderr.decode()[-300:])
    return len(read_report(report)), None


def run_reader_group(binary, cases_dir, config):
    """Returns (passed, failed, skipped) for the reader group."""
    passed = failed = skipped = 0
    with open(os.path.join(cases_dir, READER_GROUP + ".json")) as handle:
        cases = json.load(handle)
    for case in cases:
        if case["expected_error"] or "error" in case["read_behaviour"]:
            print("SKIP %s: a failing reader is a library-level test" % case["id"])
            skipped += 1
            continue
        with tempfile.TemporaryDirectory(prefix="leakscan-cli-") as work:
            count, error = run_reader_case(binary, case, config, work)
        if error or count != case["expected_count"]:
            failed += 1
            print("FAIL %s: %s" % (case["id"], error or "expected %d findings, got %d"
                                   % (case["expected_count"], count)))
        else:
            passed += 1
    return passed, failed, skipped


def unsupported_reason(case):
    options = case["options"]
    if case["input"].get("commit"):
        return NOT_EXPRESSIBLE["commit"]
    if case["input"].get("windows_path"):
        return NOT_EXPRESSIBLE["windows_path"]
    if options.get("cancel_before_scan"):
        return NOT_EXPRESSIBLE["cancel_before_scan"]
    if "baseline_loaded" in options:
        return NOT_EXPRESSIBLE["baseline_loaded"]
    if case["mode"] == "fragment" and case["input"]["raw"] == "" and case["input"]["path"]:
        return NOT_EXPRESSIBLE["empty"]
    return None


def private_cases_dir(shared, work):
    """Copies testdata and cases to `work`, restoring the symlink fixture
    that a checkout may have turned into a regular file, and returns the
    copy's cases folder (paths in cases stay valid relative to it)."""
    root = os.path.join(shared, "conformance")
    shutil.copytree(os.path.join(root, "testdata"), os.path.join(work, "testdata"), symlinks=True)
    shutil.copytree(os.path.join(root, "cases"), os.path.join(work, "cases"))
    link = os.path.join(work, "testdata", "repos", "symlinks", "file_symlink",
                        "symlinked_id_ed25519")
    if not os.path.islink(link):
        os.remove(link)
        os.symlink("../source_file/id_ed25519", link)
    subprocess.run(["chmod", "-R", "u+w", work], check=True)
    return os.path.join(work, "cases")


def main():
    binary, shared = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    if not os.path.isdir(os.path.join(shared, "conformance", "cases")):
        print("SKIP: conformance cases not found under %s" % shared)
        print("0 passed, 0 failed, 1 skipped")
        return 0
    copy = tempfile.TemporaryDirectory(prefix="leakscan-conformance-")
    cases_dir = private_cases_dir(shared, copy.name)
    passed = failed = skipped = 0
    for group in FRAGMENT_GROUPS + SCAN_GROUPS:
        with open(os.path.join(cases_dir, group + ".json")) as handle:
            cases = json.load(handle)
        for case in cases:
            reason = unsupported_reason(case) or CLI_DIFFERENCES.get(case["id"])
            if reason:
                print("SKIP %s: %s" % (case["id"], reason))
                skipped += 1
                continue
            with tempfile.TemporaryDirectory(prefix="leakscan-cli-") as work:
                if group in FRAGMENT_GROUPS:
                    actual, error = run_fragment_case(binary, case, cases_dir, work)
                    offset = 1
                else:
                    actual, error = run_scan_case(binary, case, cases_dir, work)
                    offset = 0
            if error and actual is None and error.startswith("the fragment path"):
                print("SKIP %s: %s" % (case["id"], error))
                skipped += 1
                continue
            problems = [error] if error else compare(case, actual, offset)
            if problems:
                failed += 1
                print("FAIL %s\n  %s" % (case["id"], "\n  ".join(problems)))
            else:
                passed += 1
    reference = os.path.join(shared, "reference", "gitleaks-default.toml")
    reader = run_reader_group(binary, cases_dir, reference)
    passed, failed, skipped = passed + reader[0], failed + reader[1], skipped + reader[2]
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
