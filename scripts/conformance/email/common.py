"""What the scripts of scripts/conformance/email/ share (a module, not a script).

* ``REPO``, ``VENV``: the repository (found from this file) and the conformance virtual
  environment (``$CONFORMANCE_VENV``, default ``target/conformance-venv``, made by
  ``scripts/conformance/setup.sh``).
* ``use_venv()``: re-executes the calling script with the venv's Python when it runs under
  another one, as ``scripts/conformance/verdicts.py`` does, and checks the pinned versions.
* ``official_reason(s)``: pydantic's verdict on ``s`` as an ``EmailStr``.
* ``port_reasons(inputs)``: this crate's verdicts, through ``data-inclusion validate``.
* ``unicode_dump(mode)``: what the regex and idna crates say about each code point
  (``unicode_dump.rs``, built with the versions of the repository's Cargo.lock).
* ``json_string(s)``: a JSON string with the invisible and look-alike characters escaped.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
VENV = Path(os.environ.get("CONFORMANCE_VENV", REPO / "target" / "conformance-venv"))

# The versions the port follows (scripts/conformance/requirements.txt pins the packages).
PYTHON = "3.11.7"
UNIDATA = "14.0.0"
PINNED = {"pydantic": "2.14.3", "email-validator": "2.4.0", "idna": "3.20"}
IDNADATA = "18.0.0"

# pydantic's message is this prefix and email-validator's reason.
PREFIX = "value is not a valid email address: "

# The blocks whose mark names the port knows (tables::NAMES, and the variation selectors).
NAMED_MARK_BLOCKS = [
    (0x300, 0x36F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
    (0xFE00, 0xFE0F), (0xE0100, 0xE01EF),
]


def use_venv(script: str) -> None:
    """Run ``script`` (``__file__``) with the venv's Python; stop unless the versions are the pinned ones."""
    try:
        import email_validator  # noqa: F401
        import idna  # noqa: F401
        import pydantic  # noqa: F401
    except ImportError:
        venv_python = VENV / "bin" / "python"
        if venv_python.exists() and Path(sys.prefix).resolve() != VENV.resolve():
            os.execv(str(venv_python), [str(venv_python), script, *sys.argv[1:]])
        raise SystemExit(f"run scripts/conformance/setup.sh first (no pydantic in {sys.executable})")
    from importlib.metadata import version

    from idna import idnadata

    found = {name: version(name) for name in PINNED}
    found["python"] = ".".join(map(str, sys.version_info[:3]))
    found["unicodedata"] = unicodedata.unidata_version
    found["idnadata"] = idnadata.__version__
    wanted = dict(PINNED, python=PYTHON, unicodedata=UNIDATA, idnadata=IDNADATA)
    if found != wanted:
        raise SystemExit(f"versions differ from the port's: found {found}, wanted {wanted}")


def official_reason(s: str) -> str | None:
    """``TypeAdapter(EmailStr).validate_python(s)``: ``None`` when valid, else the reason."""
    from pydantic import EmailStr, TypeAdapter, ValidationError

    global _ADAPTER
    if _ADAPTER is None:
        _ADAPTER = TypeAdapter(EmailStr)
    try:
        _ADAPTER.validate_python(s)
    except ValidationError as e:
        msg = e.errors()[0]["msg"]
        assert msg.startswith(PREFIX), msg
        return msg[len(PREFIX):]
    return None


_ADAPTER = None


def known_deviation(s: str, reason: str | None) -> str | None:
    """The reason as the port words it: a mark outside ``NAMED_MARK_BLOCKS`` is ``U+XXXX``
    where Python gives its name (the one known difference, never in a verdict)."""
    if reason is None:
        return None
    for ch in sorted(set(s)):
        c = ord(ch)
        name = unicodedata.name(ch, "")
        if unicodedata.category(ch)[0] == "M" and name and not any(a <= c <= b for a, b in NAMED_MARK_BLOCKS):
            reason = reason.replace(name, f"U+{c:04X}" if c < 0xFFFF else f"U+{c:08X}")
    return reason


def port_binary() -> Path:
    """``data-inclusion`` (``$DATA_INCLUSION_BIN``, else built with ``cargo build --release``)."""
    given = os.environ.get("DATA_INCLUSION_BIN")
    if given:
        return Path(given)
    subprocess.run(
        ["cargo", "build", "--quiet", "--release", "-p", "data-inclusion-cli"], cwd=REPO, check=True
    )
    return REPO / "target" / "release" / "data-inclusion"


def port_reasons(inputs: list[str], binary: Path) -> list[str | None]:
    """This crate's reason for each input, ``None`` when valid: each input is the ``courriel``
    of a structure, validated with ``data-inclusion validate --format json --lang en``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "courriels.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for s in inputs:
                record = {"id": "x", "source": "s", "nom": "Nom", "date_maj": "2025-01-01", "courriel": s}
                f.write(json.dumps(record) + "\n")
        run = subprocess.run(
            [str(binary), "validate", "--kind", "structures", "--format", "json", "--lang", "en", str(path)],
            capture_output=True,
        )
        if run.returncode not in (0, 1):
            raise SystemExit(f"{binary} failed: {run.stderr.decode(errors='replace')}")
        problems = json.loads(run.stdout)
    reasons: list[str | None] = [None] * len(inputs)
    for p in problems:
        if p["field"] == "courriel" and p["code"] == "value_error_email":
            assert p["message"].startswith(PREFIX), p
            reasons[p["line"] - 1] = p["message"][len(PREFIX):]
        elif p["field"] == "courriel":
            raise SystemExit(f"unexpected problem: {p}")
    return reasons


def locked_version(package: str) -> str:
    """The version of ``package`` in the repository's Cargo.lock."""
    lock = (REPO / "Cargo.lock").read_text(encoding="utf-8")
    m = re.search(rf'\[\[package\]\]\nname = "{re.escape(package)}"\nversion = "([^"]+)"', lock)
    if not m:
        raise SystemExit(f"{package} is not in Cargo.lock")
    return m.group(1)


def unicode_dump(mode: str) -> list[str]:
    """The lines ``unicode_dump.rs`` prints in ``mode`` (``categories`` or ``uts46``). It is
    built in ``target/email-unicode-dump/`` with the repository's Cargo.lock, so with the
    regex and idna crates the port runs with."""
    project = REPO / "target" / "email-unicode-dump"
    (project / "src").mkdir(parents=True, exist_ok=True)
    manifest = f"""[package]
name = "email-unicode-dump"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
idna = "={locked_version("idna")}"
# The port's features, and unicode-age to tell the Unicode version.
regex = {{ version = "={locked_version("regex")}", default-features = false, features = ["std", "unicode-perl", "unicode-gencat", "unicode-age"] }}

[workspace]
"""
    (project / "Cargo.toml").write_text(manifest, encoding="utf-8")
    shutil.copyfile(HERE / "unicode_dump.rs", project / "src" / "main.rs")
    shutil.copyfile(REPO / "Cargo.lock", project / "Cargo.lock")
    run = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--", mode],
        cwd=project,
        env=dict(os.environ, CARGO_TARGET_DIR=str(project / "target")),
        check=True,
        capture_output=True,
        text=True,
    )
    return run.stdout.splitlines()


def regex_categories() -> tuple[dict[int, str], str]:
    """The general category of every code point as the regex crate matches ``\\p{..}``
    (``Cn`` when none; surrogates left out), and the Unicode version of its tables."""
    lines = unicode_dump("categories")
    unicode_version = lines[0].removeprefix("unicode ")
    categories = {}
    for line in lines[1:]:
        first, last, cat = line.split()
        for cp in range(int(first, 16), int(last, 16) + 1):
            categories[cp] = cat
    return categories, unicode_version


def json_string(s: str) -> str:
    """``s`` as a JSON string: printable ASCII and the visible characters below U+2000 (letters,
    numbers, punctuation, symbols; not the wide ones) as they are, anything else escaped, so
    that no invisible or look-alike character hides in the data file."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif 0x20 <= o < 0x7F:
            out.append(ch)
        elif ch in "\t\n\r":
            out.append({"\t": "\\t", "\n": "\\n", "\r": "\\r"}[ch])
        elif (
            0xA0 <= o < 0x2000
            and unicodedata.category(ch)[0] in "LNPS"
            and unicodedata.east_asian_width(ch) not in "FW"
        ):
            out.append(ch)
        elif o > 0xFFFF:
            o -= 0x10000
            out.append(f"\\u{0xD800 + (o >> 10):04x}\\u{0xDC00 + (o & 0x3FF):04x}")
        else:
            out.append(f"\\u{o:04x}")
    out.append('"')
    text = "".join(out)
    assert json.loads(text) == s, s
    return text
