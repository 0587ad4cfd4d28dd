package io.prism;

/** How an actor's GPU share is enforced on its node. A node reports only the isolation it really provides. */
public enum Isolation {
    /** Own executor process, an MPS client whose SM share and memory are capped by the driver. */
    PROCESS,
    /** Inside the worker JVM; the share is enforced by the ledger and by the memory budget of its GpuContext. */
    SHARED,
    /** PROCESS where the node has real GPUs and a running MPS daemon, else SHARED. */
    AUTO,
    /** The actor uses no GPU. */
    NONE
}
