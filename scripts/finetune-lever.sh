#!/usr/bin/env bash
# One arm of a controlled fine-tune comparison (docs/engine.md, "What flattens the curve"): the
# shipped model (START, default models/default) trained STEPS more KARL steps on the default data
# plus GENERATED generated tiles, with one training option changed (OPTS, e.g.
# "--phase1_tokens prefix"), into runs/ft-NAME. `karl train` prints the held-out fixed-budget
# curve at the end into runs/ft-NAME.log. Resumable (run it again). Runs from a frozen copy of
# the classes ($BIN), so rebuilding the checkout meanwhile cannot break it.
# Usage: NAME=prefix OPTS="--phase1_tokens prefix" STEPS=800 scripts/finetune-lever.sh
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
name="${NAME:?NAME=...}"
out="runs/ft-$name"
bin="${BIN:-runs/ft-bin}"
scripts/fetch-data.sh > /dev/null
source scripts/frozen-karl.sh
{
	start=$(date +%s)
	if [[ -f "$out/karl.json" ]]; then karl train --output "$out" --resume --generated "${GENERATED:-30000}"
	else karl train --model "${START:-models/default}" --steps "${STEPS:-800}" --generated "${GENERATED:-30000}" \
		${OPTS:-} --output "$out"; fi
	echo "finetune-lever $name: $(( $(date +%s) - start )) s"
} 2>&1 | tee -a "$out.log"
