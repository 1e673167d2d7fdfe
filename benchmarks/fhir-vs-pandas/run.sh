#!/usr/bin/env bash
# End-to-end FHIR throughput, side by side in one run: `report --fhir DIR --out OUT` (Release CLI) against a pandas
# pipeline computing just PDC and cycle time from the same NDJSON files (pdc_cycle.py). See README.md.
#
#   benchmarks/fhir-vs-pandas/run.sh [EXPORT_DIR]
#
# EXPORT_DIR: a folder written by `sample --fhir-out`; without it, the sample of PATIENTS (default 100000) patients is
# generated into $WORK/export. Environment: WORK (default /tmp/fhir-vs-pandas), RUNS (default 3), PATIENTS, CLI (this
# tree's PatientCentric.Cli.dll, already built in Release, or a published PatientCentric.Cli executable; default: build
# the dll), BASELINE_CLI (optional: the dll or executable of another build, say main's, timed in the same run and checked
# to give a byte-identical results.json), PYTHON (default python3, or /usr/bin/python3 when only that one has pandas).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${WORK:-/tmp/fhir-vs-pandas}"
runs="${RUNS:-3}"
python="${PYTHON:-python3}"
# A python3 first on PATH (pyenv, a venv) may lack pandas while the system's has it (Debian's python3-pandas).
if [[ -z "${PYTHON:-}" ]] && ! "$python" -c 'import pandas' 2> /dev/null && /usr/bin/python3 -c 'import pandas' 2> /dev/null; then python=/usr/bin/python3; fi
"$python" -c 'import pandas' 2> /dev/null || { echo "run.sh: $python cannot import pandas (apt-get install python3-pandas, or set PYTHON)" >&2; exit 2; }
mkdir -p "$work"

if [[ -n "${CLI:-}" ]]; then cli="$CLI"   # an already built CLI of this tree
else
  echo "building the CLI (Release) into $work/cli"
  dotnet build -c Release "$root/src/PatientCentric.Cli" -o "$work/cli" -v quiet -nologo > "$work/build.log"
  cli="$work/cli/PatientCentric.Cli.dll"
fi

# A dll runs on the installed runtime (dotnet X.dll); a published executable (apphost) runs as itself.
if [[ "$cli" == *.dll ]]; then run_cli=(dotnet "$cli"); else run_cli=("$cli"); fi
run_base=()
if [[ "${BASELINE_CLI:-}" == *.dll ]]; then run_base=(dotnet "$BASELINE_CLI"); elif [[ -n "${BASELINE_CLI:-}" ]]; then run_base=("$BASELINE_CLI"); fi

export_dir="${1:-}"
if [[ -z "$export_dir" ]]; then
  export_dir="$work/export"
  "${run_cli[@]}" sample --patients "${PATIENTS:-100000}" --fhir-out "$export_dir"
fi
# A fixed pseudonym key and instant, so that two builds' results.json can be compared byte for byte.
head -c 32 /dev/zero | tr '\0' 'k' > "$work/key.bin"
args=(report --fhir "$export_dir" --survey-items "$export_dir/survey-items.json"
      --slots-observed-at 2025-12-29T08:00:00-06:00 --pseudonym-key-file "$work/key.bin" --as-of 2026-01-15T12:00:00Z)
mib=$(du -b "$export_dir"/*.ndjson | awk '{s += $1} END {printf "%.1f", s / 1048576}')
pandas_mib=$(du -b "$export_dir/MedicationDispense.000.ndjson" "$export_dir/Encounter.000.ndjson" | awk '{s += $1} END {printf "%.1f", s / 1048576}')
echo "export: $export_dir, $mib MiB of NDJSON (pandas reads $pandas_mib MiB of it); $runs runs each, interleaved"

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

ours=() base=() pandas=()
for ((i = 1; i <= runs; i++)); do
  ours+=("$(seconds "${run_cli[@]}" "${args[@]}" --out "$work/out")")
  if [[ -n "${BASELINE_CLI:-}" ]]; then base+=("$(seconds "${run_base[@]}" "${args[@]}" --out "$work/out-baseline")"); fi
  pandas+=("$(seconds "$python" "$here/pdc_cycle.py" "$export_dir")")
  echo "run $i: ours ${ours[-1]} s${BASELINE_CLI:+, baseline ${base[-1]} s}, pandas ${pandas[-1]} s"
done
"$python" "$here/pdc_cycle.py" "$export_dir"

row() { printf '%-42s %8.2f s %8.1f MiB/s\n' "$1" "$2" "$(echo "$3 / $2" | bc -l)"; }
echo
m_ours=$(median "${ours[@]}"); m_pandas=$(median "${pandas[@]}")
row "report --fhir --out (this build)" "$m_ours" "$mib"
if [[ -n "${BASELINE_CLI:-}" ]]; then
  m_base=$(median "${base[@]}")
  row "report --fhir --out (baseline build)" "$m_base" "$mib"
  printf 'speed-up over the baseline: %.2fx\n' "$(echo "$m_base / $m_ours" | bc -l)"
  if cmp -s "$work/out/results.json" "$work/out-baseline/results.json"; then echo "results.json: byte-identical to the baseline's"
  else echo "results.json: DIFFERS from the baseline's"; fi
fi
row "pandas PDC + cycle time (export MiB)" "$m_pandas" "$mib"
printf 'report time / pandas time: %.2f\n' "$(echo "$m_ours / $m_pandas" | bc -l)"
