#!/bin/bash -eu
# Builds Sources/fuzz-target once with libFuzzer (the same structure-aware mutator as
# `tape fuzz`, as LLVMFuzzerCustomMutator) and installs it as one fuzzer per target,
# $OUT/fuzz-<target>, each with a seed corpus zipped from corpus/<api>/seeds.
#
# ClusterFuzzLite and OSS-Fuzz set $SRC, $OUT and $SANITIZER; .clusterfuzzlite/fuzz-local.sh runs this
# file without Docker.
cd "$SRC/tape"
sanitizers="--sanitize=fuzzer"
if [ "${SANITIZER:-none}" = "address" ]; then sanitizers="$sanitizers --sanitize=address"; fi
swift build -c release $sanitizers -Xswiftc -DLIBFUZZER --product fuzz-target \
  --scratch-path .build-fuzzer
binary=".build-fuzzer/release/fuzz-target"
targets="cpts insight quality drs check cpts-error insight-error quality-error drs-error check-error"
for target in $targets; do
  cp "$binary" "$OUT/fuzz-$target"
  api="${target%-error}"
  seeds="corpus/$api/seeds"
  if ls "$seeds"/* > /dev/null 2>&1; then
    rm -f "$OUT/fuzz-${target}_seed_corpus.zip"
    (cd "$seeds" && zip -q -j "$OUT/fuzz-${target}_seed_corpus.zip" ./*)
  fi
done
