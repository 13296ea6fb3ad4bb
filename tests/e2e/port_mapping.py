"""Applies a Port webhook mapping to a request with the real jq binary, the
way Port does: `itemsToParse` once, then `filter` and every entity
expression per item with `.item` added to the request.

Port's jq accepts single-quoted string literals; stock jq does not, so they
are rewritten to double-quoted ones first.
"""

import json
import subprocess


def rewrite_single_quotes(expression):
    """Turns 'text' literals into "text" outside double-quoted strings."""
    out = []
    in_double = False
    in_single = False
    escaped = False
    for char in expression:
        if in_double:
            out.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_double = False
        elif in_single:
            if char == "'":
                in_single = False
                out.append('"')
            elif char == '"':
                out.append('\\"')
            else:
                out.append(char)
        elif char == '"':
            in_double = True
            out.append(char)
        elif char == "'":
            in_single = True
            out.append('"')
        else:
            out.append(char)
    return "".join(out)


def load_mapping(path):
    with open(path) as handle:
        mapping = json.load(handle)
    return mapping if isinstance(mapping, list) else [mapping]


def _program(entry):
    entity = entry["entity"]
    fields = ["identifier: [%s]" % rewrite_single_quotes(entity["identifier"])]
    if "title" in entity:
        fields.append("title: [%s]" % rewrite_single_quotes(entity["title"]))
    properties = ", ".join("%s: [%s]" % (json.dumps(name), rewrite_single_quotes(expr))
                           for name, expr in entity.get("properties", {}).items())
    fields.append("properties: {%s}" % properties)
    relations = ", ".join("%s: [%s]" % (json.dumps(name), rewrite_single_quotes(expr))
                          for name, expr in entity.get("relations", {}).items()
                          if isinstance(expr, str))
    fields.append("relations: {%s}" % relations)
    items = rewrite_single_quotes(entry["itemsToParse"])
    condition = rewrite_single_quotes(entry.get("filter", "true"))
    return ". as $root | [ (%s)[] as $item | ($root + {item: $item}) | select(%s) | {%s} ]" % (
        items, condition, ", ".join(fields))


ARRAY_PROPERTIES = {"files", "urls", "locations"}


def _flatten(entity):
    result = {"identifier": entity["identifier"][0] if entity["identifier"] else None,
              "title": (entity.get("title") or [None])[0], "properties": {}, "relations": {}}
    for name, values in entity["properties"].items():
        result["properties"][name] = values if name in ARRAY_PROPERTIES else (
            values[0] if len(values) == 1 else values)
    for name, values in entity["relations"].items():
        result["relations"][name] = values[0] if len(values) == 1 else values
    return result


def apply_mapping(mapping, request, max_items=500):
    """Returns the entities Port would upsert, in item order.

    Port processes only the first `max_items` items of each request.
    """
    entities = []
    for entry in mapping:
        raw = subprocess.run(["jq", "-c", _program(entry)], input=json.dumps(request),
                             capture_output=True, text=True, check=True).stdout
        entities.extend(_flatten(entity) for entity in json.loads(raw)[:max_items])
    return entities
