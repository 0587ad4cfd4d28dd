package io.prism.resources.mps;

import static org.assertj.core.api.Assertions.assertThat;

import io.prism.exception.PrismException;
import io.prism.resources.mps.GpuFault.Kind;
import jcuda.CudaException;
import jcuda.driver.CUresult;
import jcuda.runtime.cudaError;
import org.junit.jupiter.api.Test;

class GpuFaultTest {

    @Test
    void faultsThatCorruptTheContextAreSticky() {
        for (int code : new int[] {CUresult.CUDA_ERROR_ILLEGAL_ADDRESS, CUresult.CUDA_ERROR_LAUNCH_FAILED,
            CUresult.CUDA_ERROR_MISALIGNED_ADDRESS, CUresult.CUDA_ERROR_ASSERT, CUresult.CUDA_ERROR_LAUNCH_TIMEOUT}) {
            GpuFault fault = GpuFault.ofDriver(code);
            assertThat(fault.kind()).as(fault.name()).isEqualTo(Kind.STICKY);
            assertThat(fault.fatal()).isTrue();
        }
    }

    @Test
    void losingTheMpsServerIsFatalAndSaysSo() {
        for (int code : new int[] {CUresult.CUDA_ERROR_MPS_SERVER_NOT_READY, CUresult.CUDA_ERROR_MPS_CONNECTION_FAILED,
            CUresult.CUDA_ERROR_MPS_RPC_FAILURE, CUresult.CUDA_ERROR_MPS_CLIENT_TERMINATED}) {
            assertThat(GpuFault.ofDriver(code).kind()).isEqualTo(Kind.MPS_LOST);
        }
        assertThat(GpuFault.ofDriver(CUresult.CUDA_ERROR_MPS_SERVER_NOT_READY))
            .hasToString("CUDA_ERROR_MPS_SERVER_NOT_READY (807): the MPS server or daemon is lost, the process must "
                + "exit");
    }

    @Test
    void uncorrectableMemoryErrorsAreHardwareFaults() {
        GpuFault ecc = GpuFault.ofDriver(CUresult.CUDA_ERROR_ECC_UNCORRECTABLE);

        assertThat(ecc.kind()).isEqualTo(Kind.HARDWARE);
        assertThat(ecc.fatal()).isTrue();
        assertThat(ecc.name()).isEqualTo("CUDA_ERROR_ECC_UNCORRECTABLE");
    }

    @Test
    void ordinaryFailuresLeaveTheContextUsable() {
        for (int code : new int[] {CUresult.CUDA_ERROR_OUT_OF_MEMORY, CUresult.CUDA_ERROR_INVALID_VALUE,
            CUresult.CUDA_ERROR_MPS_MAX_CLIENTS_REACHED, CUresult.CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES}) {
            GpuFault fault = GpuFault.ofDriver(code);
            assertThat(fault.kind()).as(fault.name()).isEqualTo(Kind.PLAIN);
            assertThat(fault.fatal()).isFalse();
        }
        assertThat(GpuFault.ofDriver(CUresult.CUDA_SUCCESS).kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void runtimeCodesAreClassifiedByTheirOwnTable() {
        assertThat(GpuFault.ofRuntime(cudaError.cudaErrorIllegalAddress).kind()).isEqualTo(Kind.STICKY);
        assertThat(GpuFault.ofRuntime(cudaError.cudaErrorMpsRpcFailure).kind()).isEqualTo(Kind.MPS_LOST);
        assertThat(GpuFault.ofRuntime(cudaError.cudaErrorECCUncorrectable).kind()).isEqualTo(Kind.HARDWARE);
        assertThat(GpuFault.ofRuntime(cudaError.cudaErrorMemoryAllocation).kind()).isEqualTo(Kind.PLAIN);
    }

    @Test
    void aJcudaExceptionAnywhereInTheCausesIsClassifiedByItsName() {
        Throwable wrapped = new PrismException("scoring failed",
            new CudaException(CUresult.stringFor(CUresult.CUDA_ERROR_ILLEGAL_ADDRESS)));

        GpuFault fault = GpuFault.of(wrapped);

        assertThat(fault.code()).isEqualTo(CUresult.CUDA_ERROR_ILLEGAL_ADDRESS);
        assertThat(fault.kind()).isEqualTo(Kind.STICKY);
        assertThat(GpuFault.of(new CudaException(cudaError.stringFor(cudaError.cudaErrorLaunchFailure))).kind())
            .isEqualTo(Kind.STICKY);
        assertThat(GpuFault.of(new CudaException("CUDA_ERROR_OUT_OF_MEMORY")).kind()).isEqualTo(Kind.PLAIN);
    }

    @Test
    void somethingThatIsNotACudaErrorIsPlain() {
        GpuFault fault = GpuFault.of(new IllegalStateException("no"));

        assertThat(fault.kind()).isEqualTo(Kind.PLAIN);
        assertThat(fault.code()).isEqualTo(-1);
    }
}
