"""Rewrites schema/v1/ from the installed official package `data-inclusion-schema`.

Run by scripts/update-schema.sh, inside a virtual environment where the package is
installed: `python update_schema.py SCHEMA_DIR VERSION`.
"""

import json
import pathlib
import sys

from data_inclusion.schema import v1

# The referential files, as the official package names its enums.
REFERENTIALS = {
    "categories": v1.Categorie,
    "frais": v1.Frais,
    "modes-accueil": v1.ModeAccueil,
    "modes-mobilisation": v1.ModeMobilisation,
    "personnes-mobilisatrices": v1.PersonneMobilisatrice,
    "publics": v1.Public,
    "reseaux-porteurs": v1.ReseauPorteur,
    "thematiques": v1.Thematique,
    "types-de-services": v1.TypeService,
}


def dump(path: pathlib.Path, data) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    version = sys.argv[2]
    (out / "extra").mkdir(parents=True, exist_ok=True)
    dump(out / "structure.json", v1.Structure.model_json_schema())
    dump(out / "service.json", v1.Service.model_json_schema())
    for name, enum in REFERENTIALS.items():
        dump(out / "extra" / f"{name}.json", enum.as_dict_list())
    (out / "VERSION").write_text(version + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
