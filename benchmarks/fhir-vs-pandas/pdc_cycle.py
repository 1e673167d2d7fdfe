#!/usr/bin/env python3
"""Two measures from a FHIR R4 Bulk Data export (NDJSON), with pandas: the comparison pipeline of run.sh.

1. Proportion of Days Covered (PDC), after the Pharmacy Quality Alliance (PQA) definition, per patient, from the
   MedicationDispense fills of one measurement year; printed as the mean PDC of the eligible patients and the share
   with PDC >= 0.80 (PQA's adherence threshold).
2. Cycle time: Encounter.period.end - Encounter.period.start of finished encounters, in minutes; printed as the median.

Written from the published definitions, not from PatientCentric's code; the simplifications are listed in README.md.
Usage: pdc_cycle.py EXPORT_DIR [YEAR]   (prints one line of results and the seconds it took)
"""
import json
import sys
import time

import numpy as np
import pandas as pd


def read_ndjson(path):
    """Every line of an NDJSON file as one flattened row (nested keys joined with '.')."""
    with open(path, encoding="utf-8") as f:
        return pd.json_normalize([json.loads(line) for line in f if line.strip()])


def pdc(folder, year):
    d = read_ndjson(f"{folder}/MedicationDispense.000.ndjson")
    d = d[d["status"].fillna("completed") == "completed"]
    fills = pd.DataFrame({
        "patient": d["subject.reference"].str.rsplit("/", n=1).str[-1],
        "drug": d["medicationCodeableConcept.text"].str.strip().str.upper(),
        "date": pd.to_datetime(d["whenHandedOver"].str[:10], format="%Y-%m-%d"),
        "supply": pd.to_numeric(d["daysSupply.value"], errors="coerce"),
    }).dropna()
    start, end = pd.Timestamp(f"{year}-01-01"), pd.Timestamp(f"{year}-12-31")
    # Fills with a date of service in the measurement year only.
    fills = fills[(fills["date"] >= start) & (fills["date"] <= end) & (fills["supply"] >= 1)]
    # Eligible: at least two fills on different dates of service, and the index prescription start date (IPSD, the first
    # fill in the year) at least 91 days before the end of the year.
    per_patient = fills.groupby("patient").agg(ipsd=("date", "min"), dates=("date", "nunique"))
    eligible = per_patient[(per_patient["dates"] >= 2) & ((end - per_patient["ipsd"]).dt.days >= 91)]
    fills = fills[fills["patient"].isin(eligible.index)]
    # Same drug, overlapping supply: a refill starts the day after the earlier fill's supply runs out.
    fills = fills.sort_values(["patient", "drug", "date"], kind="mergesort")
    day = ((fills["date"] - start).dt.days).to_numpy()
    supply = fills["supply"].to_numpy(dtype=np.int64)
    group = (fills["patient"] + "\x00" + fills["drug"]).to_numpy()
    shifted = day.copy()
    for i in range(1, len(day)):
        if group[i] == group[i - 1]:
            shifted[i] = max(day[i], shifted[i - 1] + supply[i - 1])
    # Covered days: every day of every (shifted) supply, clipped to the year, counted once per patient.
    patient_codes, patients = pd.factorize(fills["patient"])
    days = np.repeat(shifted, supply) + (np.arange(supply.sum()) - np.repeat(np.cumsum(supply) - supply, supply))
    owners = np.repeat(patient_codes, supply)
    year_days = (end - start).days + 1
    keep = days < year_days
    covered = np.bincount(np.unique(owners[keep].astype(np.int64) * year_days + days[keep]) // year_days, minlength=len(patients))
    ipsd_day = (eligible.loc[patients, "ipsd"] - start).dt.days.to_numpy()
    ratio = covered / (year_days - ipsd_day)
    return len(ratio), float(ratio.mean()) if len(ratio) else float("nan"), float((ratio >= 0.8).mean()) if len(ratio) else float("nan")


def cycle_time(folder):
    e = read_ndjson(f"{folder}/Encounter.000.ndjson")
    e = e[e["status"] == "finished"].dropna(subset=["period.start", "period.end"])
    minutes = (pd.to_datetime(e["period.end"], utc=True) - pd.to_datetime(e["period.start"], utc=True)).dt.total_seconds() / 60
    return len(minutes), float(minutes.median())


def main():
    folder = sys.argv[1]
    year = int(sys.argv[2]) if len(sys.argv) > 2 else 2025
    t0 = time.perf_counter()
    patients, mean_pdc, adherent = pdc(folder, year)
    visits, median_minutes = cycle_time(folder)
    seconds = time.perf_counter() - t0
    print(f"pandas {pd.__version__}: PDC {year}: {patients} eligible patients, mean {mean_pdc:.4f}, "
          f"{adherent:.1%} at >= 0.80; cycle time: {visits} finished encounters, median {median_minutes:.1f} min; "
          f"{seconds:.2f} s")


if __name__ == "__main__":
    main()
