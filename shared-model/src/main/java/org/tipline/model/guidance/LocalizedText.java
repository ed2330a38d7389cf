package org.tipline.model.guidance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** A text in every language of the deployment, keyed by language tag ("en", "es"). */
public record LocalizedText(Map<String, String> values) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LocalizedText {
        values = Map.copyOf(values);
    }

    @JsonValue
    @Override
    public Map<String, String> values() {
        return values;
    }

    /** The text in the given language; validation guarantees every deployment language is present. */
    public String in(String language) {
        String text = values.get(language);
        return text != null ? text : values.get("en");
    }
}
