#!/usr/bin/env python3
"""Write src/validate/email/cases.jsonl: tricky addresses with the official verdicts and reasons.

    python3 scripts/conformance/email/cases.py

Runs with the conformance virtual environment (``scripts/conformance/setup.sh``; the script
re-executes itself with ``$CONFORMANCE_VENV/bin/python``, default ``target/conformance-venv``).
For each address of ``INPUTS`` (duplicates once), pydantic 2.14.3 with email-validator 2.4.0
(Python 3.11.7, idna 3.20) gives the verdict, as ``TypeAdapter(EmailStr).validate_python``:
``reason`` is ``null`` when the address is valid, else the message without its
"value is not a valid email address: " prefix. Addresses whose reason names a mark that the
port shows as ``U+XXXX`` (the known deviation, see ``common.known_deviation``) are left out
and listed on stderr; the port's test ``mark_names_outside_the_table`` pins that difference.

The first line of the file names this script, the versions and the number of cases; then one
case a line, ``{"input": ..., "reason": ...}``, in the order of ``INPUTS``, with the invisible
and look-alike characters escaped (``common.json_string``). The output is deterministic: the
same versions give the same bytes. The crate's test
``tricky_addresses_agree_with_the_official_package`` reads it.
"""

from __future__ import annotations

import json
import sys

from common import PINNED, PYTHON, REPO, UNIDATA, json_string, known_deviation, official_reason, use_venv

OUTPUT = REPO / "src" / "validate" / "email" / "cases.jsonl"

# The addresses: the usual ones, display names, quoting, lengths at and around each limit, IP
# literals, dots and hyphens, Punycode (valid, invalid, not canonical), invisible, space and
# format characters, normalization, IDNA 2008 contexts (CONTEXTJ, CONTEXTO) and the Bidi Rule.
INPUTS = [
 'a@b.fr', 'A@B.FR', 'jean.dupont@exemple.fr', 'é@b.fr', 'jérôme@exemple.fr', 'e\u0301@b.fr', '\u0301a@b.fr',
 'a@café.fr', 'a@cafe\u0301.fr', 'a@CAFÉ.FR', 'a@b.ｆｒ', 'a@b。fr', 'a@b．fr', 'a@b｡fr', 'ａ@b.fr', 'a＠b.fr', 'a﹫b.fr',
 'a@b.test', 'a@b.invalid', 'a@b.local', 'a@b.localhost', 'a@b.onion', 'a@b.arpa', 'a@foo.example', 'a@example.com',
 'a@test.fr', 'a@x.test.fr', 'a@localhost', 'a@test', 'a@TEST.LOCAL', 'a@b.Test',
 'Jean <a@b.fr>', '<a@b.fr>', '"Jean" <a@b.fr>', 'Jean. <a@b.fr>', 'Jean <a@b.fr', 'Jean, Dupont <a@b.fr>', 'Jean Dupont<a@b.fr>',
 '"Jean, Dupont" <a@b.fr>', 'Jéan <a@b.fr>', 'Zoe\u0301 <a@b.fr', 'Jean <a@b.fr> x', 'Jean <a@b.fr>  ', '  a@b.fr  ', '\ta@b.fr',
 'a@b.fr\u00a0', '\u2003a@b.fr', 'a\r@b.fr', 'a\n@b.fr', 'a@b.fr\r\n', '<a@b.fr> <c@d.fr>', 'a <b> <c@d.fr>', '"a" "b" <c@d.fr>',
 '<>', '< >', 'a<b@c.fr', 'a@b<c.fr', '<a@b.fr', 'a@b.fr>', '"a@b"@c.fr', '"a"@b.fr', '"a b"@c.fr', '""@b.fr', '"a\\"b"@c.fr',
 '"a"b@c.fr', '"abc@def.fr', 'a"b@c.fr', '"a\x01"@b.fr', '"é"@b.fr', '"a\u00a0"@b.fr',
 'x' * 64 + '@b.fr', 'x' * 65 + '@b.fr', 'x' * 249 + '@b.fr', 'x' * 250 + '@b.fr', 'é' * 124 + '@b.fr', 'é' * 125 + '@b.fr',
 'x' * 240 + '@' + 'é' * 5 + '.fr', 'x' * 230 + '@' + 'é' * 20 + '.fr', 'a@' + 'b' * 63 + '.fr', 'a@' + 'b' * 64 + '.fr',
 'a@' + 'é' * 60 + '.fr', 'a@' + 'é' * 56 + '.fr', 'a@' + ('b' * 60 + '.') * 4 + 'fr', 'a@' + 'b.' * 126 + 'fr', 'a@' + 'b.' * 127 + 'fr',
 'a' * 2049, 'a' * 2048, 'a@' + 'b' * 2046, 'e\u0301' * 100 + '@b.fr', 'e\u0301' * 130 + '@b.fr',
 'a@[1.2.3.4]', 'a@[IPv6:::1]', 'a@[ipv6:fe80::1%eth0]', 'a@[1.2.3]', 'a@[1.2.3.256]', 'a@[01.2.3.4]', 'a@[1..2.3]', 'a@[1234.1.1.1]',
 'a@[IPv6:1:2:3:4:5:6:7:8:9]', 'a@[IPv6:1::2::3]', 'a@[IPv6:g::1]', 'a@[IPv6:12345::1]', 'a@[IPv6::1]', 'a@[IPv6:1:]', 'a@[IPv6:1:2]',
 'a@[IPv6:::1.2.3]', 'a@[IPv6:::1.2.3.4]', 'a@[IPv6:1/2]', 'a@[IPv6:fe80::1%]', 'a@[x:y]', 'a@[xé:y]', 'a@[]', 'a@[foo]', 'a@[1.2.3.4', 'a@1.2.3.4]',
 'a@[IPv6:1:2:3:4:5:6:7]', 'a@[IPv6:1:2:3:4:5:6:7::]', 'a@[IPv6::1:2:3:4:5:6:7:8]', 'a@[IPv6:1:2:3:4:5:6:7:8:]', 'a@[IPv6:::]',
 '.a@b.fr', 'a.@b.fr', 'a..b@c.fr', 'a@.b.fr', 'a@b.fr.', 'a@b..fr', 'a@-b.fr', 'a@b-.fr', 'a@b.-fr', 'a@b.fr-', 'a@ab--c.fr', 'a@xn--c.fr',
 'a@xn--bcher-kva.ch', 'a@XN--BCHER-KVA.CH', 'a@xn--bcher-kva.xn--zz', 'a@xn--.fr', 'a@xn---.fr', 'a@xn--a.fr', 'a@xn--80ak6aa92e.com',
 'a@xn--mnchen-3ya.de', 'a@xn--Mnchen-3ya.de', 'a@xn--4dbc.com', 'a@1.xn--4dbc.com', 'a@xn--ls8h.la', 'a@xn--ss-a.fr', 'a@xn--zca.fr',
 'a@b.c1', 'a@1.2.3.4', 'a@b.1', 'a@b', 'a@', '@b.fr', 'a', '', ' ', 'a@b@c.fr', 'a@b,c.fr', 'a@b_c.fr', 'a@b c.fr', 'a b@c.fr',
 'a(b)@c.fr', 'a;b@c.fr', 'a:b@c.fr', 'a\\b@c.fr', 'a[b]@c.fr', "o'neil@b.fr", 'a+tag@b.fr', 'a&b@c.fr', 'a~b@c.fr', 'a`b@c.fr', 'a|b@c.fr',
 'a\u200b@b.fr', 'a@b\u200b.fr', 'a\u00ad@b.fr', 'a@b\u00ad.fr', 'a\ufeff@b.fr', '\ufeffa@b.fr', 'a\u202fb@c.fr', 'a@b.fr\u202f',
 'a\u037eb@c.fr', 'a\u1fefb@c.fr', 'a\u212ab@c.fr', 'a\u2126@b.fr', 'a\u0958@b.fr', 'x' * 249 + '\u0958@b.fr', 'x' * 247 + '\u0958@b.fr',
 'a@b\u2488.fr', 'a@b\u2024.fr', 'a@\u00e9\u0301.fr', 'a@b\u0301.fr', 'a@b.\u0301fr', 'a@\u0080.fr', 'a@b\u0085.fr', 'a@b\ufffd.fr', 'a@b\u2ff0.fr',
 'a@\u2665.com', 'a@i\u2764.ws', 'a@\U0001F600.fr', 'a@b\u00df.de', 'a@\u03c2.gr', 'a@\u05d0\u05d1.com', 'a@1.\u05d0\u05d1.com', 'a@\u05d0\u05d1.1.com',
 'a@\u0627\u0644\u0639\u0631\u0628\u064a\u0629.com', 'a@\u0661\u06f1.com', 'a@l\u00b7l.cat', 'a@a\u00b7b.cat', 'a@\u0375a.gr', 'a@\u0375\u03b1.gr',
 'a@\u05d0\u05f3.il', 'a@a\u05f3.il', 'a@\u30fb.jp', 'a@\u30fb\u30a2.jp', 'a@\u4e2d\u6587.com', 'a@\u4e2d\u6587.\u4e2d\u56fd', 'a@\uf900.com',
 'a@\u1100\u1161.kr', 'a@\ud55c\uad6d.kr', 'a@b\u3164.fr', 'a@b\u00b2.fr', 'a@\u2163.fr', 'a@b\u2100.fr', 'a@b\uff01.fr', 'a@b\u1fef.fr',
 'a@b\u0640.fr', 'a@b\u3007.fr', 'a@b\u17b4.fr', 'a@b\ufe00.fr', 'a@b\u034f.fr', 'a@\u0338.fr', 'a@b\u20d0.fr', 'a@b\U0001D15E.fr',
 'a@\u00e9' * 1 + 'x' * 70 + '.fr', 'a@' + '\u00e9' * 30 + 'x' * 30 + '.fr', 'a@xn--' + 'a' * 60 + '.fr', 'a@' + 'a' * 200 + '\u00e9.fr',
 '\u00e9' * 60 + '@' + '\u00e9' * 60 + '.fr', 'a@ＡＢＣ.ｆｒ', 'a@ﬀ.fr', 'a@b.ｃｏｍ', 'a@\u24b6.fr', 'a@\u2460.fr',
 'Jean <a@b.fr>\u00a0', 'Jean\u00a0<a@b.fr>', '\u00a0Jean <a@b.fr>', 'Jean\u2028Dupont <a@b.fr>', '"Je"an" <a@b.fr>', '"" <a@b.fr>',
 'Jean <"a"@b.fr>', 'Jean <a@[1.2.3.4]>', 'Jean <>', 'Jean <<a@b.fr>>', 'Jean<a@b.fr>x<c@d.fr>', 'a<\u0338b@c.fr', 'a<\u0338@b.fr',
 'Jean \u2764 <a@b.fr', 'Jean \u2764\ufe0f <a@b.fr', 'J\u00e9an <a@b.fr', '"J\u00e9an\u0301" <a@b.fr', '"Jean"x <a@b.fr', '"Jean" x <a@b.fr',
 'Jean\x01 <a@b.fr', '"Jean\x01" <a@b.fr', 'a@b.fr <c@d.fr', 'jean.<a@b.fr', '<a@b.fr >', '< a@b.fr>', '<a @b.fr>',
 '\u00e9\u0301@b.fr', 'a\u0301\u0316@b.fr', '\u0316\u0301a@b.fr', '"\\\u212b"@b.fr', '"\\\u212b@b.fr', 'a@b.fr"', '"a\\@b.fr',
 'a\U000e0041@b.fr', 'a\ufe0f@b.fr', '\ufe0fa@b.fr', '\U000e0100a@b.fr', '\u0903a@b.fr', 'a@\u0903b.fr', '\u0e31a@b.fr',
 'a\x00@b.fr', 'a\x7f@b.fr', 'a@b\x00.fr', 'a\u0085@b.fr', 'a\ue000@b.fr', 'a\U000f0000@b.fr', 'a\u0378@b.fr', 'a\u0897@b.fr',
 'a@\u0897b.fr', 'a@b\U00016100.fr', 'a\U0001e030@b.fr', 'a@b.fr\u3000', 'a\u3000b@c.fr', 'a\u2029@b.fr', 'a@b\u2028.fr',
 'a@b.xn--zckzah', 'a@xn--zckzah.jp', 'a@b.xn--p1ai', 'a@xn--d1acufc.xn--p1ai', 'a@xn--nxasmq6b.com', 'a@xn--ngbrx.com',
 'a@xn--mgbh0fb.xn--kgbechtv', 'a@xn--e1afmkfd.xn--80akhbyknj4f', 'a@xn--1-7sb.com', 'a@xn--0-ssb.com', 'a@xn--a-ecp.ru',
 'a@xn--ysa.fr', 'a@xn--kgb.fr', 'a@xn--1ug.fr', 'a@xn--a-ugn.fr', 'a@xn--ssa73l.fr', 'a@xn--zz-.fr', 'a@xn--0ca.fr', 'a@xn--9ca.fr',
 'a@xn--55qx5d.cn', 'a@xn--fiqs8s.xn--55qx5d', 'a@xn--h1a.fr', 'a@xn--80a.fr', 'a@XN--80A.FR', 'a@xn--l-fda.fr', 'a@xn--bcher-kva',
 'a@xn--ls8h', 'a@' + 'xn--bcher-kva.' * 15 + 'ch', 'a@' + 'xn--bcher-kva.' * 18 + 'ch', 'a@xn--' + 'bcher-kva' * 7 + '.ch',
 'a@\u05d0a.com', 'a@\u05d01\u0661.com', 'a@a\u05d0.com', 'a@\u05d0\u05d1-.com', 'a@\u0627\u0661\u0031.com', 'a@xn--5e2s.com', 'a@xn---bbk.com',
 'a@xn--bbk.com', 'a@xn--zz.com', 'a@xn--99999999999.com', 'a@é.' + 'b' * 64 + '.fr', 'a@é.xn--zz.fr', 'a@é.xn--bcher-kva.fr', 'a@é.xn--4dbc.fr',
 'a@xn--1ug.com', 'a@xn--0ug.com', 'a@xn--u-ccb.com', 'a@xn--l-fda.com', 'a@xn--lla-m0a.cat', 'a@xn--7ma.fr', 'a@xn--k2a.fr', 'a@xn--ls8h.com',
 'a@xn--ffd.com', 'a@xn--a-ec0a.com', 'a@xn--ib9b.com', 'a@xn--lsa.com', 'a@xn--ngba799q.com', 'a@xn--ab-j1t.com', 'a@xn--11ba1ow90g.com', 'a@xn--1ug03z.com', 'a@\u0661\u06f1.com', 'a@a\u0661.com', 'a@\u0661.com', 'a@b\u0375.gr', 'a@\u03b1\u0375\u03b1.gr',
]


def main() -> None:
    use_venv(__file__)
    seen = set()
    lines = []
    for s in INPUTS:
        if s in seen:
            continue
        seen.add(s)
        reason = official_reason(s)
        if known_deviation(s, reason) != reason:
            print(f"left out (mark name): {s!r}: {reason}", file=sys.stderr)
            continue
        reason_json = "null" if reason is None else json_string(reason)
        lines.append(f'{{"input": {json_string(s)}, "reason": {reason_json}}}')
    header = {
        "generated_by": "scripts/conformance/email/cases.py",
        "python": PYTHON,
        "unicodedata": UNIDATA,
        **PINNED,
        "cases": len(lines),
    }
    OUTPUT.write_text(json.dumps(header) + "\n" + "".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{OUTPUT.relative_to(REPO)}: {len(lines)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
