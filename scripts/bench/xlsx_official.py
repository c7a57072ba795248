"""The official valideur on a workbook, as its route runs it: pandas `read_excel` of both
sheets, the official package's models with the valideur's rules (scripts/xlsx/valideur.py),
then the route's summary and grouping of the errors. Prints the summary as JSON.

    python xlsx_official.py WORKBOOK.xlsx COMMUNES.json [TODAY]

TODAY (YYYY-MM-DD) freezes the date of the `date_maj` rule (freezegun).
"""

import json
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "xlsx"))
import valideur  # noqa: E402


def main():
    path, communes = sys.argv[1], sys.argv[2]
    valideur.load_communes(communes)
    structures_df, services_df = valideur.read_xlsx(path)
    errors = [
        *valideur.list_errors(valideur.ValideurInputStructure, structures_df.to_dict(orient="records"), valideur.COMMUNES),
        *valideur.list_errors(valideur.ValideurInputService, services_df.to_dict(orient="records"), valideur.COMMUNES),
    ]
    errors_df = pd.DataFrame(errors, columns=["schema", "line", "field", "value", "message"])
    summary = {
        kind: {
            "total": len(df),
            "invalid": int(errors_df[errors_df["schema"] == schema]["line"].nunique()),
            "errors": int(len(errors_df[errors_df["schema"] == schema])),
        }
        for kind, df, schema in [("structures", structures_df, "Structure"), ("services", services_df, "Service")]
    }
    grouped = (
        errors_df.assign(value=errors_df["value"].astype(str))
        .groupby(by=["schema", "field", "value", "message"], as_index=False, dropna=False)["line"]
        .agg(lines=lambda lines: valideur.display_ranges(list(lines)).replace("-", " à "))
    )
    summary["rows"] = len(grouped)
    print(json.dumps(summary))


if __name__ == "__main__":
    if len(sys.argv) > 3:
        from freezegun import freeze_time

        with freeze_time(sys.argv[3]):
            main()
    else:
        main()
