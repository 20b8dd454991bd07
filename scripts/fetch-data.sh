#!/usr/bin/env bash
# Fetches KARL's training data from Debian packages into data/ (git-ignored):
#   data/fashion-mnist/  Fashion-MNIST IDX files   (package dataset-fashion-mnist)
#   data/skimage/        15 scikit-image samples   (package python3-skimage, skimage/data/)
#   data/skimage-heldout/ 5 more scikit-image images that only evaluation reads, never training
#                         (microaneurysms, phantom, retina, hubble_deep_field, motorcycle_left)
# Packages are only downloaded and unpacked in a temp folder (apt-get download + dpkg-deb -x):
# nothing is installed system-wide and no Python runs. Idempotent: present files are kept.
# Usage: scripts/fetch-data.sh [DATA_DIR]   (default: data/ next to scripts/)
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
data="${1:-$root/data}"

fmnist_files=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz
	t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)
# NB: keep in sync with org.karl.data.ImagePatches.SKIMAGE_TRAINING.
skimage_files=(astronaut.png brick.png camera.png cell.png chelsea.png clock_motion.png
	coffee.png coins.png grass.png gravel.png horse.png moon.png page.png rocket.jpg text.png)
# NB: keep in sync with org.karl.data.Datasets.SKIMAGE_HELDOUT; never used for training.
heldout_files=(microaneurysms.png phantom.png retina.jpg hubble_deep_field.jpg motorcycle_left.png)

missing() { # missing DIR FILE... -> prints the files not in DIR
	local dir=$1 f; shift
	for f in "$@"; do [[ -s "$dir/$f" ]] || echo "$f"; done
}

need_fmnist=$(missing "$data/fashion-mnist" "${fmnist_files[@]}")
need_skimage=$(missing "$data/skimage" "${skimage_files[@]}")
need_heldout=$(missing "$data/skimage-heldout" "${heldout_files[@]}")
if [[ -z "$need_fmnist" && -z "$need_skimage" && -z "$need_heldout" ]]; then
	echo "fetch-data: all files already in $data"
	exit 0
fi

packages=()
[[ -n "$need_fmnist" ]] && packages+=(dataset-fashion-mnist)
[[ -n "$need_skimage$need_heldout" ]] && packages+=(python3-skimage)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
apt_opts=(-q)
# NB: as root, apt drops to user _apt, who cannot write into our private temp folder.
[[ "$(id -u)" == 0 ]] && apt_opts+=(-o APT::Sandbox::User=root)

echo "fetch-data: downloading ${packages[*]}"
if ! (cd "$tmp" && apt-get "${apt_opts[@]}" download "${packages[@]}"); then
	if [[ "$(id -u)" == 0 ]]; then
		echo "fetch-data: download failed; running apt-get update and retrying"
		apt-get -qq update
		(cd "$tmp" && apt-get "${apt_opts[@]}" download "${packages[@]}")
	else
		echo "fetch-data: apt-get download failed; run 'sudo apt-get update' and retry" >&2
		exit 1
	fi
fi
for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" "$tmp/root"; done

copy() { # copy SRC_DIR DST_DIR FILE... (via a .part file and a rename: no half-written files)
	local src=$1 dst=$2 f; shift 2
	mkdir -p "$dst"
	for f in "$@"; do
		if [[ ! -s "$src/$f" ]]; then
			echo "fetch-data: $f is not in the package (looked in $src); the package layout changed" >&2
			exit 1
		fi
		cp "$src/$f" "$dst/$f.part" && mv -f "$dst/$f.part" "$dst/$f"
	done
}

if [[ -n "$need_fmnist" ]]; then
	copy "$tmp/root/usr/share/datasets/fashion-mnist" "$data/fashion-mnist" $need_fmnist
fi
if [[ -n "$need_skimage" ]]; then
	copy "$tmp/root/usr/lib/python3/dist-packages/skimage/data" "$data/skimage" $need_skimage
fi
if [[ -n "$need_heldout" ]]; then
	copy "$tmp/root/usr/lib/python3/dist-packages/skimage/data" "$data/skimage-heldout" $need_heldout
fi
du -sh "$data/fashion-mnist" "$data/skimage" "$data/skimage-heldout"
echo "fetch-data: done"
