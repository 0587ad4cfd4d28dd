package io.prism.resources.mps;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import jcuda.driver.CUresult;
import jcuda.runtime.cudaError;

/** JCuda's error names to their codes, read once from its constant classes, for exceptions that carry only the name. */
final class CodeNames {
    static final Map<String, Integer> DRIVER = read(CUresult.class);
    static final Map<String, Integer> RUNTIME = read(cudaError.class);

    private CodeNames() {
    }

    private static Map<String, Integer> read(Class<?> constants) {
        Map<String, Integer> codes = new HashMap<>();
        for (Field field : constants.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == int.class) {
                try {
                    codes.putIfAbsent(field.getName(), field.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("JCuda constant " + field + " is not readable", e);
                }
            }
        }
        return Map.copyOf(codes);
    }
}
