package io.schemaplan.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.schemaplan.impact.MyEngine;
import io.schemaplan.impact.PgRules;
import io.schemaplan.read.InputFiles;
import io.schemaplan.read.ReadException;
import io.schemaplan.read.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import picocli.CommandLine;

/**
 * {@code schemaplan.yaml} (in the working directory, or {@code --config FILE}): defaults for the options repeated on
 * every call of plan and gate (docs/config.md). Its keys are the options' long names without the dashes; a flag on
 * the command line overrides the key. The file is read whole and checked before the command parses its arguments,
 * so a bad value, an unknown key or bad YAML is one line naming the file, the line and the key (exit 2), whatever
 * flags override it. Jackson and SnakeYAML are loaded only when a file is there to read: {@link #find} looks first.
 */
final class ConfigFile implements CommandLine.IDefaultValueProvider {
    static final String DEFAULT_NAME = "schemaplan.yaml";
    /** The commands whose options a config file sets (each has the --config option, in PlanOptions). */
    static final Set<String> COMMANDS = Set.of("plan", "gate");
    /** Keys whose values are file names, resolved against the config file's directory. */
    private static final Set<String> PATHS = Set.of("profile", "policy");
    private static final List<String> KEYS = List.of("stats", "profile", "server-version", "transaction", "policy");

    /** Option long name ({@code --stats}) to its default. */
    private final Map<String, String> defaults;

    private ConfigFile(Map<String, String> defaults) {
        this.defaults = defaults;
    }

    /**
     * Makes the config file of {@code args} (see {@link #find}) the default values of {@code cli}, when there is one.
     * Here rather than in Main: the verifier loads the types a method passes around, and Main must start without
     * this class's.
     *
     * @throws ReadException one line naming the file (and line and key) when it cannot be read or is wrong
     */
    static void apply(CommandLine cli, String[] args) {
        ConfigFile config = find(args);
        if (config != null) cli.setDefaultValueProvider(config);
    }

    /**
     * The config file of a command line: the one {@code --config} names (which must exist), else
     * {@code schemaplan.yaml} in the working directory when there is one, else null.
     */
    static ConfigFile find(String[] args) {
        String named = null;
        for (int i = 0; i < args.length && !"--".equals(args[i]); i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) named = args[i + 1];
            else if (args[i].startsWith("--config=")) named = args[i].substring("--config=".length());
        }
        if (named != null) return read(Path.of(named));
        Path local = Path.of(DEFAULT_NAME);
        return Files.exists(local) ? read(local) : null;
    }

    static ConfigFile read(Path path) {
        return new ConfigFile(Yaml.read(path));
    }

    /**
     * The parser, in a class of its own: loading ConfigFile (plan, gate) must not load Jackson and SnakeYAML, whose
     * types the verifier would load with the class that catches their exceptions.
     */
    private static final class Yaml {
        static Map<String, String> read(Path path) {
            InputFiles.Content content = InputFiles.read(path.toString(), InputFiles.Kind.CONFIG);
            return parse(content.label(), new String(content.bytes(), StandardCharsets.UTF_8), path.getParent());
        }

        /** {@code dir} is where relative file names in the file start from (null: the working directory). */
        static Map<String, String> parse(String file, String yaml, Path dir) {
            LoaderOptions limits = new LoaderOptions();
            // A config is a flat list of values: no aliases, no nesting worth the name.
            limits.setMaxAliasesForCollections(0);
            limits.setNestingDepthLimit(4);
            Map<String, String> defaults = new LinkedHashMap<>();
            try (JsonParser p = YAMLFactory.builder().loaderOptions(limits).build().createParser(yaml)) {
                JsonToken first = p.nextToken();
                if (first == null) return Map.of(); // only comments: nothing to default
                if (first != JsonToken.START_OBJECT) {
                    throw ReadException.at(file, line(p), "expected keys and values (stats: FILE, profile: FILE, …)");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int line = line(p);
                    JsonToken value = p.nextToken();
                    if (!KEYS.contains(key)) {
                        throw keyError(file, line, key, "unknown key (known: " + String.join(", ", KEYS) + ")");
                    }
                    if (defaults.containsKey("--" + key)) throw keyError(file, line, key, "given twice");
                    if (!value.isScalarValue() || value == JsonToken.VALUE_NULL || p.getText().isBlank()) {
                        throw keyError(file, line, key, "must be a single value");
                    }
                    defaults.put("--" + key, checked(file, line, key, p.getText().trim(), dir));
                }
            } catch (JsonProcessingException e) {
                // SnakeYAML's problem ("found unexpected end of stream") says more than Jackson's wrapper of it.
                if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                    throw ReadException.at(file, m.getProblemMark().getLine() + 1, "bad YAML: " + m.getProblem());
                }
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                throw ReadException.at(file, line, "bad YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            } catch (IOException e) {
                throw new ReadException(file + ": cannot read the config file (" + e.getMessage() + ")");
            }
            return Map.copyOf(defaults);
        }

        /** The value as the option takes it, or a one-line error naming the key. */
        private static String checked(String file, int line, String key, String value, Path dir) {
            switch (key) {
                case "transaction" -> {
                    if (!value.equals("single") && !value.equals("each")) {
                        throw keyError(file, line, key, "must be single or each, not '" + value + "'");
                    }
                }
                case "server-version" -> {
                    boolean pgMajor = value.matches("\\d{1,4}");
                    if (pgMajor && Integer.parseInt(value) < PgRules.OLDEST) {
                        throw keyError(file, line, key, "the rules cover PostgreSQL " + PgRules.OLDEST + " and later");
                    }
                    if (!pgMajor) {
                        try {
                            MyEngine.named(value);
                        } catch (IllegalArgumentException e) {
                            throw keyError(file, line, key, "'" + value + "': expected a PostgreSQL major (e.g. 16), "
                                    + MyEngine.NAMED_FORMS);
                        }
                    }
                }
                default -> {
                    boolean fileName = PATHS.contains(key) || (key.equals("stats") && Sources.kindOf(value) == Sources.Kind.FILE);
                    if (fileName && dir != null && !value.equals("-")) return dir.resolve(value).toString();
                }
            }
            return value;
        }

        private static ReadException keyError(String file, int line, String key, String message) {
            return ReadException.at(file, line, "key '" + key + "': " + message);
        }

        private static int line(JsonParser p) {
            return p.currentTokenLocation().getLineNr();
        }
    }

    /** The file's value for an option, else null (picocli then uses the option's own default). */
    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        return arg instanceof CommandLine.Model.OptionSpec o ? defaults.get(o.longestName()) : null;
    }
}
