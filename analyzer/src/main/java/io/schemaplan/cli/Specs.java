package io.schemaplan.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's model written in code, the one place for its repeated builder calls. Each command and mixin declares its
 * options in a method beside its fields, each option one statement bound to its field by a getter and a setter.
 * Not annotations: reading them made the JDK spin annotation proxies (no Java 17 archive keeps those) and picocli
 * reflect over every field: ~50 ms of a diff's start-up (docs/performance.md, session 7).
 */
final class Specs {
    private Specs() {
    }

    /**
     * A command that picocli runs through {@code userObject} (a Callable or Runnable), which it keeps without
     * inspecting; {@code sortOptions} false lists the options in the order they are added.
     */
    static CommandSpec command(String name, Object userObject, boolean sortOptions, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject).name(name);
        spec.usageMessage().sortOptions(sortOptions).description(description);
        return spec;
    }

    /**
     * {@code -h/--help} and {@code -V/--version}, as picocli's mixinStandardHelpOptions declares them (which reads
     * them from its own annotations, ~25 ms); added last, where that mixin puts them.
     */
    static void helpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).arity("0").initialValue(false)
                .descriptionKey("mixinStandardHelpOptions.help").description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).arity("0").initialValue(false)
                .descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.").build());
    }

    /** An option taking one value of {@code type}, its field's value at building time the initial one. */
    static <T> OptionSpec.Builder option(Class<T> type, Supplier<T> get, Consumer<T> set, String... names) {
        return bound(names, get, set).type(type).auxiliaryTypes(type);
    }

    /** {@code --color WHEN}, the same in every command that colours its text. */
    static OptionSpec color(Supplier<Terminal.ColorMode> get, Consumer<Terminal.ColorMode> set) {
        return option(Terminal.ColorMode.class, get, set, "--color").paramLabel("WHEN")
                .description("auto (default: only on a terminal), always or never.").build();
    }

    /** A boolean option without a value. */
    static OptionSpec.Builder flag(Supplier<Boolean> get, Consumer<Boolean> set, String... names) {
        return option(boolean.class, get, set, names).arity("0");
    }

    /** A repeatable option collecting values of {@code element} in a list. */
    static <E> OptionSpec.Builder list(Class<E> element, Supplier<List<E>> get, Consumer<List<E>> set, String... names) {
        return bound(names, get, set).type(List.class).auxiliaryTypes(element);
    }

    /** A repeatable {@code KEY=VALUE} option collecting strings in a map. */
    static OptionSpec.Builder map(Supplier<Map<String, String>> get, Consumer<Map<String, String>> set, String... names) {
        return bound(names, get, set).type(Map.class).auxiliaryTypes(String.class, String.class);
    }

    /**
     * The positional parameter at {@code index} ({@code "0"}, {@code "1"}); required unless its {@code arity} may be 0,
     * as picocli makes an annotated one (a missing FROM is then a usage error, not a null).
     */
    static <T> PositionalParamSpec.Builder positional(String index, String arity, String label, Class<T> type, Supplier<T> get,
            Consumer<T> set) {
        Binding<T> binding = new Binding<>(get, set);
        return PositionalParamSpec.builder().getter(binding).setter(binding).initialValue(get.get()).hasInitialValue(true)
                .index(index).arity(arity).required(!arity.startsWith("0")).paramLabel(label).type(type).auxiliaryTypes(type);
    }

    /** An option bound to a field, whose value at building time is the initial one (as picocli takes a field's). */
    private static <T> OptionSpec.Builder bound(String[] names, Supplier<T> get, Consumer<T> set) {
        Binding<T> binding = new Binding<>(get, set);
        return OptionSpec.builder(names).getter(binding).setter(binding).initialValue(get.get()).hasInitialValue(true);
    }

    /** A field seen through a getter and a setter (picocli's are generic methods, which a lambda cannot be). */
    private static final class Binding<V> implements IGetter, ISetter {
        private final Supplier<V> get;
        private final Consumer<V> set;

        Binding(Supplier<V> get, Consumer<V> set) {
            this.get = get;
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) get.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T old = get();
            set.accept((V) value);
            return old;
        }
    }
}
