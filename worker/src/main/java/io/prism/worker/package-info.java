/**
 * The {@code prism} command line: one picocli command class per subcommand ({@code head}, {@code worker},
 * {@code status}, {@code demo}, {@code repl}), started by {@code bin/prism} from the shaded worker jar.
 */
package io.prism.worker;
