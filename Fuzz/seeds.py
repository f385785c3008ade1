#!/usr/bin/env python3
"""Seed corpora for the fuzz harnesses, cut from the recorded sessions in Fixtures/recorded.

Usage: Fuzz/seeds.py OUTDIR   -> OUTDIR/<harness>/<sha1 of content>, one file per distinct seed.

The rules are mirrored by Tests/RotorProtocolTests/FuzzRegressionTests.swift (`RecordedSeeds`), so
`swift test` checks the properties on the same inputs; change both together.

  client text (c2s `text`, `http_request` body, `cf_connect` query value)
      frames: the text itself, the strings of a JSON array of strings (SockJS), the "data" string
              of a JSON object (emulation request)          -> jsonFrame
      lines:  every non-empty LF-separated line of a frame  -> jsonCommand, v1Command
  server text (s2c `text`, `http_response` body)
      lines:  every non-empty line of the text, of the strings of a SockJS `a[...]` frame, and of
              SSE `data: ` events (prefix removed)          -> jsonReply, jsonPush
  client binary (c2s `b64`)
      frames: the bytes, and field 3 of a Protobuf EmulationRequest -> protobufFrame
      messages of a frame that splits into varint-prefixed messages -> protobufCommand, v1Command
"""

import base64
import hashlib
import json
import os
import sys
import urllib.parse

HARNESSES = ["jsonCommand", "protobufCommand", "v1Command", "jsonFrame", "protobufFrame", "jsonReply", "jsonPush"]
RECORDINGS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "recorded")


def json_strings(text):
    """The strings of a JSON array of strings, else []."""
    try:
        value = json.loads(text)
    except ValueError:
        return []
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return []


def json_data_string(text):
    """The "data" member of a JSON object when it is a string, else None."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, dict) and isinstance(value.get("data"), str):
        return value["data"]
    return None


def lines(data):
    return [line for line in data.split(b"\n") if line]


def read_varint(data, index):
    """(value, next index) or None when the varint is truncated or longer than 10 bytes."""
    value = 0
    for shift in range(0, 70, 7):
        if index >= len(data):
            return None
        byte = data[index]
        index += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, index
    return None


def split_delimited(data):
    """The messages of a varint-length-prefixed frame, or [] if it does not split exactly."""
    messages, index = [], 0
    while index < len(data):
        prefix = read_varint(data, index)
        if prefix is None or prefix[1] + prefix[0] > len(data):
            return []
        length, index = prefix
        messages.append(data[index : index + length])
        index += length
    return messages


def protobuf_field3(data):
    """The last length-delimited field 3 of a Protobuf message (EmulationRequest.data), or None."""
    found, index = None, 0
    while index < len(data):
        tag = read_varint(data, index)
        if tag is None:
            return None
        key, index = tag
        wire = key & 7
        if wire == 0:
            value = read_varint(data, index)
            if value is None:
                return None
            index = value[1]
        elif wire == 2:
            length = read_varint(data, index)
            if length is None or length[1] + length[0] > len(data):
                return None
            if key >> 3 == 3:
                found = data[length[1] : length[1] + length[0]]
            index = length[1] + length[0]
        else:
            return None
    return found


def client_text_frames(text):
    frames = [text]
    frames += json_strings(text)
    data = json_data_string(text)
    if data is not None:
        frames.append(data)
    return [frame.encode() for frame in frames]


def server_text_lines(text):
    texts = [text]
    if text.startswith("a["):
        texts += json_strings(text[1:])
    result = []
    for chunk in texts:
        for line in lines(chunk.encode()):
            result.append(line[len(b"data: ") :] if line.startswith(b"data: ") else line)
    return result


def seeds():
    """harness -> list of seed byte strings, in recording order, without duplicates."""
    out = {name: [] for name in HARNESSES}
    seen = {name: set() for name in HARNESSES}

    def add(names, data):
        for name in names:
            if data and data not in seen[name]:
                seen[name].add(data)
                out[name].append(data)

    for file in sorted(os.listdir(RECORDINGS)):
        if not file.endswith(".jsonl"):
            continue
        with open(os.path.join(RECORDINGS, file), encoding="utf-8") as handle:
            events = [json.loads(line) for line in handle.read().split("\n")[1:] if line]
        for event in events:
            text, b64 = event.get("data"), event.get("b64")
            if event["dir"] == "c2s":
                texts = []
                if isinstance(text, str) and event["kind"] in ("text", "http_request"):
                    texts.append(text)
                location = event.get("path") or event.get("url") or ""
                for value in urllib.parse.parse_qs(urllib.parse.urlsplit(location).query).get("cf_connect", []):
                    texts.append(value)
                for chunk in texts:
                    for frame in client_text_frames(chunk):
                        add(["jsonFrame"], frame)
                        for line in lines(frame):
                            add(["jsonCommand", "v1Command"], line)
                if isinstance(b64, str):
                    blob = base64.b64decode(b64)
                    frames = [blob]
                    inner = protobuf_field3(blob)
                    if inner is not None:
                        frames.append(inner)
                    for frame in frames:
                        add(["protobufFrame"], frame)
                        for message in split_delimited(frame):
                            add(["protobufCommand", "v1Command"], message)
            elif isinstance(text, str) and event["kind"] in ("text", "http_response"):
                for line in server_text_lines(text):
                    add(["jsonReply", "jsonPush"], line)
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: seeds.py OUTDIR")
    for name, items in seeds().items():
        directory = os.path.join(sys.argv[1], name)
        os.makedirs(directory, exist_ok=True)
        for data in items:
            path = os.path.join(directory, hashlib.sha1(data).hexdigest())
            if not os.path.exists(path):
                with open(path, "wb") as handle:
                    handle.write(data)
        print(f"{name}: {len(items)} seeds")


if __name__ == "__main__":
    main()
