#!/usr/bin/env bash
# The main job, end to end on a fresh machine: build, then tokenize the sample mosaic (rows of
# blank, smooth, shapes and noise tiles) with the bundled model and print the tokens per row.
# Without a bundled model (models/default), a tiny model is first trained on generated tiles
# into target/quickstart-model (about a minute), so the path runs on any checkout.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
model=models/default
if [[ ! -f "$model/karl.json" ]]; then
	model=target/quickstart-model
	if [[ ! -f "$model/karl.json" ]]; then
		echo "quickstart: no bundled model; training a tiny one on generated tiles" >&2
		./karl train-base --preset test --synthetic 2000 --steps 300 --batch 32 --output "$model.base"
		./karl train --model "$model.base" --synthetic 2000 --steps 600 --batch 16 --output "$model"
	fi
fi
mkdir -p target/quickstart
./karl tokenize --model "$model" --epsilon 0.05 --reconstruct --csv target/quickstart/tokens.csv \
	docs/samples/mosaic.tif
# rows 0-1 blank, 2-3 smooth, 4-5 shapes, 6-7 noise: mean tokens per row
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	{ n[$col["tile_y"]]++; t[$col["tile_y"]] += $col["tokens"]; l[$col["tile_y"]] += $col["l1"];
	  m[$col["tile_y"]] += $col["met"] }
	END { split("blank blank smooth smooth shapes shapes noise noise", kind, " ");
		for (r = 0; r < 8; r++) printf "row %d (%s): mean tokens %.2f, mean L1 %.4f, epsilon met by %d of %d tiles\n", r, kind[r + 1], t[r] / n[r], l[r] / n[r], m[r], n[r] }' \
	target/quickstart/tokens.csv
echo "CSV: target/quickstart/tokens.csv"
