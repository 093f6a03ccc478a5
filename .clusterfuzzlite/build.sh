#!/bin/bash -eu
# Builds Sources/fuzz-target once with libFuzzer (the same structure-aware mutator as
# `tape fuzz`, as LLVMFuzzerCustomMutator) and installs it as one fuzzer per target,
# $OUT/fuzz-<target>, each with a seed corpus zipped from corpus/<api>/seeds: the seeds
# documented with a status below 400 for a model's target, 400 and above for its
# error-body target (as `tape fuzz` chooses them, by the status that ends their name).
#
# The Swift runtime is linked statically: ClusterFuzzLite runs the fuzzers in an image
# without a Swift toolchain, where a dynamically linked one does not start.
#
# ClusterFuzzLite and OSS-Fuzz set $SRC, $OUT and $SANITIZER; .clusterfuzzlite/fuzz-local.sh runs this
# file without Docker.
cd "$SRC/tape"
sanitizers="--sanitize=fuzzer"
if [ "${SANITIZER:-none}" = "address" ]; then sanitizers="$sanitizers --sanitize=address"; fi
swift build -c release $sanitizers --static-swift-stdlib -Xswiftc -DLIBFUZZER \
  --product fuzz-target --scratch-path .build-fuzzer
binary=".build-fuzzer/release/fuzz-target"
targets="cpts insight quality drs check cpts-error insight-error quality-error drs-error check-error"
for target in $targets; do
  cp "$binary" "$OUT/fuzz-$target"
  api="${target%-error}"
  seeds=()
  for file in corpus/"$api"/seeds/*; do
    [ -f "$file" ] || continue
    name="$(basename "$file")"
    status="${name%%.*}"
    status="${status##*-}"
    case "$status" in '' | *[!0-9]*) continue ;; esac
    if [ "$target" = "$api" ] && [ "$status" -lt 400 ]; then seeds+=("$file"); fi
    if [ "$target" != "$api" ] && [ "$status" -ge 400 ]; then seeds+=("$file"); fi
  done
  rm -f "$OUT/fuzz-${target}_seed_corpus.zip"
  if [ "${#seeds[@]}" -gt 0 ]; then
    zip -q -j "$OUT/fuzz-${target}_seed_corpus.zip" "${seeds[@]}"
  fi
done
