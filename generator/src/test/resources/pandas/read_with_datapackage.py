"""Reads every CSV of a built site with pandas, the column types taken from data/datapackage.json.

Usage: python3 read_with_datapackage.py SITE_DIR > report.json

For each CSV (data/*.csv and their -excel.csv twins, every department-year's and project's CSV) the report gives
the row count, each column's pandas dtype and every cell as pandas read it (str() of the value, null for a
missing one), so the caller can compare them with the bytes it wrote. The reading is what a journalist would
write from the datapackage: string -> pandas "string", integer -> "Int64", number -> decimal.Decimal (never
float), date -> "string"; only an empty cell is missing.
"""
import decimal
import json
import pathlib
import sys

import pandas as pd


def decimal_or_none(text):
    return None if text == "" else decimal.Decimal(text)


def excel_titles(fields):
    # as the exporter writes the twin's header: a title two columns share is followed by the column's name
    uses = {}
    for f in fields:
        uses[f["title"]] = uses.get(f["title"], 0) + 1
    return [f["title"] + "（" + f["name"] + "）" if uses[f["title"]] > 1 else f["title"] for f in fields]


def read(path, fields, headers, encoding):
    dtype, converters, na = {}, {}, {}
    for f, header in zip(fields, headers):
        if f["type"] == "number":
            converters[header] = decimal_or_none
        else:
            dtype[header] = "Int64" if f["type"] == "integer" else "string"
            na[header] = [""]
    frame = pd.read_csv(path, dtype=dtype, converters=converters, keep_default_na=False, na_values=na,
                        encoding=encoding)
    if list(frame.columns) != headers:
        raise SystemExit(f"{path}: header {list(frame.columns)} is not {headers}")
    columns = {}
    for f, header in zip(fields, headers):
        columns[f["name"]] = [None if v is None or v is pd.NA else str(v) for v in frame[header].tolist()]
    return {"rows": len(frame), "dtypes": {f["name"]: str(frame[h].dtype) for f, h in zip(fields, headers)},
            "columns": columns}


def main(site):
    site = pathlib.Path(site)
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {r["name"]: r["schema"]["fields"] for r in package["resources"]}
    report = {}
    for r in package["resources"]:
        f = r["schema"]["fields"]
        csv = site / "data" / r["path"]
        report["data/" + r["path"]] = read(csv, f, [x["name"] for x in f], "utf-8")
        twin = csv.with_name(csv.name[:-4] + "-excel.csv")
        report["data/" + twin.name] = read(twin, f, excel_titles(f), "utf-8-sig")
    # a department-year's CSV has projects.csv's columns; a project's, those and the indicators' from seq on
    indicators = fields["indicators"]
    project_file = fields["projects"] + indicators[[x["name"] for x in indicators].index("seq"):]
    for csv in sorted(site.glob("*/*/*.csv")):
        if not csv.name.endswith("-excel.csv") and csv.parent.parent.name != "data":
            report[csv.relative_to(site).as_posix()] = read(csv, fields["projects"],
                                                           [x["name"] for x in fields["projects"]], "utf-8")
    for csv in sorted((site / "projects").glob("*.csv")):
        if not csv.name.endswith("-excel.csv"):
            report[csv.relative_to(site).as_posix()] = read(csv, project_file, [x["name"] for x in project_file],
                                                           "utf-8")
    # what pandas does without the datapackage's types: the control the caller checks the types against
    plain = pd.read_csv(site / "data" / "projects.csv")
    report["untyped:data/projects.csv"] = {"rows": len(plain), "dtypes": {"department_code": str(plain["department_code"].dtype)},
                                          "columns": {"department_code": [str(v) for v in plain["department_code"].tolist()]}}
    json.dump({"pandas": pd.__version__, "files": report}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
