#!/usr/bin/env python3
r"""Differential recall test: the built-in rule pack against Gitleaks' rules.

Usage: differential_test.py BINARY SHARED_DIR [--samples N] [--seed S]
                            [--keep DIR]

For every rule of SHARED_DIR/reference/gitleaks-default.toml the test
generates N random strings that match the rule's regex (regex_sampler.py)
and writes them, one per line with blank lines between, into one file per
rule and assignment notation (.env, YAML, JSON, Python, shell). A rule with
only a path regex gets N files whose names match it instead. The key name on
each line contains one of the rule's keywords, so the keyword prefilter
passes.

The folder is scanned twice, once with `-c` the reference config and once
with the built-in pack. The reference scan is the oracle: each finding it
reports (file, line, rule id) must also be reported by the built-in pack
under the same rule id. A rule passes when the pack reports at least 99% of
the reference findings of that rule. A rule the reference reports nothing
for fails too, because its recall was not measured.

Two deliberate differences of the pack are allowed, and the test prints
how often each one occurred:

* The pack has rules beyond Gitleaks, and when one of them matches a value
  Gitleaks reports only as generic-api-key, the generic finding is dropped
  in favour of the specific one. A reference generic-api-key finding counts
  as found when the pack reports a rule that the reference config does not
  have on the same file and line.
* The pack's rules allow placeholder values (kPlaceholderPatterns), and
  random samples of classes such as \S contain a `<name>` template now and
  then. A reference finding that the pack does not report is left out of
  the recall when its secret matches a placeholder pattern.

The last output line is `N passed, M failed` (rules), or
`0 passed, 0 failed, 1 skipped` when SHARED_DIR does not exist.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import regex_sampler  # noqa: E402

kMinRecall = 0.99
kGenericRuleId = "generic-api-key"

# The placeholder allowlist that the pack's rules share, copied from
# rules/*.yaml. docs/differences-from-gitleaks.md lists it as a deliberate
# difference. Keep the two in step.
kPlaceholderPatterns = [
    re.compile(r"(?i)(?:example|sample|placeholder|dummy|changeme|redacted)"),
    re.compile(r"(?i)your[_.-]?(?:api|access|secret|auth|app|client|account)?[_.-]?"
               r"(?:key|token|secret|password|id)"),
    re.compile(r"(?i)(?:x{8}|0{8}|0123456789|1234567890|abcdefgh)"),
    re.compile(r"\$\{[^}]*\}|\{\{[^}]*\}\}|<[a-zA-Z_][\w .-]*>"),
]

# Assignment notations: file suffix, line template, and the characters
# around the value, which the sampler's \b and \B checks see.
kContexts = [
    ("env", ".env", "{KEY}={value}", "=", ""),
    ("yaml", ".yaml", "{key}: {value}", " ", ""),
    ("json", ".json", '  "{key}": "{value}",', '"', '"'),
    ("python", ".py", '{key} = "{value}"', '"', '"'),
    ("shell", ".sh", "export {KEY}='{value}'", "'", "'"),
]


def ParseArgs():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", help="path of the leakscan binary")
    parser.add_argument("shared_dir", help="folder with reference/gitleaks-default.toml")
    parser.add_argument("--samples", type=int, default=20, help="samples per rule and notation")
    parser.add_argument("--seed", type=int, default=20240601, help="random seed")
    parser.add_argument("--keep", help="write the samples and reports here and keep them")
    return parser.parse_args()


def KeyName(keyword):
    """Return a variable name that contains `keyword`."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]", "_", keyword).strip("_") or "value"
    return f"{cleaned}_token"


def PathSuffix(rule, rng):
    """Return a file name ending the rule's path regex matches, or None."""
    path_regex = rule.get("path")
    if not path_regex:
        return None
    sample = regex_sampler.Sampler(path_regex).Sample(rng, before="x/", after="")
    if sample is None or re.search(r"[/\x00]", sample.lstrip("/")):
        raise SystemExit(f"rule {rule['id']}: cannot generate a file name for path {path_regex!r}")
    return sample.lstrip("/")


def WriteRuleFiles(rule, root, samples, rng):
    """Write the sample files of one rule with a regex; return how many lines."""
    sampler = regex_sampler.Sampler(rule["regex"])
    keywords = rule.get("keywords") or [rule["id"]]
    written = 0
    for name, suffix, template, before, after in kContexts:
        path_suffix = PathSuffix(rule, rng)
        file_name = f"{name}{path_suffix}" if path_suffix else f"{name}{suffix}"
        lines = []
        for _ in range(samples):
            value = sampler.Sample(rng, before=before, after=after or "\n")
            if value is None:
                continue
            key = KeyName(rng.choice(keywords))
            lines.append(template.format(key=key, KEY=key.upper(), value=value))
            lines.append("")
            written += 1
        folder = os.path.join(root, rule["id"])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, file_name), "w", encoding="utf-8", newline="\n") as out:
            out.write("\n".join(lines))
    return written


def WritePathOnlyFiles(rule, root, samples, rng):
    """Write files whose names match a path-only rule; return how many."""
    folder = os.path.join(root, rule["id"])
    os.makedirs(folder, exist_ok=True)
    written = set()
    for index in range(samples):
        name = PathSuffix(rule, rng)
        if not name or name in (".", "..") or name in written:
            continue
        written.add(name)
        with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
            out.write(f"placeholder content {index}\n")
    return len(written)


def Scan(binary, target, report, config, workdir):
    """Scan `target`; return {(file, line, rule id): secret} of the findings."""
    command = [binary, "dir", target, "-f", "json", "-r", report, "--no-banner",
               "--exit-code", "0", "--max-decode-depth", "0", "--log-level", "error"]
    if config:
        command += ["-c", config]
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITLEAKS_CONFIG", "GITLEAKS_CONFIG_TOML")}
    result = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"scan with config {config or '(built-in)'} failed: "
                         f"exit code {result.returncode}")
    with open(report, encoding="utf-8") as data:
        findings = json.load(data)
    places = {}
    for finding in findings:
        relative = os.path.relpath(finding["File"], target)
        places[(relative, finding["StartLine"], finding["RuleID"])] = finding["Secret"]
    return places


class RuleStats:
    """Counts of one rule's reference findings."""

    def __init__(self):
        self.found = 0  # Reported by the pack (replaced ones included).
        self.total = 0  # Reference findings, placeholders excluded.
        self.replaced = 0  # Reported under a rule the reference lacks.
        self.placeholders = 0  # Not reported; the secret is a placeholder.


def Compare(reference, pack, reference_ids):
    """Return {rule id: RuleStats} over the reference findings."""
    pack_by_place = {}
    for file_name, line, rule_id in pack:
        pack_by_place.setdefault((file_name, line), set()).add(rule_id)
    stats = {}
    for (file_name, line, rule_id), secret in reference.items():
        counts = stats.setdefault(rule_id, RuleStats())
        pack_rules = pack_by_place.get((file_name, line), set())
        if rule_id in pack_rules:
            counts.found += 1
        elif rule_id == kGenericRuleId and pack_rules - reference_ids:
            counts.found += 1
            counts.replaced += 1
        elif any(pattern.search(secret) for pattern in kPlaceholderPatterns):
            counts.placeholders += 1
            continue
        counts.total += 1
    return stats


def Report(rules, stats, generated):
    """Print the recall table and the summary line; return the failed count."""
    passed = 0
    failed = 0
    rows = []
    for rule in rules:
        rule_id = rule["id"]
        counts = stats.get(rule_id, RuleStats())
        found = counts.found
        total = counts.total
        recall = found / total if total else 0.0
        if total and recall >= kMinRecall:
            passed += 1
        else:
            failed += 1
        if recall < 1.0:
            rows.append((rule_id, found, total, generated[rule_id], recall))
        if counts.replaced:
            print(f"note: {counts.replaced} of {total} reference {rule_id} findings are "
                  "reported under a rule the reference config does not have")
        if counts.placeholders:
            print(f"note: {counts.placeholders} reference {rule_id} findings are left out "
                  "because their secret matches the pack's placeholder allowlist")
    if rows:
        print(f"{'rule':<45} {'pack':>6} {'ref':>6} {'samples':>8} {'recall':>7}")
        for rule_id, found, total, samples, recall in rows:
            print(f"{rule_id:<45} {found:>6} {total:>6} {samples:>8} {recall:>7.1%}")
    total_found = sum(counts.found for counts in stats.values())
    total_reference = sum(counts.total for counts in stats.values())
    if total_reference:
        print(f"overall recall: {total_found}/{total_reference} "
              f"({total_found / total_reference:.2%}) reference findings")
    print(f"{passed} passed, {failed} failed")
    return failed


def main():
    args = ParseArgs()
    reference_path = os.path.join(args.shared_dir, "reference", "gitleaks-default.toml")
    if not os.path.isfile(reference_path):
        print(f"skipped: {reference_path} not found (shared reference folder absent)")
        print("0 passed, 0 failed, 1 skipped")
        return 0
    with open(reference_path, "rb") as data:
        rules = tomllib.load(data)["rules"]
    reference_ids = {rule["id"] for rule in rules}

    work = args.keep or tempfile.mkdtemp(prefix="leakscan-differential-")
    os.makedirs(work, exist_ok=True)
    samples_dir = os.path.join(work, "samples")
    rng = random.Random(args.seed)
    generated = {}
    for rule in rules:
        if "regex" in rule:
            generated[rule["id"]] = WriteRuleFiles(rule, samples_dir, args.samples, rng)
        else:
            generated[rule["id"]] = WritePathOnlyFiles(rule, samples_dir, args.samples, rng)

    reference = Scan(args.binary, samples_dir, os.path.join(work, "reference.json"),
                     os.path.abspath(reference_path), work)
    pack = Scan(args.binary, samples_dir, os.path.join(work, "pack.json"), None, work)
    failed = Report(rules, Compare(reference, pack, reference_ids), generated)
    if not args.keep:
        subprocess.run(["rm", "-rf", work], check=False)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
