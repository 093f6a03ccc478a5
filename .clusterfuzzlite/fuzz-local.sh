#!/bin/bash -eu
# Runs .clusterfuzzlite/build.sh on this machine, without Docker, then each libFuzzer target
# for a fixed number of inputs. Not run in CI: it takes minutes.
#
#   .clusterfuzzlite/fuzz-local.sh [runs-per-target]     (default 10000)
#
# Needs a Swift toolchain with libFuzzer (the swift.org Linux toolchains have it) and zip.
runs="${1:-10000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
mkdir -p "$work/src" "$work/out"
ln -s "$root" "$work/src/tape"
SRC="$work/src" OUT="$work/out" SANITIZER="${SANITIZER:-none}" "$root/.clusterfuzzlite/build.sh"
status=0
for fuzzer in "$work"/out/fuzz-*; do
  case "$fuzzer" in *.zip) continue ;; esac
  name="$(basename "$fuzzer")"
  corpus="$work/corpus-$name"
  mkdir -p "$corpus"
  if [ -f "${fuzzer}_seed_corpus.zip" ]; then unzip -q -o "${fuzzer}_seed_corpus.zip" -d "$corpus"; fi
  echo "== $name: $runs inputs"
  if ! "$fuzzer" -runs="$runs" -artifact_prefix="$work/$name-" "$corpus"; then
    echo "$name found a crash; the input is in $work/$name-*"
    status=1
  fi
done
echo "build and artifacts: $work"
exit $status
