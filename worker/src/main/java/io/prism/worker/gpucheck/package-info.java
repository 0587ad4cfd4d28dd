/**
 * {@code prism gpu-check}: a step-by-step check, for a machine with an NVIDIA GPU, that Prism's process isolation
 * works there: the devices JCuda sees, the node's MPS daemon, four quarter-GPU fraud scorers as MPS clients on one
 * GPU, a memory budget enforced for one actor alone, and the scorers' throughput alone and together.
 */
package io.prism.worker.gpucheck;
