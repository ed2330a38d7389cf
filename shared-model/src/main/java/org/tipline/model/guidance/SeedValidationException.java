package org.tipline.model.guidance;

import java.util.List;

/** The seeds are malformed. Each problem names the file, the place in it and the field. */
public class SeedValidationException extends RuntimeException {

    private final List<String> problems;

    public SeedValidationException(List<String> problems) {
        super("Invalid seeds:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
