#!/usr/bin/env bash
# Regenerates gpu-resources/src/main/resources/io/prism/resources/context/prism_sgemm.ptx from prism_sgemm.cu.
# The build never runs this (CI has no nvcc): it uses the committed PTX. Run it after editing the .cu, and commit both.
#
# The committed PTX was made by nvcc 13.0 (V13.0.88, build cuda_13.0.r13.0/compiler.36424714_0) and checked by
# ptxas 13.0 for sm_75 and sm_90.
#
# -arch=compute_75 is the oldest target nvcc 13 accepts: the driver JIT-compiles the PTX for whatever GPU it runs on
# (Turing and newer; H100 and H200 are sm_90). nvcc 13 stamps its own PTX ISA (.version 9.0), which only a CUDA 13
# driver (580+) accepts, and the kernel is needed exactly where cuBLAS 12 is missing, on older drivers too. So the
# header is lowered to ISA 6.3, the oldest that knows sm_75 (CUDA 10.0); ptxas then rejects any instruction that
# ISA 6.3 lacks, so a PTX that passes the checks below is valid as declared.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/io/prism/resources/context/prism_sgemm.ptx"
ISA=6.3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

nvcc --version | tail -n 2
nvcc -ptx -arch=compute_75 -o "$work/nvcc.ptx" "$here/prism_sgemm.cu"
sed -E "s|^\.version ([0-9]+\.[0-9]+)$|// build-ptx.sh lowered the PTX ISA from \\1 to $ISA: see its header\n.version $ISA|" \
    "$work/nvcc.ptx" > "$work/prism_sgemm.ptx"
grep -qx "\.version $ISA" "$work/prism_sgemm.ptx" || { echo "build-ptx.sh: no .version line in nvcc's PTX" >&2; exit 1; }
for sm in sm_75 sm_90; do
    ptxas -arch="$sm" -o "$work/$sm.cubin" "$work/prism_sgemm.ptx"
    echo "ptxas -arch=$sm: assembled"
done
cp "$work/prism_sgemm.ptx" "$out"
echo "wrote $out"
