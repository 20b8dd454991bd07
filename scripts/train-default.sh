#!/usr/bin/env bash
# Reproduces the shipped default model from scratch (see models/default/README.md):
#   1. Debian-packaged data (Fashion-MNIST train + 15 scikit-image samples) into data/
#   2. base VQ-VAE:  karl train-base  (preset small, 3000 steps, batch 128)
#   3. KARL:         karl train       (12000 steps, batch 32; base frozen), then continued to 18000
# then copies the result to models/default. Seeds are the defaults (42; model init 1234).
# Environment: BASE_STEPS, KARL_STEPS override the step counts; OUT the run folder (runs/default).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
out="${OUT:-runs/default}"
scripts/fetch-data.sh
start=$(date +%s)
./karl train-base --preset small --steps "${BASE_STEPS:-3000}" --output "$out-base"
./karl train --model "$out-base" --steps "${KARL_STEPS:-12000}" --output "$out-12k"
./karl train --model "$out-12k" --steps "${KARL_MORE_STEPS:-18000}" --output "$out"
echo "train-default: $(( $(date +%s) - start )) s in all"
rm -rf models/default.tmp && cp -r "$out" models/default.tmp
rm -rf models/default && mv models/default.tmp models/default
echo "train-default: model in models/default"
