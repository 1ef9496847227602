#!/usr/bin/python3
"""The peer a lead office would otherwise use: read each county's .xlsx with openpyxl,
concatenate, group by task id and sum target / milestones / actual.

Usage: pandas_rollup.py CITY.xlsx COUNTY.xlsx...
Prints one JSON line: the number of tasks and counties, and each task's summed actual value
(the bench checks these against keytask's totals).

Like keytask it finds the header row by its text (序号 / 目标值 / 完成值) rather than by
position, reads the city list for the task ids, and reads each county's sheet as values only.
"""
import itertools
import json
import sys

import pandas as pd
from openpyxl import load_workbook

WANTED = {"序号": "id", "目标值": "target", "完成值": "actual", "本期完成值": "actual"}


def task_frame(path):
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            rows = ws.iter_rows(values_only=True)
            header = None
            for i, row in enumerate(rows):
                cells = [str(v).strip().lstrip("*") if v is not None else "" for v in row]
                if "序号" in cells:
                    header = cells
                    break
                if i > 40:
                    break
            if header is None:
                continue
            cols = {}
            for j, h in enumerate(header):
                key = WANTED.get(h)
                if key and key not in cols.values():
                    cols[j] = key
            # The plan years sit under a merged 年度目标 heading, one row down.
            sub = next(rows, ())
            years = {j: str(v)[:4] for j, v in enumerate(sub) if v is not None and str(v)[:4].isdigit()}
            cols.update(years)
            first = [] if years else [sub]
            records = []
            for row in itertools.chain(first, rows):
                rec = {cols[j]: row[j] for j in cols if j < len(row)}
                if rec.get("id") is None or not str(rec["id"]).strip().isdigit():
                    continue
                records.append(rec)
            return pd.DataFrame.from_records(records)
    finally:
        wb.close()
    return pd.DataFrame()


def main(argv):
    city, counties = argv[1], argv[2:]
    ids = task_frame(city)["id"].astype(str)
    frames = []
    for path in counties:
        df = task_frame(path)
        df["county"] = path
        frames.append(df)
    data = pd.concat(frames, ignore_index=True)
    data["id"] = data["id"].astype(str)
    data = data[data["id"].isin(set(ids))]
    figures = [c for c in data.columns if c not in ("id", "county")]
    for c in figures:
        data[c] = pd.to_numeric(data[c], errors="coerce")
    totals = data.groupby("id", sort=False)[figures].sum(min_count=1)
    actual = {i: (None if pd.isna(v) else float(v)) for i, v in totals["actual"].items()}
    print(json.dumps({"tasks": len(totals), "counties": int(data["county"].nunique()), "actual": actual}))


if __name__ == "__main__":
    main(sys.argv)
