#!/usr/bin/env python3
"""Compare the e-mail port with the official package on random addresses.

    python3 scripts/conformance/email/compare_random.py [--generator NAME ...] [--seed N] [--count N] [--show N]

Runs with the conformance virtual environment (``scripts/conformance/setup.sh``; the script
re-executes itself with ``$CONFORMANCE_VENV/bin/python``, default ``target/conformance-venv``)
and with the crate's tool: ``$DATA_INCLUSION_BIN``, else ``target/release/data-inclusion``
built by ``cargo build --release -p data-inclusion-cli``. For each generator, ``--count``
addresses (default 20000) drawn with ``random.Random(--seed)`` (default 1) are checked by
pydantic (``TypeAdapter(EmailStr)``) and by the port (each as the ``courriel`` of a structure,
``data-inclusion validate --format json --lang en``): the verdicts and the reasons must be the
same, but for the known deviation (a mark outside the named blocks shown as ``U+XXXX``,
``common.known_deviation``), which is counted apart.

The generators (all of them by default, each with its own ``random.Random(--seed)``):

* ``mixed``: ASCII, specials, spaces and invisible characters, marks, look-alikes of ``@`` and
  ``.``, Punycode prefixes, display names;
* ``idna``: domains of Unicode letters and of Punycode labels (canonical, random, ASCII);
* ``normalization``: local parts of marks and of characters that NFC changes, with quotes,
  display names and lengths around 254 bytes;
* ``codepoints``: characters drawn from every plane;
* ``joiners``: Punycode labels of joiners, Arabic and Hebrew letters, viramas and the CONTEXTO
  characters (CONTEXTJ, CONTEXTO and the Bidi Rule).

Prints, for each generator, the counts and the first ``--show`` mismatches (default 30);
writes nothing. Exit status 1 when a verdict or a reason differs. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from typing import Callable

from common import known_deviation, official_reason, port_binary, port_reasons, use_venv

MIXED_ATOMS = list('abcxnzAZ09') * 6 + list('.@<>"\\[]:-_ ,;()!#$%&\'*+/=?^`{|}~') * 2 + [
    '\t', '\u00a0', '\u202f', '\u2003', '\u3000', '\u200b', '\u00ad', '\ufeff', '\u0301', '\u0316', '\u0338', '\u037e',
    'é', 'É', 'ß', 'ς', 'ç', 'ü', 'ø', 'ı', 'İ', 'ſ', 'K', 'Å', 'Ω', '\u0958', '\uf900', '\u2488', '\u2024', 'ｆ', '．', '。', '｡', '＠', '﹫',
    'א', 'ב', 'ع', 'ر', '\u0661', '\u06f1', '\u00b7', 'l', '\u0375', 'α', '\u05f3', '\u30fb', 'ア', '中', '한', '\u1100', '\u1161', '\u11a8',
    '\u2665', '\U0001F600', '\ufe0f', '\u200d', '\u200c', '\u0903', '\u094d', '\U000e0041', '\u0085', '\x01', '\x7f', '\ue000', '\u0378',
    'xn--', 'xn--', 'xn--bcher-kva', 'xn--4dbc', 'xn--80a', 'IPv6:', '.fr', '.fr', '.com', '.test', '.local', '@b.fr', '@b.fr', '@xn--', '<a@b.fr>',
    '\u1fef', '\u212a', '\u2126', '\u00e9\u0301', 'e\u0301', '\u3164', '\u2100', '\uff01', '\u0640', '\u3007', '\u034f', '\u20d0', '\ufffd',
]

def mixed(rnd: random.Random) -> str:
    k = rnd.choice([1, 2, 3, 5, 8, 12, 20, 30])
    s = ''.join(rnd.choice(MIXED_ATOMS) for _ in range(k))
    r = rnd.random()
    if r < 0.35:
        s = s + '@' + ''.join(rnd.choice(MIXED_ATOMS) for _ in range(rnd.randint(1, 10))) + rnd.choice(['.fr', '.com', '', '.ｆｒ', '.xn--p1ai'])
    elif r < 0.5:
        s = 'ab' + s + 'cd@ex' + ''.join(rnd.choice(MIXED_ATOMS) for _ in range(rnd.randint(0, 4))) + 'ample.fr'
    elif r < 0.6:
        s = rnd.choice(['Jean ', '"Jean" ', '', 'J. ', 'Jé ']) + '<' + s + '>'
    return s.replace('\r', '').replace('\n', '') if rnd.random() < 0.95 else s


# '\u1d15e' is U+1D15 and "e".
IDNA_LETTERS = list('abcxnz09-') * 4 + ['é', 'É', 'ß', 'ς', 'Σ', 'ü', 'ı', 'İ', 'ſ', 'K', 'Å', 'Ω', 'ｆ', 'Ａ', '．', '。', '｡', '.', '.', '.',
  'א', 'ב', 'ع', 'ر', 'ـ', '\u0661', '\u06f1', '1', '\u00b7', 'l', '\u0375', 'α', '\u05f3', '\u30fb', 'ア', 'あ', '中', '한', '\u1100', '\u1161', '\u11a8',
  '\u2665', '\U0001F600', '\ufe0f', '\u0301', '\u0316', '\u0338', '\u094d', 'क', '\u0903', '\u0958', '\uf900', '\U0002F800', '\u2163', '\u00b2', '\u2460',
  '\u3164', '\u2100', '\uff01', '\u3007', '\u034f', '\u20d0', '\u1d15e', '\u0640', '\u07fa', '\u02b9', '\u0374', 'ǅ', 'ẞ', '\u1e9e', 'ﬀ', '㍻', '\u33c2',
  '\U0001e900', '\U00010400', '\u0e31', 'ก', '\u0f73', '\u0344', '\ufb1d', '\u2adc', '\u1fef', '\u212b', '\u05be', '\u200f', '\u0660', 'ۺ', '\u06dd']

def idna_label(rnd: random.Random) -> str:
    r = rnd.random()
    if r < 0.4:
        u = ''.join(rnd.choice(IDNA_LETTERS) for _ in range(rnd.randint(1, 6)))
        try:
            return 'xn--' + u.encode('punycode').decode()
        except Exception:
            return 'xn--a'
    if r < 0.7:
        return 'xn--' + ''.join(rnd.choice('abcdefghijklmnopqrstuvwxyz0123456789-') for _ in range(rnd.randint(0, 10)))
    return ''.join(rnd.choice('abcxn-') for _ in range(rnd.randint(1, 6)))


def idna_domains(rnd: random.Random) -> str:
    r = rnd.random()
    if r < 0.5:
        dom = ''.join(rnd.choice(IDNA_LETTERS) for _ in range(rnd.randint(1, 10))) + rnd.choice(['.fr', '.com', '', '.ｆｒ', '.xn--p1ai', '.test', '.1'])
    else:
        dom = '.'.join(idna_label(rnd) for _ in range(rnd.randint(1, 3))) + rnd.choice(['.fr', '.com', ''])
    local = rnd.choice(['a', 'jean.dupont', 'x' * rnd.randint(1, 240), ''.join(rnd.choice(IDNA_LETTERS) for _ in range(rnd.randint(1, 8)))])
    return local + '@' + dom


NORMALIZATION_ATOMS = ['e', 'a', '.', '\u0301', '\u0316', '\u0300', '\u0327', 'é', 'É', '\u0958', '\uf900', '\ufa6c', '\U0002f800', '\U0002f8a6', '\u2adc', '\ufb1d',
     '\U0001d15e', '\u037e', '\u0387', '\u1fef', '\u212a', '\u2126', '\u212b', '\u0344', '\u0f73', '\u0340', '\u1100', '\u1161', '\u11a8', '한',
     '\u0b47', '\u0b3e', '\u0b57', 'ᄀ', '\u0cc6', '\u0cc2', '\u0cd5', '"', '\\', ' ', '@', '<', '>', '\u00a0', 'x', 'xx', 'xxxx']
NORMALIZATION_DOMAINS = ['b.fr', 'café.fr', 'xn--caf-dma.fr', 'exemple.com', 'ÉCOLE.fr', 'b.ｆｒ', '中文.com', 'b' * 60 + '.fr', 'é' * 30 + '.fr']

def normalization(rnd: random.Random) -> str:
    local = ''.join(rnd.choice(NORMALIZATION_ATOMS) for _ in range(rnd.randint(1, 12)))
    dom = rnd.choice(NORMALIZATION_DOMAINS)
    r = rnd.random()
    if r < 0.2:
        local = '"' + local + '"'
    if rnd.random() < 0.5:
        target = rnd.randint(240, 262)
        pad = target - len((local + '@' + dom).encode())
        if pad > 0:
            local = 'x' * pad + local
    s = local + '@' + dom
    if rnd.random() < 0.15:
        s = rnd.choice(['Jean <', '"J\\"e" <', '<', 'a\u0301 <']) + s + rnd.choice(['>', '> ', '', '>x'])
    return s


def random_char(rnd: random.Random) -> str:
    r = rnd.random()
    if r < 0.5:
        return chr(rnd.randint(0x20, 0x7e))
    if r < 0.7:
        return rnd.choice('@.<>"\\[]')
    while True:
        c = rnd.randint(0x80, 0x10FFFF) if rnd.random() < 0.3 else rnd.randint(0x80, 0x3000)
        if not 0xD800 <= c <= 0xDFFF:
            return chr(c)


def codepoints(rnd: random.Random) -> str:
    s = ''.join(random_char(rnd) for _ in range(rnd.randint(0, 40)))
    if rnd.random() < 0.5:
        s += '@' + ''.join(random_char(rnd) for _ in range(rnd.randint(0, 8))) + '.fr'
    return s.replace('\r', '').replace('\n', '')


JOINER_LETTERS = ['\u200c', '\u200d', '\u200c', 'a', 'ب', 'ا', 'ل', 'ی', '\u064b', '\u0610', 'ك', 'ء', '\u094d', 'क', '\u0bcd', 'த', 'ـ', '\u0301', 'ß', 'l', '\u00b7', '\u0375', 'α', 'א', '\u05f3', '\u30fb', 'ア', '\u0661', '\u06f1', '1', '-']

def joiners(rnd: random.Random) -> str:
    labels = []
    for _ in range(rnd.randint(1, 2)):
        u = ''.join(rnd.choice(JOINER_LETTERS) for _ in range(rnd.randint(1, 6)))
        try:
            labels.append('xn--' + u.encode('punycode').decode())
        except Exception:
            labels.append('x')
    return 'a@' + '.'.join(labels) + rnd.choice(['.com', '.fr'])


GENERATORS: dict[str, Callable[[random.Random], str]] = {
    "mixed": mixed,
    "idna": idna_domains,
    "normalization": normalization,
    "codepoints": codepoints,
    "joiners": joiners,
}


def deviates(s: str, python: str, port: str) -> bool:
    """Whether the port's reason is Python's with the known deviation: the marks it cannot name
    shown as ``U+XXXX``, which also changes their place in a sorted list of characters."""
    expected = known_deviation(s, python)
    if expected == python:
        return False
    if expected == port:
        return True
    if ": " not in expected or ": " not in port:
        return False
    head, items = expected.split(": ", 1)
    port_head, port_items = port.split(": ", 1)
    return head == port_head and sorted(items.rstrip(".").split(", ")) == sorted(port_items.rstrip(".").split(", "))


def compare(name: str, inputs: list[str], binary, show: int) -> int:
    """Prints the counts and the first mismatches; returns the number of mismatches."""
    port = port_reasons(inputs, binary)
    verdicts = reasons = deviations = 0
    for s, r in zip(inputs, port):
        p = official_reason(s)
        if (p is None) != (r is None):
            verdicts += 1
            if show > 0:
                print(f"  verdict {s!r}\n    Python: {p}\n    port:   {r}")
                show -= 1
        elif p != r:
            if deviates(s, p, r):
                deviations += 1
                continue
            reasons += 1
            if show > 0:
                print(f"  reason {s!r}\n    Python: {p}\n    port:   {r}")
                show -= 1
    print(f"{name}: {len(inputs)} addresses, {verdicts} verdict mismatches, {reasons} reason mismatches, "
          f"{deviations} known deviations (mark names)")
    return verdicts + reasons


def main() -> None:
    use_venv(__file__)
    parser = argparse.ArgumentParser(description="Compare the e-mail port with the official package on random addresses.")
    parser.add_argument("--generator", action="append", choices=list(GENERATORS), help="a generator (repeatable; default: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=20000, help="addresses per generator")
    parser.add_argument("--show", type=int, default=30, help="mismatches shown per generator")
    args = parser.parse_args()
    binary = port_binary()
    mismatches = 0
    for name in args.generator or list(GENERATORS):
        rnd = random.Random(args.seed)
        inputs = [GENERATORS[name](rnd) for _ in range(args.count)]
        mismatches += compare(name, inputs, binary, args.show)
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
