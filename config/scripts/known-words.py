#!/usr/bin/env python3
"""Refreshes knownWords in config/red-flags.json after its concepts change.

knownWords are real English words one or two edits away from a concept word (two only for words of 7+
letters), so the typo corrector leaves them alone: "single" must not become "tingle". Needs an English word
list (Debian: apt-get install wamerican, /usr/share/dict/words). Hand-added entries are kept. Rewrites the
file in its usual layout; run from the repository root: python3 config/scripts/known-words.py
"""
import json
import re
import string
import sys

PATH = "config/red-flags.json"
WORDS = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/words"


def edits(word):
    letters = string.ascii_lowercase
    out = {word[:i] + word[i + 1:] for i in range(len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    out |= {word[:i] + c + word[i + 1:] for i in range(len(word)) for c in letters}
    out |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    return out


def layout_list(items, indent):
    if not items:
        return "[]"
    if all(isinstance(x, list) for x in items):
        return "[" + ", ".join(layout_list(x, indent) for x in items) + "]"
    lines, line = [], ""
    for item in items:
        text = json.dumps(item, ensure_ascii=False)
        if line and len(indent) + len(line) + len(text) + 2 > 118:
            lines.append(line.rstrip())
            line = ""
        line += text + ", "
    lines.append(line.rstrip().rstrip(","))
    if len(lines) == 1 and len(lines[0]) < 80:
        return "[" + lines[0] + "]"
    return "[\n" + ",\n".join(indent + "  " + l.rstrip(",") for l in lines) + "\n" + indent + "]"


def layout(obj, indent=""):
    parts = []
    for key, value in obj.items():
        if isinstance(value, dict):
            text = layout(value, indent + "  ")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            text = "[\n" + ",\n".join(indent + "    " + layout(v, indent + "    ") for v in value) + "\n" + indent + "  ]"
        elif isinstance(value, list):
            text = layout_list(value, indent + "  ")
        else:
            text = json.dumps(value, ensure_ascii=False)
        parts.append(indent + "  " + json.dumps(key) + ": " + text)
    return "{\n" + ",\n".join(parts) + "\n" + indent + "}"


def main():
    rules = json.load(open(PATH, encoding="utf-8"))
    vocabulary = set()
    for phrases in rules["concepts"].values():
        for phrase in phrases:
            vocabulary.update(phrase.split())
    for key in ("negationsBefore", "negationsAfter", "hedges"):
        for phrase in rules[key]:
            vocabulary.update(phrase.split())
    english = set()
    for line in open(WORDS, encoding="utf-8", errors="ignore"):
        word = line.strip()
        if re.fullmatch(r"[A-Za-z']+", word):
            english.add(word.lower().replace("'", ""))
    near = set()
    for word in vocabulary:
        if len(word) < 4:
            continue
        candidates = edits(word)
        if len(word) >= 7:
            for once in list(candidates):
                candidates |= edits(once)
        for hit in candidates & english:
            if hit not in vocabulary and len(re.sub(r"([a-z])\1{2,}", r"\1\1", hit)) >= 5:
                near.add(hit)
    rules["knownWords"] = sorted((set(rules.get("knownWords", [])) | near) - vocabulary)
    with open(PATH, "w", encoding="utf-8") as out:
        out.write(layout(rules) + "\n")
    print(f"{len(vocabulary)} vocabulary words, {len(rules['knownWords'])} known words")


if __name__ == "__main__":
    main()
