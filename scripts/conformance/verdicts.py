#!/usr/bin/env python3
"""Record the official verdicts of data-inclusion-schema==1.0.10 on the corpus.

Reads ``target/conformance/corpus.jsonl`` (``$CONFORMANCE_CORPUS``), written by
``generate.py``, and writes ``tests/conformance/cases.jsonl``
(``$CONFORMANCE_CASES``). Must run with the virtual environment made by
``setup.sh`` (it re-executes itself with that interpreter when it can find it).

For every record, with the date frozen at 2026-06-15 (UTC):

* ``Structure.model_validate_json(text)`` / ``Service.model_validate_json(text)``
  twice: default context (``None``: warnings ignored, the default of the
  official tools) and ``context={"ignore_warnings": False}`` (warnings are
  errors);
* for every service valid in the default mode,
  ``data_inclusion.schema.v1.score_qualite.score(service)``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV = Path(os.environ.get("CONFORMANCE_VENV", REPO / "target" / "conformance-venv"))
CORPUS = Path(os.environ.get("CONFORMANCE_CORPUS", REPO / "target" / "conformance" / "corpus.jsonl"))
CASES = Path(os.environ.get("CONFORMANCE_CASES", REPO / "tests" / "conformance" / "cases.jsonl"))
FROZEN_DATE = "2026-06-15"
PACKAGE_VERSION = "1.0.10"

# The reference date of the official validators and of score_qualite is "today"
# (datetime.date.today(), pendulum.now()); pendulum.now() uses the local zone.
os.environ["TZ"] = "UTC"
time.tzset()

try:
    import freezegun  # noqa: F401
    import pydantic
    from data_inclusion.schema import v1
except ImportError:
    venv_python = VENV / "bin" / "python"
    if venv_python.exists() and Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])
    raise SystemExit(f"run scripts/conformance/setup.sh first (no official package in {sys.executable})")

from importlib.metadata import version  # noqa: E402

import pendulum  # noqa: E402
from data_inclusion.schema.v1 import score_qualite  # noqa: E402
from freezegun import freeze_time  # noqa: E402

MODELS = {"structure": v1.Structure, "service": v1.Service}
STRICT_CONTEXT = {"ignore_warnings": False}


def check_referentials() -> None:
    """The generator reads the referentials from shared/; they must be the package's."""
    shared = Path(os.environ.get("CONFORMANCE_SHARED", REPO.parent / "shared")) / "schema" / "1.0.10" / "extra"
    pairs = {
        "publics.json": v1.Public, "thematiques.json": v1.Thematique, "reseaux-porteurs.json": v1.ReseauPorteur,
        "types-de-services.json": v1.TypeService, "frais.json": v1.Frais, "modes-accueil.json": v1.ModeAccueil,
        "modes-mobilisation.json": v1.ModeMobilisation, "personnes-mobilisatrices.json": v1.PersonneMobilisatrice,
        "categories.json": v1.Categorie,
    }
    for name, enum in pairs.items():
        with open(shared / name, encoding="utf-8") as f:
            if json.load(f) != enum.as_dict_list():
                raise SystemExit(f"{name} differs from {enum.__name__}.as_dict_list()")


def errors_of(exc: pydantic.ValidationError) -> list[dict]:
    return [{"loc": list(e["loc"]), "type": e["type"], "msg": e["msg"]} for e in exc.errors()]


def fields_of(errors: list[dict]) -> list[str]:
    return sorted({str(e["loc"][0]) if e["loc"] else "" for e in errors})


def validate(model, text: str, context):
    try:
        return model.model_validate_json(text, context=context), []
    except pydantic.ValidationError as exc:
        return None, errors_of(exc)


def score_of(service) -> tuple[float | None, dict | None, str | None]:
    try:
        score, resultats = score_qualite.score(service)
    except Exception as exc:  # noqa: BLE001 - recorded, not hidden
        failing = []
        for critere in score_qualite.CRITERES:
            try:
                critere(service)
            except Exception as inner:  # noqa: BLE001
                failing.append(f"{critere.__name__}: {type(inner).__name__}")
        return None, None, "; ".join(failing) or f"score: {type(exc).__name__}"
    return score, {k: (None if v is None else float(v)) for k, v in resultats.items()}, None


def main() -> int:
    if version("data-inclusion-schema") != PACKAGE_VERSION:
        raise SystemExit(f"expected data-inclusion-schema {PACKAGE_VERSION}")
    check_referentials()
    with open(CORPUS, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]

    out_lines = []
    stats = {}
    with freeze_time(FROZEN_DATE):
        assert pendulum.now().to_date_string() == FROZEN_DATE
        for rec in records:
            model = MODELS[rec["kind"]]
            text = rec["json"]
            instance, errors = validate(model, text, None)
            _, errors_strict = validate(model, text, STRICT_CONTEXT)
            score = criteria = score_error = None
            if rec["kind"] == "service" and instance is not None:
                score, criteria, score_error = score_of(instance)
            case = {
                "kind": rec["kind"],
                "name": rec["name"],
                "json": text,
                "fields": fields_of(errors),
                "fields_strict": fields_of(errors_strict),
                "errors": errors,
                "errors_strict": errors_strict,
                "score": score,
                "criteria": criteria,
                "score_error": score_error,
            }
            out_lines.append(json.dumps(case, ensure_ascii=False, allow_nan=False))
            s = stats.setdefault(rec["kind"], {"total": 0, "valid": 0, "valid_strict": 0, "scored": 0, "score_error": 0})
            s["total"] += 1
            s["valid"] += not errors
            s["valid_strict"] += not errors_strict
            s["scored"] += score is not None
            s["score_error"] += score_error is not None

    CASES.parent.mkdir(parents=True, exist_ok=True)
    with open(CASES, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out_lines) + "\n")
    print(f"data-inclusion-schema {version('data-inclusion-schema')}, pydantic {version('pydantic')}, "
          f"pydantic-core {version('pydantic_core')}, email-validator {version('email-validator')}", file=sys.stderr)
    for kind, s in stats.items():
        print(f"{kind}: {s}", file=sys.stderr)
    print(f"wrote {len(out_lines)} cases to {CASES}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
