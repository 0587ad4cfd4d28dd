package io.prism.resources.mps;

import jcuda.CudaException;
import jcuda.driver.CUresult;
import jcuda.runtime.cudaError;

/**
 * What a failed CUDA call means for the process that made it.
 *
 * <p>The sticky codes are those NVIDIA's driver API reference (CUresult) documents as leaving "the process in an
 * inconsistent state", after which "any further CUDA work will return the same error" and the process "must be
 * terminated and relaunched". Under MPS on Volta and later, such a fault in one client is reported to every client of
 * that GPU, so an agent treats the GPU as the fault domain. JCuda's codes are compile-time constants, so classifying a
 * code loads no JCuda class; only {@link #name()} does.
 *
 * @param code the CUresult (or cudaError) value
 * @param name the constant's name as JCuda prints it, e.g. {@code CUDA_ERROR_ILLEGAL_ADDRESS}
 * @param kind what it means
 */
public record GpuFault(int code, String name, Kind kind) {

    /** What a CUDA error means for the context and the process. */
    public enum Kind {
        /** No error. */
        NONE,
        /** The call failed; the context is fine (out of memory, invalid value, too many MPS clients, ...). */
        PLAIN,
        /** The context is corrupt: every later call fails, the process must exit; under MPS, the GPU's other clients
         *  are hit too. */
        STICKY,
        /** The client lost its MPS server or daemon: the process must exit, and the daemon needs a look. */
        MPS_LOST,
        /** An uncorrectable hardware error (ECC, NVLink): the process must exit and the GPU is suspect. */
        HARDWARE;

        /** Whether the process must exit: nothing it does on the GPU can succeed any more. */
        public boolean fatal() {
            return this == STICKY || this == MPS_LOST || this == HARDWARE;
        }
    }

    /** Whether the process must exit. */
    public boolean fatal() {
        return kind.fatal();
    }

    /** The fault of a driver API result ({@link CUresult}). */
    public static GpuFault ofDriver(int result) {
        return new GpuFault(result, CUresult.stringFor(result), driverKind(result));
    }

    /** The fault of a runtime API error ({@link cudaError}), whose low codes differ from the driver's. */
    public static GpuFault ofRuntime(int error) {
        return new GpuFault(error, cudaError.stringFor(error), runtimeKind(error));
    }

    /**
     * The fault a JCuda {@link CudaException} in {@code failure}'s causes reports (JCuda's message is the code's
     * name), or {@link Kind#PLAIN} with code {@code -1} when none of its causes is one or the name is unknown.
     */
    public static GpuFault of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CudaException && t.getMessage() != null) {
                String name = t.getMessage().strip().split("\\s", 2)[0];
                Integer code = CodeNames.DRIVER.get(name);
                if (code != null) {
                    return ofDriver(code);
                }
                code = CodeNames.RUNTIME.get(name);
                if (code != null) {
                    return ofRuntime(code);
                }
            }
        }
        return new GpuFault(-1, String.valueOf(failure), Kind.PLAIN);
    }

    static Kind driverKind(int result) {
        return switch (result) {
            case CUresult.CUDA_SUCCESS -> Kind.NONE;
            case CUresult.CUDA_ERROR_ILLEGAL_ADDRESS, CUresult.CUDA_ERROR_LAUNCH_FAILED,
                CUresult.CUDA_ERROR_LAUNCH_TIMEOUT, CUresult.CUDA_ERROR_ASSERT,
                CUresult.CUDA_ERROR_HARDWARE_STACK_ERROR, CUresult.CUDA_ERROR_ILLEGAL_INSTRUCTION,
                CUresult.CUDA_ERROR_MISALIGNED_ADDRESS, CUresult.CUDA_ERROR_INVALID_ADDRESS_SPACE,
                CUresult.CUDA_ERROR_INVALID_PC, CUresult.CUDA_ERROR_EXTERNAL_DEVICE, CUresult.CUDA_ERROR_UNKNOWN ->
                Kind.STICKY;
            case CUresult.CUDA_ERROR_MPS_CONNECTION_FAILED, CUresult.CUDA_ERROR_MPS_RPC_FAILURE,
                CUresult.CUDA_ERROR_MPS_SERVER_NOT_READY, CUresult.CUDA_ERROR_MPS_CLIENT_TERMINATED -> Kind.MPS_LOST;
            case CUresult.CUDA_ERROR_ECC_UNCORRECTABLE, CUresult.CUDA_ERROR_NVLINK_UNCORRECTABLE -> Kind.HARDWARE;
            default -> Kind.PLAIN;
        };
    }

    static Kind runtimeKind(int error) {
        return switch (error) {
            case cudaError.cudaSuccess -> Kind.NONE;
            case cudaError.cudaErrorIllegalAddress, cudaError.cudaErrorLaunchFailure,
                cudaError.cudaErrorLaunchTimeout, cudaError.cudaErrorAssert, cudaError.cudaErrorHardwareStackError,
                cudaError.cudaErrorIllegalInstruction, cudaError.cudaErrorMisalignedAddress,
                cudaError.cudaErrorInvalidAddressSpace, cudaError.cudaErrorInvalidPc, cudaError.cudaErrorExternalDevice,
                cudaError.cudaErrorUnknown -> Kind.STICKY;
            case cudaError.cudaErrorMpsConnectionFailed, cudaError.cudaErrorMpsRpcFailure,
                cudaError.cudaErrorMpsServerNotReady, cudaError.cudaErrorMpsClientTerminated -> Kind.MPS_LOST;
            case cudaError.cudaErrorECCUncorrectable, cudaError.cudaErrorNvlinkUncorrectable -> Kind.HARDWARE;
            default -> Kind.PLAIN;
        };
    }

    @Override
    public String toString() {
        return name + " (" + code + "): " + switch (kind) {
            case NONE -> "no error";
            case PLAIN -> "the call failed, the context is usable";
            case STICKY -> "the context is corrupt, the process must exit";
            case MPS_LOST -> "the MPS server or daemon is lost, the process must exit";
            case HARDWARE -> "uncorrectable hardware error, the process must exit and the GPU is suspect";
        };
    }
}
