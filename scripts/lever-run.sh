#!/usr/bin/env bash
# One controlled short run of the "what flattens the curve" table (docs/engine.md): a new base
# (PRESET, BASE_STEPS) then KARL (KARL_STEPS) on the default data plus GENERATED generated tiles,
# into runs/lever-NAME. Both steps print their held-out numbers (the base's L1, then KARL's
# fixed-budget curve at 2, 4, 8, 16, 32 tokens) into runs/lever-NAME.log. Resumable as
# train-default.sh (run it again). Runs from a frozen copy of the classes ($bin).
# KARL_OPTS adds options to karl train (e.g. "--phase1_tokens queries", how the table's first rows ran).
# VQ_FROM sets the KARL step at which VQ is switched on (the card's latentCodeInitStep, default
# 500); a value past KARL_STEPS trains and reports continuous 1D tokens (a diagnostic: what
# quantisation costs). LR sets KARL's peak learning rate (the card's peakLr, default 1e-3).
# Usage: NAME=latent PRESET=small-latent BASE_STEPS=1500 KARL_STEPS=1200 scripts/lever-run.sh
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
name="${NAME:?NAME=...}"
out="runs/lever-$name"
bin="${BIN:-runs/lever-bin}" # NB: a run loads classes lazily: give a running one its own copy
scripts/fetch-data.sh > /dev/null
source scripts/frozen-karl.sh
{
	start=$(date +%s)
	if [[ -f "$out-base/karl.json" ]]; then karl train-base --output "$out-base" --resume --generated "${GENERATED:-30000}"
	else karl train-base --preset "${PRESET:-small}" --steps "${BASE_STEPS:-1500}" --generated "${GENERATED:-30000}" \
		--output "$out-base"; fi
	sets=()
	[[ -n "${VQ_FROM:-}" ]] && sets+=("latentCodeInitStep=$VQ_FROM")
	[[ -n "${LR:-}" ]] && sets+=("peakLr=$LR")
	if [[ ${#sets[@]} -gt 0 && ! -f "$out/karl.json" ]]; then
		python3 - "$out-base/karl.json" "${sets[@]}" <<'PY'
import json, os, sys
p = sys.argv[1]
c = json.load(open(p))
for kv in sys.argv[2:]:
	k, v = kv.split("=")
	c["training"][k] = float(v) if "." in v or "e" in v else int(v)
json.dump(c, open(p + ".tmp", "w"), indent=2); os.replace(p + ".tmp", p)
PY
		echo "lever-run $name: base card's training set to ${sets[*]} for KARL"
	fi
	if [[ -f "$out/karl.json" ]]; then karl train --output "$out" --resume --generated "${GENERATED:-30000}"
	else karl train --model "$out-base" --steps "${KARL_STEPS:-1200}" --generated "${GENERATED:-30000}" \
		${KARL_OPTS:-} --output "$out"; fi
	echo "lever-run $name: $(( $(date +%s) - start )) s"
} 2>&1 | tee -a "$out.log"
