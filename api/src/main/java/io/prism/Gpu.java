package io.prism;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a share of one GPU for every instance of the annotated actor class.
 *
 * <p>{@code value} is a fraction {@code 0 < g ≤ 1} in steps of 0.0001 (a fraction never spans GPUs), or a whole
 * number of GPUs {@code g ≥ 1}. {@code memory} is the GPU memory budget such as {@code "6GiB"} or {@code "512MiB"};
 * when empty the budget is {@code value × device memory}. {@link ActorBuilder#gpu(double)} and
 * {@link ActorBuilder#gpuMemory(String)} override both per actor.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Gpu {
    /** GPUs wanted: a fraction of one GPU, or a whole number of GPUs. */
    double value();

    /** GPU memory budget ("6GiB", "512MiB", "1.5GB"); empty means the fraction of the device's memory. */
    String memory() default "";
}
