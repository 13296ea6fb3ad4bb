"""Builds a large git history from real text on this machine, with fake
secrets planted at known commits, files and lines.

The history is written with `git fast-import` so thousands of commits take
seconds. It has file additions, edits, renames with and without edits,
deletions, tags, feature branches merged back with merge commits, and
commits on branches that are never merged. Every planted secret is recorded
with the commit that adds it, the path and the 1-based line.
"""

import os
import random
import string
import subprocess

TEXT_ROOTS = ["/usr/include", "/usr/share/doc"]
MAX_FILE_BYTES = 12000


def _collect_text_files(rng, limit):
    files = []
    for root in TEXT_ROOTS:
        for folder, _, names in os.walk(root):
            for name in sorted(names):
                path = os.path.join(folder, name)
                if os.path.islink(path) or not os.path.isfile(path):
                    continue
                if name.endswith((".gz", ".png", ".jpg", ".pdf", ".bz2", ".xz")):
                    continue
                files.append(path)
    files.sort()
    rng.shuffle(files)
    texts = []
    for path in files:
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES)
        except OSError:
            continue
        if b"\0" in data:
            continue
        try:
            text = data.decode("ascii")
        except UnicodeDecodeError:
            continue
        lines = [line for line in text.splitlines() if "gitleaks" not in line]
        if len(lines) >= 5:
            texts.append(lines)
        if len(texts) >= limit:
            break
    if not texts:
        raise RuntimeError("no text files found under " + ", ".join(TEXT_ROOTS))
    return texts


def _random_chars(rng, alphabet, count):
    return "".join(rng.choice(alphabet) for _ in range(count))


ALNUM = string.ascii_letters + string.digits


def _fake_secret(rng, kind):
    """Returns (rule_id, lines) for one planted fake secret."""
    if kind == "aws":
        token = "AKIA" + _random_chars(rng, string.ascii_uppercase + "234567", 16)
        return "aws-access-token", ["aws_access_key_id = " + token], token
    if kind == "github":
        token = "ghp_" + _random_chars(rng, ALNUM, 36)
        return "github-pat", ['GITHUB_TOKEN="' + token + '"'], token
    if kind == "gitlab":
        token = "glpat-" + _random_chars(rng, ALNUM, 20)
        return "gitlab-pat", ["gitlab_token: " + token], token
    if kind == "slack":
        token = "xoxb-%s-%s-%s" % (_random_chars(rng, string.digits, 12),
                                   _random_chars(rng, string.digits, 13),
                                   _random_chars(rng, ALNUM, 24))
        return "slack-bot-token", ['SLACK_BOT_TOKEN = "' + token + '"'], token
    if kind == "stripe":
        token = "sk_live_" + _random_chars(rng, ALNUM, 24)
        return "stripe-access-token", ["stripe.api_key = '" + token + "'"], token
    if kind == "npm":
        token = "npm_" + _random_chars(rng, ALNUM, 36)
        return "npm-access-token", ["//registry.npmjs.org/:_authToken=" + token], token
    body = [_random_chars(rng, string.ascii_letters + string.digits + "+/", 64) for _ in range(6)]
    lines = ["-----BEGIN RSA PRIVATE KEY-----"] + body + ["-----END RSA PRIVATE KEY-----"]
    return "private-key", lines, None


SECRET_KINDS = ["aws", "github", "gitlab", "slack", "stripe", "npm", "key"]


class HistoryBuilder:
    """Writes a fast-import stream while tracking file contents."""

    def __init__(self, seed, commits):
        self.rng = random.Random(seed)
        self.target_commits = commits
        self.texts = _collect_text_files(self.rng, 600)
        self.stream = []
        self.mark = 0
        self.time = 1600000000
        self.planted = []  # dicts: mark, path, line, rule_id, secret
        self.commit_count = 0
        self.file_counter = 0

    def _next_mark(self):
        self.mark += 1
        return self.mark

    def _data(self, text):
        payload = text.encode()
        self.stream.append(b"data %d\n" % len(payload))
        self.stream.append(payload + b"\n")

    def _new_path(self, prefix):
        self.file_counter += 1
        ext = self.rng.choice([".h", ".txt", ".conf", ".py", ".env", ".yaml"])
        folder = self.rng.choice(["src", "lib", "docs", "config", "src/util", "deploy"])
        return "%s%s/file_%05d%s" % (prefix, folder, self.file_counter, ext)

    def _plant(self, lines, mark, path):
        kind = self.rng.choice(SECRET_KINDS)
        rule_id, secret_lines, secret = _fake_secret(self.rng, kind)
        position = self.rng.randint(0, len(lines))
        lines[position:position] = secret_lines
        self.planted.append({"mark": mark, "path": path, "line": position + 1,
                             "rule_id": rule_id, "secret": secret})

    def _commit(self, ref, files, message, parent=None, merge=None):
        """files: list of ('M', path, lines) / ('D', path) / ('R', old, new)."""
        mark = self._next_mark()
        self.time += self.rng.randint(60, 7200)
        author = self.rng.choice(["Ada Lovelace <ada@example.com>",
                                  "Grace Hopper <grace@example.org>",
                                  "Linus Example <linus@example.net>"])
        self.stream.append(b"commit %s\nmark :%d\n" % (ref.encode(), mark))
        self.stream.append(b"author %s %d +0000\n" % (author.encode(), self.time))
        self.stream.append(b"committer %s %d +0000\n" % (author.encode(), self.time))
        self._data(message)
        if parent is not None:
            self.stream.append(b"from :%d\n" % parent)
        if merge is not None:
            self.stream.append(b"merge :%d\n" % merge)
        for change in files:
            if change[0] == "M":
                self.stream.append(b"M 100644 inline %s\n" % change[1].encode())
                self._data("\n".join(change[2]) + "\n")
            elif change[0] == "D":
                self.stream.append(b"D %s\n" % change[1].encode())
            else:
                self.stream.append(b"R %s %s\n" % (change[1].encode(), change[2].encode()))
        self.commit_count += 1
        return mark

    def _random_change(self, tree, prefix, mark_hint):
        """Returns one change list for a normal commit and updates `tree`."""
        roll = self.rng.random()
        if not tree or roll < 0.45:
            path = self._new_path(prefix)
            lines = list(self.rng.choice(self.texts))
            tree[path] = lines
            return [("M", path, lines)], path
        path = self.rng.choice(sorted(tree))
        if roll < 0.80:
            lines = list(tree[path])
            start = self.rng.randint(0, len(lines))
            lines[start:start + self.rng.randint(0, 3)] = self.rng.choice(self.texts)[:5]
            tree[path] = lines
            return [("M", path, lines)], path
        if roll < 0.90:
            new_path = self._new_path(prefix)
            tree[new_path] = tree.pop(path)
            changes = [("R", path, new_path)]
            if self.rng.random() < 0.5:
                lines = list(tree[new_path])
                lines.append("# renamed from " + path)
                tree[new_path] = lines
                changes.append(("M", new_path, lines))
            return changes, new_path
        del tree[path]
        return [("D", path)], None

    def _line_of_commit(self, tree, prefix, parent, ref, plant):
        changes, path = self._random_change(tree, prefix, None)
        mark_placeholder = self.mark + 1
        if plant and path is not None:
            lines = list(tree[path])
            self._plant(lines, mark_placeholder, path)
            tree[path] = lines
            changes = [c for c in changes if not (c[0] == "M" and c[1] == path)]
            changes.append(("M", path, lines))
        message = "Update %s\n\nGenerated commit %d." % (path or "tree", self.commit_count)
        return self._commit(ref, changes, message, parent=parent)

    def build(self):
        main_tree = {}
        head = None
        branch = 0
        while self.commit_count < self.target_commits:
            plant = self.rng.random() < 0.08
            head = self._line_of_commit(main_tree, "", head, "refs/heads/main", plant)
            if self.commit_count % 150 == 0:
                head = self._feature_branch(main_tree, head, branch)
                branch += 1
            if self.commit_count % 500 == 0:
                self.stream.append(b"reset refs/tags/v%d\nfrom :%d\n\n" % (branch, head))
        self.stream.append(b"done\n")
        return b"".join(self.stream)

    def _feature_branch(self, main_tree, base, number):
        """Adds a branch of 15 commits from `base`; merges it unless it is every fourth."""
        ref = "refs/heads/feature/%d" % number
        prefix = "feature-%d/" % number
        tree = {}
        tip = base
        for _ in range(15):
            tip = self._line_of_commit(tree, prefix, tip, ref, self.rng.random() < 0.15)
        if number % 4 == 3:
            return base
        changes = [("M", path, lines) for path, lines in sorted(tree.items())]
        main_tree.update(tree)
        return self._commit("refs/heads/main", changes, "Merge feature %d" % number,
                            parent=base, merge=tip)


def build_repository(path, commits, seed=1):
    """Creates the repository at `path`; returns the planted secrets with commit ids."""
    builder = HistoryBuilder(seed, commits)
    stream = builder.build()
    subprocess.run(["git", "init", "-q", "-b", "main", path], check=True)
    marks = os.path.join(path, ".git", "marks")
    subprocess.run(["git", "-C", path, "fast-import", "--quiet", "--export-marks=" + marks],
                   input=stream, check=True)
    subprocess.run(["git", "-C", path, "remote", "add", "origin",
                    "git@github.com:example/history.git"], check=True)
    mark_to_sha = {}
    with open(marks) as handle:
        for line in handle:
            mark, sha = line.split()
            mark_to_sha[int(mark[1:])] = sha
    for secret in builder.planted:
        secret["commit"] = mark_to_sha[secret["mark"]]
    return builder.planted, builder.commit_count
