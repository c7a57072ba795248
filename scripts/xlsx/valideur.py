"""The official valideur, as gip-inclusion/data-inclusion runs it, for the fixtures' verdicts.

Copied from `api/src/data_inclusion/api/valideur/` at commit
d4969e37319c7c43732fb84e77bf8a030321f781 (readers.py: `read_xlsx`; services.py:
`list_errors`, `_format_error`; schemas.py: the input models; translations.py; utils.py),
the one change being the commune lookup: the API asks its database (filled from
geo.api.gouv.fr: communes, communes associées et déléguées, arrondissements municipaux),
this asks the same communes of the npm package @etalab/decoupage-administratif that
geo.api.gouv.fr is built from (`COMMUNES`, set by `load_communes`).
"""

import difflib
import enum
import re
import types
import typing
from typing import Annotated

import numpy as np
import pandas as pd
import pydantic
import pydantic_core
from pydantic import AfterValidator, ValidationInfo
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from data_inclusion.schema import v1

# --- readers.py ---


def _is_array_field(field_info: FieldInfo) -> bool:
    type_annotation = field_info.annotation
    if type_annotation is None:
        return False

    def _get_type(t: type) -> type:
        if isinstance(t, types.UnionType):
            return _get_type(next(_t for _t in typing.get_args(t) if _t is not type(None)))
        if (origin := getattr(t, "__origin__", None)) is not None:
            return _get_type(origin)
        return t

    return _get_type(type_annotation) in (list, set, np.ndarray)


def _get_array_fields(model):
    return [name for name, info in model.model_fields.items() if _is_array_field(info)]


def read_xlsx(file):
    def _read(sheet_name, model):
        df = pd.read_excel(file, sheet_name=sheet_name, dtype=str, header=None)
        df = df.replace({np.nan: None})
        df = df.set_axis(labels=df.index + 1, axis=0)
        df = df[1:].rename(columns=df.iloc[0].to_dict())
        df = df.reset_index(drop=False, names=["line"])
        df = df.iloc[~df["__ignore__"].map(bool).fillna(False)]
        for fieldname in _get_array_fields(model):
            if fieldname in df.columns:
                df[fieldname] = (
                    df[fieldname]
                    .map(lambda s: s.split(",") if s else None)
                    .map(lambda lst: list(map(str.strip, lst)) if lst else None)
                )
        return df

    return _read("Structures", v1.Structure), _read("Services", v1.Service)


# --- schemas.py ---

COMMUNES: set[str] = set()


def load_communes(path: str) -> None:
    import json

    with open(path, encoding="utf-8") as f:
        COMMUNES.update(c["code"] for c in json.load(f))


def code_insee_validator(value, info: ValidationInfo):
    db_session = None
    if info.context is not None:
        db_session = info.context.get("db_session")
    if db_session is None:
        return value
    if value not in db_session:
        raise PydanticCustomError(
            "bad-code-insee", "Le code commune {value} n'existe pas", {"value": value}
        )
    return value


CodeCommune = Annotated[v1.CodeCommune | None, AfterValidator(code_insee_validator)]


class ValideurInputStructure(v1.Structure):
    code_insee: CodeCommune | None = None
    source: str | None = None


class ValideurInputService(v1.Service):
    code_insee: CodeCommune | None = None
    source: str | None = None


# --- translations.py ---

translations = {
    "Field required": "Champ requis",
    r"value is not a valid email address: (.*)": "La valeur n'est pas un courriel valide",
    r"Input should be a valid integer(.*)": "La valeur doit être un entier valide",
    r"Input should be a valid number(.*)": "La valeur doit être un nombre valide",
    r"Input should be greater than or equal to (.*)": "La valeur doit être supérieure ou égale à {}",
    r"Input should be greater than (.*)": "La valeur doit être supérieure à {}",
    r"Input should be less than or equal to (.*)": "La valeur doit être inférieure ou égale à {}",
    r"Input should be less than (.*)": "La valeur doit être inférieure à {}",
    r"Input should be a valid string(.*)": "La valeur doit être une chaîne de caractères valide",
    r"String should have at least (.*) characters": "La chaîne doit contenir au moins {} caractères",
    r"String should have at most (.*) characters": "La chaîne doit contenir au plus {} caractères",
    r"String should match pattern (.*)": "La chaîne doit correspondre au motif {}",
    "Input should be a valid array": "La valeur doit être une liste valide",
    "Input should be a valid dictionary": "La valeur doit être un dictionnaire valide",
    r"Input should be a valid mapping, error: (.*)": "La valeur doit être un mapping valide, erreur : {}",
    "Input should be a valid list": "La valeur doit être une liste valide",
    "Input should be a valid tuple": "La valeur doit être un tuple valide",
    "Input should be a valid set": "La valeur doit être un set valide",
    r"Input should be a valid boolean(.*)": "La valeur doit être un booléen valide (true/false)",
    r"Input should be a valid date(.*)": "La valeur doit être une date valide au format AAAA-MM-JJ",
    "Datetimes provided to dates should have zero time - e.g. be exact dates": "La valeur doit être une date valide au format AAAA-MM-JJ",
    "Date should be in the past": "La date doit être dans le passé",
    "Date should be in the future": "La date doit être dans le futur",
    "Input should be in the past": "La valeur doit être dans le passé",
    "Input should be in the future": "La valeur doit être dans le futur",
    "URL input should be a string or URL": "La valeur doit être une URL valide",
    r"Input should be a valid URL, (.*)": "La valeur doit être une URL valide",
    r"URL should have at most (.*)": "La valeur doit être une URL valide",
    r"Input should be (.*) or (.*)": "La valeur doit être {} ou {}",
}


def tr(msg):
    for pattern, translation in translations.items():
        match = re.fullmatch(pattern, msg)
        if match is None:
            continue
        return translation.format(*match.groups())
    return msg


# --- utils.py ---


def display_ranges(items):
    from itertools import groupby

    ranges = [
        [item for _, item in group]
        for _, group in groupby(enumerate(sorted(items)), lambda t: t[0] - t[1])
    ]
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in ranges)


def enum_error_message_with_suggestion(error_details, enum_cls):
    if error_details["type"] != "enum":
        return error_details
    item_in_error = str(error_details["input"])
    nearest_value = next(
        iter(difflib.get_close_matches(item_in_error, [e.value for e in enum_cls], n=1)),
        None,
    )
    msg = f"La valeur '{item_in_error}' n'existe pas"
    if nearest_value is not None:
        msg += f". Vouliez-vous dire '{nearest_value}' ?"
    error_details["msg"] = msg
    return {**error_details, "msg": msg}


# --- services.py ---


def _format_error(model, line, error_details):
    field, *_ = error_details["loc"]
    if error_details["type"] == "enum":
        LOC_TO_ENUM = {"thematiques": v1.Thematique, "publics": v1.Public}
        if str(field) in LOC_TO_ENUM:
            error_details = enum_error_message_with_suggestion(
                error_details=error_details, enum_cls=LOC_TO_ENUM[str(field)]
            )
    schema_name = "Structure" if issubclass(model, v1.Structure) else "Service"
    return {
        "schema": schema_name,
        "field": str(field),
        "line": line,
        "value": error_details["input"] if error_details["type"] != "missing" else None,
        "message": tr(error_details["msg"]),
    }


def _list_errors(model, data, db_session):
    try:
        model.model_validate(data, context={"db_session": db_session, "ignore_warnings": False})
    except pydantic.ValidationError as exc:
        return exc.errors()
    return []


def list_errors(model, data, db_session=None):
    use_line_numbers = all("line" in d for d in data)
    return [
        _format_error(model=model, line=record["line"] if use_line_numbers else index, error_details=e)
        for index, record in enumerate(data)
        for e in _list_errors(model, record, db_session)
    ]


def verdict(path):
    """What the valideur finds in the workbook at `path`: per kind, the records analysed and
    every error (line, field, value, message), values made JSON (sets as sorted lists); and
    each record as the valideur reads it (its line, its named columns but `__ignore__`)."""
    structures_df, services_df = read_xlsx(path)
    out = {}
    for kind, df, model in [
        ("structures", structures_df, ValideurInputStructure),
        ("services", services_df, ValideurInputService),
    ]:
        errors = list_errors(model, df.to_dict(orient="records"), db_session=COMMUNES)
        for e in errors:
            del e["schema"]
            if isinstance(e["value"], (set, frozenset)):
                e["value"] = sorted(e["value"])
            if isinstance(e["value"], dict):
                e["value"] = None
        records = [
            {k: v for k, v in r.items() if isinstance(k, str) and k != "__ignore__"}
            for r in df.to_dict(orient="records")
        ]
        out[kind] = {"total": len(df), "errors": errors, "records": records}
    return out
