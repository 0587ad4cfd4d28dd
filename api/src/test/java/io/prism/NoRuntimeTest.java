package io.prism;

import io.prism.exception.PrismException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The api alone: no runtime on the class path, and no Pekko, Kryo or JCuda either. */
class NoRuntimeTest {

    @Test
    void startingWithoutARuntimeSaysWhichDependencyIsMissing() {
        assertThatThrownBy(Prism::start)
            .isInstanceOf(PrismException.class)
            .hasMessageContaining("No Prism runtime on the class path")
            .hasMessageContaining("io.prism:prism-runtime-core");
    }

    @Test
    void theApiClassPathHoldsNoPekkoKryoOrJcuda() {
        for (String heavy : new String[] {"org.apache.pekko.actor.typed.ActorSystem",
            "com.esotericsoftware.kryo.Kryo", "jcuda.driver.JCudaDriver", "scala.Option"}) {
            assertThat(canLoad(heavy)).as(heavy).isFalse();
        }
    }

    private static boolean canLoad(String name) {
        try {
            Class.forName(name, false, NoRuntimeTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
