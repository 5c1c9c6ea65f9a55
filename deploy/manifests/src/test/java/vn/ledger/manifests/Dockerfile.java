package vn.ledger.manifests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A Dockerfile as instructions: continuation lines joined, comments and parser directives left out. */
record Dockerfile(List<Instruction> instructions) {

    /** One instruction: its keyword in upper case and its arguments as written. */
    record Instruction(String keyword, String arguments) {

        /** The arguments split on spaces, the {@code --flags} of COPY and ADD left out. */
        List<String> words() {
            return Arrays.stream(arguments.strip().split("\\s+")).filter(word -> !word.startsWith("--")).toList();
        }
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (current.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && stripped.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            String instruction = current.toString().strip();
            current.setLength(0);
            int space = instruction.indexOf(' ');
            instructions.add(space < 0
                    ? new Instruction(instruction.toUpperCase(java.util.Locale.ROOT), "")
                    : new Instruction(instruction.substring(0, space).toUpperCase(java.util.Locale.ROOT),
                            instruction.substring(space + 1).strip()));
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
    }

    Optional<Instruction> last(String keyword) {
        List<Instruction> all = all(keyword);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The sources of every COPY and ADD, relative to the build context. */
    List<String> copiedSources() {
        List<String> sources = new ArrayList<>();
        for (String keyword : List.of("COPY", "ADD")) {
            for (Instruction instruction : all(keyword)) {
                if (instruction.arguments().contains("--from=")) {
                    continue; // from another stage, not from the context
                }
                List<String> words = instruction.words();
                sources.addAll(words.subList(0, Math.max(0, words.size() - 1)));
            }
        }
        return sources;
    }
}
