"""Records Python's difflib.get_close_matches(n=1, cutoff=0.6) on typos of every
referential value (what the official valideur suggests), for tests/suggestions.rs.

    python3 scripts/conformance/suggestions.py > tests/conformance/suggestions.jsonl
"""

import difflib
import json
import pathlib
import random

root = pathlib.Path(__file__).resolve().parents[2]
rng = random.Random(20261123)
files = sorted((root / "schema" / "v1" / "extra").glob("*.json"))
alphabet = "abcdefghijklmnopqrstuvwxyz-éè "
for path in files:
    if path.stem == "categories":
        continue
    values = [e["value"] for e in json.loads(path.read_text(encoding="utf-8"))]
    for _ in range(45):
        word = list(rng.choice(values))
        for _ in range(rng.randint(1, 6)):
            op = rng.choice("dis") if word else "i"
            i = rng.randrange(len(word) + (op == "i"))
            if op == "d" and word:
                del word[min(i, len(word) - 1)]
            elif op == "i":
                word.insert(i, rng.choice(alphabet))
            elif word:
                word[min(i, len(word) - 1)] = rng.choice(alphabet)
        word = "".join(word)
        match = difflib.get_close_matches(word, values, n=1, cutoff=0.6)
        print(json.dumps({"referential": path.stem, "word": word,
                          "suggestion": match[0] if match else None}, ensure_ascii=False))
