#!/usr/bin/env python3
"""A local stand-in for Port's custom webhook endpoint, for leakscan's tests.

It behaves like the endpoint as Port documents it. A body over 512 KiB is
rejected with 413, an optional signature header is checked, and success is
202. Only the first 500 items of itemsToParse are processed, and the
mapping's jq expressions are applied with the real `jq` binary to upsert
entities by identifier. Every entity, request and mapping error is written to the
--state JSON file after each request.

Control endpoints (for tests):
  POST /_control/fail?status=429&count=2&retry_after=1[&after_processing=1]
      answers the next `count` webhook requests with `status` (with a
      Retry-After header when given); after_processing=1 processes the
      request first, like a response lost on the way back.
  GET /_control/state
      returns the state document.

Listens on 127.0.0.1 only. Standard library only; needs `jq` on PATH.
"""

import argparse
import hashlib
import hmac
import http.server
import json
import os
import re
import ssl
import subprocess
import sys
import threading
import urllib.parse

MAX_BODY_BYTES = 512 * 1024
MAX_ITEMS = 500
IDENTIFIER_PATTERN = re.compile(r"^[A-Za-z0-9@_.+:\\/=-]{1,1000}$")


def rewrite_single_quotes(expression):
    """Turns Port's 'text' string literals into jq's "text" literals.

    Double-quoted strings (with their \\(...) interpolations) and comments
    are copied unchanged; single quotes outside them start a literal that
    ends at the next single quote.
    """
    out = []

    def code(i, inside_interpolation):
        depth = 0
        while i < len(expression):
            c = expression[i]
            if c == '"':
                i = double_quoted(i)
            elif c == "'":
                end = expression.index("'", i + 1)
                out.append(json.dumps(expression[i + 1:end]))
                i = end + 1
            elif c == "#":
                end = expression.find("\n", i)
                end = len(expression) if end < 0 else end
                out.append(expression[i:end])
                i = end
            elif c == "(":
                depth += 1
                out.append(c)
                i += 1
            elif c == ")":
                if inside_interpolation and depth == 0:
                    return i
                depth -= 1
                out.append(c)
                i += 1
            else:
                out.append(c)
                i += 1
        return i

    def double_quoted(i):
        out.append('"')
        i += 1
        while i < len(expression):
            c = expression[i]
            if c == "\\" and expression[i + 1] == "(":
                out.append("\\(")
                i = code(i + 2, True)
                out.append(")")
                i += 1
            elif c == "\\":
                out.append(expression[i:i + 2])
                i += 2
            elif c == '"':
                out.append('"')
                return i + 1
            else:
                out.append(c)
                i += 1
        return i

    code(0, False)
    return "".join(out)


def collected(expression):
    """A jq term that yields all outputs of `expression` as one array, or
    {"__error__": message} when it fails."""
    return '(try [(%s)] catch {"__error__": tostring})' % rewrite_single_quotes(expression)


def template_program(template):
    """Builds a jq term mirroring `template` (objects, arrays, expressions)."""
    if isinstance(template, dict):
        members = ", ".join(
            "%s: %s" % (json.dumps(key), template_program(value)) for key, value in template.items())
        return "{%s}" % members
    if isinstance(template, list):
        return "[%s]" % ", ".join(template_program(value) for value in template)
    if isinstance(template, str):
        return collected(template)
    return json.dumps(template)


def mapping_program(entry):
    """One jq program that applies a mapping entry to every item at once."""
    items = rewrite_single_quotes(entry.get("itemsToParse", "[.]"))
    condition = rewrite_single_quotes(entry.get("filter", "true"))
    return (
        ". as $root"
        " | [(%s)] | (if length == 1 and (.[0] | type) == \"array\" then .[0] else . end) as $items"
        " | {total: ($items | length), entities: [$items[0:%d][] as $item"
        " | ($root + {item: $item})"
        " | select((try [(%s)] catch [false])[0] == true)"
        " | %s]}"
    ) % (items, MAX_ITEMS, condition, template_program(entry["entity"]))


def error_in(value):
    if isinstance(value, dict):
        if "__error__" in value:
            return value["__error__"]
        return next((e for e in map(error_in, value.values()) if e), None)
    if isinstance(value, list):
        return next((e for e in map(error_in, value) if e), None)
    return None


def resolve(template, value):
    """Replaces each expression's list of outputs in `value` by its first
    output (None when there is none), following the shape of `template`."""
    if isinstance(template, dict):
        return {key: resolve(sub, value[key]) for key, sub in template.items()}
    if isinstance(template, list):
        return [resolve(sub, item) for sub, item in zip(template, value)]
    if isinstance(template, str):
        return value[0] if value else None
    return value


def property_value(outputs, property_type):
    """Port's rule: several outputs fill an array property; one output that
    is itself an array is the array."""
    if len(outputs) == 1 and isinstance(outputs[0], list):
        return outputs[0]
    if property_type == "array":
        return outputs
    if len(outputs) > 1:
        raise ValueError("expression yielded %d values for a %s property" %
                         (len(outputs), property_type))
    return outputs[0] if outputs else None


class PortState:
    def __init__(self, options):
        self.options = options
        self.lock = threading.Lock()
        self.entities = {}
        self.requests = []
        self.errors = []
        self.seen_request_ids = set()
        self.failures = []  # dicts: status, count, retry_after, after_processing
        with open(options.mapping) as f:
            self.mapping = json.load(f)
        self.property_types = {}
        if options.blueprint:
            with open(options.blueprint) as f:
                schema = json.load(f).get("schema", {}).get("properties", {})
            self.property_types = {name: spec.get("type") for name, spec in schema.items()}

    def document(self):
        return {"entities": self.entities, "requests": self.requests, "errors": self.errors}

    def save(self):
        temporary = self.options.state + ".tmp"
        with open(temporary, "w") as f:
            json.dump(self.document(), f, indent=1, sort_keys=True)
        os.replace(temporary, self.options.state)

    def next_failure(self, after_processing):
        if not self.failures or self.failures[0]["after_processing"] != after_processing:
            return None
        failure = self.failures[0]
        failure["count"] -= 1
        if failure["count"] <= 0:
            self.failures.pop(0)
        return failure

    def signature_valid(self, headers, body):
        options = self.options
        if not options.secret:
            return True
        received = headers.get(options.signature_header, "")
        if options.signature_algorithm == "plain":
            expected = options.signature_prefix + options.secret
        else:
            digest = hmac.new(options.secret.encode(), body, options.signature_algorithm).hexdigest()
            expected = options.signature_prefix + digest
        return hmac.compare_digest(received.encode(), expected.encode())

    def run_jq(self, program, document):
        result = subprocess.run(["jq", "-c", program], input=json.dumps(document).encode(),
                                capture_output=True, check=False)
        if result.returncode != 0:
            raise ValueError("jq failed: " + result.stderr.decode(errors="replace").strip())
        return json.loads(result.stdout)

    def request_id(self, document):
        if not self.options.request_id_path:
            return None
        program = rewrite_single_quotes(self.options.request_id_path)
        return self.run_jq(program, document)

    def apply_mapping(self, document, record):
        for entry in self.mapping:
            outcome = self.run_jq(mapping_program(entry), document)
            record["items"] += outcome["total"]
            for raw in outcome["entities"]:
                self.upsert(entry, raw, record)

    def upsert(self, entry, raw, record):
        error = error_in(raw)
        if error:
            self.errors.append({"blueprint": entry["blueprint"], "error": error})
            return
        template = entry["entity"]
        identifier = resolve(template["identifier"], raw["identifier"])
        if not isinstance(identifier, str) or not IDENTIFIER_PATTERN.match(identifier) \
                or identifier in (".", ".."):
            self.errors.append({"blueprint": entry["blueprint"],
                                "error": "invalid identifier %r" % (identifier,)})
            return
        entity = {"identifier": identifier, "blueprint": entry["blueprint"]}
        if "title" in raw:
            entity["title"] = resolve(template["title"], raw["title"])
        try:
            entity["properties"] = {
                name: property_value(outputs, self.property_types.get(name))
                for name, outputs in raw.get("properties", {}).items()}
        except ValueError as problem:
            self.errors.append({"blueprint": entry["blueprint"], "identifier": identifier,
                                "error": str(problem)})
            return
        entity["relations"] = resolve(template.get("relations", {}), raw.get("relations", {}))
        self.entities[identifier] = entity
        record["processed"] += 1


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None  # PortState, set in main()

    def log_message(self, format, *args):  # Keep test output quiet.
        pass

    def reply(self, status, payload, extra_headers=()):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra_headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if urllib.parse.urlsplit(self.path).path == "/_control/state":
            with self.state.lock:
                self.reply(200, self.state.document())
            return
        self.reply(404, {"ok": False, "error": "not found"})

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        with self.state.lock:
            if url.path == "/_control/fail":
                self.control_fail(urllib.parse.parse_qs(url.query))
            else:
                self.webhook(url, body)

    def control_fail(self, query):
        self.state.failures.append({
            "status": int(query["status"][0]),
            "count": int(query.get("count", ["1"])[0]),
            "retry_after": query.get("retry_after", [None])[0],
            "after_processing": query.get("after_processing", ["0"])[0] == "1",
        })
        self.reply(200, {"ok": True})

    def answer_failure(self, failure, record):
        record["status"] = failure["status"]
        headers = [("Retry-After", failure["retry_after"])] if failure["retry_after"] else []
        self.state.save()
        self.reply(failure["status"], {"ok": False, "error": "injected failure"}, headers)

    def webhook(self, url, body):
        state = self.state
        record = {"path": url.path, "bytes": len(body), "items": 0, "processed": 0,
                  "content_type": self.headers.get("Content-Type", ""),
                  "user_agent": self.headers.get("User-Agent", "")}
        state.requests.append(record)

        if len(body) > MAX_BODY_BYTES:
            record["status"] = 413
            state.save()
            self.reply(413, {"ok": False, "error": "request entity too large"})
            return
        failure = state.next_failure(after_processing=False)
        if failure:
            self.answer_failure(failure, record)
            return
        if not state.signature_valid(self.headers, body):
            record["status"] = 401
            state.save()
            self.reply(401, {"ok": False, "error": "invalid signature"})
            return
        if state.options.bodies_dir:
            name = "request-%04d.json" % len(state.requests)
            with open(os.path.join(state.options.bodies_dir, name), "wb") as f:
                f.write(body)

        try:
            document = {"body": json.loads(body),
                        "headers": {name.lower(): value for name, value in self.headers.items()},
                        "queryParams": {key: values[-1] for key, values in
                                        urllib.parse.parse_qs(url.query).items()}}
            request_id = state.request_id(document)
            record["request_id"] = request_id
            if request_id is not None and request_id in state.seen_request_ids:
                record["duplicate"] = True
            else:
                if request_id is not None:
                    state.seen_request_ids.add(request_id)
                state.apply_mapping(document, record)
        except ValueError as problem:
            record["status"] = 400
            state.errors.append({"error": str(problem)})
            state.save()
            self.reply(400, {"ok": False, "error": "invalid request"})
            return

        failure = state.next_failure(after_processing=True)
        if failure:
            self.answer_failure(failure, record)
            return
        record["status"] = 202
        state.save()
        self.reply(202, {"ok": True})


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mapping", required=True, help="webhook mapping JSON (a list of entries)")
    parser.add_argument("--blueprint", help="blueprint JSON, for the property types")
    parser.add_argument("--state", required=True, help="JSON file the state is written to")
    parser.add_argument("--port", type=int, default=0, help="TCP port (0: any free port)")
    parser.add_argument("--port-file", help="file the chosen port is written to once listening")
    parser.add_argument("--bodies-dir", help="folder that receives every accepted body")
    parser.add_argument("--secret", default="", help="webhook secret; empty disables the check")
    parser.add_argument("--signature-header", default="x-hub-signature-256")
    parser.add_argument("--signature-prefix", default="sha256=")
    parser.add_argument("--signature-algorithm", default="sha256", choices=["sha256", "sha1", "plain"])
    parser.add_argument("--request-id-path", help="jq path of the request id (deduplication)")
    parser.add_argument("--tls-cert", help="PEM certificate: serve https")
    parser.add_argument("--tls-key", help="PEM private key of --tls-cert")
    return parser.parse_args()


def main():
    options = parse_arguments()
    Handler.state = PortState(options)
    Handler.state.save()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", options.port), Handler)
    server.daemon_threads = True
    if options.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(options.tls_cert, options.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    if options.port_file:
        temporary = options.port_file + ".tmp"
        with open(temporary, "w") as f:
            f.write(str(server.server_address[1]))
        os.replace(temporary, options.port_file)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
