package io.prism.exception;

/** An allocation through an actor's GpuContext would take it past its GPU memory budget. */
public class GpuMemoryBudgetExceededException extends PrismException {
    public GpuMemoryBudgetExceededException(String message) {
        super(message);
    }
}
