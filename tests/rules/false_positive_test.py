#!/usr/bin/env python3
"""False-positive test: the built-in rule pack on realistic non-secret text.

Usage: false_positive_test.py BINARY [--seed S] [--keep DIR]

Generates a seeded corpus of text that is full of long random-looking
values but holds no secret: lock files with integrity hashes, UUIDs, git
commit hashes, checksum lists, minified JavaScript, base64 images in data
URIs, placeholders such as YOUR_API_KEY or ${VAR}, and the example keys
from AWS's documentation. Lock-file content goes under its usual names
(package-lock.json, yarn.lock, go.sum, Cargo.lock), and the generic content
also goes under ordinary names (src/app.js, config/settings.yaml), so the
test checks the rules and not only the path allowlists.

The corpus is scanned with the built-in pack, which must report nothing.
On failure the first 20 findings are printed (rule id, file, line; never
the secret). The last line is `N passed, M failed` over the corpus files.
"""

import argparse
import base64
import hashlib
import json
import os
import random
import string
import subprocess
import sys
import tempfile
import uuid

kMaxPrinted = 20

kPackages = ["react", "lodash", "express", "chalk", "debug", "semver", "commander",
             "minimist", "yargs", "axios", "uuid", "moment", "rxjs", "tslib", "glob",
             "rimraf", "mkdirp", "ws", "cookie", "qs", "mime-types", "body-parser"]
kGoModules = ["github.com/spf13/cobra", "golang.org/x/sys", "golang.org/x/text",
              "github.com/stretchr/testify", "gopkg.in/yaml.v3", "github.com/google/uuid",
              "github.com/rs/zerolog", "go.uber.org/zap"]
kCrates = ["serde", "serde_json", "tokio", "rand", "regex", "clap", "anyhow", "log",
           "libc", "memchr", "bytes", "hashbrown", "itoa", "syn", "quote"]

# Placeholders people write where a credential goes. Each is a value for a
# key whose name contains a rule keyword.
kPlaceholders = [
    "YOUR_API_KEY", "<token>", "xxxxxxxxxxxxxxxxxxxxxxxx", "${API_TOKEN}", "changeme",
    "{{ secret }}", "<your-secret-here>", "${{ secrets.DEPLOY_TOKEN }}", "$GITHUB_TOKEN",
    "REPLACE_WITH_YOUR_TOKEN", "your-api-key", "%API_KEY%", "{{ .Values.apiKey }}",
    "<insert-password-here>", "dummy-password",
]

# Documented example credentials (AWS IAM user guide).
kAwsExampleKeyId = "AKIAIOSFODNN7EXAMPLE"
kAwsExampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def ParseArgs():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", help="path of the leakscan binary")
    parser.add_argument("--seed", type=int, default=7, help="random seed")
    parser.add_argument("--keep", help="write the corpus and report here and keep them")
    return parser.parse_args()


class Corpus:
    """Seeded generators of non-secret values."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def Bytes(self, count):
        return bytes(self.rng.getrandbits(8) for _ in range(count))

    def Uuid(self):
        return str(uuid.UUID(bytes=self.Bytes(16), version=4))

    def Sha1(self):
        return hashlib.sha1(self.Bytes(32)).hexdigest()

    def Sha256(self):
        return hashlib.sha256(self.Bytes(32)).hexdigest()

    def Md5(self):
        return hashlib.md5(self.Bytes(32)).hexdigest()

    def Integrity(self):
        return "sha512-" + base64.b64encode(hashlib.sha512(self.Bytes(32)).digest()).decode()

    def Version(self):
        return f"{self.rng.randint(0, 12)}.{self.rng.randint(0, 30)}.{self.rng.randint(0, 20)}"

    def Identifier(self):
        return self.rng.choice(string.ascii_letters) + "".join(
            self.rng.choice(string.ascii_letters + string.digits) for _ in range(self.rng.randint(0, 2)))

    def PngDataUri(self):
        # A PNG signature and IHDR chunk followed by random image data.
        payload = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + self.Bytes(self.rng.randint(60, 300))
        return "data:image/png;base64," + base64.b64encode(payload).decode()


def PackageLock(corpus):
    packages = {"": {"name": "web-app", "version": "1.0.0"}}
    for name in kPackages:
        version = corpus.Version()
        packages[f"node_modules/{name}"] = {
            "version": version,
            "resolved": f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz",
            "integrity": corpus.Integrity(),
        }
    return json.dumps({"name": "web-app", "lockfileVersion": 3, "packages": packages}, indent=2)


def YarnLock(corpus):
    blocks = ["# yarn lockfile v1\n"]
    for name in kPackages:
        version = corpus.Version()
        blocks.append(
            f'{name}@^{version}:\n  version "{version}"\n'
            f'  resolved "https://registry.yarnpkg.com/{name}/-/{name}-{version}.tgz#{corpus.Sha1()}"\n'
            f"  integrity {corpus.Integrity()}\n")
    return "\n".join(blocks)


def GoSum(corpus):
    lines = []
    for module in kGoModules:
        version = "v" + corpus.Version()
        lines.append(f"{module} {version} h1:{base64.b64encode(corpus.Bytes(32)).decode()}")
        lines.append(f"{module} {version}/go.mod h1:{base64.b64encode(corpus.Bytes(32)).decode()}")
    return "\n".join(lines) + "\n"


def CargoLock(corpus):
    blocks = ["# This file is automatically @generated by Cargo.\nversion = 3\n"]
    for name in kCrates:
        blocks.append(
            f'[[package]]\nname = "{name}"\nversion = "{corpus.Version()}"\n'
            'source = "registry+https://github.com/rust-lang/crates.io-index"\n'
            f'checksum = "{corpus.Sha256()}"\n')
    return "\n".join(blocks)


def MinifiedJs(corpus):
    parts = ['!function(e,t){"object"==typeof exports&&"undefined"!=typeof module?'
             'module.exports=t():"function"==typeof define&&define.amd?define(t):'
             '(e="undefined"!=typeof globalThis?globalThis:e||self).App=t()}(this,function(){'
             '"use strict";']
    for _ in range(40):
        a, b, c = corpus.Identifier(), corpus.Identifier(), corpus.Identifier()
        parts.append(f"var {a}=function({b},{c}){{return {b}.length>{c}?{b}.slice(0,{c}):{b}}};")
        parts.append(f'const {b}="{corpus.Uuid()}",{c}={{id:"{corpus.Uuid()}",'
                     f'rev:"{corpus.Sha1()}",hash:"{corpus.Md5()}"}};')
    parts.append('function r(e){return fetch(e.url,{headers:{"Content-Type":"application/json",'
                 'Authorization:"Bearer "+e.token}}).then(function(e){return e.json()})}')
    parts.append("return{render:r}});")
    return "".join(parts) + "\n"


def AppJs(corpus):
    lines = ["// Application entry point.", 'import { render } from "./render.js";', ""]
    lines.append(f'const BUILD_COMMIT = "{corpus.Sha1()}";')
    lines.append(f'const SESSION_NAMESPACE = "{corpus.Uuid()}";')
    lines.append(f'const LOGO = "{corpus.PngDataUri()}";')
    lines.append(f'const apiKey = process.env.API_KEY || "YOUR_API_KEY";')
    lines.append('const accessToken = localStorage.getItem("accessToken");')
    for _ in range(10):
        lines.append(f'registerAsset("{corpus.Uuid()}", "sha256:{corpus.Sha256()}");')
    lines.append(MinifiedJs(corpus))
    return "\n".join(lines) + "\n"


def SettingsYaml(corpus):
    lines = ["# Service settings. Real values come from the deployment environment.", "service:",
             f"  instance_id: {corpus.Uuid()}", f"  release_sha: {corpus.Sha1()}",
             f"  image_digest: sha256:{corpus.Sha256()}", "credentials:"]
    keys = ["api_key", "auth_token", "client_secret", "db_password", "access_token",
            "webhook_secret", "github_token", "slack_token", "stripe_key", "private_key"]
    for key, placeholder in zip(keys * 2, kPlaceholders):
        lines.append(f'  {key}: "{placeholder}"')
    lines += ["aws:", f"  aws_access_key_id: {kAwsExampleKeyId}",
              f"  aws_secret_access_key: {kAwsExampleSecret}", "assets:",
              f"  favicon: {corpus.PngDataUri()}"]
    return "\n".join(lines) + "\n"


def EnvExample(corpus):
    lines = ["# Copy to .env and fill in the values.",
             f"AWS_ACCESS_KEY_ID={kAwsExampleKeyId}",
             f"AWS_SECRET_ACCESS_KEY={kAwsExampleSecret}",
             "API_KEY=YOUR_API_KEY", "AUTH_TOKEN=<token>", "DB_PASSWORD=changeme",
             "SECRET_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "GITHUB_TOKEN=${GITHUB_TOKEN}",
             f"REQUEST_ID={corpus.Uuid()}"]
    return "\n".join(lines) + "\n"


def MainCss(corpus):
    rules = []
    for index in range(8):
        rules.append(f".icon-{index} {{\n  width: 16px;\n  background-image: "
                     f'url("{corpus.PngDataUri()}");\n}}\n')
    return "\n".join(rules)


def Checksums(corpus):
    lines = []
    for name in ["app-linux-amd64.tar.gz", "app-darwin-arm64.tar.gz", "app-windows-amd64.zip"]:
        lines.append(f"{corpus.Sha256()}  {name}")
        lines.append(f"{corpus.Sha1()}  {name}")
        lines.append(f"{corpus.Md5()}  {name}")
    return "\n".join(lines) + "\n"


def Changelog(corpus):
    lines = ["# Changelog", ""]
    for _ in range(15):
        lines.append(f"* {corpus.Sha1()[:7]} Fix token refresh ({corpus.Sha1()})")
        lines.append(f"  Merge-request: {corpus.Uuid()}")
    return "\n".join(lines) + "\n"


def DeployScript(corpus):
    lines = ["#!/bin/sh", "set -eu", 'export API_TOKEN="${API_TOKEN:?set API_TOKEN}"',
             "export AUTH_TOKEN='<token>'", 'PASSWORD="changeme"',
             f'curl -fsS -H "X-Request-Id: {corpus.Uuid()}" https://example.invalid/health',
             f'echo "{corpus.Sha256()}  release.tar.gz" | sha256sum -c -']
    return "\n".join(lines) + "\n"


def WorkflowYaml(corpus):
    lines = ["name: ci", "on: [push]", "jobs:", "  test:", "    runs-on: ubuntu-latest",
             "    steps:", f"      - uses: actions/checkout@{corpus.Sha1()}",
             "      - uses: actions/cache@v4", "        with:", "          path: ~/.npm",
             "          key: npm-${{ hashFiles('**/package-lock.json') }}",
             "      - run: npm publish", "        env:",
             "          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}",
             "          API_KEY: ${{ secrets.API_KEY }}"]
    return "\n".join(lines) + "\n"


def SettingsPy(corpus):
    lines = ['"""Settings read from the environment."""', "import os", "",
             'SECRET_KEY = os.environ["SECRET_KEY"]',
             'token = os.environ.get("TOKEN", "<token>")',
             '# Test mode key from the Stripe API reference.',
             'stripe_api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"',
             '# Sample token from jwt.io, used by the unit tests.',
             'test_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFt'
             'ZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"',
             'api_key = "0123456789abcdef0123456789abcdef"',
             f'DEFAULT_TENANT = "{corpus.Uuid()}"']
    return "\n".join(lines) + "\n"


def ProviderPlaceholders(corpus):
    # Token-shaped placeholders: a real provider prefix and filler.
    lines = ["GITHUB_TOKEN=ghp_" + "x" * 36, "OPENAI_API_KEY=sk-" + "x" * 48,
             "SLACK_BOT_TOKEN=xoxb-your-bot-token-here", "STRIPE_SECRET_KEY=sk_live_" + "x" * 24,
             "ANTHROPIC_API_KEY=sk-ant-api03-" + "x" * 93 + "AA",
             "NPM_TOKEN=npm_" + "x" * 36, f"BUILD_ID={corpus.Uuid()}"]
    return "\n".join(lines) + "\n"


def HelmValues(corpus):
    lines = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: app", "type: Opaque",
             "data:", "  password: {{ .Values.postgresql.auth.password | b64enc | quote }}",
             "  api-key: {{ .Values.apiKey | b64enc | quote }}", "stringData:",
             '  DATABASE_URL: "postgres://app:${DB_PASSWORD}@db:5432/app"',
             f"  checksum: {corpus.Sha256()}"]
    return "\n".join(lines) + "\n"


def PublicKeys(corpus):
    body = base64.b64encode(b"\x30\x82\x01\x22" + corpus.Bytes(290)).decode()
    pem = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    ssh = base64.b64encode(b"\x00\x00\x00\x07ssh-rsa" + corpus.Bytes(270)).decode()
    return (f"-----BEGIN PUBLIC KEY-----\n{pem}\n-----END PUBLIC KEY-----\n"
            f"ssh-rsa {ssh} deploy@build-host\n")


def IndexHtml(corpus):
    return ("<!doctype html>\n<html>\n<head>\n"
            f'<link rel="icon" href="{corpus.PngDataUri()}">\n'
            f'<script src="/assets/app.js" integrity="{corpus.Integrity()}"></script>\n'
            "</head>\n<body>\n"
            f'<img src="{corpus.PngDataUri()}" alt="API key icon">\n'
            "</body>\n</html>\n")


# NOTE: the corpus leaves out one realistic kind of line: a bare hex string
# or UUID assigned to a name with a keyword (`"_key": "<uuid>"`,
# `session_token_hash = "<sha256>"`, `key: "<40 hex>"`). generic-api-key
# reports those, as Gitleaks does, and allowing them would also allow real
# tokens, many of which are 32 to 64 hex digits or a UUID (Heroku API keys,
# for instance).
def BuildCorpus(corpus):
    """Return {relative path: content} of the whole corpus."""
    return {
        "package-lock.json": PackageLock(corpus),
        "yarn.lock": YarnLock(corpus),
        "go.sum": GoSum(corpus),
        "Cargo.lock": CargoLock(corpus),
        "src/app.js": AppJs(corpus),
        "public/vendor.min.js": MinifiedJs(corpus),
        "config/settings.yaml": SettingsYaml(corpus),
        "config/lockfile-copy.json": PackageLock(corpus),
        "deploy/.env.example": EnvExample(corpus),
        "styles/main.css": MainCss(corpus),
        "dist/SHA256SUMS": Checksums(corpus),
        "CHANGELOG.md": Changelog(corpus),
        "scripts/deploy.sh": DeployScript(corpus),
        ".github/workflows/ci.yml": WorkflowYaml(corpus),
        "config/settings.py": SettingsPy(corpus),
        "config/providers.env": ProviderPlaceholders(corpus),
        "deploy/chart/templates/secret.yaml": HelmValues(corpus),
        "config/secrets.yml": 'production:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n',
        ".npmrc": "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n",
        "keys/deploy.pub": PublicKeys(corpus),
        "public/index.html": IndexHtml(corpus),
    }


def Scan(binary, target, report):
    command = [binary, "dir", target, "-f", "json", "-r", report, "--no-banner",
               "--exit-code", "0", "--log-level", "error"]
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITLEAKS_CONFIG", "GITLEAKS_CONFIG_TOML")}
    result = subprocess.run(command, cwd=os.path.dirname(report), env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"scan of {target} failed: exit code {result.returncode}")
    with open(report, encoding="utf-8") as data:
        return json.load(data)


def main():
    args = ParseArgs()
    work = args.keep or tempfile.mkdtemp(prefix="leakscan-false-positives-")
    corpus_dir = os.path.join(work, "corpus")
    files = BuildCorpus(Corpus(args.seed))
    for relative, content in files.items():
        path = os.path.join(corpus_dir, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)

    findings = Scan(args.binary, corpus_dir, os.path.join(work, "report.json"))
    for finding in findings[:kMaxPrinted]:
        relative = os.path.relpath(finding["File"], corpus_dir)
        print(f"unexpected finding: rule {finding['RuleID']} in {relative} "
              f"line {finding['StartLine']}")
    if len(findings) > kMaxPrinted:
        print(f"... and {len(findings) - kMaxPrinted} more findings")
    flagged = {os.path.relpath(finding["File"], corpus_dir) for finding in findings}
    if not args.keep:
        subprocess.run(["rm", "-rf", work], check=False)
    print(f"{len(files) - len(flagged)} passed, {len(flagged)} failed")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
