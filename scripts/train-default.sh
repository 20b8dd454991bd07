#!/usr/bin/env bash
# Trains a default model (the chain of runs of this script that made the shipped one is in
# models/default/README.md):
#   1. Debian-packaged data (Fashion-MNIST train + 15 scikit-image samples) into data/
#   2. base:         karl train-base  (PRESET, BASE_STEPS, batch 128)
#   3. KARL:         karl train       (KARL_STEPS, batch 32, peak learning rate PEAK_LR; base
#                                      frozen; minimum-budget halting targets, the default of TrainConfig)
# Both add GENERATED generated tiles (half microscopy-like, half blank/smooth/shapes/noise) to the
# data, then the result is copied to models/default (with its serving/ export).
#
# Resumable: every step checkpoints into its run folder; run the script again and it continues
# where the last run stopped (karl train --resume without --steps finishes the steps the run was
# started for; a finished step is skipped). MORE_STEPS=N trains a finished KARL run N steps more;
# FROM=<model folder> MORE_STEPS=N starts $OUT as N more steps of a trained model (a run that adds
# steps gets its own schedule at 0.3 of the peak, see docs/engine.md). It runs from a frozen copy
# of the compiled classes ($OUT-bin, or BIN), so rebuilding the checkout meanwhile cannot break it.
# PHASE1=prefix|queries switches what phase 1 decodes (recorded in the card; a new run takes the default).
# Environment: PRESET (small-latent), BASE_STEPS (3000), KARL_STEPS (8000), PEAK_LR (0.003 for a new run;
# otherwise the card's unless set), MORE_STEPS (0), FROM, GENERATED (30000), OUT (runs/default), BIN,
# INSTALL (1: copy to models/default at the end; 0: leave it in $OUT).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
out="${OUT:-runs/default}"
base_steps="${BASE_STEPS:-3000}"
karl_steps="${KARL_STEPS:-8000}"
generated="${GENERATED:-30000}"
scripts/fetch-data.sh

bin="${BIN:-$out-bin}"
source scripts/frozen-karl.sh

start=$(date +%s)
if [[ -n "${FROM:-}" && ! -f "$out/karl.json" ]]; then
	# a new run that continues a trained model (its base inside it, frozen)
	karl train --model "$FROM" --steps "${MORE_STEPS:?FROM needs MORE_STEPS}" ${PEAK_LR:+--peak_lr "$PEAK_LR"} \
		--generated "$generated" --output "$out" ${PHASE1:+--phase1_tokens "$PHASE1"}
elif [[ -f "$out/karl.json" ]]; then
	# the KARL run exists (its base is inside it): finish it, or add MORE_STEPS; with FROM the
	# MORE_STEPS were the interrupted run's own, so it is only finished
	more=()
	[[ -z "${FROM:-}" && "${MORE_STEPS:-0}" -gt 0 ]] && more=(--steps "$MORE_STEPS")
	karl train --output "$out" --resume "${more[@]}" ${PEAK_LR:+--peak_lr "$PEAK_LR"} --generated "$generated" \
		${PHASE1:+--phase1_tokens "$PHASE1"}
else
	if [[ -f "$out-base/karl.json" ]]; then
		karl train-base --output "$out-base" --resume --generated "$generated"
	else
		karl train-base --preset "${PRESET:-small-latent}" --steps "$base_steps" --generated "$generated" --output "$out-base"
	fi
	karl train --model "$out-base" --steps "$karl_steps" --peak_lr "${PEAK_LR:-0.003}" \
		--generated "$generated" --output "$out"
fi
echo "train-default: $(( $(date +%s) - start )) s in this run"
if [[ "${INSTALL:-1}" == 1 ]]; then
	rm -rf models/default.tmp && cp -r "$out" models/default.tmp
	rm -rf models/default && mv models/default.tmp models/default
	echo "train-default: model in models/default"
fi
