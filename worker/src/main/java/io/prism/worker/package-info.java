/**
 * The {@code prism} command line: one picocli command class per subcommand ({@code demo} now; {@code head},
 * {@code worker}, {@code status} and the rest later), started by {@code bin/prism} from the shaded worker jar.
 */
package io.prism.worker;
