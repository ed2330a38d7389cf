package org.tipline.model.tip;

import tools.jackson.databind.json.JsonMapper;

/** The byte form of {@link TipAnswers} that gets sealed: compact JSON. */
public final class TipAnswersCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TipAnswersCodec() {}

    public static byte[] encode(TipAnswers answers) {
        return JSON.writeValueAsBytes(answers);
    }

    public static TipAnswers decode(byte[] json) {
        return JSON.readValue(json, TipAnswers.class);
    }
}
