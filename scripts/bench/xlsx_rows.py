#!/usr/bin/env python3
"""Excel's largest sheet: a workbook of one sheet `Structures` with 1 048 575 records (rows 2
to 1 048 576), six columns, deflated, written with `zipfile` alone (no dependency); one
record in ten has a postal code that is not its commune's (advice). For the memory and
time of the tool on it (BENCHMARKS.md):

    python3 scripts/bench/xlsx_rows.py target/bench/rows.xlsx
    /usr/bin/time -v target/release/data-inclusion validate --valideur target/bench/rows.xlsx >/dev/null
"""
import sys, zipfile
path = sys.argv[1]
ct = '''<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'''
rels = '''<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'''
wb = '''<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Structures" sheetId="1" r:id="rId1"/></sheets></workbook>'''
wbrels = '''<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'''
def s(ref, t): return f'<c r="{ref}" t="inlineStr"><is><t>{t}</t></is></c>'
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", ct); z.writestr("_rels/.rels", rels)
    z.writestr("xl/workbook.xml", wb); z.writestr("xl/_rels/workbook.xml.rels", wbrels)
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        f.write(('<row r="1">' + s("A1", "__ignore__") + s("B1", "id") + s("C1", "nom") + s("D1", "date_maj") + s("E1", "code_insee") + s("F1", "code_postal") + "</row>").encode())
        buf = []
        for r in range(2, 1_048_577):
            buf.append(f'<row r="{r}">{s(f"B{r}", f"s-{r}")}{s(f"C{r}", f"Structure {r}")}{s(f"D{r}", "2026-03-02")}<c r="E{r}"><v>59350</v></c><c r="F{r}"><v>{59000 if r % 10 else 75001}</v></c></row>')
            if len(buf) == 10000:
                f.write("".join(buf).encode()); buf = []
        f.write("".join(buf).encode())
        f.write(b"</sheetData></worksheet>")
